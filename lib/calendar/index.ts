/**
 * School days: which calendar dates a school is in session.
 *
 * A school day is an instructional weekday (the calendar's `weekdays`: Mon–Fri by default,
 * Mon–Thu for a four-day week) from the first to the last day of school that no closure covers
 * (holidays, breaks, snow days). Pure: dates are ISO strings handled through lib/dates day numbers,
 * never local Date objects, so no time zone can move a school day.
 *
 * Two forms:
 * - the plain functions (isSchoolDay, countSchoolDays, …) take a calendar and ISO dates; use them
 *   for one-off questions in the UI;
 * - `schoolDays(calendar)` precomputes the year once (a byte per day and prefix sums) so that
 *   "how many school days from A to B" is O(1). The gap engine builds one per student and asks it
 *   thousands of questions.
 */
import { isoWeekday, toDayNumber, fromDayNumber, type IsoDate } from '../dates';
import type { SchoolCalendar } from '../model';

/** A calendar's school year precomputed for constant-time questions. Days are lib/dates day numbers. */
export interface SchoolDays {
  /** Day number of the first and last day of school. */
  readonly firstDay: number;
  readonly lastDay: number;
  isSchoolDay(day: number): boolean;
  /** An instructional weekday inside the school year, closed or not. */
  isInstructionalWeekday(day: number): boolean;
  /** School days from start to end, both included (0 when end < start). */
  countSchoolDays(start: number, end: number): number;
  /** Instructional weekdays inside the school year from start to end, closures not removed. */
  countInstructionalWeekdays(start: number, end: number): number;
}

/*
 * Fast day numbers. The gap engine turns tens of thousands of entry dates into day numbers per
 * call; lib/dates does it through a regular expression and Date objects, which is the clear
 * definition but several times slower. These two use Howard Hinnant's civil-calendar arithmetic on
 * integers instead and give exactly the same answers (tests/unit/calendar.test.ts checks them
 * against lib/dates); anything that is not a well-formed date goes to lib/dates, which throws.
 */

const DIGIT_0 = 48;
const DASH = 45;

function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const digit = text.charCodeAt(i) - DIGIT_0;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days since 1970-01-01 for "YYYY-MM-DD"; same as lib/dates toDayNumber, without a Date. */
export function dayNumberOf(date: IsoDate): number {
  if (date.length === 10 && date.charCodeAt(4) === DASH && date.charCodeAt(7) === DASH) {
    const year = digitsAt(date, 0, 4);
    const month = digitsAt(date, 5, 2);
    const day = digitsAt(date, 8, 2);
    if (year >= 0 && month >= 1 && month <= 12 && day >= 1) {
      const monthDays = month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;
      if (day <= monthDays) {
        const y = month <= 2 ? year - 1 : year;
        const era = Math.floor(y / 400);
        const yearOfEra = y - era * 400;
        const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
        const dayOfEra =
          yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
      }
    }
  }
  return toDayNumber(date);
}

/** "YYYY-MM-DD" for a day number; same as lib/dates fromDayNumber, without a Date. */
export function isoDateOf(dayNumber: number): IsoDate {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) return fromDayNumber(dayNumber);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number; 1970-01-01 was a Thursday. */
export function weekdayOfDayNumber(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

function weekdayFlags(calendar: SchoolCalendar): boolean[] {
  const flags = new Array<boolean>(8).fill(false);
  for (const weekday of calendar.weekdays) flags[weekday] = true;
  return flags;
}

/** Precomputes a calendar's school year. O(days in the year + closed days). */
export function schoolDays(calendar: SchoolCalendar): SchoolDays {
  const firstDay = toDayNumber(calendar.firstDay);
  const lastDay = toDayNumber(calendar.lastDay);
  const length = Math.max(0, lastDay - firstDay + 1);
  const instructional = weekdayFlags(calendar);

  // 1 = instructional weekday, 2 = instructional weekday and open (a school day).
  const kind = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    if (instructional[weekdayOfDayNumber(firstDay + i)]) kind[i] = 2;
  }
  for (const closure of calendar.closures) {
    const from = Math.max(toDayNumber(closure.start), firstDay);
    const to = Math.min(toDayNumber(closure.end), lastDay);
    for (let day = from; day <= to; day++) {
      const i = day - firstDay;
      if (kind[i] === 2) kind[i] = 1;
    }
  }

  // prefix[i] = count among the first i days of the year.
  const schoolPrefix = new Int32Array(length + 1);
  const weekdayPrefix = new Int32Array(length + 1);
  for (let i = 0; i < length; i++) {
    const k = kind[i]!;
    schoolPrefix[i + 1] = schoolPrefix[i]! + (k === 2 ? 1 : 0);
    weekdayPrefix[i + 1] = weekdayPrefix[i]! + (k > 0 ? 1 : 0);
  }

  const countIn = (prefix: Int32Array, start: number, end: number): number => {
    const from = Math.max(start, firstDay) - firstDay;
    const to = Math.min(end, lastDay) - firstDay;
    return to < from ? 0 : prefix[to + 1]! - prefix[from]!;
  };
  const inYear = (day: number) => day >= firstDay && day <= lastDay;

  return {
    firstDay,
    lastDay,
    isSchoolDay: (day) => inYear(day) && kind[day - firstDay] === 2,
    isInstructionalWeekday: (day) => inYear(day) && kind[day - firstDay]! > 0,
    countSchoolDays: (start, end) => countIn(schoolPrefix, start, end),
    countInstructionalWeekdays: (start, end) => countIn(weekdayPrefix, start, end),
  };
}

