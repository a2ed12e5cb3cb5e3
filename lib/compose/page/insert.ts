/**
 * Inserting a draft at the caret so the host registers it (Gmail saves the draft, RoosterJS keeps
 * it in its model, one Ctrl+Z takes it out). The caret must already be restored (./caret.ts).
 *
 * The method is chosen by what the editor does, never by browser or host name:
 *
 * 1. Synthetic paste (ClipboardEvent carrying a DataTransfer with text/html and text/plain),
 *    where the browser lets a constructed paste event carry data (Firefox does not: there the
 *    editing command below does the work, for RoosterJS too).
 *    An untrusted paste has no default action, so only an editor that owns its content model
 *    (RoosterJS, ProseMirror, Quill, Draft.js…) does anything with it: it cancels the event and
 *    inserts through its own pipeline, which updates its model and its undo stack in one step.
 *    That is better for such editors than any DOM edit behind their back. When nobody cancels the
 *    paste, nothing happened and we go on.
 * 2. The browser's editing command (insertHTML; insertText for text fields). It fires `input`,
 *    lands on the native undo stack as one step and keeps the caret after the insertion.
 * 3. Range insertion plus `beforeinput`/`input` events, for editors where the command is
 *    unavailable or changes nothing.
 *
 * Each step is checked by its effect (a DOM mutation in the editor, a changed value), not by the
 * command's return value alone.
 */
import { caretAtEndOfTextLine, isTextControl } from './caret';
import { buildFragment, fragmentHtml } from '../fragment';
import type { EditorElement, InsertContent, InsertMethod } from './types';

/** How long an editor that cancelled our paste may take to insert (RoosterJS reads it async). */
const PASTE_SETTLE_MS = 1000;

/**
 * Watches `editor` for its next DOM change: `changed` resolves true at the first one, false after
 * `timeoutMs` without one or when cancelled.
 */
function watchNextChange(editor: Node, timeoutMs: number) {
  let finish: (changed: boolean) => void = () => {};
  const changed = new Promise<boolean>((resolve) => {
    const observer = new MutationObserver(() => finish(true));
    const timer = setTimeout(() => finish(false), timeoutMs);
    finish = (value) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(value);
    };
    observer.observe(editor, { childList: true, characterData: true, subtree: true });
  });
  return { changed, cancel: () => finish(false) };
}

/**
 * Runs one of the browser's editing commands on the focused field; false when the command is
 * missing, refused or throws (for example under a strict Trusted Types policy).
 */
export function editingCommand(doc: Document, command: string, value: string): boolean {
  try {
    return typeof doc.execCommand === 'function' && doc.execCommand(command, false, value);
  } catch {
    return false;
  }
}

/** Runs `edit` and reports whether it changed anything inside `editor`. */
function changesEditor(editor: Node, edit: () => unknown): boolean {
  const observer = new MutationObserver(() => {});
  observer.observe(editor, { childList: true, characterData: true, subtree: true });
  edit();
  const changed = observer.takeRecords().length > 0;
  observer.disconnect();
  return changed;
}

async function pasteInto(editor: HTMLElement, html: string, text: string): Promise<boolean> {
  let data: DataTransfer;
  let event: ClipboardEvent;
  try {
    data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', text);
    event = new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: data });
  } catch {
    return false; // No constructible DataTransfer/ClipboardEvent here.
  }
  // Firefox makes a fresh, empty clipboardData for a constructed paste event instead of keeping
  // the one given: an editor with its own pipeline would cancel it and insert nothing. Checked
  // on the event itself, so any browser that drops the data skips to the editing command.
  if (event.clipboardData?.getData('text/plain') !== text) return false;
  const watch = watchNextChange(editor, PASTE_SETTLE_MS);
  const target = editor.ownerDocument.getSelection()?.focusNode ?? editor;
  (editor.contains(target) ? target : editor).dispatchEvent(event);
  if (!event.defaultPrevented) watch.cancel(); // Nobody took the paste: nothing happened.
  return watch.changed;
}

function insertRange(editor: HTMLElement, fragment: DocumentFragment): void {
  const doc = editor.ownerDocument;
  const selection = doc.getSelection();
  let range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
  if (!range || !editor.contains(range.commonAncestorContainer)) {
    range = doc.createRange();
    range.selectNodeContents(editor);
    range.collapse(false);
  }
  editor.dispatchEvent(
    new InputEvent('beforeinput', {
      bubbles: true,
      cancelable: true,
      inputType: 'insertFromPaste',
    }),
  );
  const last = fragment.lastChild;
  range.deleteContents();
  range.insertNode(fragment);
  if (last) {
    range.setStartAfter(last);
    range.collapse(true);
    selection?.removeAllRanges();
    selection?.addRange(range);
  }
  editor.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
}

function insertIntoTextControl(
  field: HTMLTextAreaElement | HTMLInputElement,
  text: string,
): InsertMethod {
  const before = field.value;
  editingCommand(field.ownerDocument, 'insertText', text);
  if (field.value !== before) return 'insertText';
  field.setRangeText(text, field.selectionStart ?? 0, field.selectionEnd ?? 0, 'end');
  field.dispatchEvent(
    new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }),
  );
  return 'value';
}

/** Inserts `content` at the current caret in `editor` and says how. */
export async function insertIntoEditor(
  editor: EditorElement,
  content: InsertContent,
): Promise<InsertMethod> {
  // A draft (not a citation, which goes into a sentence) at the end of a line with text starts
  // on a line of its own.
  const newLine = content.blocks.length > 0 && caretAtEndOfTextLine(editor);
  const text = newLine ? `\n${content.text}` : content.text;
  if (isTextControl(editor)) return insertIntoTextControl(editor, text);
  const doc = editor.ownerDocument;
  const fragment = buildFragment(doc, content.blocks, content.text);
  if (newLine) fragment.insertBefore(doc.createElement('br'), fragment.firstChild);
  const html = fragmentHtml(doc, fragment);
  if (await pasteInto(editor, html, text)) return 'paste';
  if (changesEditor(editor, () => editingCommand(doc, 'insertHTML', html))) return 'insertHTML';
  insertRange(editor, fragment);
  return 'range';
}
