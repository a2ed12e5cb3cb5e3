/**
 * The correspondence log's rules that are not in lib/model's letterSchema: how a recorded letter
 * is checked as a whole (a sent letter has a sent date, a reply comes after it), plain labels,
 * and where the letter page lives.
 */
import { draftKinds, getDraftKind } from '../../lib/drafts';
import type { IsoDate } from '../../lib/dates';
import { letterSchema, type Letter } from '../../lib/model';

export const METHOD_LABELS: Record<NonNullable<Letter['method']>, string> = {
  email: 'E-mail',
  mail: 'Mail',
  hand: 'Hand delivery',
};

/** A recorded letter whose kind is none of the draft kinds (a letter written elsewhere). */
export const OTHER_KIND = 'other';

export const KIND_OPTIONS = [
  ...draftKinds.map((kind) => ({ value: kind.id as string, label: kind.title })),
  { value: OTHER_KIND, label: 'Other letter or e-mail' },
];

export function kindTitle(kind: string): string {
  return getDraftKind(kind)?.title ?? 'Other letter or e-mail';
}

/** letterSchema plus the checks that need several fields or today's date. */
export function recordedLetterSchema(today: IsoDate) {
  return letterSchema.superRefine((letter, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (letter.status === 'sent' && !letter.sentDate) {
      issue('sentDate', 'Enter the date you sent it.');
    }
    if (letter.sentDate && letter.sentDate > today) {
      issue('sentDate', 'The date sent cannot be in the future.');
    }
    if (letter.status === 'sent' && !letter.method) {
      issue('method', 'Pick how you sent it.');
    }
    if (letter.requestedResponseDate && letter.sentDate) {
      if (letter.requestedResponseDate < letter.sentDate) {
        issue(
          'requestedResponseDate',
          'The reply-by date must be on or after the date you sent it.',
        );
      }
    }
    if (letter.responseDate) {
      if (!letter.sentDate) issue('responseDate', 'Enter the date you sent the letter first.');
      else if (letter.responseDate < letter.sentDate) {
        issue('responseDate', 'The reply cannot come before the date you sent the letter.');
      }
      if (letter.responseDate > today)
        issue('responseDate', 'The reply date cannot be in the future.');
    }
    if (letter.responseSummary && !letter.responseDate) {
      issue('responseDate', 'Enter the date the reply came.');
    }
  });
}

/**
 * The letter page's address for a student and kind (or a saved letter); `about` is the sent
 * letter a follow-up is about.
 */
export function letterPageUrl(params: {
  student?: string;
  kind?: string;
  letter?: string;
  about?: string;
}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const text = query.toString();
  return `/letter.html${text ? `?${text}` : ''}`;
}

export function reportPageUrl(studentId: string): string {
  return `/report.html?student=${encodeURIComponent(studentId)}`;
}

/** "today", "tomorrow", "in 5 days", "yesterday", "3 days ago". */
export function relativeDays(daysLeft: number): string {
  if (daysLeft === 0) return 'today';
  if (daysLeft === 1) return 'tomorrow';
  if (daysLeft === -1) return 'yesterday';
  return daysLeft > 0 ? `in ${daysLeft} days` : `${-daysLeft} days ago`;
}
