/**
 * Calendar dates as ISO strings ("2026-10-28"), with no time of day and no time zone.
 *
 * School days and session dates are calendar dates: a missed session on October 28 must stay on
 * October 28 whether the browser is in Helena or in Tokyo. All arithmetic here goes through a day
 * number (days since 1970-01-01, computed with Date.UTC), never through local Date objects.
 */

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses "YYYY-MM-DD" into parts, or returns null if it is not a real calendar date. */
export function parseIsoDate(value: string): { year: number; month: number; day: number } | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && parseIsoDate(value) !== null;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 for a calendar date. */
export function toDayNumber(date: IsoDate): number {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`Not a calendar date: ${date}`);
  return Date.UTC(parts.year, parts.month - 1, parts.day) / 86_400_000;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  const d = new Date(dayNumber * 86_400_000);
  return formatParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function formatParts(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** The Monday on or before the date. */
export function startOfWeek(date: IsoDate): IsoDate {
  return addDays(date, 1 - isoWeekday(date));
}

export function startOfMonth(date: IsoDate): IsoDate {
  return date.slice(0, 8) + '01';
}

export function endOfMonth(date: IsoDate): IsoDate {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`Not a calendar date: ${date}`);
  return formatParts(parts.year, parts.month, daysInMonth(parts.year, parts.month));
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  // ISO strings of 4-digit years sort as dates.
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/**
 * Today's calendar date where the user is. Takes the clock as an argument so callers (and tests)
 * can inject "today".
 */
export function todayIso(now: Date = new Date()): IsoDate {
  return formatParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * The month a written name stands for: "September", "sept", "Sep." → 9 (the whole name or its
 * first three or more letters, any case, a trailing period allowed); null for any other word.
 */
export function monthNumberOf(word: string): number | null {
  const lower = word.toLowerCase().replace(/\.$/, '');
  if (lower.length < 3) return null;
  if (lower === 'sept') return 9;
  const index = MONTHS.findIndex((month) => month.toLowerCase().startsWith(lower));
  return index < 0 ? null : index + 1;
}

/** US long form: "October 28, 2026". */
export function formatLongDate(date: IsoDate): string {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`Not a calendar date: ${date}`);
  return `${MONTHS[parts.month - 1]} ${parts.day}, ${parts.year}`;
}

/** Short form for tables: "Oct 28, 2026". */
export function formatShortDate(date: IsoDate): string {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`Not a calendar date: ${date}`);
  return `${MONTHS[parts.month - 1]!.slice(0, 3)} ${parts.day}, ${parts.year}`;
}

/** Every date from start to end inclusive. */
export function* eachDate(start: IsoDate, end: IsoDate): Generator<IsoDate> {
  const last = toDayNumber(end);
  for (let n = toDayNumber(start); n <= last; n++) yield fromDayNumber(n);
}
