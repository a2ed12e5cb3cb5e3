/**
 * Which letters are waiting for a reply that did not come, and which kinds to offer first
 * because of it. Pure: "today" is an argument.
 *
 * A letter is a follow-up candidate when it was sent, no reply is logged, and a reply date it
 * led to has passed: the date the letter asked for, or for a records request the 45-day limit
 * (lib/deadlines). A state complaint (OPI answers it, not the district) and a confirmation of a
 * conversation (it asks for a reply only if something is wrong) are never candidates.
 */
import { letterDeadlines } from '../deadlines/rules';
import { formatLongDate, type IsoDate } from '../dates';
import type { Letter } from '../model';
import type { DraftContext, DraftKindId, InputOption } from './types';

/** Kinds whose silence is not a missing reply: never followed up. */
export const NO_FOLLOW_UP: ReadonlySet<string> = new Set([
  'state-complaint',
  'conversation-confirmation',
]);

export interface FollowUpCandidate {
  letter: Letter;
  /** The earliest reply date that passed without a reply logged. */
  due: IsoDate;
}

/** Sent letters whose reply date has passed with no reply logged, most recently sent first. */
export function followUpCandidates(
  letters: readonly Letter[],
  today: IsoDate,
): FollowUpCandidate[] {
  return letters
    .filter((l) => l.status === 'sent' && l.sentDate && !l.responseDate)
    .filter((l) => !NO_FOLLOW_UP.has(l.kind))
    .flatMap((letter) => {
      const passed = letterDeadlines(letter, today)
        .filter((d) => d.status === 'overdue' && d.remind)
        .map((d) => d.due)
        .sort();
      return passed.length > 0 ? [{ letter, due: passed[0]! }] : [];
    })
    .sort(
      (a, b) =>
        (a.letter.sentDate! < b.letter.sentDate!
          ? 1
          : a.letter.sentDate! > b.letter.sentDate!
            ? -1
            : 0) || b.letter.createdAt - a.letter.createdAt,
    );
}

/**
 * Kinds to offer first for this context: a follow-up when a sent letter's reply is overdue; the
 * questions about the district's service logs when the imported logs show a conflict with the
 * parent's log or a session not provided.
 */
export function suggestedKinds(ctx: DraftContext): DraftKindId[] {
  const letters = ctx.letters.map((l) => l.letter);
  const kinds: DraftKindId[] = [];
  if (followUpCandidates(letters, ctx.today).length > 0) kinds.push('follow-up');
  const districtShows = ctx.allServices.some(
    (f) => (f.district?.conflicts.length ?? 0) > 0 || (f.district?.missed.length ?? 0) > 0,
  );
  if (districtShows) kinds.push('service-log-questions');
  return kinds;
}

/**
 * The choices for a kind's "letter" input: the follow-up candidates first ("reply was due …"),
 * then the other sent letters with no reply logged, most recent first.
 */
export function letterOptions(
  letters: readonly Letter[],
  today: IsoDate,
  titleOf: (kind: string) => string,
): InputOption[] {
  const candidates = followUpCandidates(letters, today);
  const waiting = new Set(candidates.map((c) => c.letter.id));
  const label = (letter: Letter, extra: string) =>
    `${formatLongDate(letter.sentDate!)}: ${letter.subject.trim() || titleOf(letter.kind)}${extra}`;
  const others = letters
    .filter((l) => l.status === 'sent' && l.sentDate && !l.responseDate && !waiting.has(l.id))
    .filter((l) => !NO_FOLLOW_UP.has(l.kind))
    .sort((a, b) => (a.sentDate! < b.sentDate! ? 1 : a.sentDate! > b.sentDate! ? -1 : 0));
  return [
    ...candidates.map((c) => ({
      value: c.letter.id,
      label: label(c.letter, ` (reply was due ${formatLongDate(c.due)})`),
    })),
    ...others.map((letter) => ({ value: letter.id, label: label(letter, '') })),
  ];
}
