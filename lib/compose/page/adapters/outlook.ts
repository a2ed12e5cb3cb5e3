/**
 * Outlook on the web (outlook.office.com, outlook.office365.com, outlook.live.com,
 * outlook.cloud.microsoft). The editor is RoosterJS: a `div[contenteditable=true]` with
 * role=textbox and aria-multiline=true in the compose (new message, inline reply in the reading
 * pane, pop-out). Where each rule comes from:
 *
 * - Public integrations select the body as `[aria-label="Message body"][contenteditable="true"]`,
 *   the recipients as `[aria-label="To"][contenteditable="true"]` and the subject as
 *   `input[aria-label="Add a subject"]`. Those labels are English only, so we use the structure
 *   they describe instead: the body is the multi-line textbox; recipient fields are people
 *   pickers (a combobox, or a field with aria-autocomplete / aria-haspopup, as the ARIA
 *   combobox pattern requires); the subject is the compose's plain text input.
 * - The reading pane's "Message body" (role=document) is not contenteditable: never a candidate.
 * - A compose is the nearest ancestor that holds a recipient field (a message has recipients;
 *   inline replies show theirs too). The signature editor in Settings is the same RoosterJS
 *   multi-line textbox next to a text input (the signature's name) and dropdowns (comboboxes
 *   with no text field in them), but no people picker: not a message, no button.
 *
 * tests/fixtures/outlook.office.com models these on the real RoosterJS editor from npm.
 */
import { cachedPerElement, nearestAncestorWith } from './structure';
import type { EditorElement, HostAdapter } from '../types';

export const OUTLOOK_EDITOR = 'div[contenteditable="true"][role="textbox"]';
const FIELDS = 'input:not([type="hidden"]), [contenteditable="true"]';
const TEXT_INPUTS = 'input:not([type]), input[type="text"]';

/** A people picker (To, Cc, Bcc): never an insertion target, never the subject. */
export function isRecipientField(element: Element): boolean {
  return (
    element.hasAttribute('aria-autocomplete') ||
    element.hasAttribute('aria-haspopup') ||
    element.closest('[role="combobox"]') !== null
  );
}

const composeRootOf = cachedPerElement<Element, Element>(
  (editor) =>
    nearestAncestorWith(
      editor,
      FIELDS,
      (field) => isRecipientField(field) && !editor.contains(field) && !field.contains(editor),
    )?.root ?? null,
);

function subjectOf(editor: Element): HTMLInputElement | null {
  const root = composeRootOf(editor);
  if (!root) return null;
  for (const input of root.querySelectorAll<HTMLInputElement>(TEXT_INPUTS)) {
    if (!isRecipientField(input) && !input.disabled) return input;
  }
  return null;
}

export const outlookAdapter: HostAdapter = {
  name: 'outlook',
  candidates: OUTLOOK_EDITOR,
  editorFor(element: Element): EditorElement | null {
    const editor = element.closest<HTMLElement>(OUTLOOK_EDITOR);
    if (!editor || editor.getAttribute('aria-multiline') !== 'true') return null;
    if (isRecipientField(editor)) return null;
    return composeRootOf(editor) ? editor : null;
  },
  subjectFor: subjectOf,
};
