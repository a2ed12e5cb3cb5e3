/**
 * Shared fixtures for the gap engine tests: the 2026-27 school year on a five-day and a four-day
 * week, and factories for services and log entries that go through the real zod schemas.
 */
import {
  calendarSchema,
  serviceSchema,
  sessionEntrySchema,
  type SchoolCalendar,
  type Service,
  type SessionEntry,
} from '../../../lib/model';

/**
 * School runs Wednesday Aug 26, 2026 to Thursday May 27, 2027. Closed: Labor Day (Mon Sep 7),
 * Thanksgiving break (Wed Nov 25-Fri Nov 27), winter break (Mon Dec 21-Fri Jan 1), a snow day
 * (Wed Jan 13, 2027).
 */
export const fiveDayWeek: SchoolCalendar = calendarSchema.parse({
  id: 'cal-5',
  name: 'Five-day week 2026-27',
  firstDay: '2026-08-26',
  lastDay: '2027-05-27',
  weekdays: [1, 2, 3, 4, 5],
  closures: [
    { start: '2026-09-07', end: '2026-09-07', label: 'Labor Day' },
    { start: '2026-11-25', end: '2026-11-27', label: 'Thanksgiving break' },
    { start: '2026-12-21', end: '2027-01-01', label: 'Winter break' },
    { start: '2027-01-13', end: '2027-01-13', label: 'Snow day' },
  ],
});

/** The same year and closures on a Monday-Thursday week. */
export const fourDayWeek: SchoolCalendar = { ...fiveDayWeek, id: 'cal-4', weekdays: [1, 2, 3, 4] };

export function service(overrides: Partial<Service> = {}): Service {
  return serviceSchema.parse({
    id: 'svc',
    studentId: 'stu',
    kind: 'speech-language',
    minutes: 60,
    period: 'week',
    sessionsPerPeriod: 2,
    startDate: '2026-08-26',
    endDate: '2027-05-27',
    // Most cases pin the full-minutes rule so their arithmetic reads simply; the calendar rule
    // (the schema's default) has its own tests.
    prorate: false,
    ...overrides,
  });
}

let nextId = 0;

/** A log entry for service "svc"; a missed entry defaults to 0 minutes delivered. */
export function entry(
  date: string,
  overrides: Partial<SessionEntry> & { status?: SessionEntry['status'] } = {},
): SessionEntry {
  const status = overrides.status ?? 'delivered';
  return sessionEntrySchema.parse({
    id: `e${String(++nextId).padStart(5, '0')}`,
    studentId: 'stu',
    serviceId: 'svc',
    date,
    status,
    minutesDelivered: status === 'missed' ? 0 : 30,
    scheduledMinutes: 30,
    createdAt: 0,
    ...overrides,
  });
}

/** A missed session with a reason. */
export function missed(
  date: string,
  reason: NonNullable<SessionEntry['reason']>,
  overrides: Partial<SessionEntry> = {},
): SessionEntry {
  return entry(date, { status: 'missed', reason, ...overrides });
}
