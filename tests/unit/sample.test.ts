import { describe, expect, it } from 'vitest';
import { isSchoolDay } from '../../lib/calendar';
import { addDays, isoWeekday } from '../../lib/dates';
import { computeStudentGaps } from '../../lib/gap';
import {
  calendarSchema,
  letterSchema,
  profileSchema,
  serviceSchema,
  sessionEntrySchema,
  studentSchema,
} from '../../lib/model';
import { buildBenchData, buildSampleData, SAMPLE_IDS } from '../../lib/sample';

/** Parses every record with its schema and checks nothing was missing (no defaults filled in). */
function expectValid(data: ReturnType<typeof buildSampleData>) {
  expect(profileSchema.parse(data.profile)).toEqual(data.profile);
  expect(calendarSchema.parse(data.calendar)).toEqual(data.calendar);
  for (const student of data.students) expect(studentSchema.parse(student)).toEqual(student);
  for (const service of data.services) expect(serviceSchema.parse(service)).toEqual(service);
  for (const entry of data.sessions) expect(sessionEntrySchema.parse(entry)).toEqual(entry);
  for (const letter of data.letters) expect(letterSchema.parse(letter)).toEqual(letter);
}

const TODAY = '2027-02-10'; // a Wednesday in the 2026-27 school year

describe('buildSampleData', () => {
  const data = buildSampleData(TODAY);
  const gaps = computeStudentGaps(data.services, data.calendar, data.sessions, TODAY);
  const gapOf = (id: string) => gaps.find((g) => g.serviceId === id)!;

  it('validates against every schema in lib/model', () => {
    expectValid(data);
    expect(data.letters).toEqual([]);
  });

  it('uses fixed ids and is the same every time', () => {
    expect(data.students.map((s) => s.id)).toEqual([SAMPLE_IDS.student]);
    expect(data.calendar.id).toBe(SAMPLE_IDS.calendar);
    expect(data.students[0]!.calendarId).toBe(SAMPLE_IDS.calendar);
    expect(data.services.map((s) => s.id)).toEqual([
      SAMPLE_IDS.speech,
      SAMPLE_IDS.occupational,
      SAMPLE_IDS.reading,
    ]);
    expect(new Set(data.sessions.map((e) => e.id)).size).toBe(data.sessions.length);
    expect(data.sessions[0]!.id).toBe('sample-session-0001');
    expect(buildSampleData(TODAY)).toEqual(data);
  });

  it('is clearly fictional', () => {
    expect(data.profile.parentName).toBe('Jordan Sample');
    expect(data.profile.district).toContain('(sample)');
    expect(data.profile.email).toMatch(/@example\.com$/);
    expect(data.profile.directorEmail).toMatch(/@example\.org$/);
    expect(data.profile.phone).toContain('555');
  });

  it('has a four-day calendar for the school year containing today', () => {
    expect(data.calendar.weekdays).toEqual([1, 2, 3, 4]);
    expect(data.calendar.firstDay <= TODAY && TODAY <= data.calendar.lastDay).toBe(true);
    const labels = data.calendar.closures.map((c) => c.label);
    expect(labels).toContain('Thanksgiving break');
    expect(labels).toContain('Winter break');
    // Snow days on the last Tuesday of October and the second Wednesday of January, and the
    // first Thursday of February: all before Feb 10.
    const snow = data.calendar.closures.filter((c) => c.label === 'Snow day').map((c) => c.start);
    expect(snow).toEqual(['2026-10-27', '2027-01-13', '2027-02-04']);
  });

  it('logs sessions only on school days up to today', () => {
    for (const entry of data.sessions) {
      expect(entry.date <= TODAY).toBe(true);
      expect(isSchoolDay(data.calendar, entry.date)).toBe(true);
      expect(entry.studentId).toBe(SAMPLE_IDS.student);
    }
  });

  it('shows missed speech sessions, an absence, a make-up and unlogged weeks', () => {
    const speech = gapOf(SAMPLE_IDS.speech);
    expect(speech.shortfall).toBeGreaterThan(0);
    expect(speech.missedByReason['provider-absent']).toBeGreaterThan(0);
    expect(speech.missedByReason['weather-travel']).toBeGreaterThan(0);
    expect(speech.excused).toBe(30); // one 30-minute session, child home sick
    expect(speech.madeUp).toBe(30); // one make-up
    expect(speech.unaccounted).toBeGreaterThan(0);
    expect(speech.owed).toBeGreaterThan(0);
    expect(speech.reduction).toBeNull();
  });

  it('flags the occupational therapy cut, from the week it began', () => {
    const ot = gapOf(SAMPLE_IDS.occupational);
    expect(ot.missedByReason['reduced-without-meeting']).toBeGreaterThan(0);
    // Five complete weeks before the week of Feb 8 (in progress): Jan 4, 11, 18, 25, Feb 1.
    expect(ot.reduction).toEqual({
      startDate: '2027-01-04',
      endDate: '2027-02-07',
      periods: 5,
      recordedPeriods: 5,
      ongoing: true,
    });
    // The monthly visit falls in the current week: delivered, but not counted yet.
    expect(ot.inProgress?.delivered).toBe(30);
  });

  it('shows the reading teacher vacancy and sessions never logged', () => {
    const reading = gapOf(SAMPLE_IDS.reading);
    expect(reading.missedByReason['provider-vacancy']).toBeGreaterThan(0);
    expect(reading.unaccounted).toBeGreaterThan(0);
    // Rules v2: owed is only what the log documents (no absences or make-ups here).
    expect(reading.owed).toBe(reading.documentedMissed);
    expect(reading.owed).toBeLessThan(reading.shortfall);
  });

  it('works for any day of the year, and uses the year just ended in summer', () => {
    for (let day = 0; day < 730; day += 5) {
      const today = addDays('2026-01-03', day);
      const sample = buildSampleData(today);
      expectValid(sample);
      const { firstDay, lastDay } = sample.calendar;
      expect(firstDay <= today).toBe(true);
      if (today > lastDay) expect(addDays(lastDay, 120) > today).toBe(true); // summer
      expect(sample.sessions.every((e) => e.date <= today)).toBe(true);
    }
    // July 4, 2027: the 2026-27 year, all its weeks complete.
    const summer = buildSampleData('2027-07-04');
    expect(summer.calendar.firstDay).toBe('2026-08-26');
    expect(summer.calendar.lastDay).toBe('2027-05-27');
    // Aug 20, 2027 is before the 2027-28 year starts (Wed Aug 25): still 2026-27.
    expect(buildSampleData('2027-08-20').calendar.firstDay).toBe('2026-08-26');
    expect(buildSampleData('2027-08-25').calendar.firstDay).toBe('2027-08-25');
  });
});

