/**
 * Planning "log what happened" for periods with no record (lib/gap/no-record.ts): which dates,
 * how many entries, how many minutes, and that writing them settles exactly the chosen periods.
 * Runs in America/Denver and Pacific/Kiritimati (npm run test:unit): no date may move.
 */
import { describe, expect, it } from 'vitest';
import {
  computeServiceGap,
  noRecordEntries,
  planNoRecordSessions,
  splitIntoSessions,
  type NoRecordOutcome,
} from '../../../lib/gap';
import { sessionEntrySchema, type SessionEntry } from '../../../lib/model';
import { entry, fiveDayWeek, service } from './helpers';

const vacancy: NoRecordOutcome = { status: 'missed', reason: 'provider-vacancy', note: '' };

function maker() {
  let n = 0;
  return { newId: () => `planned-${++n}`, createdAt: 5 };
}

/** Plans, builds the entries, checks them with the schema and returns them with the new gap. */
function fill(
  svc = service(),
  existing: SessionEntry[] = [],
  asOf = '2026-09-20',
  outcome = vacancy,
  periodStarts?: string[],
) {
  const before = computeServiceGap(svc, fiveDayWeek, existing, asOf);
  const plans = planNoRecordSessions(svc, fiveDayWeek, before, existing, periodStarts);
  const added = noRecordEntries(plans, svc, outcome, maker()).map((e) =>
    sessionEntrySchema.parse(e),
  );
  const after = computeServiceGap(svc, fiveDayWeek, [...existing, ...added], asOf);
  return { before, plans, added, after };
}

describe('splitIntoSessions', () => {
  it('cuts the minutes into sessions of the IEP size, the last one taking what is left', () => {
    expect(splitIntoSessions({ minutes: 60, sessionsPerPeriod: 2 }, 60)).toEqual([30, 30]);
    expect(splitIntoSessions({ minutes: 60, sessionsPerPeriod: 2 }, 48)).toEqual([30, 18]);
    expect(splitIntoSessions({ minutes: 60, sessionsPerPeriod: 2 }, 30)).toEqual([30]);
    expect(splitIntoSessions({ minutes: 100, sessionsPerPeriod: 3 }, 100)).toEqual([33, 33, 34]);
    expect(splitIntoSessions({ minutes: 45, sessionsPerPeriod: null }, 45)).toEqual([45]);
    expect(splitIntoSessions({ minutes: 45, sessionsPerPeriod: null }, 20)).toEqual([20]);
    expect(splitIntoSessions({ minutes: 60, sessionsPerPeriod: 2 }, 0)).toEqual([]);
  });
});

