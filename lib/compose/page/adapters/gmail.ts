/**
 * Gmail (https://mail.google.com). Where each selector was seen:
 *
 * - The editor: `div[contenteditable=true][role=textbox][g_editable=true]` with
 *   aria-multiline=true, in the captured "New Message" dialog (../shared/fixtures/gmail, 2020) and
 *   in InboxSDK's compose driver, which keys on `g_editable` too. The same element is used in the
 *   dialog, inline replies and forwards in a thread, full-screen compose and the pop-out window.
 * - Its twin: a plain-text `textarea` labelled "Message Body" like the editor (same capture).
 *   It is never a candidate here: only the contenteditable with g_editable qualifies, and labels
 *   are never used (they are in the user's language).
 * - The compose around it: the nearest ancestor holding `input[name=subjectbox]` (same capture;
 *   inline replies keep a hidden one). This also keeps us off other g_editable fields that are
 *   not a message (the signature editor in Settings has no subject).
 * - "Help me write" (Ask Gemini) is a contenteditable prompt in a dialog of its own inside the
 *   compose: the editor's nearest dialog must hold the compose's subject too.
 * - No class names: Gmail's short ones (`Am`, `aO7`…) are being replaced by hashed ones
 *   (`Ht-<hash>`); only roles, g_editable, contenteditable and the subject's name are used.
 */
import { cachedPerElement, nearestAncestorWith } from './structure';
import type { EditorElement, HostAdapter } from '../types';

export const GMAIL_EDITOR = 'div[contenteditable="true"][role="textbox"][g_editable="true"]';
const SUBJECT = 'input[name="subjectbox"]';

const subjectOf = cachedPerElement<Element, HTMLInputElement>(
  (editor) => nearestAncestorWith<HTMLInputElement>(editor, SUBJECT)?.found ?? null,
);

export const gmailAdapter: HostAdapter = {
  name: 'gmail',
  candidates: GMAIL_EDITOR,
  editorFor(element: Element): EditorElement | null {
    const editor = element.closest<HTMLElement>(GMAIL_EDITOR);
    const subject = editor && subjectOf(editor);
    // A field in a dialog of its own inside the compose ("Help me write") is not the message.
    return subject && (editor.closest('[role="dialog"]')?.contains(subject) ?? true)
      ? editor
      : null;
  },
  subjectFor: (editor) => subjectOf(editor),
};
