/**
 * A typical Montana school year, for the sample student and the benchmark: school from the
 * Wednesday two weeks before Labor Day to the Thursday before Memorial Day, closed for Labor Day,
 * the October educators' conference, Veterans Day, Thanksgiving, winter break, Martin Luther King
 * Jr. Day, Presidents' Day and spring break. Dates come from rules (the fourth Thursday of
 * November, …) so any year works. Pure.
 */
import { addDays, isoWeekday, type IsoDate } from '../dates';
import type { Closure, SchoolCalendar } from '../model';

function iso(year: number, month: number, day: number): IsoDate {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The n-th given ISO weekday (1 = Monday) of a month: nthWeekday(2026, 11, 4, 4) is Thanksgiving. */
export function nthWeekday(year: number, month: number, weekday: number, n: number): IsoDate {
  const first = iso(year, month, 1);
  return addDays(first, ((weekday - isoWeekday(first) + 7) % 7) + 7 * (n - 1));
}

/** The last given ISO weekday of a month. */
export function lastWeekday(year: number, month: number, weekday: number): IsoDate {
  const nextMonth = month === 12 ? iso(year + 1, 1, 1) : iso(year, month + 1, 1);
  const last = addDays(nextMonth, -1);
  return addDays(last, -((isoWeekday(last) - weekday + 7) % 7));
}

const day = (date: IsoDate, label: string): Closure => ({ start: date, end: date, label });

/** First day, last day and closures of the school year starting in August of `startYear`. */
export function montanaSchoolYear(startYear: number): {
  firstDay: IsoDate;
  lastDay: IsoDate;
  closures: Closure[];
} {
  const next = startYear + 1;
  const laborDay = nthWeekday(startYear, 9, 1, 1);
  const thanksgiving = nthWeekday(startYear, 11, 4, 4);
  const conference = nthWeekday(startYear, 10, 4, 3); // a Thursday, with the Friday after
  // Winter break: the Monday on or after Dec 20 through the Sunday on or after Jan 1.
  const dec20 = iso(startYear, 12, 20);
  const jan1 = iso(next, 1, 1);
  const winterStart = addDays(dec20, (8 - isoWeekday(dec20)) % 7);
  const winterEnd = addDays(jan1, (7 - isoWeekday(jan1)) % 7);
  const springBreak = nthWeekday(next, 3, 1, 3);
  const veteransDay = iso(startYear, 11, 11);
  return {
    firstDay: addDays(laborDay, -12),
    lastDay: addDays(lastWeekday(next, 5, 1), -4),
    closures: [
      day(laborDay, 'Labor Day'),
      { start: conference, end: addDays(conference, 1), label: "Educators' conference" },
      day(veteransDay, 'Veterans Day'),
      {
        start: addDays(thanksgiving, -1),
        end: addDays(thanksgiving, 1),
        label: 'Thanksgiving break',
      },
      { start: winterStart, end: winterEnd, label: 'Winter break' },
      day(nthWeekday(next, 1, 1, 3), 'Martin Luther King Jr. Day'),
      day(nthWeekday(next, 2, 1, 3), "Presidents' Day"),
      { start: springBreak, end: addDays(springBreak, 4), label: 'Spring break' },
    ],
  };
}

/** The August year of the school year a date falls in (or, in summer, the one just ended). */
export function schoolYearStartFor(today: IsoDate): number {
  const year = Number(today.slice(0, 4));
  const candidate = Number(today.slice(5, 7)) >= 8 ? year : year - 1;
  return today < montanaSchoolYear(candidate).firstDay ? candidate - 1 : candidate;
}

/** A calendar covering `years` consecutive school years, summers closed. */
export function multiYearCalendar(
  id: string,
  name: string,
  firstYear: number,
  years: number,
  weekdays: number[],
): SchoolCalendar {
  const schoolYears = Array.from({ length: years }, (_, i) => montanaSchoolYear(firstYear + i));
  const closures: Closure[] = [];
  schoolYears.forEach((year, i) => {
    closures.push(...year.closures);
    const following = schoolYears[i + 1];
    if (following) {
      closures.push({
        start: addDays(year.lastDay, 1),
        end: addDays(following.firstDay, -1),
        label: 'Summer break',
      });
    }
  });
  return {
    id,
    name,
    firstDay: schoolYears[0]!.firstDay,
    lastDay: schoolYears.at(-1)!.lastDay,
    weekdays,
    closures,
  };
}
