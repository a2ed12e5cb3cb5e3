import { describe, expect, it } from 'vitest';
import {
  DISTRICT_CSV_HEADER,
  describeDistrictMissed,
  districtCsv,
  districtWeeklyDelivered,
  summarizeDistrictSeries,
  explainRow,
  RECONCILE_KINDS,
  RECONCILE_KIND_LABELS,
  reconcileKindLabel,
  reconcileService,
  underSentence,
  reconcileStudent,
} from '../../../lib/district';
import { computeServiceGap, computeStudentGaps, weeklySeries } from '../../../lib/gap';
import { districtRecordSchema, type DistrictRecord } from '../../../lib/model';
import { entry, fiveDayWeek, missed } from '../gap/helpers';
import { ot, services, speech } from './fixtures';

let next = 0;
function record(
  date: string,
  outcome: DistrictRecord['outcome'],
  minutes: number | null,
  overrides: Partial<DistrictRecord> = {},
): DistrictRecord {
  return districtRecordSchema.parse({
    id: `d${(next += 1)}`,
    importId: 'imp',
    studentId: 'stu',
    serviceId: 'svc',
    date,
    outcome,
    minutesServed: minutes,
    row: next,
    ...overrides,
  });
}

// Speech: 60 minutes a week in 2 sessions (30 per session), full minutes every week.
// As of Sunday Sep 27, 2026 five weeks count: Aug 24, Aug 31, Sep 7, Sep 14, Sep 21.
const asOf = '2026-09-27';
const entries = [
  entry('2026-09-08'),
  missed('2026-09-10', 'provider-absent'),
  entry('2026-09-14'),
  entry('2026-09-16'),
];
const records = [
  record('2026-09-01', 'delivered', 30),
  record('2026-09-08', 'delivered', 30),
  record('2026-09-10', 'delivered', 30, { note: '=cmd|calc' }),
  record('2026-09-16', 'student-absent', null, { code: 'SA' }),
  record('2026-09-21', 'provider-absent', null, { code: 'PA' }),
  record('2026-09-23', 'delivered', 20),
  record('2026-09-28', 'delivered', 30),
  record('2026-09-09', 'delivered', 30, { serviceId: 'svc-ot' }),
];

const reconcile = () =>
  reconcileService(speech, computeServiceGap(speech, fiveDayWeek, entries, asOf), entries, records);

