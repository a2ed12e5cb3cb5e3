/**
 * Saving and restoring where the user was in an editor, so the picker can take focus and the
 * insertion (or Esc) still lands at the same caret or replaces the same selection.
 */
import type { EditorElement } from './types';

export type SavedCaret =
  { kind: 'range'; range: Range } | { kind: 'text'; start: number; end: number };

export function isTextControl(
  editor: EditorElement,
): editor is HTMLTextAreaElement | HTMLInputElement {
  return editor instanceof HTMLTextAreaElement || editor instanceof HTMLInputElement;
}

/** The caret or selection inside `editor` right now, or null when it is elsewhere. */
export function currentCaret(editor: EditorElement): SavedCaret | null {
  if (isTextControl(editor)) {
    if (editor.ownerDocument.activeElement !== editor) return null;
    return { kind: 'text', start: editor.selectionStart ?? 0, end: editor.selectionEnd ?? 0 };
  }
  const selection = editor.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!editor.contains(range.commonAncestorContainer)) return null;
  // A live Range: it follows the host's own edits (signature updates, draft saving) until used.
  return { kind: 'range', range: range.cloneRange() };
}

/**
 * Focuses `editor` and puts the caret back. A caret the host has since moved out of the editor
 * (its node was replaced) falls back to the end of the editor rather than to nowhere.
 */
export function restoreCaret(editor: EditorElement, caret: SavedCaret | null): void {
  editor.focus({ preventScroll: true });
  if (isTextControl(editor)) {
    const end = editor.value.length;
    const start = caret?.kind === 'text' ? Math.min(caret.start, end) : end;
    const stop = caret?.kind === 'text' ? Math.min(caret.end, end) : end;
    editor.setSelectionRange(start, stop);
    return;
  }
  const selection = editor.ownerDocument.getSelection();
  if (!selection) return;
  let range = caret?.kind === 'range' ? caret.range : null;
  if (!range || !editor.contains(range.commonAncestorContainer)) {
    range = editor.ownerDocument.createRange();
    range.selectNodeContents(editor);
    range.collapse(false);
  }
  selection.removeAllRanges();
  selection.addRange(range);
}

/** Elements that start a new line of their own: the caret's line ends at their edge. */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);

const hasText = (text: string) => /[^\s\u00a0\u200b\ufeff]/.test(text);

/**
 * What the user wrote is never inside these: a host's hint in an empty body (Gmail's empty reply
 * shows one) is not editable or is hidden from screen readers, so it is no text on the line.
 */
const NOT_CONTENT = '[contenteditable="false"], [aria-hidden="true"]';

/** Whether `fragment` holds text on its line nearest to one end (`fromEnd`: its last line). */
function lineHasText(fragment: DocumentFragment, fromEnd: boolean): boolean {
  for (const hint of fragment.querySelectorAll(NOT_CONTENT)) hint.remove();
  const breaks = Array.from(fragment.querySelectorAll(`br, ${[...BLOCK_TAGS].join(', ')}`));
  const edge = fromEnd ? breaks.at(-1) : breaks[0];
  if (!edge) return hasText(fragment.textContent ?? '');
  const line = fragment.ownerDocument.createRange();
  if (fromEnd) {
    line.setStartAfter(edge);
    line.setEnd(fragment, fragment.childNodes.length);
  } else {
    line.setStart(fragment, 0);
    line.setEndBefore(edge);
  }
  return hasText(line.toString());
}

/**
 * True when the caret is at the end of a line that has text ("Hello Ms. Holt,|"): a draft
 * inserted there must start on a line of its own, not run on as "Hello Ms. Holt,My child's…".
 * Decided from the caret's context in the editor: in a text field, the characters between the
 * line breaks around the selection; in an editing host, the text from the start of the caret's
 * block (or its last line break) to the caret, and from the caret to the block's end.
 */
export function caretAtEndOfTextLine(editor: EditorElement): boolean {
  if (isTextControl(editor)) {
    const { value } = editor;
    const before = value.slice(0, editor.selectionStart ?? value.length);
    const after = value.slice(editor.selectionEnd ?? value.length);
    return hasText(before.slice(before.lastIndexOf('\n') + 1)) && !hasText(after.split('\n')[0]!);
  }
  const selection = editor.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0) return false;
  const caret = selection.getRangeAt(0);
  if (!editor.contains(caret.commonAncestorContainer)) return false;
  const blockOf = (from: Node) => {
    let node = from;
    while (node !== editor && !(node instanceof Element && BLOCK_TAGS.has(node.tagName))) {
      node = node.parentNode ?? editor;
    }
    return node;
  };
  const doc = editor.ownerDocument;
  const before = doc.createRange();
  before.setStart(blockOf(caret.startContainer), 0);
  before.setEnd(caret.startContainer, caret.startOffset);
  if (!lineHasText(before.cloneContents(), true)) return false;
  const endBlock = blockOf(caret.endContainer);
  const after = doc.createRange();
  after.setStart(caret.endContainer, caret.endOffset);
  after.setEnd(endBlock, endBlock.childNodes.length);
  return !lineHasText(after.cloneContents(), false);
}
