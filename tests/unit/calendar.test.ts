import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addSchoolDays,
  closureOn,
  countInstructionalWeekdays,
  countSchoolDays,
  dayNumberOf,
  isoDateOf,
  isSchoolDay,
  listSchoolDays,
  schoolDays,
} from '../../lib/calendar';
import { addDays, eachDate, fromDayNumber, toDayNumber } from '../../lib/dates';
import type { SchoolCalendar } from '../../lib/model';

// 2026-27: school runs Wednesday Aug 26, 2026 to Thursday May 27, 2027.
const closures = [
  { start: '2026-09-07', end: '2026-09-07', label: 'Labor Day' },
  { start: '2026-11-25', end: '2026-11-27', label: 'Thanksgiving break' }, // Wed-Fri
  { start: '2026-12-21', end: '2027-01-01', label: 'Winter break' }, // Mon-Fri two weeks later
  { start: '2027-01-13', end: '2027-01-13', label: 'Snow day' }, // Wednesday
];
const fiveDay: SchoolCalendar = {
  id: 'five',
  name: 'Five-day week',
  firstDay: '2026-08-26',
  lastDay: '2027-05-27',
  weekdays: [1, 2, 3, 4, 5],
  closures,
};
const fourDay: SchoolCalendar = { ...fiveDay, id: 'four', weekdays: [1, 2, 3, 4] };

describe('isSchoolDay', () => {
  it('knows the first and last day, weekends, four-day weeks and closures', () => {
    expect(isSchoolDay(fiveDay, '2026-08-25')).toBe(false); // the day before school starts
    expect(isSchoolDay(fiveDay, '2026-08-26')).toBe(true); // first day (Wednesday)
    expect(isSchoolDay(fiveDay, '2026-08-28')).toBe(true); // Friday, five-day week
    expect(isSchoolDay(fourDay, '2026-08-28')).toBe(false); // Friday, four-day week
    expect(isSchoolDay(fiveDay, '2026-08-29')).toBe(false); // Saturday
    expect(isSchoolDay(fiveDay, '2026-09-07')).toBe(false); // Labor Day
    expect(isSchoolDay(fiveDay, '2026-12-21')).toBe(false); // first day of winter break
    expect(isSchoolDay(fiveDay, '2027-01-01')).toBe(false); // last day of winter break
    expect(isSchoolDay(fiveDay, '2027-01-04')).toBe(true); // back from break
    expect(isSchoolDay(fiveDay, '2027-01-13')).toBe(false); // snow day
    expect(isSchoolDay(fiveDay, '2027-05-27')).toBe(true); // last day
    expect(isSchoolDay(fiveDay, '2027-05-28')).toBe(false); // after the last day
  });

  it('names the closure on a date', () => {
    expect(closureOn(fiveDay, '2026-12-25')?.label).toBe('Winter break');
    expect(closureOn(fiveDay, '2026-12-18')).toBeNull();
  });
});

describe('countSchoolDays', () => {
  it('counts a five-day and a four-day first month', () => {
    // Five-day: Aug 26, 27, 28, 31 = 4; September weekdays 4+5+5+5+3 = 22, less Labor Day = 21.
    // 4 + 21 = 25.
    expect(countSchoolDays(fiveDay, '2026-08-26', '2026-09-30')).toBe(25);
    // Four-day: Aug 26, 27, 31 = 3; September Mon-Thu: 1-3 (3), 8-10 (3, Labor Day out),
    // 14-17 (4), 21-24 (4), 28-30 (3) = 17. 3 + 17 = 20.
    expect(countSchoolDays(fourDay, '2026-08-26', '2026-09-30')).toBe(20);
  });

  it('clips to the school year and handles breaks', () => {
    // Whole of August: only Aug 26-31 is in the year (4 school days, as above).
    expect(countSchoolDays(fiveDay, '2026-08-01', '2026-08-31')).toBe(4);
    // Thanksgiving week Nov 23-29: Monday and Tuesday only.
    expect(countSchoolDays(fiveDay, '2026-11-23', '2026-11-29')).toBe(2);
    expect(countSchoolDays(fourDay, '2026-11-23', '2026-11-29')).toBe(2);
    // Winter break weeks Dec 21-27 and Dec 28-Jan 3: none.
    expect(countSchoolDays(fiveDay, '2026-12-21', '2027-01-03')).toBe(0);
    // Week of the snow day, Jan 11-17: five-day 5 - 1 = 4; four-day 4 - 1 = 3.
    expect(countSchoolDays(fiveDay, '2027-01-11', '2027-01-17')).toBe(4);
    expect(countSchoolDays(fourDay, '2027-01-11', '2027-01-17')).toBe(3);
    // Reversed range.
    expect(countSchoolDays(fiveDay, '2026-09-30', '2026-09-01')).toBe(0);
  });
});