/** True when the date is an instructional weekday of the school year and no closure covers it. */
export function isSchoolDay(calendar: SchoolCalendar, date: IsoDate): boolean {
  return (
    date >= calendar.firstDay &&
    date <= calendar.lastDay &&
    calendar.weekdays.includes(isoWeekday(date)) &&
    !calendar.closures.some((closure) => closure.start <= date && date <= closure.end)
  );
}

/** The closure covering a date (for a label such as "Winter break"), if any. */
export function closureOn(
  calendar: SchoolCalendar,
  date: IsoDate,
): SchoolCalendar['closures'][number] | null {
  return calendar.closures.find((closure) => closure.start <= date && date <= closure.end) ?? null;
}

/** School days from start to end, both included. */
export function countSchoolDays(calendar: SchoolCalendar, start: IsoDate, end: IsoDate): number {
  return schoolDays(calendar).countSchoolDays(toDayNumber(start), toDayNumber(end));
}

/**
 * Instructional weekdays from start to end inside the school year, closures NOT removed: the
 * denominator when a short week or month is prorated.
 */
export function countInstructionalWeekdays(
  calendar: SchoolCalendar,
  start: IsoDate,
  end: IsoDate,
): number {
  return schoolDays(calendar).countInstructionalWeekdays(toDayNumber(start), toDayNumber(end));
}

/** Every school day from start to end, oldest first. */
export function listSchoolDays(calendar: SchoolCalendar, start: IsoDate, end: IsoDate): IsoDate[] {
  const days = schoolDays(calendar);
  const result: IsoDate[] = [];
  const last = Math.min(toDayNumber(end), days.lastDay);
  for (let day = Math.max(toDayNumber(start), days.firstDay); day <= last; day++) {
    if (days.isSchoolDay(day)) result.push(fromDayNumber(day));
  }
  return result;
}

/**
 * The date n school days after `from` (before it when n < 0; `from` itself when n = 0). Days
 * before the school year starts do not count going forward; past the last day of school it keeps
 * counting instructional weekdays, as a district would count into next year's calendar, so a
 * deadline always lands on a date (and likewise before the first day when counting back).
 */
export function addSchoolDays(calendar: SchoolCalendar, from: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Not a whole number of school days: ${n}`);
  const instructional = weekdayFlags(calendar);
  if (n !== 0 && !instructional.some(Boolean)) {
    throw new RangeError('The calendar has no school weekdays.');
  }
  const days = schoolDays(calendar);
  const step = n < 0 ? -1 : 1;
  // Outside the year, only the side we are moving away from the year into keeps counting.
  const beyondYear = (day: number) => (step > 0 ? day > days.lastDay : day < days.firstDay);
  let day = toDayNumber(from);
  for (let left = Math.abs(n); left > 0;) {
    day += step;
    const counts = beyondYear(day)
      ? instructional[weekdayOfDayNumber(day)]!
      : days.isSchoolDay(day);
    if (counts) left--;
  }
  return fromDayNumber(day);
}
