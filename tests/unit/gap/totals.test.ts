/**
 * Delivered, made up, shortfall, documented missed, excused, owed and unaccounted, worked out by
 * hand. Service: 60 minutes a week in 2 sessions of 30 on the five-day calendar (helpers.ts).
 */
import { describe, expect, it } from 'vitest';
import { computeServiceGap, computeStudentGaps, defaultScheduledMinutes } from '../../../lib/gap';
import { entry, fiveDayWeek, fourDayWeek, missed, service } from './helpers';

// As of Sun Sep 27, 2026 the counted weeks are Aug 24, Aug 31, Sep 7, Sep 14, Sep 21:
// 5 × 60 = 300 expected, nothing in progress.
const AS_OF = '2026-09-27';

const log = [
  // Week of Aug 24: two full sessions = 60.
  entry('2026-08-27'),
  entry('2026-08-28'),
  // Week of Aug 31: one session, one missed (provider absent) = 30 delivered, 30 documented.
  entry('2026-09-01'),
  missed('2026-09-03', 'provider-absent', { note: 'SLP out sick' }),
  // Week of Sep 7: partial 20 of 30 (scheduling conflict) and missed, child absent:
  // 20 delivered, 10 + 30 = 40 documented.
  entry('2026-09-08', { status: 'partial', minutesDelivered: 20, reason: 'scheduling-conflict' }),
  missed('2026-09-10', 'student-absent'),
  // Week of Sep 14: one session and one 30-minute make-up.
  entry('2026-09-15'),
  entry('2026-09-17', { makeUp: true }),
  // Week of Sep 21: nothing logged at all.
  // After "as of": ignored.
  entry('2026-09-29'),
  // Another service's entry: ignored.
  entry('2026-09-02', { serviceId: 'other', minutesDelivered: 999, scheduledMinutes: 999 }),
];

describe('totals over the counted weeks', () => {
  const gap = computeServiceGap(service(), fiveDayWeek, log, AS_OF);

  it('adds up delivered and made-up minutes per week', () => {
    expect(
      gap.periods.map((p) => [p.delivered, p.madeUp, p.documentedMissed, p.studentAbsent]),
    ).toEqual([
      [60, 0, 0, false],
      [30, 0, 30, false],
      [20, 0, 40, true],
      [30, 30, 0, false],
      [0, 0, 0, false],
    ]);
    // 60 + 30 + 20 + 30 + 0 = 140 delivered; 30 made up.
    expect(gap.delivered).toBe(140);
    expect(gap.madeUp).toBe(30);
  });

  it('computes shortfall, documented missed, excused, owed and unaccounted', () => {
    expect(gap.expected).toBe(300);
    // shortfall = 300 − 140 = 160
    expect(gap.shortfall).toBe(160);
    // documented = 30 (provider absent) + 10 (partial) + 30 (student absent) = 70
    expect(gap.documentedMissed).toBe(70);
    expect(gap.missedByReason).toMatchObject({
      'provider-absent': 30,
      'scheduling-conflict': 10,
      'student-absent': 30,
      'provider-vacancy': 0,
      'weather-travel': 0,
      'reduced-without-meeting': 0,
      other: 0,
    });
    // excused = the student-absent 30 (not owed)
    expect(gap.excused).toBe(30);
    // owed (rules v2) = 70 documented − 30 excused − 30 made up = 10
    expect(gap.owed).toBe(10);
    // unaccounted = per week, expected − delivered − documented: 30 in the week of Sep 14 and
    // the whole 60 of the week of Sep 21, which has no entry at all = 90
    expect(gap.unaccounted).toBe(90);
    expect(gap.unaccountedPeriods.map((p) => [p.start, p.unaccounted, p.regularEntries])).toEqual([
      ['2026-09-14', 30, 1],
      ['2026-09-21', 60, 0],
    ]);
    // rate = 140 ÷ 300
    expect(gap.deliveryRate).toBeCloseTo(140 / 300, 10);
  });

  it('lists missed and make-up sessions oldest first', () => {
    expect(
      gap.missedSessions.map((s) => [s.date, s.scheduled, s.delivered, s.missed, s.reason]),
    ).toEqual([
      ['2026-09-03', 30, 0, 30, 'provider-absent'],
      ['2026-09-08', 30, 20, 10, 'scheduling-conflict'],
      ['2026-09-10', 30, 0, 30, 'student-absent'],
    ]);
    expect(gap.missedSessions[0]!.note).toBe('SLP out sick');
    expect(gap.makeUpSessions.map((e) => e.date)).toEqual(['2026-09-17']);
    expect(gap.entriesOutsidePeriods).toBe(0);
  });

  it('does not depend on the order of the entries', () => {
    const reversed = computeServiceGap(service(), fiveDayWeek, [...log].reverse(), AS_OF);
    expect(reversed).toEqual(gap);
  });

  it('gives the same answer through computeStudentGaps', () => {
    const other = service({ id: 'other', kind: 'occupational', minutes: 30, sessionsPerPeriod: 1 });
    const [mine, theirs] = computeStudentGaps([service(), other], fiveDayWeek, log, AS_OF);
    expect(mine).toEqual(gap);
    // The other service: 5 weeks × 30 = 150 expected; its one entry (Sep 2) delivered 999.
    expect(theirs).toMatchObject({
      serviceId: 'other',
      expected: 150,
      delivered: 999,
      shortfall: 0,
    });
  });
});

