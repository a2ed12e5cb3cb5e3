/**
 * The weekly chart series and the plain-words explanations, on the calendars of helpers.ts.
 */
import { describe, expect, it } from 'vitest';
import { computeServiceGap, describeService, explainGap, weeklySeries } from '../../../lib/gap';
import { entry, fiveDayWeek, fourDayWeek, missed, service } from './helpers';

const points = (series: ReturnType<typeof weeklySeries>) =>
  series.map((p) => [p.weekStart, p.expected, p.delivered, p.madeUp, p.inProgress]);

describe('weeklySeries', () => {
  it('shows each week of a weekly service, the current one in progress', () => {
    // As of Wed Sep 30: weeks Aug 24 … Sep 21 complete, Sep 28 in progress; 60 expected each.
    const log = [
      entry('2026-08-27'),
      entry('2026-08-28'),
      entry('2026-09-01'),
      entry('2026-09-03', { makeUp: true }),
      entry('2026-09-29'),
      entry('2026-10-01'), // after "as of"
      entry('2026-09-02', { serviceId: 'other' }), // another service
    ];
    expect(points(weeklySeries(service(), fiveDayWeek, log, '2026-09-30'))).toEqual([
      ['2026-08-24', 60, 60, 0, false],
      ['2026-08-31', 60, 30, 30, false],
      ['2026-09-07', 60, 0, 0, false],
      ['2026-09-14', 60, 0, 0, false],
      ['2026-09-21', 60, 0, 0, false],
      ['2026-09-28', 60, 30, 0, true],
    ]);
  });

  it('leaves out weeks with no school day and prorates like the gap', () => {
    // As of Sun Jan 10, 2027, prorated: Thanksgiving week 24, winter break weeks absent.
    const series = weeklySeries(service({ prorate: true }), fiveDayWeek, [], '2027-01-10');
    const weeks = series.map((p) => p.weekStart);
    expect(weeks).not.toContain('2026-12-21');
    expect(weeks).not.toContain('2026-12-28');
    expect(series.find((p) => p.weekStart === '2026-11-23')?.expected).toBe(24);
    // Same total as the gap: 1,032 (see periods.test.ts).
    expect(series.reduce((sum, p) => sum + p.expected, 0)).toBe(1032);
  });

  it('multiplies a daily service by the school days of each week', () => {
    // Four-day week, as of Wed Sep 9: Aug 24 week has Wed, Thu (2 × 30 = 60); Aug 31 week
    // 4 days (120); Sep 7 week Tue-Thu after Labor Day (3 × 30 = 90), in progress.
    const daily = service({ minutes: 30, period: 'day', sessionsPerPeriod: null });
    expect(points(weeklySeries(daily, fourDayWeek, [], '2026-09-09'))).toEqual([
      ['2026-08-24', 60, 0, 0, false],
      ['2026-08-31', 120, 0, 0, false],
      ['2026-09-07', 90, 0, 0, true],
    ]);
  });

  it("splits a monthly service's minutes over its weeks by school days", () => {
    // 120 a month, as of Sun Oct 4. August has 4 school days: Aug 26-28 (week of Aug 24) and
    // Aug 31: 120 × 3/4 = 90 and 30.
    // September has 21: 4 (Sep 1-4), 4 (Sep 8-11), 5, 5, 3 (Sep 28-30). Cumulative rounding:
    // 120 × 4/21 = 22.9 → 23; × 8/21 = 45.7 → 46 (23); × 13/21 = 74.3 → 74 (28);
    // × 18/21 = 102.9 → 103 (29); 120 (17).
    // October has 22; Oct 1-2 in the week of Sep 28: 120 × 2/22 = 10.9 → 11.
    // Weeks: Aug 24: 90; Aug 31: 30 + 23 = 53; Sep 7: 23; Sep 14: 28; Sep 21: 29;
    // Sep 28: 17 + 11 = 28.
    const monthly = service({ minutes: 120, period: 'month', sessionsPerPeriod: null });
    expect(
      weeklySeries(monthly, fiveDayWeek, [], '2026-10-04').map((p) => [p.weekStart, p.expected]),
    ).toEqual([
      ['2026-08-24', 90],
      ['2026-08-31', 53],
      ['2026-09-07', 23],
      ['2026-09-14', 28],
      ['2026-09-21', 29],
      ['2026-09-28', 28],
    ]);
  });

  it('is empty before the service starts', () => {
    expect(weeklySeries(service(), fiveDayWeek, [], '2026-08-01')).toEqual([]);
  });
});

describe('describeService', () => {
  it('says the service as the IEP writes it', () => {
    expect(describeService(service())).toBe(
      '60 minutes of speech-language therapy per week (2 sessions)',
    );
    expect(
      describeService(service({ kind: 'occupational', minutes: 30, sessionsPerPeriod: 1 })),
    ).toBe('30 minutes of occupational therapy per week (1 session)');
    expect(
      describeService(
        service({
          kind: 'other',
          label: 'Social skills group',
          minutes: 120,
          period: 'month',
          sessionsPerPeriod: null,
          delivery: 'consult',
        }),
      ),
    ).toBe('120 minutes of Social skills group per month (consultation)');
    expect(describeService(service({ minutes: 1, period: 'day', sessionsPerPeriod: null }))).toBe(
      '1 minute of speech-language therapy per day',
    );
  });
});

