import { describe, expect, it } from 'vitest';
import {
  addDays,
  endOfMonth,
  formatLongDate,
  isIsoDate,
  isoWeekday,
  startOfWeek,
  todayIso,
  monthNumberOf,
} from '../../lib/dates';

describe('calendar dates', () => {
  it('rejects impossible dates', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('26-1-1')).toBe(false);
  });

  it('does arithmetic without time zones', () => {
    expect(addDays('2026-03-07', 1)).toBe('2026-03-08'); // US DST starts Mar 8, 2026
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
    expect(addDays('2026-11-01', -1)).toBe('2026-10-31'); // DST ends Nov 1, 2026
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('knows weekdays and week starts', () => {
    expect(isoWeekday('2026-10-28')).toBe(3); // Wednesday
    expect(isoWeekday('2026-11-01')).toBe(7); // Sunday
    expect(startOfWeek('2026-11-01')).toBe('2026-10-26');
    expect(endOfMonth('2028-02-10')).toBe('2028-02-29');
  });

  it('formats US long dates', () => {
    expect(formatLongDate('2026-10-28')).toBe('October 28, 2026');
  });

  it("takes today's date from local clock parts", () => {
    // 11:30 pm on Nov 27 in whatever zone the test runs in stays Nov 27.
    expect(todayIso(new Date(2026, 10, 27, 23, 30))).toBe('2026-11-27');
    expect(todayIso(new Date(2026, 10, 27, 0, 5))).toBe('2026-11-27');
  });
});

describe('monthNumberOf', () => {
  it('reads a month from its name or its first three or more letters', () => {
    expect(monthNumberOf('September')).toBe(9);
    expect(monthNumberOf('sept')).toBe(9);
    expect(monthNumberOf('Sep.')).toBe(9);
    expect(monthNumberOf('DEC')).toBe(12);
    expect(monthNumberOf('jun')).toBe(6);
    expect(monthNumberOf('ju')).toBeNull();
    expect(monthNumberOf('sunday')).toBeNull();
  });
});