describe('countInstructionalWeekdays', () => {
  it('keeps closed days but stays inside the school year', () => {
    // September: 22 weekdays (Labor Day kept); Mon-Thu: 3+4+4+4+3 = 18.
    expect(countInstructionalWeekdays(fiveDay, '2026-09-01', '2026-09-30')).toBe(22);
    expect(countInstructionalWeekdays(fourDay, '2026-09-01', '2026-09-30')).toBe(18);
    // The first week, Aug 24-30: in the year only Wed 26, Thu 27 (and Fri 28 on a five-day week).
    expect(countInstructionalWeekdays(fiveDay, '2026-08-24', '2026-08-30')).toBe(3);
    expect(countInstructionalWeekdays(fourDay, '2026-08-24', '2026-08-30')).toBe(2);
    // A winter break week still has 5 instructional weekdays.
    expect(countInstructionalWeekdays(fiveDay, '2026-12-21', '2026-12-27')).toBe(5);
    // Summer: none.
    expect(countInstructionalWeekdays(fiveDay, '2027-06-01', '2027-06-30')).toBe(0);
  });
});

describe('listSchoolDays', () => {
  it('lists the school days of two four-day weeks around Thanksgiving', () => {
    expect(listSchoolDays(fourDay, '2026-11-16', '2026-11-29')).toEqual([
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-23',
      '2026-11-24',
    ]);
  });
});

describe('addSchoolDays', () => {
  it('skips weekends, Fridays of a four-day week and closures', () => {
    // Fri Nov 20 + 3: Mon 23 (1), Tue 24 (2), Wed-Fri closed, Mon 30 (3).
    expect(addSchoolDays(fiveDay, '2026-11-20', 3)).toBe('2026-11-30');
    // Thu Nov 19 + 1 on a four-day week: Friday is not a school day, so Mon 23.
    expect(addSchoolDays(fourDay, '2026-11-19', 1)).toBe('2026-11-23');
    // Fri Dec 18 + 1: winter break through Jan 1, weekend, Mon Jan 4.
    expect(addSchoolDays(fiveDay, '2026-12-18', 1)).toBe('2027-01-04');
    // Tue Jan 12 + 1: Wednesday is a snow day, so Thursday.
    expect(addSchoolDays(fiveDay, '2027-01-12', 1)).toBe('2027-01-14');
    expect(addSchoolDays(fiveDay, '2027-01-12', 0)).toBe('2027-01-12');
  });

  it('counts backwards', () => {
    expect(addSchoolDays(fiveDay, '2027-01-04', -1)).toBe('2026-12-18');
    // Before the first day it keeps counting weekdays: Wed Aug 26 - 1 = Tue Aug 25.
    expect(addSchoolDays(fiveDay, '2026-08-26', -1)).toBe('2026-08-25');
  });

  it('continues on instructional weekdays past the last day of school', () => {
    // Thu May 27 + 2: Fri 28 (1), Mon 31 (2).
    expect(addSchoolDays(fiveDay, '2027-05-27', 2)).toBe('2027-05-31');
    // Four-day week, Wed May 26 + 3: Thu 27 (1, last day), Mon 31 (2), Tue Jun 1 (3).
    expect(addSchoolDays(fourDay, '2027-05-26', 3)).toBe('2027-06-01');
  });

  it('does not count summer weekdays before school starts', () => {
    expect(addSchoolDays(fiveDay, '2026-08-01', 1)).toBe('2026-08-26');
  });

  it('rejects fractions', () => {
    expect(() => addSchoolDays(fiveDay, '2026-09-01', 1.5)).toThrow(RangeError);
  });
});