describe('buildBenchData', () => {
  const options = { students: 10, servicesPerStudent: 8, years: 3, seed: 42 };
  const bench = buildBenchData(options);

  it('builds about 40,000 daily entries for 10 students × 8 services × 3 years', () => {
    expect(bench.students).toHaveLength(10);
    expect(bench.services).toHaveLength(80);
    expect(bench.sessions.length).toBeGreaterThan(36_000);
    expect(bench.sessions.length).toBeLessThan(44_000);
    // Three school years: August 2023 to May 2026.
    expect(bench.calendars[0]!.firstDay.slice(0, 7)).toBe('2023-08');
    expect(bench.calendars[0]!.lastDay.slice(0, 7)).toBe('2026-05');
    expect(isoWeekday(bench.asOf)).toBe(3);
  });

  it('is valid and deterministic for a seed', () => {
    for (const calendar of bench.calendars) calendarSchema.parse(calendar);
    for (const student of bench.students) studentSchema.parse(student);
    for (const service of bench.services) serviceSchema.parse(service);
    for (let i = 0; i < bench.sessions.length; i += 37) sessionEntrySchema.parse(bench.sessions[i]);
    expect(new Set(bench.sessions.map((e) => e.id)).size).toBe(bench.sessions.length);
    const again = buildBenchData(options);
    expect(again.sessions.length).toBe(bench.sessions.length);
    expect(again.sessions.slice(0, 200)).toEqual(bench.sessions.slice(0, 200));
    expect(buildBenchData({ ...options, seed: 7 }).sessions).not.toEqual(bench.sessions);
  });
});
