/**
 * The correspondence-log record of a letter written here: the letter page saves it (as a draft,
 * or as sent through the send form) and the picker records each draft it inserts or copies.
 * One builder, so both write the same fields with the same limits.
 */
import type { IsoDate } from '../dates';
import type { Letter } from '../model';

export interface LetterRecordInput {
  id: string;
  studentId: string;
  /** The draft kind (lib/drafts). */
  kind: string;
  subject: string;
  bodyHtml: string;
  /** The reply date the letter asks for, if it asks for one. */
  requestedResponseDate: IsoDate | null;
  /** Where the draft was inserted (the picker's mail host); a host means it went by e-mail. */
  host?: string;
  /** Milliseconds since the epoch: the record's creation time when it is new. */
  now: number;
  /**
   * The letter as already recorded, if it is: its status, dates, sending details, notes and reply
   * are kept; only its kind, subject and text come from the input.
   */
  recorded?: Letter | null;
}

/** The letter's record: a draft unless it was recorded before (then its log fields are kept). */
export function letterRecord(input: LetterRecordInput): Letter {
  const { recorded } = input;
  const host = input.host ?? '';
  return {
    id: input.id,
    studentId: input.studentId,
    kind: input.kind,
    subject: input.subject.slice(0, 300),
    status: recorded?.status ?? 'draft',
    createdAt: recorded?.createdAt ?? input.now,
    sentDate: recorded?.sentDate ?? null,
    to: recorded?.to ?? '',
    method: recorded?.method ?? (host ? 'email' : null),
    host: recorded?.host ?? host.slice(0, 200),
    requestedResponseDate: recorded?.requestedResponseDate ?? input.requestedResponseDate,
    notes: recorded?.notes ?? '',
    responseDate: recorded?.responseDate ?? null,
    responseSummary: recorded?.responseSummary ?? '',
    bodyHtml: input.bodyHtml,
  };
}
