/** Expected against delivered minutes per week, for the charts. Pure; rules in index.ts. */
import type { IsoDate } from '../dates';
import { dayNumberOf, isoDateOf, schoolDays, type SchoolDays } from '../calendar';
import type { SchoolCalendar, Service, SessionEntry } from '../model';
import { activeFrames, activeRange, expectedMinutes, mondayOf } from './periods';

export interface WeekPoint {
  /** The Monday. */
  weekStart: IsoDate;
  expected: number;
  delivered: number;
  madeUp: number;
  /** The week containing "as of", not over yet. */
  inProgress: boolean;
}
/** Splits each month's expected minutes over its weeks by active school days. */
function monthShareByWeek(
  service: Service,
  days: SchoolDays,
  untilDay: number,
): Map<number, number> {
  const shares = new Map<number, number>();
  const range = activeRange(service, days)!;
  for (const month of activeFrames(service, days, 'month', untilDay)) {
    const total = expectedMinutes(service, month);
    let before = 0;
    for (let monday = mondayOf(month.start); monday <= month.end; monday += 7) {
      const from = Math.max(monday, month.start, range.start);
      const to = Math.min(monday + 6, month.end, range.end);
      const inWeek = days.countSchoolDays(from, to);
      if (inWeek === 0) continue;
      // Cumulative rounding: the weeks add up to the month's minutes exactly.
      const share =
        Math.round((total * (before + inWeek)) / month.active) -
        Math.round((total * before) / month.active);
      before += inWeek;
      shares.set(monday, (shares.get(monday) ?? 0) + share);
    }
  }
  return shares;
}

/** Expected vs delivered minutes per week, oldest first (rules in the header). */
export function weeklySeries(
  service: Service,
  calendar: SchoolCalendar,
  entries: SessionEntry[],
  asOf: IsoDate,
): WeekPoint[] {
  const days = schoolDays(calendar);
  const asOfDay = dayNumberOf(asOf);
  const monthShares = service.period === 'month' ? monthShareByWeek(service, days, asOfDay) : null;
  const points = new Map<number, WeekPoint>();
  for (const week of activeFrames(service, days, 'week', asOfDay)) {
    const expected =
      service.period === 'day'
        ? service.minutes * week.active
        : (monthShares?.get(week.start) ?? expectedMinutes(service, week));
    points.set(week.start, {
      weekStart: isoDateOf(week.start),
      expected,
      delivered: 0,
      madeUp: 0,
      inProgress: week.end > asOfDay,
    });
  }
  for (const entry of entries) {
    if (entry.serviceId !== service.id) continue;
    const day = dayNumberOf(entry.date);
    if (day > asOfDay) continue;
    const point = points.get(mondayOf(day));
    if (!point) continue;
    if (entry.makeUp) point.madeUp += entry.minutesDelivered;
    else point.delivered += entry.minutesDelivered;
  }
  return [...points.values()];
}
