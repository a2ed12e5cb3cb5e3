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
