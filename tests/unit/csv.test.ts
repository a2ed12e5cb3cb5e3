import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  csvField,
  gapSummaryCsv,
  sessionLogCsv,
  toCsv,
  UTF8_BOM,
  SESSION_LOG_HEADER,
} from '../../lib/csv';
import { serviceSchema, sessionEntrySchema } from '../../lib/model';
import type { ServiceGap } from '../../lib/gap/types';

/** A strict RFC 4180 reader, to check that what we write reads back field for field. */
function parseCsv(text: string): string[][] {
  expect(text.startsWith(UTF8_BOM)).toBe(true);
  const body = text.slice(1);
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  while (i < body.length) {
    if (body[i] === '"') {
      i++;
      for (;;) {
        if (body[i] === '"' && body[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (body[i] === '"') {
          i++;
          break;
        } else if (i >= body.length) {
          throw new Error('Unterminated quoted field');
        } else {
          field += body[i++];
        }
      }
    } else if (body[i] === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (body[i] === '\r' && body[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else {
      const c = body[i++]!;
      if (c === '"' || c === '\r' || c === '\n') throw new Error(`Bare ${JSON.stringify(c)}`);
      field += c;
    }
  }
  expect(field).toBe('');
  expect(record).toEqual([]);
  return records;
}

describe('CSV fields', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('she said "no"')).toBe('"she said ""no"""');
    expect(csvField('line one\nline two')).toBe('"line one\nline two"');
    expect(csvField('ends with CR\r')).toBe('"ends with CR\r"');
  });

  it('neutralizes spreadsheet formulas with a leading single quote', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('+1 555')).toBe("'+1 555");
    expect(csvField('-10 minutes')).toBe("'-10 minutes");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tcmd')).toBe("'\tcmd");
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    // Only the first character matters.
    expect(csvField('a=b')).toBe('a=b');
  });

  it('writes numbers, booleans and empty values plainly', () => {
    expect(csvField(-5)).toBe('-5');
    expect(csvField(42)).toBe('42');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(true)).toBe('yes');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('round-trips any text through a strict reader', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), { maxLength: 5 }),
        (rows) => {
          const width = 4;
          const padded = rows.map((row) => [...row, ...Array(width - row.length).fill('x')]);
          const header = ['a', 'b', 'c', 'd'];
          const parsed = parseCsv(toCsv(header, padded));
          const expected = padded.map((row) =>
            row.map((value) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)),
          );
          expect(parsed).toEqual([header, ...expected]);
        },
      ),
    );
  });
});

const speech = serviceSchema.parse({
  id: 'speech',
  studentId: 's1',
  kind: 'speech-language',
  minutes: 60,
  period: 'week',
  sessionsPerPeriod: 2,
  startDate: '2026-08-26',
  endDate: '2027-06-04',
});

describe('session log CSV', () => {
  it('has a BOM, a header row, ISO dates and safe notes, oldest first', () => {
    const sessions = [
      sessionEntrySchema.parse({
        id: 'e2',
        studentId: 's1',
        serviceId: 'speech',
        date: '2026-10-07',
        status: 'partial',
        minutesDelivered: 10,
        scheduledMinutes: 30,
        reason: 'provider-absent',
        note: '=cmd|"/c calc"!A1, left early',
        createdAt: 2,
      }),
      sessionEntrySchema.parse({
        id: 'e1',
        studentId: 's1',
        serviceId: 'speech',
        date: '2026-10-05',
        status: 'delivered',
        minutesDelivered: 30,
        scheduledMinutes: 30,
        createdAt: 1,
      }),
    ];
    const csv = sessionLogCsv(sessions, [speech]);
    expect(csv.startsWith('\uFEFFDate,Service,Status,')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...SESSION_LOG_HEADER]);
    expect(rows.slice(1)).toEqual([
      ['2026-10-05', 'speech-language therapy', 'delivered', '30', '30', '0', '', 'no', ''],
      [
        '2026-10-07',
        'speech-language therapy',
        'partial',
        '30',
        '10',
        '20',
        'provider absent',
        'no',
        `'=cmd|"/c calc"!A1, left early`,
      ],
    ]);
  });
});

describe('gap summary CSV', () => {
  it('writes one row of totals per service', () => {
    const gap = {
      serviceId: 'speech',
      countedFrom: '2026-08-31',
      countedTo: '2026-10-11',
      expected: 360,
      delivered: 240,
      madeUp: 30,
      shortfall: 120,
      documentedMissed: 90,
      excused: 30,
      owed: 60,
      unaccounted: 30,
      unaccountedPeriods: [{ start: '2026-09-21' }, { start: '2026-10-05' }],
      deliveryRate: 240 / 360,
      reduction: { startDate: '2026-09-14', periods: 3, recordedPeriods: 1 },
    } as unknown as ServiceGap;
    const rows = parseCsv(gapSummaryCsv([gap], [speech], '2026-10-14'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('No-record minutes');
    expect(rows[1]).toEqual([
      'speech-language therapy',
      '60',
      'week',
      'fewer minutes, by school days held',
      '2026-10-14',
      '2026-08-31',
      '2026-10-11',
      '360',
      '240',
      '30',
      '120',
      '90',
      '30',
      '60',
      '30',
      '2026-09-21 2026-10-05',
      '66.7',
      '75',
      '2026-09-14',
      '3',
      '2',
    ]);
  });
});
