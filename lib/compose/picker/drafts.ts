/**
 * What the picker inserts, from lib/drafts (the rendered draft with its blocks, the structure the
 * content script rebuilds as DOM), and the correspondence-log record of an insertion. Runs in
 * the picker page (extension origin), never in the content script.
 */
import type { RenderedDraft } from '../../drafts';
import { newId, type Letter } from '../../model';

/** The forms the picker offers: a paragraph for the message being written, or all of it. */
export type PickerForm = 'paragraph' | 'message';

/** The correspondence-log entry for an inserted (or copied) draft: a draft, to mark sent later. */
export function insertedLetter(input: {
  studentId: string;
  draft: RenderedDraft;
  host: string;
  /** The reply date the draft asks for (the draft context's responseDate). */
  responseDate: string | null;
  now: number;
}): Letter {
  const { studentId, draft, host, now } = input;
  return {
    id: newId(),
    studentId,
    kind: draft.kind,
    subject: draft.subject.slice(0, 300),
    status: 'draft',
    createdAt: now,
    sentDate: null,
    to: '',
    method: host ? 'email' : null,
    host: host.slice(0, 200),
    requestedResponseDate: input.responseDate,
    notes: '',
    responseDate: null,
    responseSummary: '',
    bodyHtml: draft.html,
  };
}

/**
 * The question asked before a draft with fill-ins left goes into a message:
 * "2 fill-ins left: [a], [b]. Insert anyway?".
 */
export function fillInsLeftQuestion(markers: readonly string[], action: 'Insert' | 'Copy'): string {
  const count = markers.length === 1 ? '1 fill-in left' : `${markers.length} fill-ins left`;
  return `${count}: ${markers.join(', ')}. ${action} anyway?`;
}
