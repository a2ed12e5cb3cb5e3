/**
 * fast-check arbitraries for the gap engine's property tests: a random school year, services
 * 'a' and 'b' of student 'stu', their log entries and an "as of" date, all around BASE.
 */
import fc from 'fast-check';
import { addDays } from '../../../lib/dates';
import {
  MISSED_REASONS,
  PERIODS,
  type SchoolCalendar,
  type Service,
  type SessionEntry,
} from '../../../lib/model';

export const BASE = '2026-08-01';

export const calendarArb = fc
  .record({
    startOffset: fc.integer({ min: 0, max: 40 }),
    length: fc.integer({ min: 20, max: 300 }),
    fourDay: fc.boolean(),
    closures: fc.array(
      fc.record({
        offset: fc.integer({ min: 0, max: 300 }),
        days: fc.integer({ min: 0, max: 14 }),
      }),
      { maxLength: 6 },
    ),
  })
  .map(({ startOffset, length, fourDay, closures }): SchoolCalendar => ({
    id: 'cal',
    name: 'Random year',
    firstDay: addDays(BASE, startOffset),
    lastDay: addDays(BASE, startOffset + length),
    weekdays: fourDay ? [1, 2, 3, 4] : [1, 2, 3, 4, 5],
    closures: closures.map((c) => ({
      start: addDays(BASE, c.offset),
      end: addDays(BASE, c.offset + c.days),
      label: 'Closed',
    })),
  }));

export const serviceArb = fc
  .record({
    id: fc.constantFrom('a', 'b'),
    minutes: fc.integer({ min: 1, max: 300 }),
    period: fc.constantFrom(...PERIODS),
    sessionsPerPeriod: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    startOffset: fc.integer({ min: -10, max: 200 }),
    length: fc.integer({ min: 0, max: 300 }),
    prorate: fc.boolean(),
  })
  .map((s): Service => ({
    id: s.id,
    studentId: 'stu',
    kind: 'speech-language',
    label: '',
    minutes: s.minutes,
    period: s.period,
    sessionsPerPeriod: s.sessionsPerPeriod,
    provider: '',
    location: '',
    delivery: 'direct',
    startDate: addDays(BASE, s.startOffset),
    endDate: addDays(BASE, s.startOffset + s.length),
    prorate: s.prorate,
  }));

export const entryArb = fc
  .record({
    serviceId: fc.constantFrom('a', 'b'),
    offset: fc.integer({ min: -10, max: 360 }),
    status: fc.constantFrom('delivered', 'partial', 'missed' as const),
    scheduled: fc.integer({ min: 1, max: 120 }),
    fraction: fc.double({ min: 0, max: 0.99, noNaN: true }),
    reason: fc.constantFrom(...MISSED_REASONS),
    makeUp: fc.boolean(),
  })
  .map((e): SessionEntry => ({
    id: `e${e.offset}-${e.serviceId}-${e.scheduled}`,
    studentId: 'stu',
    serviceId: e.serviceId,
    date: addDays(BASE, e.offset),
    status: e.status,
    minutesDelivered:
      e.status === 'delivered'
        ? e.scheduled
        : e.status === 'partial'
          ? Math.floor(e.scheduled * e.fraction)
          : 0,
    scheduledMinutes: e.scheduled,
    reason: e.status === 'delivered' ? null : e.reason,
    makeUp: e.makeUp,
    note: '',
    createdAt: 0,
  }));

export const asOfArb = fc.integer({ min: -20, max: 380 }).map((offset) => addDays(BASE, offset));
