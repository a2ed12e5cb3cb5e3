/**
 * Plain-language formatting shared by every draft: minutes with hours, counts, date ranges and
 * lists. Dates go through lib/dates, so no time zone can shift them.
 */
import { formatLongDate, isIsoDate, parseIsoDate, daysInMonth, type IsoDate } from '../dates';
import { formatMinutes as formatMinuteCount } from '../gap';
import { inline, type Inline, type InlineLike } from './blocks';

// The drafts' kinds take every word helper from here; plural itself lives in lib/text.
export { plural } from '../text';

/**
 * Minutes as a number, with hours in parentheses from 60 up: "45 minutes", "60 minutes (1 hour)",
 * "90 minutes (1.5 hours)", "100 minutes (about 1.7 hours)", "1,350 minutes (22.5 hours)".
 */
export function formatMinutes(minutes: number): string {
  const base = formatMinuteCount(minutes);
  if (minutes < 60) return base;
  const tenths = Math.round((minutes / 60) * 10) / 10;
  const exact = minutes % 6 === 0; // a whole number of tenths of an hour
  const hours = `${exact ? '' : 'about '}${tenths} ${tenths === 1 ? 'hour' : 'hours'}`;
  return `${base} (${hours})`;
}

export function longDate(date: IsoDate): string {
  return formatLongDate(date);
}

function sameYear(a: IsoDate, b: IsoDate): boolean {
  return a.slice(0, 4) === b.slice(0, 4);
}

/** "September 9" when the year is printed later in the same phrase. */
function monthDay(date: IsoDate): string {
  return formatLongDate(date).replace(/, \d+$/, '');
}

/** "on September 9, 2026" or "between September 9 and October 28, 2026". */
export function whenPhrase(first: IsoDate, last: IsoDate): string {
  if (first === last) return `on ${longDate(first)}`;
  if (sameYear(first, last)) return `between ${monthDay(first)} and ${longDate(last)}`;
  return `between ${longDate(first)}, and ${longDate(last)}`;
}

/** Dates listed one by one beyond which a phrase gives the count and the first and last date. */
export const MAX_LISTED_DATES = 6;

/**
 * Distinct dates listed, never as a span that reads as continuous: "on September 9, 2026",
 * "on September 9, September 22 and October 6, 2026", or, past MAX_LISTED_DATES, "on 11 dates
 * from October 5 to October 28, 2026".
 */
export function listDates(dates: readonly IsoDate[]): string {
  const distinct = [...new Set(dates)].sort();
  if (distinct.length === 0) return '';
  const first = distinct[0]!;
  const last = distinct[distinct.length - 1]!;
  if (distinct.length > MAX_LISTED_DATES) {
    return `on ${distinct.length} dates ${periodPhrase(first, last)}`;
  }
  const oneYear = sameYear(first, last);
  const names = distinct.map((d, i) =>
    oneYear && i < distinct.length - 1 ? monthDay(d) : longDate(d),
  );
  const joined =
    names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
  return `on ${joined}`;
}

/** "from September 1 to October 30, 2026". */
export function periodPhrase(from: IsoDate, to: IsoDate): string {
  if (from === to) return `on ${longDate(from)}`;
  if (sameYear(from, to)) return `from ${monthDay(from)} to ${longDate(to)}`;
  return `from ${longDate(from)}, to ${longDate(to)}`;
}

/** The same calendar date one year earlier (February 29 becomes February 28). */
export function oneYearBefore(date: IsoDate): IsoDate {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`Not a calendar date: ${date}`);
  const year = parts.year - 1;
  const day = Math.min(parts.day, daysInMonth(year, parts.month));
  return `${String(year).padStart(4, '0')}-${String(parts.month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A user-entered date, or null when it is empty or not a real date. */
export function validDate(value: string | null | undefined): IsoDate | null {
  const trimmed = value?.trim() ?? '';
  return isIsoDate(trimmed) ? trimmed : null;
}

/** "a", "a and b", "a, b, and c" over inline content. */
export function joinAnd(parts: readonly InlineLike[], word = 'and'): Inline[] {
  const kept = parts.map((part) => inline(part)).filter((part) => part.length > 0);
  if (kept.length <= 2) return kept.flatMap((part, i) => (i === 0 ? part : [` ${word} `, ...part]));
  return kept.flatMap((part, i) =>
    i === 0 ? part : i === kept.length - 1 ? [`, ${word} `, ...part] : [', ', ...part],
  );
}

/** Whole percent, for "45% of the required minutes". */
export function percent(part: number, whole: number): string {
  return `${Math.round((part / whole) * 100)}%`;
}
