import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, parseIsoDate, toDayNumber } from '../../../lib/dates';
import { parseDistrictDate, parseMinutes } from '../../../lib/district';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

describe('parseDistrictDate', () => {
  it('reads the shapes district exports use as calendar dates', () => {
    expect(parseDistrictDate('9/8/2026')).toBe('2026-09-08');
    expect(parseDistrictDate('09/08/26')).toBe('2026-09-08');
    expect(parseDistrictDate('2026-09-08')).toBe('2026-09-08');
    expect(parseDistrictDate('Sep 8, 2026')).toBe('2026-09-08');
    expect(parseDistrictDate('Sept. 8, 2026')).toBe('2026-09-08');
    expect(parseDistrictDate('Tuesday, September 8, 2026')).toBe('2026-09-08');
    expect(parseDistrictDate('8-Sep-2026')).toBe('2026-09-08');
    expect(parseDistrictDate(' 9/8/2026 10:30 AM ')).toBe('2026-09-08');
    expect(parseDistrictDate('2026-09-08T00:00:00')).toBe('2026-09-08');
    // A spreadsheet serial number: 46273 is 2026-09-08.
    expect(parseDistrictDate('46273')).toBe('2026-09-08');
  });

  it('refuses what is not a real date', () => {
    for (const text of [
      '',
      'Date',
      '2/30/2026',
      '13/1/2026',
      '2026-02-29',
      'Sepulveda 8, 2026',
      '30',
      '12345',
      'N/A',
    ])
      expect(parseDistrictDate(text), text).toBeNull();
  });

  it('reads back every date in every shape (property)', () => {
    const day = fc.integer({ min: toDayNumber('1990-01-01'), max: toDayNumber('2060-12-31') });
    fc.assert(
      fc.property(day, (n) => {
        const iso = fromDayNumber(n);
        const { year, month, day: d } = parseIsoDate(iso)!;
        const two = (v: number) => String(v).padStart(2, '0');
        const shapes = [
          iso,
          `${month}/${d}/${year}`,
          `${two(month)}/${two(d)}/${year}`,
          `${MONTHS[month - 1]} ${d}, ${year}`,
          `${LONG[month - 1]} ${d}, ${year}`,
          `${d}-${MONTHS[month - 1]}-${year}`,
        ];
        if (year >= 2000 && year < 2070)
          shapes.push(`${two(month)}/${two(d)}/${String(year).slice(2)}`);
        for (const shape of shapes) expect(parseDistrictDate(shape), shape).toBe(iso);
      }),
    );
  });
});

describe('parseMinutes', () => {
  it('reads minutes as people type them', () => {
    expect(parseMinutes('30')).toBe(30);
    expect(parseMinutes('30 min')).toBe(30);
    expect(parseMinutes('30 minutes')).toBe(30);
    expect(parseMinutes('30m')).toBe(30);
    expect(parseMinutes('0:30')).toBe(30);
    expect(parseMinutes('1:15:00')).toBe(75);
    expect(parseMinutes('1.5 hrs')).toBe(90);
    expect(parseMinutes('1 hr 30 min')).toBe(90);
    expect(parseMinutes('1h30m')).toBe(90);
    expect(parseMinutes('2 hours')).toBe(120);
    expect(parseMinutes('.5 hr')).toBe(30);
    expect(parseMinutes('0')).toBe(0);
  });

  it('refuses blanks, words and more than a day', () => {
    for (const text of ['', ' ', 'n/a', 'thirty', '-5', '0:75', '25 hours', '30 sec', '=30'])
      expect(parseMinutes(text), text).toBeNull();
  });

  it('reads back any whole minutes in every shape (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1440 }), (n) => {
        const h = Math.floor(n / 60);
        const m = n % 60;
        const shapes = [`${n}`, `${n} min`, `${n} minutes`, `${h}:${String(m).padStart(2, '0')}`];
        if (m === 0) shapes.push(`${h} hrs`);
        if (m === 30) shapes.push(`${h}.5 hrs`);
        if (h > 0) shapes.push(`${h} hr ${m} min`);
        for (const shape of shapes) expect(parseMinutes(shape), shape).toBe(n);
      }),
    );
  });
});
