/**
 * Properties that hold for any service, calendar and log: owed and unaccounted never exceed the
 * shortfall, totals are the sums over the counted periods, and no number is NaN.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeServiceGap,
  computeStudentGaps,
  explainGap,
  noRecordEntries,
  planNoRecordSessions,
  weeklySeries,
  type ServiceGap,
} from '../../../lib/gap';
import { isSchoolDay } from '../../../lib/calendar';
import { sessionEntrySchema } from '../../../lib/model';
import { asOfArb, calendarArb, entryArb, serviceArb } from './arbitraries';

function sum(
  periods: ServiceGap['periods'],
  key: 'expected' | 'delivered' | 'madeUp' | 'documentedMissed',
) {
  return periods.reduce((total, p) => total + p[key], 0);
}

describe('gap engine properties', () => {
  it('logging what happened settles exactly the chosen periods with no record', () => {
    fc.assert(
      fc.property(
        serviceArb,
        calendarArb,
        fc.array(entryArb, { maxLength: 60 }),
        asOfArb,
        fc.integer({ min: 0, max: 2 ** 30 }),
        (service, calendar, entries, asOf, mask) => {
          const before = computeServiceGap(service, calendar, entries, asOf);
          const chosen = before.unaccountedPeriods
            .filter((_, i) => (mask >> (i % 30)) & 1)
            .map((p) => p.start);
          const plans = planNoRecordSessions(service, calendar, before, entries, chosen);
          expect(plans.map((plan) => plan.period.start)).toEqual(chosen);
          for (const plan of plans) {
            const minutes = plan.sessions.map((s) => s.scheduledMinutes);
            expect(minutes.reduce((a, b) => a + b, 0)).toBe(plan.period.unaccounted);
            expect(plan.sessions.length).toBeLessThanOrEqual(service.sessionsPerPeriod ?? 1);
            for (const session of plan.sessions) {
              expect(session.scheduledMinutes).toBeGreaterThan(0);
              expect(isSchoolDay(calendar, session.date)).toBe(true);
              expect(session.date >= plan.period.start && session.date <= plan.period.end).toBe(
                true,
              );
              expect(session.date >= service.startDate && session.date <= service.endDate).toBe(
                true,
              );
            }
          }
          let n = 0;
          const added = noRecordEntries(
            plans,
            service,
            { status: 'missed', reason: 'provider-vacancy', note: '' },
            { newId: () => `new-${++n}`, createdAt: 0 },
          ).map((entry) => sessionEntrySchema.parse(entry));
          const after = computeServiceGap(service, calendar, [...entries, ...added], asOf);
          const settled = new Set(chosen);
          expect(after.unaccountedPeriods.map((p) => p.start)).toEqual(
            before.unaccountedPeriods.map((p) => p.start).filter((start) => !settled.has(start)),
          );
          const addedMinutes = added.reduce((total, e) => total + e.scheduledMinutes, 0);
          expect(after.unaccounted).toBe(before.unaccounted - addedMinutes);
          expect(after.documentedMissed).toBe(before.documentedMissed + addedMinutes);
        },
      ),
    );
  });

  it('owes only documented minutes, and totals equal to the periods (rules v2)', () => {
    fc.assert(
      fc.property(
        serviceArb,
        calendarArb,
        fc.array(entryArb, { maxLength: 80 }),
        asOfArb,
        (service, calendar, entries, asOf) => {
          const gap = computeServiceGap(service, calendar, entries, asOf);
          // Owed is only what the log documents as missed, less excused and made up.
          expect(gap.owed).toBe(Math.max(0, gap.documentedMissed - gap.excused - gap.madeUp));
          expect(gap.owed).toBeLessThanOrEqual(gap.documentedMissed);
          // No record: the sum of the periods listed with it, each one's expected minutes that
          // the log shows neither as given nor as missed.
          expect(gap.unaccounted).toBe(gap.periods.reduce((total, p) => total + p.unaccounted, 0));
          expect(gap.unaccountedPeriods).toEqual(gap.periods.filter((p) => p.unaccounted > 0));
          for (const p of gap.periods) {
            expect(p.unaccounted).toBe(Math.max(0, p.expected - p.delivered - p.documentedMissed));
            if (p.regularEntries === 0) expect(p.unaccounted).toBe(p.expected);
          }
          expect(gap.unaccounted).toBeLessThanOrEqual(gap.expected);
          if (gap.reduction) {
            expect(gap.reduction.recordedPeriods).toBeLessThanOrEqual(gap.reduction.periods);
          }
          expect(gap.owed).toBeGreaterThanOrEqual(0);
          expect(gap.unaccounted).toBeGreaterThanOrEqual(0);
          expect(gap.expected).toBe(sum(gap.periods, 'expected'));
          expect(gap.delivered).toBe(sum(gap.periods, 'delivered'));
          expect(gap.madeUp).toBe(sum(gap.periods, 'madeUp'));
          expect(gap.documentedMissed).toBe(sum(gap.periods, 'documentedMissed'));
          expect(Object.values(gap.missedByReason).reduce((a, b) => a + b, 0)).toBe(
            gap.documentedMissed,
          );
          expect(gap.shortfall).toBe(Math.max(0, gap.expected - gap.delivered));
          for (const value of [
            gap.expected,
            gap.delivered,
            gap.madeUp,
            gap.shortfall,
            gap.documentedMissed,
            gap.excused,
            gap.owed,
            gap.unaccounted,
          ]) {
            expect(Number.isInteger(value)).toBe(true);
          }
          if (gap.deliveryRate !== null) expect(Number.isFinite(gap.deliveryRate)).toBe(true);
          // Every counted period is complete, has school, and expects no more than the minutes
          // (a week or month) or minutes × days (a day).
          for (const p of gap.periods) {
            expect(p.end <= asOf).toBe(true);
            expect(p.activeSchoolDays).toBeGreaterThan(0);
            expect(p.activeSchoolDays).toBeLessThanOrEqual(p.instructionalWeekdays);
            expect(p.expected).toBeLessThanOrEqual(
              service.minutes * (service.period === 'day' ? p.activeSchoolDays : 1),
            );
          }
          if (gap.inProgress) expect(gap.inProgress.end > asOf).toBe(true);
          if (gap.reduction) expect(service.period).not.toBe('day');
          for (const row of explainGap(gap, service)) expect(row.how).not.toMatch(/NaN|undefined/);
          for (const point of weeklySeries(service, calendar, entries, asOf)) {
            expect(Number.isInteger(point.expected) && point.expected >= 0).toBe(true);
            expect(point.weekStart <= asOf).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('computeStudentGaps agrees with computeServiceGap', () => {
    fc.assert(
      fc.property(
        serviceArb,
        serviceArb,
        calendarArb,
        fc.array(entryArb, { maxLength: 60 }),
        asOfArb,
        (first, second, calendar, entries, asOf) => {
          const services = [
            { ...first, id: 'a' },
            { ...second, id: 'b' },
          ];
          const together = computeStudentGaps(services, calendar, entries, asOf);
          expect(together).toEqual(
            services.map((s) => computeServiceGap(s, calendar, entries, asOf)),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it("weekly series of a weekly service add up to the gap's figures", () => {
    fc.assert(
      fc.property(
        serviceArb.map((s) => ({ ...s, period: 'week' as const })),
        calendarArb,
        fc.array(entryArb, { maxLength: 60 }),
        asOfArb,
        (service, calendar, entries, asOf) => {
          const gap = computeServiceGap(service, calendar, entries, asOf);
          const series = weeklySeries(service, calendar, entries, asOf);
          const complete = series.filter((p) => !p.inProgress);
          expect(complete.reduce((t, p) => t + p.expected, 0)).toBe(gap.expected);
          expect(complete.reduce((t, p) => t + p.delivered, 0)).toBe(gap.delivered);
          expect(complete.reduce((t, p) => t + p.madeUp, 0)).toBe(gap.madeUp);
          const current = series.find((p) => p.inProgress);
          expect(current?.delivered ?? 0).toBe(gap.inProgress?.delivered ?? 0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
