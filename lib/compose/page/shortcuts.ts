/**
 * Typed citation shortcuts: ";pwn" then Space or Tab becomes "34 C.F.R. § 300.503" (";pwn+"
 * adds the one-line meaning). The table lives in lib/drafts/citations.ts; the content script does
 * not ship it (it would cost about 3 KB gzip with the meanings, close to half the size budget):
 * it recognises the ";word" shape locally and asks the background to expand it, which takes a
 * few milliseconds; text typed meanwhile is kept and the caret goes back after it.
 */
import { isTextControl } from './caret';
import { editingCommand } from './insert';
import type { EditorElement } from './types';

/** ";word" or ";word+" right before the caret, after a space or at the start. */
const TOKEN = /(?:^|[\s\u00a0(])(;[a-z0-9-]{2,40}\+?)$/i;

type Expand = (token: string) => Promise<string | null>;

/** The shortcut token right before a collapsed caret, with where it is. */
export function tokenBeforeCaret(
  editor: EditorElement,
): { token: string; range: Range | null; start: number; end: number } | null {
  if (isTextControl(editor)) {
    const end = editor.selectionStart ?? 0;
    if (end !== editor.selectionEnd) return null;
    const match = TOKEN.exec(editor.value.slice(Math.max(0, end - 50), end));
    return match ? { token: match[1]!, range: null, start: end - match[1]!.length, end } : null;
  }
  const selection = editor.ownerDocument.getSelection();
  if (!selection?.isCollapsed || selection.rangeCount === 0) return null;
  const { startContainer: node, startOffset: end } = selection.getRangeAt(0);
  if (node.nodeType !== Node.TEXT_NODE || !editor.contains(node)) return null;
  const text = (node as Text).data;
  const match = TOKEN.exec(text.slice(Math.max(0, end - 50), end));
  if (!match) return null;
  const range = editor.ownerDocument.createRange();
  range.setStart(node, end - match[1]!.length);
  range.setEnd(node, end);
  return { token: match[1]!, range, start: end - match[1]!.length, end };
}

function replaceInTextControl(
  field: HTMLTextAreaElement | HTMLInputElement,
  at: { token: string; start: number; end: number },
  expansion: string,
): void {
  if (field.value.slice(at.start, at.end) !== at.token) return; // Edited meanwhile: leave it.
  const caret = field.selectionEnd ?? at.end;
  field.focus();
  field.setSelectionRange(at.start, at.end);
  if (!editingCommand(field.ownerDocument, 'insertText', expansion)) {
    field.setRangeText(expansion, at.start, at.end, 'end');
    field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
  }
  const shifted = caret >= at.end ? caret + expansion.length - at.token.length : caret;
  field.setSelectionRange(shifted, shifted);
}

function replaceInRichEditor(editor: HTMLElement, token: string, range: Range, expansion: string) {
  if (range.toString() !== token) return; // The host re-rendered or the user edited it.
  const selection = editor.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0) return;
  // Where the user is now, counted in characters after the token (the Space and whatever they
  // typed while we asked the background). Editing commands rebuild text nodes, so a live Range
  // would not survive the replacement; a character count does.
  const now = selection.getRangeAt(0);
  const typedAfter =
    now.collapsed && now.startContainer === range.endContainer
      ? now.startOffset - range.endOffset
      : null;
  selection.removeAllRanges();
  selection.addRange(range);
  if (!editingCommand(editor.ownerDocument, 'insertText', expansion)) {
    range.deleteContents();
    range.insertNode(editor.ownerDocument.createTextNode(expansion));
    range.collapse(false);
    selection.removeAllRanges();
    selection.addRange(range);
    editor.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
  }
  // The caret is now right after the expansion; move it past what was typed after the token.
  for (let i = 0; typedAfter !== null && i < typedAfter; i++) {
    selection.modify('move', 'forward', 'character');
  }
}

/**
 * Handles one keydown: when it is Space or Tab right after a shortcut in `editor`, expands it.
 * Tab is kept from moving focus only when a shortcut is there. Returns the pending expansion.
 */
export async function handleShortcutKey(
  event: KeyboardEvent,
  editor: EditorElement,
  expand: Expand,
): Promise<boolean> {
  if (event.key !== ' ' && event.key !== 'Tab') return false;
  if (event.ctrlKey || event.altKey || event.metaKey || event.shiftKey || event.isComposing)
    return false;
  const at = tokenBeforeCaret(editor);
  if (!at) return false;
  if (event.key === 'Tab') event.preventDefault();
  const expansion = await expand(at.token);
  if (!expansion) return false;
  if (isTextControl(editor)) replaceInTextControl(editor, at, expansion);
  else if (at.range) replaceInRichEditor(editor as HTMLElement, at.token, at.range, expansion);
  return true;
}
