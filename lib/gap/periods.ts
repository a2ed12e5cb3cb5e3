/**
 * Periods of a service: its weeks, months or school days, as day-number frames with their
 * school-day counts, and the minutes each one expects. Pure; see index.ts for the rules.
 */
import { daysInMonth, type IsoDate } from '../dates';
import { dayNumberOf, isoDateOf, weekdayOfDayNumber, type SchoolDays } from '../calendar';
import type { Period, Service } from '../model';

/** A period's bounds (day numbers, both included) and its school-day counts. */
export interface Frame {
  start: number;
  end: number;
  active: number;
  instructional: number;
}

/** The service's active days clipped to the school year, or null when they do not overlap. */
export function activeRange(
  service: Service,
  days: SchoolDays,
): { start: number; end: number } | null {
  const start = Math.max(dayNumberOf(service.startDate), days.firstDay);
  const end = Math.min(dayNumberOf(service.endDate), days.lastDay);
  return start <= end ? { start, end } : null;
}

export function mondayOf(day: number): number {
  return day - weekdayOfDayNumber(day) + 1;
}

/** Bounds of the day, week or month containing a day. */
function periodBounds(unit: Period, day: number): { start: number; end: number } {
  if (unit === 'day') return { start: day, end: day };
  if (unit === 'week') {
    const start = mondayOf(day);
    return { start, end: start + 6 };
  }
  const iso = isoDateOf(day);
  const start = day - Number(iso.slice(8, 10)) + 1;
  return { start, end: start + daysInMonth(Number(iso.slice(0, 4)), Number(iso.slice(5, 7))) - 1 };
}

/**
 * The service's periods (by `unit`) that have at least one active school day and start on or
 * before `untilDay`, oldest first.
 */
export function activeFrames(
  service: Service,
  days: SchoolDays,
  unit: Period,
  untilDay: number,
): Frame[] {
  const range = activeRange(service, days);
  if (!range) return [];
  const frames: Frame[] = [];
  for (let day = range.start; day <= range.end;) {
    const { start, end } = periodBounds(unit, day);
    if (start > untilDay) break;
    const active = days.countSchoolDays(Math.max(start, range.start), Math.min(end, range.end));
    if (active > 0) {
      frames.push({
        start,
        end,
        active,
        instructional: days.countInstructionalWeekdays(start, end),
      });
    }
    day = end + 1;
  }
  return frames;
}

/**
 * Expected minutes of one period of the service's own unit. A week or month service follows the
 * school calendar (`prorate`, the default) unless its IEP says the full minutes apply anyway.
 */
export function expectedMinutes(service: Service, frame: Frame): number {
  if (service.period === 'day') return service.minutes * frame.active;
  if (!service.prorate || frame.active >= frame.instructional) return service.minutes;
  return Math.round((service.minutes * frame.active) / frame.instructional);
}

/** Start day of the period of `unit` containing the entry's date, without building a Date. */
export function periodKey(unit: Period, day: number, date: IsoDate): number {
  if (unit === 'day') return day;
  if (unit === 'week') return mondayOf(day);
  return day - Number(date.slice(8, 10)) + 1;
}
