/**
 * Any other site (reached through the context menu or the keyboard command, never injected on
 * its own): any visible textarea, text input or contenteditable region the user is in.
 *
 * Canvas editors such as Google Docs take keystrokes through a tiny off-screen editable; text
 * put there never shows up in the document. An editable smaller than MIN_VISIBLE_SIZE in either
 * direction is therefore treated as "no editable": the picker copies to the clipboard instead.
 */
import type { EditorElement, HostAdapter } from '../types';

const MIN_VISIBLE_SIZE = 8;
const TEXT_INPUT_TYPES = new Set(['', 'text', 'search', 'email', 'url']);

function isTextControl(element: Element): element is HTMLTextAreaElement | HTMLInputElement {
  if (element instanceof HTMLTextAreaElement) return true;
  return element instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(element.type);
}

/** The outermost editing host around `element`, or null when it is not in one. */
function editingHostOf(element: Element): HTMLElement | null {
  let node = element instanceof HTMLElement && element.isContentEditable ? element : null;
  while (node?.parentElement?.isContentEditable) node = node.parentElement;
  return node;
}

export function isVisibleEnough(element: Element): boolean {
  const rect = element.getBoundingClientRect();
  return rect.width >= MIN_VISIBLE_SIZE && rect.height >= MIN_VISIBLE_SIZE;
}

export const genericAdapter: HostAdapter = {
  name: 'generic',
  candidates: '',
  editorFor(element: Element): EditorElement | null {
    if (isTextControl(element)) {
      const usable = !element.readOnly && !element.disabled && isVisibleEnough(element);
      return usable ? element : null;
    }
    const host = editingHostOf(element);
    return host && isVisibleEnough(host) ? host : null;
  },
  subjectFor: () => null,
};
