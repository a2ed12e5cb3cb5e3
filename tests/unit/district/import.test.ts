import { describe, expect, it } from 'vitest';
import {
  MAX_ROWS,
  buildImport,
  findHeaderRow,
  guessField,
  guessMapping,
  outcomeOf,
  splitPasted,
  toTable,
  type ImportChoices,
} from '../../../lib/district';
import { infiniteCampus, medicaid, pastedPdf, services, student } from './fixtures';

const tableOf = (rows: string[][]) => {
  const result = toTable(rows, findHeaderRow);
  if (!result.ok) throw new Error(result.message);
  return result.table;
};

const choicesFor = (header: string[], overrides: Partial<ImportChoices> = {}): ImportChoices => ({
  mapping: guessMapping(header),
  codes: {},
  services: {},
  students: {},
  singleServiceId: '',
  ...overrides,
});

describe('column guessing', () => {
  it('names the columns district exports use', () => {
    const guesses = Object.fromEntries(
      [
        'Date',
        'Service Date',
        'Service',
        'Provider',
        'Staff',
        'Position',
        'Minutes',
        'Minutes Served',
        'Duration',
        'Attendance',
        'Status',
        'Code',
        'Note',
        'Comment',
        'Student',
        'Plan',
        'Scheduled Minutes',
      ].map((header) => [header, guessField(header)]),
    );
    expect(guesses).toEqual({
      Date: 'date',
      'Service Date': 'date',
      Service: 'service',
      Provider: 'provider',
      Staff: 'provider',
      Position: 'position',
      Minutes: 'minutes',
      'Minutes Served': 'minutes',
      Duration: 'minutes',
      Attendance: 'attendance',
      Status: 'attendance',
      Code: 'attendance',
      Note: 'note',
      Comment: 'note',
      Student: 'student',
      Plan: 'ignore',
      'Scheduled Minutes': 'ignore',
    });
  });

  it('gives each field to one column, and remembered choices win', () => {
    expect(guessMapping(['Date', 'Date Entered', 'Minutes'])).toEqual([
      'date',
      'ignore',
      'minutes',
    ]);
    expect(guessMapping(['Date', 'Units', 'Minutes'], { units: 'minutes' })).toEqual([
      'date',
      'minutes',
      'ignore',
    ]);
  });

  it('finds the header under a title line', () => {
    expect(findHeaderRow(infiniteCampus)).toBe(1);
    expect(findHeaderRow([['a', 'b']])).toBeNull();
  });
});

describe('attendance codes', () => {
  it('pre-fills common codes and asks about unknown ones', () => {
    expect(outcomeOf('P', 30, {})).toBe('delivered');
    expect(outcomeOf('s.a.', null, {})).toBe('student-absent');
    expect(outcomeOf('Provider Absent', null, {})).toBe('provider-absent');
    expect(outcomeOf('No School', null, {})).toBe('school-closed');
    expect(outcomeOf('Make-up', 30, {})).toBe('make-up');
    expect(outcomeOf('TX', 30, {})).toBeUndefined();
    expect(outcomeOf('TX', 30, { TX: 'other' })).toBe('other');
    // The user's answer wins over the pre-filled meaning.
    expect(outcomeOf('A', null, { A: 'provider-absent' })).toBe('provider-absent');
    // No code: minutes say whether it was held.
    expect(outcomeOf('', 30, {})).toBe('delivered');
    expect(outcomeOf('', 0, {})).toBe('other');
  });
});

