/**
 * Which periods count and what they expect. Every expectation is worked out by hand in the
 * comments; the calendars are in helpers.ts (school from Wed Aug 26, 2026; Labor Day Sep 7;
 * Thanksgiving Nov 25-27; winter break Dec 21-Jan 1; snow day Jan 13, 2027).
 */
import { describe, expect, it } from 'vitest';
import { computeServiceGap } from '../../../lib/gap';
import { fiveDayWeek, fourDayWeek, service } from './helpers';

const summary = (gap: ReturnType<typeof computeServiceGap>) =>
  gap.periods.map((p) => [p.start, p.activeSchoolDays, p.instructionalWeekdays, p.expected]);

describe('weekly services', () => {
  it('counts complete weeks and keeps the unfinished week apart (five-day week)', () => {
    // As of Wed Sep 30, 2026. Complete weeks: Aug 24 (Wed-Fri: 3 days), Aug 31 (5),
    // Sep 7 (4, Labor Day), Sep 14 (5), Sep 21 (5). Week of Sep 28 ends Oct 4: in progress.
    const gap = computeServiceGap(service(), fiveDayWeek, [], '2026-09-30');
    expect(summary(gap)).toEqual([
      ['2026-08-24', 3, 3, 60],
      ['2026-08-31', 5, 5, 60],
      ['2026-09-07', 4, 5, 60],
      ['2026-09-14', 5, 5, 60],
      ['2026-09-21', 5, 5, 60],
    ]);
    // 60 minutes × 5 weeks = 300.
    expect(gap.expected).toBe(300);
    expect(gap.countedFrom).toBe('2026-08-24');
    expect(gap.countedTo).toBe('2026-09-27');
    expect(gap.inProgress).toMatchObject({
      start: '2026-09-28',
      end: '2026-10-04',
      activeSchoolDays: 5,
      expected: 60,
    });
    expect(gap.shortfall).toBe(300);
    expect(gap.deliveryRate).toBe(0);
  });

  it('prorates short weeks by school days when asked (five-day week)', () => {
    // First week: 3 active of 3 instructional days inside the year = full 60.
    // Labor Day week: 60 × 4/5 = 48. Others 60. Total 60 + 60 + 48 + 60 + 60 = 288.
    const gap = computeServiceGap(service({ prorate: true }), fiveDayWeek, [], '2026-09-30');
    expect(gap.periods.map((p) => p.expected)).toEqual([60, 60, 48, 60, 60]);
    expect(gap.expected).toBe(288);
  });

  it('counts a four-day week and prorates it by four days', () => {
    // Mon-Thu. First week: Wed 26, Thu 27 = 2 of 2. Labor Day week: Tue-Thu = 3 of 4.
    const gap = computeServiceGap(service(), fourDayWeek, [], '2026-09-30');
    expect(summary(gap)).toEqual([
      ['2026-08-24', 2, 2, 60],
      ['2026-08-31', 4, 4, 60],
      ['2026-09-07', 3, 4, 60],
      ['2026-09-14', 4, 4, 60],
      ['2026-09-21', 4, 4, 60],
    ]);
    expect(gap.expected).toBe(300);
    // Prorated: 60 × 3/4 = 45 for Labor Day week; 60 + 60 + 45 + 60 + 60 = 285.
    const prorated = computeServiceGap(service({ prorate: true }), fourDayWeek, [], '2026-09-30');
    expect(prorated.expected).toBe(285);
  });

  it('prorates Thanksgiving week and leaves winter break weeks out', () => {
    // As of Sun Jan 10, 2027: Mondays Aug 24 … Dec 14 are 17 weeks (112 days ÷ 7 + 1), the two
    // break weeks (Dec 21, Dec 28) have no school day, then Jan 4: 18 counted weeks.
    const gap = computeServiceGap(service(), fiveDayWeek, [], '2027-01-10');
    expect(gap.periods).toHaveLength(18);
    expect(gap.periods.map((p) => p.start)).not.toContain('2026-12-21');
    expect(gap.periods.map((p) => p.start)).not.toContain('2026-12-28');
    expect(gap.expected).toBe(18 * 60);
    // Sunday is the week's last day, so nothing is in progress.
    expect(gap.inProgress).toBeNull();

    // Prorated: Thanksgiving week Mon 23, Tue 24 open of 5 = 60 × 2/5 = 24; Labor Day week 48.
    // 16 × 60 + 48 + 24 = 1,032.
    const prorated = computeServiceGap(service({ prorate: true }), fiveDayWeek, [], '2027-01-10');
    const thanksgiving = prorated.periods.find((p) => p.start === '2026-11-23');
    expect(thanksgiving).toMatchObject({
      activeSchoolDays: 2,
      instructionalWeekdays: 5,
      expected: 24,
    });
    expect(prorated.expected).toBe(1032);

    // Four-day week, Thanksgiving week: Mon, Tue open of Mon-Thu = 60 × 2/4 = 30.
    const fourDay = computeServiceGap(service({ prorate: true }), fourDayWeek, [], '2027-01-10');
    expect(fourDay.periods.find((p) => p.start === '2026-11-23')?.expected).toBe(30);
  });

  it('prorates the snow-day week and rounds to the nearest minute', () => {
    // 50 minutes a week; snow day Wed Jan 13, 2027 leaves 4 of 5 days: 50 × 4/5 = 40.
    // Four-day week: 3 of 4: 50 × 3/4 = 37.5, rounds to 38.
    const fifty = service({ minutes: 50, prorate: true });
    const five = computeServiceGap(fifty, fiveDayWeek, [], '2027-01-17');
    expect(five.periods.at(-1)).toMatchObject({ start: '2027-01-11', expected: 40 });
    const four = computeServiceGap(fifty, fourDayWeek, [], '2027-01-17');
    expect(four.periods.at(-1)).toMatchObject({ start: '2027-01-11', expected: 38 });
  });

  it('starts and ends a service mid-week', () => {
    // Active Wed Sep 16 to Wed Oct 14. Week of Sep 14: Wed-Fri = 3 of 5; Sep 21, Sep 28,
    // Oct 5: 5 each; week of Oct 12: Mon-Wed = 3 of 5. Later weeks have no active day.
    const midWeek = service({ startDate: '2026-09-16', endDate: '2026-10-14' });
    const gap = computeServiceGap(midWeek, fiveDayWeek, [], '2026-10-31');
    expect(gap.periods.map((p) => [p.start, p.activeSchoolDays])).toEqual([
      ['2026-09-14', 3],
      ['2026-09-21', 5],
      ['2026-09-28', 5],
      ['2026-10-05', 5],
      ['2026-10-12', 3],
    ]);
    // Without prorating: 5 × 60 = 300. With: 36 + 60 + 60 + 60 + 36 = 252 (60 × 3/5 = 36).
    expect(gap.expected).toBe(300);
    expect(gap.inProgress).toBeNull(); // week of Oct 26 has no active day
    const prorated = computeServiceGap(
      { ...midWeek, prorate: true },
      fiveDayWeek,
      [],
      '2026-10-31',
    );
    expect(prorated.expected).toBe(252);
  });

  it('counts nothing before the school year', () => {
    const summer = computeServiceGap(service(), fiveDayWeek, [], '2026-08-01');
    expect(summer).toMatchObject({
      periods: [],
      inProgress: null,
      expected: 0,
      shortfall: 0,
      owed: 0,
      deliveryRate: null,
      countedFrom: null,
      countedTo: null,
      reduction: null,
    });
    // Tue Aug 25: the first week (school starts Wednesday) is in progress, nothing counted.
    const dayBefore = computeServiceGap(service(), fiveDayWeek, [], '2026-08-25');
    expect(dayBefore.periods).toEqual([]);
    expect(dayBefore.inProgress?.start).toBe('2026-08-24');
  });

  it('counts nothing for a service that starts after "as of"', () => {
    const later = service({ startDate: '2026-10-01' });
    const gap = computeServiceGap(later, fiveDayWeek, [], '2026-09-20');
    expect(gap.periods).toEqual([]);
    expect(gap.inProgress).toBeNull();
    expect(gap.expected).toBe(0);
  });
});