describe('planNoRecordSessions', () => {
  it('puts each week’s sessions on its first school days and settles every no-record minute', () => {
    // Weeks of Aug 24 (school starts Wed Aug 26), Aug 31, Sep 7 (Labor Day Mon) and Sep 14.
    const { before, plans, added, after } = fill();
    expect(before.unaccounted).toBe(240);
    expect(plans.map((p) => p.period.start)).toEqual([
      '2026-08-24',
      '2026-08-31',
      '2026-09-07',
      '2026-09-14',
    ]);
    expect(added.map((e) => [e.date, e.scheduledMinutes])).toEqual([
      ['2026-08-26', 30],
      ['2026-08-27', 30],
      ['2026-08-31', 30],
      ['2026-09-01', 30],
      ['2026-09-08', 30],
      ['2026-09-09', 30],
      ['2026-09-14', 30],
      ['2026-09-15', 30],
    ]);
    expect(added[0]).toMatchObject({
      id: 'planned-1',
      studentId: 'stu',
      serviceId: 'svc',
      status: 'missed',
      minutesDelivered: 0,
      reason: 'provider-vacancy',
      makeUp: false,
      createdAt: 5,
    });
    expect(after.unaccounted).toBe(0);
    expect(after.unaccountedPeriods).toEqual([]);
    expect(after.documentedMissed).toBe(240);
    expect(after.owed).toBe(240);
  });

  it('adds only what a partly logged week is missing, on a day with no entry yet', () => {
    const logged = [entry('2026-08-31')];
    const { plans, added, after } = fill(service(), logged, '2026-09-06', vacancy, ['2026-08-31']);
    expect(plans).toHaveLength(1);
    expect(added.map((e) => [e.date, e.scheduledMinutes])).toEqual([['2026-09-01', 30]]);
    expect(after.periods.find((p) => p.start === '2026-08-31')!.unaccounted).toBe(0);
    // The week not chosen keeps its no record.
    expect(after.unaccountedPeriods.map((p) => p.start)).toEqual(['2026-08-24']);
  });

  it('follows the school calendar: a week with a holiday gets its shorter share', () => {
    const svc = service({ prorate: true });
    const { added, after } = fill(svc, [], '2026-09-13', vacancy, ['2026-09-07']);
    // Labor Day: 4 of 5 school days, 48 minutes expected.
    expect(added.map((e) => [e.date, e.scheduledMinutes])).toEqual([
      ['2026-09-08', 30],
      ['2026-09-09', 18],
    ]);
    expect(after.periods.find((p) => p.start === '2026-09-07')!.unaccounted).toBe(0);
  });

  it('uses only the days the service is in effect', () => {
    const svc = service({ startDate: '2026-09-03' });
    const { added } = fill(svc, [], '2026-09-06');
    expect(added.map((e) => e.date)).toEqual(['2026-09-03', '2026-09-04']);
  });

  it('logs sessions given as scheduled when the parent says so', () => {
    const given: NoRecordOutcome = { status: 'delivered', reason: 'other', note: ' per SLP  ' };
    const { added, after } = fill(service(), [], '2026-09-06', given);
    expect(added[0]).toMatchObject({
      status: 'delivered',
      minutesDelivered: 30,
      scheduledMinutes: 30,
      reason: null,
      note: 'per SLP',
    });
    expect(after).toMatchObject({ delivered: 120, unaccounted: 0, owed: 0 });
  });

  it('a day service gets one entry per school day with no record', () => {
    const svc = service({ period: 'day', minutes: 20, sessionsPerPeriod: null });
    const { added, after } = fill(
      svc,
      [entry('2026-08-27', { scheduledMinutes: 20, minutesDelivered: 20 })],
      '2026-08-28',
    );
    expect(added.map((e) => [e.date, e.scheduledMinutes])).toEqual([
      ['2026-08-26', 20],
      ['2026-08-28', 20],
    ]);
    expect(after.unaccounted).toBe(0);
  });

  it('a month service spreads its sessions over the month’s first free school days', () => {
    const svc = service({ period: 'month', minutes: 120, sessionsPerPeriod: 4 });
    const logged = [entry('2026-09-01')];
    const { added, after } = fill(svc, logged, '2026-10-01', vacancy, ['2026-09-01']);
    // 120 − 30 delivered = 90 minutes: 30 + 30 + 30 on Sep 2, 3, 4 (Sep 1 has an entry).
    expect(added.map((e) => [e.date, e.scheduledMinutes])).toEqual([
      ['2026-09-02', 30],
      ['2026-09-03', 30],
      ['2026-09-04', 30],
    ]);
    expect(after.periods.find((p) => p.start === '2026-09-01')!.unaccounted).toBe(0);
  });

  it('more sessions than school days share the days', () => {
    // Week of Aug 24: school on Wed-Fri only; 4 sessions of 15.
    const svc = service({ sessionsPerPeriod: 4 });
    const { added } = fill(svc, [], '2026-08-30');
    expect(added.map((e) => e.date)).toEqual([
      '2026-08-26',
      '2026-08-26',
      '2026-08-27',
      '2026-08-28',
    ]);
  });

  it('plans nothing for periods that are not listed, or a service outside the year', () => {
    expect(fill(service(), [], '2026-09-20', vacancy, ['2026-10-05']).added).toEqual([]);
    const outside = service({ startDate: '2027-07-01', endDate: '2027-08-01' });
    const gap = computeServiceGap(outside, fiveDayWeek, [], '2027-08-01');
    expect(planNoRecordSessions(outside, fiveDayWeek, gap, [])).toEqual([]);
  });
});
