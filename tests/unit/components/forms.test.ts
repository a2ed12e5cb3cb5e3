import { describe, expect, it } from 'vitest';
import { serviceSchema, sessionEntrySchema, studentSchema } from '../../../lib/model';
import { parseWholeNumber, validate } from '../../../lib/ui/forms';
import { commonBreaks, guessSchoolYear, nthWeekdayOfMonth } from '../../../lib/ui/common-breaks';

describe('validate: one plain message per field', () => {
  it('keeps the messages written in lib/model', () => {
    const result = validate(studentSchema, {
      id: 's1',
      name: '   ',
      school: '',
      district: '',
      grade: '',
      calendarId: 'c1',
      createdAt: 1,
    });
    expect(result).toEqual({ ok: false, errors: { name: "Your child's name is required." } });
  });

  it('says "Enter a number." for text that is not a number, not zod’s wording', () => {
    const result = validate(serviceSchema, {
      id: 'v1',
      studentId: 's1',
      kind: 'physical',
      minutes: parseWholeNumber('thirty'),
      period: 'week',
      sessionsPerPeriod: parseWholeNumber('1.5', null),
      startDate: '2025-09-01',
      endDate: '2026-06-01',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      minutes: 'Enter a number.',
      sessionsPerPeriod: 'Use a whole number.',
    });
  });

  it('keys nested paths with dots and reports refinements on their field', () => {
    const entry = {
      id: 'e1',
      studentId: 's1',
      serviceId: 'v1',
      date: '2025-10-02',
      status: 'missed',
      minutesDelivered: 0,
      scheduledMinutes: 30,
      reason: null,
      createdAt: 1,
    };
    const result = validate(sessionEntrySchema, entry);
    expect(result).toEqual({
      ok: false,
      errors: { reason: 'Pick a reason for the missed minutes.' },
    });
    const fixed = validate(sessionEntrySchema, { ...entry, reason: 'weather-travel' });
    expect(fixed.ok && fixed.data.reason).toBe('weather-travel');
  });
});

describe('parseWholeNumber', () => {
  it('reads digits, refuses words, and maps empty text as asked', () => {
    expect(parseWholeNumber(' 45 ')).toBe(45);
    expect(parseWholeNumber('12a')).toBeNaN();
    expect(parseWholeNumber('')).toBeNaN();
    expect(parseWholeNumber('', null)).toBeNull();
  });
});

describe('common breaks', () => {
  it('finds the nth and the last weekday of a month', () => {
    expect(nthWeekdayOfMonth(2025, 9, 1, 1)).toBe('2025-09-01'); // Labor Day 2025
    expect(nthWeekdayOfMonth(2025, 11, 4, 4)).toBe('2025-11-27'); // Thanksgiving 2025
    expect(nthWeekdayOfMonth(2026, 5, 1, -1)).toBe('2026-05-25'); // Memorial Day 2026
    expect(nthWeekdayOfMonth(2026, 1, 1, 3)).toBe('2026-01-19'); // MLK Day 2026
  });

  it('proposes the usual closures of the 2025–2026 school year', () => {
    const breaks = Object.fromEntries(commonBreaks('2025-08-27').map((b) => [b.label, b]));
    expect(breaks['Labor Day']).toEqual({
      label: 'Labor Day',
      start: '2025-09-01',
      end: '2025-09-01',
    });
    expect(breaks['Thanksgiving break']).toMatchObject({ start: '2025-11-26', end: '2025-11-28' });
    expect(breaks['Winter break']).toMatchObject({ start: '2025-12-22', end: '2026-01-02' });
    expect(breaks["Presidents' Day"]).toMatchObject({ start: '2026-02-16' });
    expect(breaks['Spring break']).toMatchObject({ start: '2026-03-16', end: '2026-03-20' });
    expect(breaks['Memorial Day']).toMatchObject({ start: '2026-05-25' });
  });

  it('guesses the school year around today, autumn or spring', () => {
    expect(guessSchoolYear('2025-10-01')).toEqual({
      firstDay: '2025-08-25',
      lastDay: '2026-06-05',
    });
    expect(guessSchoolYear('2026-03-01')).toEqual({
      firstDay: '2025-08-25',
      lastDay: '2026-06-05',
    });
  });
});

describe('common breaks while a year is half typed', () => {
  it('proposes nothing for years like 0002 instead of failing', () => {
    expect(commonBreaks('0002-09-02')).toEqual([]);
    expect(commonBreaks('0202-09-02')).toEqual([]);
  });
});