describe('daily services', () => {
  it('expects the minutes on every active school day up to and including "as of"', () => {
    // As of Wed Sep 9. Five-day: Aug 26, 27, 28, 31, Sep 1, 2, 3, 4, 8, 9 = 10 days (Labor Day
    // out): 30 × 10 = 300. A day is complete on its own date, so nothing is in progress.
    const daily = service({ minutes: 30, period: 'day', sessionsPerPeriod: null });
    const five = computeServiceGap(daily, fiveDayWeek, [], '2026-09-09');
    expect(five.periods).toHaveLength(10);
    expect(five.periods[0]).toMatchObject({ start: '2026-08-26', end: '2026-08-26', expected: 30 });
    expect(five.expected).toBe(300);
    expect(five.inProgress).toBeNull();
    // Four-day: Aug 26, 27, 31, Sep 1, 2, 3, 8, 9 = 8 days: 240.
    expect(computeServiceGap(daily, fourDayWeek, [], '2026-09-09').expected).toBe(240);
  });

  it('is never flagged as a reduction', () => {
    const daily = service({ minutes: 30, period: 'day', sessionsPerPeriod: null });
    expect(computeServiceGap(daily, fiveDayWeek, [], '2026-12-01').reduction).toBeNull();
  });
});

describe('monthly services', () => {
  it('counts complete months and prorates by school days', () => {
    // As of Tue Nov 10. August (Wed 26-Mon 31: 4 days, all 4 weekdays of the year in August),
    // September (22 weekdays, 21 open), October (22 weekdays, all open) count; November is in
    // progress.
    const monthly = service({
      kind: 'occupational',
      minutes: 120,
      period: 'month',
      sessionsPerPeriod: 4,
    });
    const gap = computeServiceGap(monthly, fiveDayWeek, [], '2026-11-10');
    expect(summary(gap)).toEqual([
      ['2026-08-01', 4, 4, 120],
      ['2026-09-01', 21, 22, 120],
      ['2026-10-01', 22, 22, 120],
    ]);
    expect(gap.expected).toBe(360);
    expect(gap.countedTo).toBe('2026-10-31');
    expect(gap.inProgress).toMatchObject({ start: '2026-11-01', end: '2026-11-30', expected: 120 });

    // Prorated: September 120 × 21/22 = 114.55, rounds to 115. 120 + 115 + 120 = 355.
    // November (in progress): 21 weekdays, 18 open (Thanksgiving Wed-Fri) = 120 × 18/21 = 102.86,
    // rounds to 103.
    const prorated = computeServiceGap(
      { ...monthly, prorate: true },
      fiveDayWeek,
      [],
      '2026-11-10',
    );
    expect(prorated.expected).toBe(355);
    expect(prorated.inProgress?.expected).toBe(103);
  });

  it('leaves out a month with no school day (summer)', () => {
    // As of Aug 31, 2027: the year ends Thu May 27. June-August have no school day.
    const monthly = service({ minutes: 120, period: 'month', sessionsPerPeriod: null });
    const gap = computeServiceGap(monthly, fiveDayWeek, [], '2027-08-31');
    // August 2026 … May 2027 = 10 months.
    expect(gap.periods).toHaveLength(10);
    expect(gap.countedTo).toBe('2027-05-31');
    expect(gap.expected).toBe(1200);
  });
});
