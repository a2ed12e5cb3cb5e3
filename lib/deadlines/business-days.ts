/**
 * Business days for the Early Assistance Program's 15-day window (ARM 10.16.3660).
 *
 * OPI is a Montana state office, so we count business days as Montana law defines them
 * (MCA 1-1-216): Monday to Friday, skipping the state's legal holidays —
 *   New Year's Day (Jan 1), Martin Luther King Jr. Day (3rd Monday in January), Lincoln's and
 *   Washington's Birthdays (3rd Monday in February), Memorial Day (last Monday in May),
 *   Independence Day (Jul 4), Labor Day (1st Monday in September), Columbus Day / Indigenous
 *   Peoples' Day (2nd Monday in October), Veterans' Day (Nov 11), Thanksgiving (4th Thursday in
 *   November), Christmas (Dec 25), and the state general election day (the first Tuesday after
 *   the first Monday in November, in even-numbered years).
 * A fixed-date holiday that falls on a Sunday is observed the Monday after; on a Saturday, the
 * Friday before (MCA 1-1-216(2)). Juneteenth is a federal holiday but not a Montana legal
 * holiday, so it counts as a business day here. Saturdays are treated as non-business days
 * because state offices are closed on them.
 *
 * Pure: calendar-date strings only (lib/dates), no time zones.
 */
import { addDays, isoWeekday, type IsoDate } from '../dates';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function dateOf(year: number, month: number, day: number): IsoDate {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The nth (1-based) given ISO weekday of a month; n = -1 is the last one. */
function nthWeekday(year: number, month: number, weekday: number, n: number): IsoDate {
  if (n > 0) {
    const first = dateOf(year, month, 1);
    const offset = (weekday - isoWeekday(first) + 7) % 7;
    return addDays(first, offset + (n - 1) * 7);
  }
  const nextMonthFirst = month === 12 ? dateOf(year + 1, 1, 1) : dateOf(year, month + 1, 1);
  const last = addDays(nextMonthFirst, -1);
  const back = (isoWeekday(last) - weekday + 7) % 7;
  return addDays(last, -back);
}

/** A fixed-date holiday moved off the weekend: Saturday → Friday before, Sunday → Monday after. */
function observed(date: IsoDate): IsoDate {
  const weekday = isoWeekday(date);
  if (weekday === 6) return addDays(date, -1);
  if (weekday === 7) return addDays(date, 1);
  return date;
}

export interface Holiday {
  /** The day the holiday is observed (offices closed). */
  date: IsoDate;
  name: string;
}

/** Montana legal holidays of a year, as observed (MCA 1-1-216). Sorted by date. */
export function montanaHolidays(year: number): Holiday[] {
  const holidays: Holiday[] = [
    { date: observed(dateOf(year, 1, 1)), name: "New Year's Day" },
    { date: nthWeekday(year, 1, 1, 3), name: 'Martin Luther King Jr. Day' },
    { date: nthWeekday(year, 2, 1, 3), name: "Lincoln's and Washington's Birthdays" },
    { date: nthWeekday(year, 5, 1, -1), name: 'Memorial Day' },
    { date: observed(dateOf(year, 7, 4)), name: 'Independence Day' },
    { date: nthWeekday(year, 9, 1, 1), name: 'Labor Day' },
    { date: nthWeekday(year, 10, 1, 2), name: "Columbus Day / Indigenous Peoples' Day" },
    { date: observed(dateOf(year, 11, 11)), name: "Veterans' Day" },
    { date: nthWeekday(year, 11, 4, 4), name: 'Thanksgiving Day' },
    { date: observed(dateOf(year, 12, 25)), name: 'Christmas Day' },
  ];
  if (year % 2 === 0) {
    // The first Tuesday after the first Monday in November.
    holidays.push({
      date: addDays(nthWeekday(year, 11, 1, 1), 1),
      name: 'State general election day',
    });
  }
  return holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const holidayCache = new Map<number, Set<IsoDate>>();

function observedHolidayDates(year: number): Set<IsoDate> {
  let dates = holidayCache.get(year);
  if (!dates) {
    dates = new Set(montanaHolidays(year).map((h) => h.date));
    holidayCache.set(year, dates);
  }
  return dates;
}

export function isMontanaHoliday(date: IsoDate): boolean {
  const year = Number(date.slice(0, 4));
  // New Year's Day on a Saturday is observed on December 31 of the year before.
  return observedHolidayDates(year).has(date) || observedHolidayDates(year + 1).has(date);
}

export function isBusinessDay(date: IsoDate): boolean {
  return isoWeekday(date) <= 5 && !isMontanaHoliday(date);
}

/**
 * The date `count` business days after `start` (the start day itself is not counted, as a
 * period "within N days after" an event starts the day after it).
 */
export function addBusinessDays(start: IsoDate, count: number): IsoDate {
  let date = start;
  let left = count;
  while (left > 0) {
    date = addDays(date, 1);
    if (isBusinessDay(date)) left--;
  }
  return date;
}
