/**
 * The "possible unilateral reduction" flag: three or more consecutive counted periods with
 * regular delivered minutes under half the expected minutes and no "student absent" entry.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../lib/dates';
import { computeServiceGap } from '../../../lib/gap';
import type { SessionEntry } from '../../../lib/model';
import { entry, fiveDayWeek, missed, service } from './helpers';

/**
 * One entry a week, on the Tuesday, for consecutive weeks from `firstMonday`: the minutes
 * delivered that week, or a missed 60-minute session ("reduced without a meeting") for 0.
 */
function weekly(firstMonday: string, minutesPerWeek: number[]): SessionEntry[] {
  return minutesPerWeek.map((minutes, week) => {
    const tuesday = addDays(firstMonday, 7 * week + 1);
    return minutes === 0
      ? missed(tuesday, 'reduced-without-meeting', { scheduledMinutes: 60 })
      : entry(tuesday, { minutesDelivered: minutes, scheduledMinutes: minutes });
  });
}

// As of Sun Nov 1, 2026 the counted weeks are the 10 weeks from Aug 24 to Oct 26
// (Aug 24, Aug 31, Sep 7, Sep 14, Sep 21, Sep 28, Oct 5, Oct 12, Oct 19, Oct 26).
const AS_OF = '2026-11-01';
const FIRST = '2026-08-24';

describe('reduction flag', () => {
  it('flags an ongoing run with the Monday it began', () => {
    // From the week of Sep 28: 0, 0, 20, 0, 0 minutes (20 < 30, half of 60): 5 weeks in a row.
    const log = weekly(FIRST, [60, 60, 60, 60, 60, 0, 0, 20, 0, 0]);
    const gap = computeServiceGap(service(), fiveDayWeek, log, AS_OF);
    expect(gap.reduction).toEqual({
      startDate: '2026-09-28',
      endDate: '2026-11-01',
      periods: 5,
      recordedPeriods: 5,
      ongoing: true,
    });
  });

  it('is broken by a week in which the child was absent', () => {
    // Five weeks at 0 from Sep 28, but the child was absent in the week of Oct 12: runs of
    // 2 (Sep 28, Oct 5) and 2 (Oct 19, 26).
    const log = [
      ...weekly(FIRST, [60, 60, 60, 60, 60, 0, 0, 0, 0, 0]),
      missed('2026-10-14', 'student-absent'),
    ];
    expect(computeServiceGap(service(), fiveDayWeek, log, AS_OF).reduction).toBeNull();
  });

  it('needs strictly less than half', () => {
    // 30 of 60 each week from Sep 28 is exactly half: no flag.
    const log = weekly(FIRST, [60, 60, 60, 60, 60, 30, 30, 30, 30, 30]);
    expect(computeServiceGap(service(), fiveDayWeek, log, AS_OF).reduction).toBeNull();
  });

  it('reports a past run when the service recovered, and the latest of two runs', () => {
    // Sep 7, 14, 21 at 0 (Labor Day week expects the full 60 without prorating), then full.
    const earlyRun = weekly(FIRST, [60, 60, 0, 0, 0, 60, 60, 60, 60, 60]);
    expect(computeServiceGap(service(), fiveDayWeek, earlyRun, AS_OF).reduction).toEqual({
      startDate: '2026-09-07',
      endDate: '2026-09-27',
      periods: 3,
      recordedPeriods: 3,
      ongoing: false,
    });
    // A second run from Oct 12 to the end: that one is reported.
    const twoRuns = weekly(FIRST, [60, 60, 0, 0, 0, 60, 60, 0, 0, 0]);
    expect(computeServiceGap(service(), fiveDayWeek, twoRuns, AS_OF).reduction).toMatchObject({
      startDate: '2026-10-12',
      periods: 3,
      recordedPeriods: 3,
      ongoing: true,
    });
  });

  it('does not count the week in progress, and is not split by a break', () => {
    // Service from Nov 30. Weeks Nov 30, Dec 7, Dec 14 at 0, winter break (no school),
    // Jan 4 at 0. As of Wed Jan 6 the week of Jan 4 is in progress: 3 counted weeks.
    const fromDecember = service({ startDate: '2026-11-30' });
    const log = [...weekly('2026-11-30', [0, 0, 0]), ...weekly('2027-01-04', [0])];
    expect(computeServiceGap(fromDecember, fiveDayWeek, log, '2027-01-06').reduction).toEqual({
      startDate: '2026-11-30',
      endDate: '2026-12-20',
      periods: 3,
      recordedPeriods: 3,
      ongoing: true,
    });
    // As of Sun Jan 10 the week of Jan 4 counts too, across the two break weeks: 4 in a row.
    expect(computeServiceGap(fromDecember, fiveDayWeek, log, '2027-01-10').reduction).toMatchObject(
      {
        startDate: '2026-11-30',
        endDate: '2027-01-10',
        periods: 4,
      },
    );
    // Two counted weeks are not enough.
    expect(computeServiceGap(fromDecember, fiveDayWeek, log, '2026-12-16').reduction).toBeNull();
  });

  it('measures against the prorated minutes', () => {
    // Prorated, Thanksgiving week (Nov 23) expects 60 × 2/5 = 24; 12 minutes is exactly half,
    // so it breaks a run: weeks Nov 9 and 16 at 0, Nov 23 at 12, Nov 30 at 0 → no run of 3.
    const prorated = service({ startDate: '2026-11-09', prorate: true });
    const log = weekly('2026-11-09', [0, 0, 12, 0]);
    expect(computeServiceGap(prorated, fiveDayWeek, log, '2026-12-06').reduction).toBeNull();
    // 11 minutes is under half of 24: 4 weeks in a row from Nov 9.
    const under = weekly('2026-11-09', [0, 0, 11, 0]);
    expect(computeServiceGap(prorated, fiveDayWeek, under, '2026-12-06').reduction).toMatchObject({
      startDate: '2026-11-09',
      periods: 4,
    });
  });

  it('does not let make-ups hide a reduction', () => {
    // Make-up minutes are not regular delivery: 3 weeks of 0 plus 60 of make-ups still flags.
    const log = [
      ...weekly('2026-09-28', [0, 0, 0]),
      entry('2026-10-14', { makeUp: true, minutesDelivered: 60, scheduledMinutes: 60 }),
    ];
    const late = service({ startDate: '2026-09-28' });
    expect(computeServiceGap(late, fiveDayWeek, log, '2026-10-18').reduction).toMatchObject({
      startDate: '2026-09-28',
      periods: 3,
    });
  });

  it('flags a monthly service with the first of the month', () => {
    // 120 a month, as of Dec 31: Aug 120, Sep 40, Oct 0, Nov 30, Dec 120.
    // Sep, Oct, Nov are under 60 (half of 120): 3 months from Sep 1, over by December.
    const monthly = service({
      kind: 'occupational',
      minutes: 120,
      period: 'month',
      sessionsPerPeriod: null,
    });
    const log = [
      entry('2026-08-27', { minutesDelivered: 120, scheduledMinutes: 120 }),
      entry('2026-09-15', { minutesDelivered: 40, scheduledMinutes: 40 }),
      entry('2026-11-10'),
      entry('2026-12-08', { minutesDelivered: 120, scheduledMinutes: 120 }),
    ];
    expect(computeServiceGap(monthly, fiveDayWeek, log, '2026-12-31').reduction).toEqual({
      startDate: '2026-09-01',
      endDate: '2026-11-30',
      periods: 3,
      // October has no entry at all: no record, so only 2 months are documented.
      recordedPeriods: 2,
      ongoing: false,
    });
  });
});