describe('explainGap', () => {
  // As of Sun Sep 27: 5 weeks × 60 = 300 expected (see totals.test.ts).
  const log = [
    entry('2026-08-27'),
    entry('2026-08-28'),
    entry('2026-09-01'),
    missed('2026-09-03', 'provider-absent'),
    entry('2026-09-08', { status: 'partial', minutesDelivered: 20, reason: 'scheduling-conflict' }),
    missed('2026-09-10', 'student-absent'),
    entry('2026-09-15'),
    entry('2026-09-17', { makeUp: true }),
  ];
  const gap = computeServiceGap(service(), fiveDayWeek, log, '2026-09-27');
  const rows = explainGap(gap, service());
  const row = (key: string) => rows.find((r) => r.key === key)!;

  it('explains every number with its arithmetic', () => {
    expect(rows.map((r) => r.key)).toEqual([
      'expected',
      'delivered',
      'madeUp',
      'shortfall',
      'documentedMissed',
      'excused',
      'owed',
      'unaccounted',
      'deliveryRate',
    ]);
    expect(row('expected').how).toContain(
      '60 minutes a week × 5 complete school weeks = 300 minutes.',
    );
    expect(row('delivered')).toMatchObject({ value: 140, display: '140 minutes' });
    expect(row('madeUp').value).toBe(30);
    expect(row('shortfall').how).toContain('300 − 140 = 160 minutes');
    expect(row('documentedMissed').how).toContain('provider absent: 30 minutes');
    expect(row('documentedMissed').how).toContain('scheduling conflict: 10 minutes');
    expect(row('excused')).toMatchObject({ value: 30 });
    // owed = 70 documented − 30 excused − 30 made up = 10
    expect(row('owed').how).toContain('70 − 30 − 30');
    expect(row('owed').display).toBe('10 minutes');
    // no record: 30 in the week of Sep 14, 60 in the week of Sep 21
    expect(row('unaccounted').label).toBe('No record');
    expect(row('unaccounted').how).toContain(
      'No record for 90 minutes (the weeks of Sep 14 and Sep 21, 2026)',
    );
    expect(row('unaccounted').how).toContain('records request');
    // 140 ÷ 300 = 46.7% → 47%; with the 90 no-record minutes given, 230 ÷ 300 → 77%
    expect(row('deliveryRate')).toMatchObject({ value: 140 / 300, display: '47% to 77%' });
    expect(row('deliveryRate').how).toContain('between 47% and 77%');
    for (const r of rows) {
      expect(r.how).not.toMatch(/undefined|NaN|null/);
      expect(r.label.length).toBeGreaterThan(0);
    }
  });

  it('shows a plain rate once every minute is in the log', () => {
    // Weeks of Sep 14 (two sessions given) and Sep 21 (two missed): nothing without a record.
    const late = service({ startDate: '2026-09-14' });
    const logged = [
      entry('2026-09-14'),
      entry('2026-09-15'),
      missed('2026-09-21', 'provider-absent'),
      missed('2026-09-22', 'provider-absent'),
    ];
    const gap = computeServiceGap(late, fiveDayWeek, logged, '2026-09-27');
    expect(gap.unaccounted).toBe(0);
    const rate = explainGap(gap, late).find((r) => r.key === 'deliveryRate')!;
    expect(rate).toMatchObject({ value: 0.5, display: '50%' });
    expect(rate.how).toBe(
      'Delivered ÷ expected: 60 ÷ 120 = 50%. Make-up minutes are not included.',
    );
  });

  it('explains prorated short weeks', () => {
    // As of Sun Jan 10, 2027, prorated: 18 weeks × 60 = 1,080, less 12 (Labor Day week 48) and
    // 36 (Thanksgiving week 24) = 48 less: 1,032.
    const prorated = service({ prorate: true });
    const how = explainGap(computeServiceGap(prorated, fiveDayWeek, [], '2027-01-10'), prorated)[0]!
      .how;
    expect(how).toContain('60 minutes a week × 18 complete school weeks = 1,080 minutes.');
    expect(how).toContain('2 short weeks');
    expect(how).toContain('48 minutes less: 1,032 minutes in all');
  });

  it('explains daily and monthly services', () => {
    const daily = service({ minutes: 30, period: 'day', sessionsPerPeriod: null });
    expect(explainGap(computeServiceGap(daily, fiveDayWeek, [], '2026-09-09'), daily)[0]!.how).toBe(
      '30 minutes a day × 10 school days = 300 minutes.',
    );
    const monthly = service({ minutes: 120, period: 'month', sessionsPerPeriod: null });
    expect(
      explainGap(computeServiceGap(monthly, fiveDayWeek, [], '2026-11-10'), monthly)[0]!.how,
    ).toContain('120 minutes a month × 3 complete months = 360 minutes.');
  });

  it('adds the week in progress and a possible cut in services when there are any', () => {
    // Weeks of Sep 14, 21, 28 with nothing delivered, as of Wed Oct 7 (week of Oct 5 running).
    const late = service({ startDate: '2026-09-14' });
    const reduced = computeServiceGap(late, fiveDayWeek, [entry('2026-10-05')], '2026-10-07');
    const extra = explainGap(reduced, late).slice(9);
    expect(extra.map((r) => r.key)).toEqual(['inProgress', 'reduction']);
    expect(extra[0]!.how).toContain(
      'The week of October 5, 2026 is not over yet: 30 of 60 minutes',
    );
    expect(extra[1]).toMatchObject({ value: 3, display: '3 weeks in a row' });
    expect(extra[1]!.how).toContain('Starting the week of September 14, 2026');
  });

  it('says plainly when nothing is counted yet', () => {
    const rowsBefore = explainGap(
      computeServiceGap(service(), fiveDayWeek, [], '2026-08-01'),
      service(),
    );
    expect(rowsBefore[0]!.how).toBe(
      'No school day with this service has been counted yet, so nothing is expected yet.',
    );
    expect(rowsBefore.find((r) => r.key === 'deliveryRate')).toMatchObject({
      value: null,
      display: 'Not yet',
    });
  });
});
