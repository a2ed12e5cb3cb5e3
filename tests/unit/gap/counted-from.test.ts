/**
 * gapCountedFrom (lib/gap): a service's gap counted from a later period start, worked out from
 * its whole gap, is exactly what the engine computes from the log for the service with its start
 * date moved there (the letter page's "count from" and the complaint's one-year window use it).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, startOfMonth, startOfWeek } from '../../../lib/dates';
import { computeServiceGap, gapCountedFrom } from '../../../lib/gap';
import type { Service } from '../../../lib/model';
import { asOfArb, calendarArb, entryArb, serviceArb } from './arbitraries';

/** The first day of the service's period containing `date` (a Monday, the 1st, the day). */
function periodStart(service: Service, date: string): string {
  if (service.period === 'week') return startOfWeek(date);
  if (service.period === 'month') return startOfMonth(date);
  return date;
}

describe('gapCountedFrom', () => {
  it('equals the engine over the log for the service counted from a later period start', () => {
    fc.assert(
      fc.property(
        serviceArb,
        calendarArb,
        fc.array(entryArb, { maxLength: 80 }),
        asOfArb,
        fc.integer({ min: 0, max: 400 }),
        (service, calendar, entries, asOf, later) => {
          const start = periodStart(service, addDays(service.startDate, later));
          if (start < service.startDate) return; // only ever moved later
          const whole = computeServiceGap(service, calendar, entries, asOf);
          const moved = { ...service, startDate: start };
          const expected = computeServiceGap(moved, calendar, entries, asOf);
          const derived = gapCountedFrom(whole, start);
          if (derived.entriesOutsidePeriods === undefined) {
            // Left out only when the period in progress was dropped (start after "as of").
            expect(whole.inProgress === null || whole.inProgress.start < start).toBe(true);
            delete expected.entriesOutsidePeriods;
          }
          expect(derived).toEqual(expected);
        },
      ),
      { numRuns: 600 },
    );
  });

  it('returns the gap itself when nothing is left out', () => {
    fc.assert(
      fc.property(serviceArb, calendarArb, fc.array(entryArb), asOfArb, (s, c, e, asOf) => {
        const whole = computeServiceGap(s, c, e, asOf);
        expect(gapCountedFrom(whole, '2000-01-03')).toBe(whole);
      }),
    );
  });
});