describe('reconcileService', () => {
  it('classifies every date', () => {
    const result = reconcile();
    expect(result.rows.map((r) => [r.date, r.kind, r.fillsUnaccounted, r.under])).toEqual([
      ['2026-09-01', 'district-only', true, false],
      ['2026-09-08', 'agree', false, false],
      ['2026-09-10', 'conflict-delivered', false, false],
      ['2026-09-14', 'parent-only', false, false],
      ['2026-09-16', 'conflict-absent', false, false],
      ['2026-09-21', 'district-only', true, false],
      ['2026-09-23', 'district-only', true, true],
    ]);
    expect(result.counts).toEqual({
      'conflict-delivered': 1,
      'conflict-absent': 1,
      'district-only': 3,
      'parent-only': 1,
      agree: 1,
    });
    expect(result.rows.filter((r) => r.conflict).map((r) => r.date)).toEqual([
      '2026-09-10',
      '2026-09-16',
    ]);
  });

  it('adds up both records side by side, over the weeks the district file covers', () => {
    expect(reconcile()).toMatchObject({
      perSession: 30,
      // The file's speech records run Sep 1 – Sep 28: the counted weeks of Aug 31 – Sep 21.
      spans: [{ importId: 'imp', from: '2026-09-01', to: '2026-09-28', records: 7 }],
      compared: { from: '2026-08-31', to: '2026-09-27', periods: 4 },
      // Four weeks, not the five the parent's gap counts (Aug 24 is before the file).
      expected: 240,
      parentDelivered: 90,
      districtDelivered: 110,
      parentMissed: 30,
      districtMissed: 70,
      parentExcused: 0,
      districtExcused: 30,
      // Parent: weeks of Aug 31 and Sep 21 have no record (2 × 60); Aug 24 is not compared.
      unaccounted: 120,
      // The district's records account for 30 minutes of Aug 31 and all of Sep 21.
      unaccountedAfterBoth: 30,
    });
  });

  it('states the "student absent" minutes of both logs alike, inside documented missed', () => {
    // My log: Sep 15 missed because the child was absent (30 minutes, excused), Sep 22 missed.
    const mine = [
      ...entries,
      missed('2026-09-15', 'student-absent'),
      missed('2026-09-22', 'other'),
    ];
    const result = reconcileService(
      speech,
      computeServiceGap(speech, fiveDayWeek, mine, asOf),
      mine,
      records,
    );
    const gap = computeServiceGap(speech, fiveDayWeek, mine, asOf);
    // Documented missed is the gap's (absences included) over the compared weeks, as for the
    // district's column; the absent part of each is stated beside it.
    const compared = gap.periods.filter((p) => p.start >= result.compared.from!);
    expect(result.parentMissed).toBe(compared.reduce((n, p) => n + p.documentedMissed, 0));
    expect(result).toMatchObject({ parentMissed: 90, parentExcused: 30, districtExcused: 30 });
    // An absence outside the compared weeks is not in either total.
    const before = [...mine, missed('2026-08-26', 'student-absent')];
    expect(
      reconcileService(
        speech,
        computeServiceGap(speech, fiveDayWeek, before, asOf),
        before,
        records,
      ).parentExcused,
    ).toBe(30);
  });

  it('compares nothing outside the district file: no totals, no "only your log" rows', () => {
    const gap = computeServiceGap(speech, fiveDayWeek, entries, asOf);
    // A file with one record, on Sep 16: only the week of Sep 14 is compared.
    const result = reconcileService(speech, gap, entries, [
      record('2026-09-16', 'delivered', 30, { importId: 'one-day' }),
    ]);
    expect(result.compared).toEqual({ from: '2026-09-14', to: '2026-09-20', periods: 1 });
    expect(result).toMatchObject({ expected: 60, parentDelivered: 60, districtDelivered: 30 });
    expect(result.rows.map((r) => [r.date, r.kind])).toEqual([['2026-09-16', 'agree']]);
    // The parent's whole gap is still 300 expected: the Gaps page's cards are unchanged.
    expect(gap.expected).toBe(300);
    // Two files: each covers its own dates, and the weeks between them are not compared.
    const two = reconcileService(speech, gap, entries, [
      record('2026-08-25', 'delivered', 30, { importId: 'first' }),
      record('2026-09-22', 'delivered', 30, { importId: 'second' }),
    ]);
    expect(two.spans.map((s) => [s.importId, s.from, s.to])).toEqual([
      ['first', '2026-08-25', '2026-08-25'],
      ['second', '2026-09-22', '2026-09-22'],
    ]);
    expect(two.compared.periods).toBe(2);
    expect(two.expected).toBe(120);
    expect(two.rows.some((r) => r.kind === 'parent-only')).toBe(false);
  });

  it('lists the sessions the district itself shows as not provided', () => {
    expect(reconcile().districtConfirmedMissed).toEqual([
      {
        date: '2026-09-21',
        minutesMissed: 30,
        outcome: 'provider-absent',
        parentHadNoRecord: true,
      },
      { date: '2026-09-23', minutesMissed: 10, outcome: 'delivered', parentHadNoRecord: true },
    ]);
    expect(describeDistrictMissed(reconcile(), 'speech-language therapy')).toBe(
      "The district's service logs show 2 sessions of speech-language therapy not fully provided between September 21, 2026 and September 23, 2026 (40 minutes).",
    );
  });

  it('a district delivery on a day the parent logged a student absence is a conflict too', () => {
    const own = [missed('2026-09-08', 'student-absent')];
    const result = reconcileService(
      speech,
      computeServiceGap(speech, fiveDayWeek, own, asOf),
      own,
      [record('2026-09-08', 'delivered', 30)],
    );
    expect(result.rows[0]!.kind).toBe('conflict-delivered');
    // The same absence on both sides agrees.
    const both = reconcileService(speech, computeServiceGap(speech, fiveDayWeek, own, asOf), own, [
      record('2026-09-08', 'student-absent', null),
    ]);
    expect(both.rows[0]!.kind).toBe('agree');
  });

  it('a district record with no minutes counts as a full session when delivered', () => {
    const result = reconcileService(
      speech,
      computeServiceGap(speech, fiveDayWeek, [], asOf),
      [],
      [record('2026-09-08', 'delivered', null), record('2026-09-09', 'make-up', 30)],
    );
    expect(result.districtDelivered).toBe(30);
    expect(result.districtMadeUp).toBe(30);
    expect(result.rows.every((r) => !r.under)).toBe(true);
  });

  it('explains each row in plain words', () => {
    const rows = reconcile().rows;
    expect(explainRow(rows[2]!)).toBe(
      "The district's log says 30 minutes delivered; your log says 0 minutes delivered, 30 minutes missed (provider absent).",
    );
    expect(explainRow(rows[4]!)).toMatch(/marks your child absent/);
    expect(explainRow(rows[6]!)).toMatch(/shows 20 minutes of the IEP's 30 minutes per session/);
    expect(underSentence(rows[6]!)).toBe(
      "The district's own log shows 20 minutes of the IEP's 30 minutes per session.",
    );
    expect(underSentence(rows[5]!)).toBeNull();
  });

  it('speaks in the packet\'s voice ("my log") when asked, the app\'s by default', () => {
    const rows = reconcile().rows;
    expect(explainRow(rows[2]!, 'me')).toBe(
      "The district's log says 30 minutes delivered; my log says 0 minutes delivered, 30 minutes missed (provider absent).",
    );
    expect(explainRow(rows[4]!, 'me')).toMatch(
      /marks my child absent; my log shows my child was there/,
    );
    for (const row of rows) {
      expect(explainRow(row)).toBe(explainRow(row, 'you'));
      expect(explainRow(row, 'me')).not.toMatch(/\byour?\b/i);
    }
    // One table of labels: the app's are the default voice's.
    for (const kind of RECONCILE_KINDS) {
      expect(RECONCILE_KIND_LABELS[kind]).toBe(reconcileKindLabel(kind, 'you'));
      expect(reconcileKindLabel(kind, 'me')).not.toMatch(/\byour?\b/i);
    }
    expect(reconcileKindLabel('conflict-delivered', 'me')).toBe(
      'Conflict: district says delivered, I logged missed',
    );
    expect(reconcileKindLabel('conflict-absent', 'me')).toBe(
      'Conflict: district says absent, I logged my child there',
    );
    expect(reconcileKindLabel('parent-only', 'me')).toBe('Only my log has a record');
  });
});

describe('reconcileStudent and the CSV', () => {
  it('reconciles each service and writes formula-safe CSV', () => {
    const gaps = computeStudentGaps(services, fiveDayWeek, entries, asOf);
    const all = reconcileStudent(services, gaps, entries, records);
    expect(all.map((r) => r.serviceId)).toEqual([speech.id, ot.id]);
    expect(all[1]!.rows.map((r) => [r.date, r.kind])).toEqual([['2026-09-09', 'district-only']]);
    const csv = districtCsv(all[0]!.rows, services);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(DISTRICT_CSV_HEADER.join(','));
    expect(csv).toContain("'=cmd|calc");
    expect(lines[3]).toMatch(
      /^2026-09-10,speech-language therapy,"Conflict: district says delivered, you logged missed"/,
    );
  });
});

describe('districtWeeklyDelivered', () => {
  it("gives the district's delivered minutes for each week of the parent's series", () => {
    const series = weeklySeries(speech, fiveDayWeek, entries, asOf);
    expect(series.map((p) => p.weekStart)).toEqual([
      '2026-08-24',
      '2026-08-31',
      '2026-09-07',
      '2026-09-14',
      '2026-09-21',
    ]);
    // Sep 1: 30; Sep 8 + Sep 10: 60; Sep 16 absent: 0; Sep 21 provider absent 0 + Sep 23: 20.
    // Sep 28 is after "as of"; the OT record is another service's.
    // The week of Aug 24 is before the file's first record (Sep 1): no value, not 0.
    expect(districtWeeklyDelivered(speech, series, records, asOf)).toEqual([null, 30, 60, 0, 20]);
  });

  it('counts a delivered record with no minutes as a session and leaves make-ups out', () => {
    const series = weeklySeries(speech, fiveDayWeek, [], asOf);
    const more = [
      record('2026-09-02', 'delivered', null),
      record('2026-09-03', 'make-up', 30),
      record('2026-09-04', 'school-closed', 10),
      record('2026-08-10', 'delivered', 30),
    ];
    // The file's records run Aug 10 – Sep 4: the weeks after it have no value.
    expect(districtWeeklyDelivered(speech, series, more, asOf)).toEqual([0, 40, null, null, null]);
  });

  it("sums the finished weeks up for the chart's text alternative", () => {
    const series = weeklySeries(speech, fiveDayWeek, entries, asOf);
    const district = districtWeeklyDelivered(speech, series, records, asOf);
    // Your log: Sep 8 (30), Sep 14 + Sep 16 (60); the district: 30, 60, 0, 20.
    // The week of Aug 24 (outside the file) is neither summed nor counted as differing.
    expect(summarizeDistrictSeries(series, district)).toBe(
      "In the 4 finished weeks the district's log covers, it shows 110 minutes delivered; your log shows 90. The two logs differ in 4 weeks.",
    );
    // Weeks of Sep 7 (30 in both) and Sep 14 (my 60, the district's 30).
    expect(summarizeDistrictSeries(series, [null, null, 30, 30, null], 'me')).toBe(
      "In the 2 finished weeks the district's log covers, it shows 60 minutes delivered; my log shows 90. The two logs differ in 1 week.",
    );
    expect(
      summarizeDistrictSeries(
        series,
        series.map(() => null),
      ),
    ).toBe("The district's log covers none of the finished weeks.");
    const current = series.map((p) => ({ ...p, inProgress: true }));
    expect(summarizeDistrictSeries(current, district)).toMatch(/no finished weeks yet/);
  });
});