// Random calendars: the precomputed form must agree with the plain definition day by day.
const randomCalendar = fc
  .record({
    startOffset: fc.integer({ min: 0, max: 2000 }),
    length: fc.integer({ min: 0, max: 400 }),
    weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    closures: fc.array(
      fc.record({
        offset: fc.integer({ min: -20, max: 420 }),
        days: fc.integer({ min: 0, max: 20 }),
      }),
      { maxLength: 8 },
    ),
  })
  .map(({ startOffset, length, weekdays, closures: raw }): SchoolCalendar => {
    const firstDay = addDays('2024-01-01', startOffset);
    return {
      id: 'random',
      name: 'Random',
      firstDay,
      lastDay: addDays(firstDay, length),
      weekdays,
      closures: raw.map((c) => ({
        start: addDays(firstDay, c.offset),
        end: addDays(firstDay, c.offset + c.days),
        label: 'Closed',
      })),
    };
  });

describe('schoolDays (precomputed)', () => {
  it('agrees with isSchoolDay and counts like a plain loop', () => {
    fc.assert(
      fc.property(
        randomCalendar,
        fc.integer({ min: -30, max: 430 }),
        fc.integer({ min: 0, max: 60 }),
        (calendar, offset, span) => {
          const days = schoolDays(calendar);
          const start = addDays(calendar.firstDay, offset);
          const end = addDays(start, span);
          let plain = 0;
          for (const date of eachDate(start, end)) {
            const open = isSchoolDay(calendar, date);
            expect(days.isSchoolDay(toDayNumber(date))).toBe(open);
            if (open) plain++;
          }
          expect(days.countSchoolDays(toDayNumber(start), toDayNumber(end))).toBe(plain);
          expect(countSchoolDays(calendar, start, end)).toBe(plain);
        },
      ),
    );
  });

  it('addSchoolDays lands on a school day and counts exactly n inside the year', () => {
    fc.assert(
      fc.property(randomCalendar, fc.integer({ min: 0, max: 40 }), (calendar, n) => {
        const from = addDays(calendar.firstDay, -1);
        const to = addSchoolDays(calendar, from, n);
        if (n > 0 && to <= calendar.lastDay) {
          expect(isSchoolDay(calendar, to)).toBe(true);
          expect(countSchoolDays(calendar, calendar.firstDay, to)).toBe(n);
        }
      }),
    );
  });
});

describe('fast day numbers', () => {
  it('match lib/dates for every kind of date', () => {
    expect(dayNumberOf('1970-01-01')).toBe(0);
    expect(dayNumberOf('2028-02-29')).toBe(toDayNumber('2028-02-29'));
    expect(isoDateOf(toDayNumber('2000-02-29'))).toBe('2000-02-29');
    // Year 1 to 9999.
    fc.assert(
      fc.property(fc.integer({ min: -719_162, max: 2_932_896 }), (day) => {
        const iso = fromDayNumber(day);
        expect(isoDateOf(day)).toBe(iso);
        expect(dayNumberOf(iso)).toBe(day);
      }),
      { numRuns: 2000 },
    );
  });

  it('reject what is not a calendar date, like lib/dates', () => {
    for (const bad of ['2026-02-29', '2026-13-01', '2026-00-10', '2026-1-01', '2026/01/01', 'x']) {
      expect(() => dayNumberOf(bad)).toThrow(RangeError);
    }
  });
});
