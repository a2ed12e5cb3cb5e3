/**
 * What the picker inserts, from lib/drafts: the rendered draft plus its blocks (the structure the
 * content script rebuilds as DOM), and the correspondence-log record of an insertion. Runs in
 * the picker page (extension origin), never in the content script.
 */
import type { Block } from '../../drafts/blocks';
import { getDraftKind, renderDraft, type DraftContext, type RenderedDraft } from '../../drafts';
import { formBlocks } from '../../drafts/letter';
import { newId, type Letter } from '../../model';

/** The forms the picker offers: a paragraph for the message being written, or all of it. */
export type PickerForm = 'paragraph' | 'message';

export interface PickerDraft extends RenderedDraft {
  blocks: Block[];
}

export function renderForPicker(kindId: string, ctx: DraftContext, form: PickerForm): PickerDraft {
  const kind = getDraftKind(kindId);
  if (!kind) throw new RangeError(`Unknown draft kind: ${kindId.slice(0, 60)}`);
  return { ...renderDraft(kindId, ctx, form), blocks: formBlocks(ctx, kind.render(ctx), form) };
}

/** The correspondence-log entry for an inserted (or copied) draft: a draft, to mark sent later. */
export function insertedLetter(input: {
  studentId: string;
  draft: PickerDraft;
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