describe('edge cases of the totals', () => {
  it('never owes minutes the child was absent for', () => {
    // One week (Aug 31-Sep 6, as of Sep 6): both sessions missed, child absent.
    // shortfall 60, documented 60, excused 60: owed = max(0, 60 − 60 − 0) = 0, unaccounted 0.
    const gap = computeServiceGap(
      service({ startDate: '2026-08-31' }),
      fiveDayWeek,
      [missed('2026-09-01', 'student-absent'), missed('2026-09-03', 'student-absent')],
      '2026-09-06',
    );
    expect(gap).toMatchObject({
      expected: 60,
      shortfall: 60,
      excused: 60,
      owed: 0,
      unaccounted: 0,
    });
  });

  it('keeps owed at zero when make-ups exceed the shortfall', () => {
    // Week of Aug 31: 30 delivered, 30 missed (weather), then two 30-minute make-ups.
    // shortfall 30; owed = max(0, 30 − 0 − 60) = 0.
    const gap = computeServiceGap(
      service({ startDate: '2026-08-31' }),
      fiveDayWeek,
      [
        entry('2026-09-01'),
        missed('2026-09-02', 'weather-travel'),
        entry('2026-09-03', { makeUp: true }),
        entry('2026-09-04', { makeUp: true }),
      ],
      '2026-09-06',
    );
    expect(gap).toMatchObject({
      shortfall: 30,
      madeUp: 60,
      owed: 0,
      unaccounted: 0,
      documentedMissed: 30,
    });
  });

  it('lets an extra-long week offset a short one in the shortfall, not in the record', () => {
    // Weeks of Aug 31 and Sep 7 (120 expected): 90 delivered in the first, 0 in the second.
    // shortfall = 120 − 90 = 30; the week of Sep 7 has no entry: 60 minutes with no record,
    // and nothing owed (nothing documented as missed).
    const gap = computeServiceGap(
      service({ startDate: '2026-08-31' }),
      fiveDayWeek,
      [entry('2026-09-01', { minutesDelivered: 90, scheduledMinutes: 30 })],
      '2026-09-13',
    );
    expect(gap).toMatchObject({
      expected: 120,
      delivered: 90,
      shortfall: 30,
      unaccounted: 60,
      owed: 0,
    });
    expect(gap.unaccountedPeriods.map((p) => p.start)).toEqual(['2026-09-07']);
  });

  it('does not document missed minutes of a make-up that fell short', () => {
    // A make-up planned for 30 that gave 20: 20 made up, nothing new documented as missed.
    const gap = computeServiceGap(
      service({ startDate: '2026-08-31' }),
      fiveDayWeek,
      [
        entry('2026-09-02', {
          makeUp: true,
          status: 'partial',
          minutesDelivered: 20,
          reason: 'other',
        }),
      ],
      '2026-09-06',
    );
    expect(gap).toMatchObject({ madeUp: 20, documentedMissed: 0, missedSessions: [] });
    expect(gap.makeUpSessions).toHaveLength(1);
  });

  it('gives the unfinished week its own figures, left out of the totals', () => {
    // As of Wed Sep 30: the week of Sep 28 is in progress. 30 delivered Mon, 30 missed Tue.
    const gap = computeServiceGap(
      service({ startDate: '2026-09-28' }),
      fiveDayWeek,
      [entry('2026-09-28'), missed('2026-09-29', 'provider-absent'), entry('2026-10-01')],
      '2026-09-30',
    );
    expect(gap.inProgress).toMatchObject({ expected: 60, delivered: 30, documentedMissed: 30 });
    expect(gap).toMatchObject({
      expected: 0,
      delivered: 0,
      documentedMissed: 0,
      missedSessions: [],
    });
  });

  it('counts entries that fall outside every counted period apart', () => {
    // A daily service on a four-day week: a Friday make-up (Sep 4) and an entry before school began.
    // Days counted as of Sep 9: Aug 26, 27, 31, Sep 1, 2, 3, 8, 9 = 8 × 30 = 240.
    const daily = service({ minutes: 30, period: 'day', sessionsPerPeriod: null });
    const gap = computeServiceGap(
      daily,
      fourDayWeek,
      [entry('2026-09-03'), entry('2026-09-04', { makeUp: true }), entry('2026-08-20')],
      '2026-09-09',
    );
    expect(gap).toMatchObject({
      expected: 240,
      delivered: 30,
      madeUp: 0,
      entriesOutsidePeriods: 2,
    });
  });
});

describe('defaultScheduledMinutes', () => {
  it("divides the period's minutes by the sessions, rounded", () => {
    expect(defaultScheduledMinutes(service({ minutes: 60, sessionsPerPeriod: 2 }))).toBe(30);
    // 150 ÷ 4 = 37.5 → 38
    expect(defaultScheduledMinutes(service({ minutes: 150, sessionsPerPeriod: 4 }))).toBe(38);
    // 100 ÷ 3 = 33.3 → 33
    expect(defaultScheduledMinutes(service({ minutes: 100, sessionsPerPeriod: 3 }))).toBe(33);
    expect(defaultScheduledMinutes(service({ minutes: 45, sessionsPerPeriod: null }))).toBe(45);
  });
});