describe('buildImport', () => {
  it('reads an Infinite Campus-like export: other students and services left out and counted', () => {
    const table = tableOf(infiniteCampus);
    const result = buildImport(table, choicesFor(table.header), { student, services });
    expect(result.problems).toEqual([]);
    expect(result.records.map((r) => [r.serviceId, r.date, r.minutesServed, r.outcome])).toEqual([
      ['svc', '2026-09-08', 30, 'delivered'],
      ['svc', '2026-09-10', 20, 'delivered'],
      ['svc-ot', '2026-09-09', 30, 'delivered'],
    ]);
    expect(result.leftOut).toEqual({
      otherStudent: 1,
      otherService: 1,
      notADate: 0,
      outsideIep: 1,
      badMinutes: 0,
    });
    expect(result.records[0]).toMatchObject({ provider: 'J. Cole', position: 'SLP', row: 1 });
    expect(result.preview).toHaveLength(6);
    expect(result.preview[3]!.leftOut).toBe('another student');
    expect([...result.serviceValues.keys()]).toEqual([
      'speech/language therapy',
      'occupational therapy',
      'transportation',
    ]);
  });

  it('asks about unknown codes, then imports with the answer; formulas stay text', () => {
    const table = tableOf(medicaid);
    const first = buildImport(table, choicesFor(table.header), { student, services });
    expect(first.unknownCodes).toEqual(['TX']);
    expect(first.problems[0]).toMatch(/Say what 1 code in the file means/);
    const answered = buildImport(table, choicesFor(table.header, { codes: { TX: 'delivered' } }), {
      student,
      services,
    });
    expect(answered.problems).toEqual([]);
    expect(answered.records.map((r) => [r.date, r.outcome, r.minutesServed])).toEqual([
      ['2026-09-14', 'delivered', 30],
      ['2026-09-16', 'student-absent', null],
      ['2026-09-21', 'provider-absent', null],
      ['2026-09-23', 'delivered', 30],
    ]);
    expect(answered.records[3]!.note).toBe('=HYPERLINK("http://x")');
  });

  it('joins the wrapped lines of a pasted PDF table', () => {
    const table = tableOf(splitPasted(pastedPdf));
    const result = buildImport(table, choicesFor(table.header), { student, services });
    expect(result.problems).toEqual([]);
    expect(result.joined).toBe(1);
    expect(result.records.map((r) => [r.date, r.outcome, r.minutesServed, r.note])).toEqual([
      ['2026-09-28', 'delivered', 30, 'Articulation drills and carryover practice'],
      ['2026-09-30', 'student-absent', 0, 'Student out sick'],
    ]);
  });

  it('says why nothing can be imported', () => {
    const table = tableOf(infiniteCampus);
    const noDate = table.header.map((h) => (h === 'Date' ? 'ignore' : undefined));
    const mapping = guessMapping(table.header).map((f, i) => noDate[i] ?? f);
    expect(
      buildImport(table, choicesFor(table.header, { mapping }), { student, services }).problems[0],
    ).toMatch(/No column is marked as the date/);
    const nobody = buildImport(
      table,
      choicesFor(table.header, { students: { 'rivera, sam': false } }),
      { student, services },
    );
    expect(nobody.records).toEqual([]);
    expect(nobody.problems[0]).toMatch(/^0 rows matched/);
    const late = tableOf([
      ['Date', 'Service', 'Minutes'],
      ['6/15/2027', 'Speech', '30'],
      ['6/16/2027', 'Speech', '30'],
    ]);
    expect(buildImport(late, choicesFor(late.header), { student, services }).problems[0]).toMatch(
      /outside the IEP/,
    );
    const noService = tableOf([
      ['Date', 'Minutes'],
      ['9/8/2026', '30'],
      ['9/9/2026', '30'],
    ]);
    expect(
      buildImport(noService, choicesFor(noService.header), { student, services }).problems[0],
    ).toMatch(/no service column/);
    const chosen = buildImport(
      noService,
      choicesFor(noService.header, { singleServiceId: 'svc-ot' }),
      {
        student,
        services,
      },
    );
    expect(chosen.records.map((r) => r.serviceId)).toEqual(['svc-ot', 'svc-ot']);
  });

  it('refuses what is not a table, and too many rows', () => {
    expect(toTable([['just one cell'], ['another']], findHeaderRow)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/does not look like a table/),
    });
    const many = Array.from({ length: MAX_ROWS + 11 }, () => ['9/8/2026', '30']);
    expect(toTable(many, findHeaderRow)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/more than 200,000 rows/),
    });
  });
});
