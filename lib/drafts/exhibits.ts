/**
 * Exhibits (issue 13): when the sender prints a letter with its evidence as one packet, each
 * piece of evidence is an exhibit the letter names ("see Exhibit A, the service log") and its
 * "Enclosures:" line lists. Exhibits are lettered A, B, C… in the order the letters cite them
 * (EXHIBIT_IDS: the complaint states the log first, then the totals, then the district's logs,
 * then the earlier letters); one left out re-letters the rest. `ctx.exhibits` is null when the
 * letter is not printed with exhibits, so every draft reads as before.
 */
import { p, type Inline, type Paragraph } from './blocks';
import type { DraftContext, ExhibitId, ServiceFacts } from './types';
import { EXHIBIT_IDS } from './types';
import type { ServiceGap } from '../gap/types';
import { formatLongDate, type IsoDate } from '../dates';
import { coveredFrom } from '../gap';

/** How the letter names each exhibit after its letter: "Exhibit A, the service log". */
export const EXHIBIT_NAMES: Record<ExhibitId, string> = {
  'service-log': 'the service log',
  'gap-summary': 'the summary of required, delivered and missed minutes',
  'district-logs': "the comparison with the district's own service logs",
  correspondence: 'the history of my letters and the replies',
};

/**
 * What the complaint's table of earlier letters says for a letter with no reply, and the
 * correspondence exhibit too: the packet says it one way.
 */
export const NO_RESPONSE = 'No response';

/** Labels for the letter page's keep/leave-out checkboxes. */
export const EXHIBIT_LABELS: Record<ExhibitId, string> = {
  'service-log': 'Service log (each session: date, minutes, reason, note)',
  'gap-summary': 'Summary of minutes, with the weekly chart',
  'district-logs': "The district's service logs next to yours",
  correspondence: 'Your letters, how you sent them and the replies',
};

/** The gap a letter's figures use: the complaint counts only its one-year window. */
export function letterGap(facts: ServiceFacts, recent: boolean): ServiceGap {
  return recent ? facts.recentGap : facts.gap;
}

/**
 * The first and last day counted for the letter's services, or null when nothing is counted. The
 * first day is where the letter says its figures start (coveredFrom: the service's start when
 * it began inside the first counted week, not that week's Monday).
 */
export function exhibitPeriod(
  ctx: DraftContext,
  recent: boolean,
): { from: IsoDate; to: IsoDate } | null {
  const counted = ctx.services.filter((f) => letterGap(f, recent).countedFrom);
  if (counted.length === 0) return null;
  const from = counted
    .map((f) => coveredFrom(f.service, letterGap(f, recent).countedFrom!))
    .sort()[0]!;
  const to = counted
    .map((f) => letterGap(f, recent).countedTo!)
    .sort()
    .at(-1)!;
  return { from, to };
}

/** "September 8 – November 20, 2026" (the year once when both dates share it). */
export function periodText(period: { from: IsoDate; to: IsoDate }): string {
  const from = formatLongDate(period.from);
  const to = formatLongDate(period.to);
  const sameYear = period.from.slice(0, 4) === period.to.slice(0, 4);
  return `${sameYear ? from.replace(/, \d+$/, '') : from} – ${to}`;
}

/** The exhibits the data can fill for this letter, in citing order. */
export function availableExhibits(ctx: DraftContext, recent: boolean): ExhibitId[] {
  const has: Record<ExhibitId, boolean> = {
    'service-log': exhibitPeriod(ctx, recent) !== null,
    'gap-summary': ctx.calendar !== null && ctx.services.length > 0,
    'district-logs': ctx.services.some((f) => (recent ? f.recentDistrict : f.district)),
    correspondence: sentBefore(ctx).length > 0,
  };
  return EXHIBIT_IDS.filter((id) => has[id]);
}

/** The letters sent before this one (the complaint itself left out). */
export function sentBefore(ctx: DraftContext) {
  return ctx.letters.filter(
    (l) => l.letter.kind !== 'state-complaint' && l.letter.sentDate! <= ctx.today,
  );
}

/** "A", "B"… for a kept exhibit; null when the letter is not printed with it. */
export function exhibitLetter(ctx: DraftContext, id: ExhibitId): string | null {
  const index = ctx.exhibits?.indexOf(id) ?? -1;
  return index < 0 ? null : String.fromCharCode(65 + index);
}

/** "Exhibit A, the service log", or null when it is not kept. */
export function exhibitName(ctx: DraftContext, id: ExhibitId): string | null {
  const letter = exhibitLetter(ctx, id);
  return letter ? `Exhibit ${letter}, ${EXHIBIT_NAMES[id]}` : null;
}

/** An exhibit's title, as its page and the Enclosures line print it. */
export function exhibitTitle(ctx: DraftContext, id: ExhibitId, recent: boolean): string {
  const period = exhibitPeriod(ctx, recent);
  const during = period ? `, ${periodText(period)}` : '';
  switch (id) {
    case 'service-log':
      return `Service log${during}`;
    case 'gap-summary':
      return `Required, delivered and missed minutes${during}`;
    case 'district-logs':
      return "The district's service logs compared with mine";
    case 'correspondence':
      return 'My letters to the district and the replies';
  }
}

/** "Exhibit A: Service log, …" for each kept exhibit, in order. */
export function exhibitItems(ctx: DraftContext, recent: boolean): Inline[][] {
  return (ctx.exhibits ?? []).map((id) => [
    `Exhibit ${exhibitLetter(ctx, id)}: ${exhibitTitle(ctx, id, recent)}`,
  ]);
}

/** One sentence naming an exhibit where the letter relies on it; null when it is left out. */
export function exhibitSentence(ctx: DraftContext, id: ExhibitId): Paragraph | null {
  const name = exhibitName(ctx, id);
  if (!name) return null;
  switch (id) {
    case 'service-log':
      return p(
        `Every session in my log for this period, given or missed, is listed with its date, minutes, reason and note (see ${name}).`,
      );
    case 'gap-summary':
      return p(
        `The required, delivered and missed minutes of each service, with a chart of each week, are in ${name}.`,
      );
    case 'district-logs':
      // The exhibit holds the per-service totals over the dates the district's files cover, then
      // the dated conflicts and the district's own misses, each with the file it is in.
      return p(
        `The totals of each service in my log and in the district's own service logs, over the dates the district's logs cover, are set side by side in ${name}, with each date the two logs disagree on and each session the district's logs show as not provided.`,
      );
    case 'correspondence':
      return p(
        `The date of each letter, how I sent it and the date and content of each reply are listed in ${name}.`,
      );
  }
}

/** "I have attached Exhibit A, the service log, and Exhibit B, …." for letters to the district. */
export function attachedExhibits(ctx: DraftContext): Paragraph | null {
  const names = (ctx.exhibits ?? []).map((id) => exhibitName(ctx, id)!);
  if (names.length === 0) return null;
  const list =
    names.length === 1 ? names[0]! : `${names.slice(0, -1).join('; ')}; and ${names.at(-1)!}`;
  return p(`I have attached ${list}.`);
}
