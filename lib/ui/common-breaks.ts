/**
 * Usual US school holidays and breaks for a school year, offered as one-click closures in the
 * calendar editor. They are starting points: districts differ, and the user edits the dates.
 */
import { addDays, isoWeekday, parseIsoDate, type IsoDate } from '../dates';
import type { Closure } from '../model';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The nth (1-based) ISO weekday of a month; n = -1 for the last one. */
export function nthWeekdayOfMonth(
  year: number,
  month: number,
  weekday: number,
  n: number,
): IsoDate {
  if (n > 0) {
    const first = `${year}-${pad(month)}-01`;
    const offset = (weekday - isoWeekday(first) + 7) % 7;
    return addDays(first, offset + (n - 1) * 7);
  }
  const nextMonthFirst = month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`;
  const last = addDays(nextMonthFirst, -1);
  return addDays(last, -((isoWeekday(last) - weekday + 7) % 7));
}

const MONDAY = 1;
const WEDNESDAY = 3;
const THURSDAY = 4;

/** Common closures of the school year that starts in the year of `firstDay`. */
export function commonBreaks(firstDay: IsoDate): Closure[] {
  const parts = parseIsoDate(firstDay);
  // A date input holds years like 0002 while the user is still typing the year.
  if (!parts || parts.year < 1900 || parts.year > 2200) return [];
  // A year starting in January–June is the spring half of a year that began the summer before.
  const fall = parts.month >= 7 ? parts.year : parts.year - 1;
  const spring = fall + 1;
  const thanksgiving = nthWeekdayOfMonth(fall, 11, THURSDAY, 4);
  const springBreakMonday = nthWeekdayOfMonth(spring, 3, MONDAY, 3);
  return [
    single('Labor Day', nthWeekdayOfMonth(fall, 9, MONDAY, 1)),
    {
      label: 'Thanksgiving break',
      start: addDays(thanksgiving, WEDNESDAY - THURSDAY),
      end: addDays(thanksgiving, 1),
    },
    { label: 'Winter break', start: `${fall}-12-22`, end: `${spring}-01-02` },
    single('Martin Luther King Jr. Day', nthWeekdayOfMonth(spring, 1, MONDAY, 3)),
    single("Presidents' Day", nthWeekdayOfMonth(spring, 2, MONDAY, 3)),
    { label: 'Spring break', start: springBreakMonday, end: addDays(springBreakMonday, 4) },
    single('Memorial Day', nthWeekdayOfMonth(spring, 5, MONDAY, -1)),
  ];
}

function single(label: string, date: IsoDate): Closure {
  return { label, start: date, end: date };
}

/**
 * A guess at the current school year, for a new calendar: late August to early June. The user
 * corrects it; it only saves typing.
 */
export function guessSchoolYear(today: IsoDate): { firstDay: IsoDate; lastDay: IsoDate } {
  const parts = parseIsoDate(today);
  const year = parts ? (parts.month >= 7 ? parts.year : parts.year - 1) : 2025;
  return {
    firstDay: nextWeekday(`${year}-08-25`),
    lastDay: nthWeekdayOfMonth(year + 1, 6, 5, 1),
  };
}

function nextWeekday(date: IsoDate): IsoDate {
  const weekday = isoWeekday(date);
  return weekday >= 6 ? addDays(date, 8 - weekday) : date;
}
