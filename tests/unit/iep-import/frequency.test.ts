import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { looksLikeFrequency, parseFrequency } from '../../../lib/iep-import/frequency';

/** [text, minutes, period, sessions per period, unsure?] with a 36-week school year. */
type Example = [string, number | null, 'day' | 'week' | 'month' | null, number | null, boolean];

const EXAMPLES: Example[] = [
  // minutes per period, many spellings
  ['60 min/week', 60, 'week', null, false],
  ['60 minutes per week', 60, 'week', null, false],
  ['60 Minutes Per Week', 60, 'week', null, false],
  ['60 mins per week', 60, 'week', null, false],
  ['60 min per wk', 60, 'week', null, false],
  ['60 min/wk', 60, 'week', null, false],
  ['60min/wk', 60, 'week', null, false],
  ['60 min. / week', 60, 'week', null, false],
  ['60 minutes weekly', 60, 'week', null, false],
  ['60 minutes a week', 60, 'week', null, false],
  ['60 minutes each week', 60, 'week', null, false],
  ['60 minutes every week', 60, 'week', null, false],
  ['sixty minutes per week', 60, 'week', null, false],
  ['Minutes: 60 per week', 60, 'week', null, true],
  ['60/week', 60, 'week', null, true],
  ['60 per week', 60, 'week', null, true],
  ['45 minutes/w', 45, 'week', null, false],
  ['90 minutes per week', 90, 'week', null, false],
  ['150 min/wk', 150, 'week', null, false],
  ['1500 minutes per week', 1500, 'week', null, false],
  ['300 minutes per month', 300, 'month', null, false],
  ['300 min/month', 300, 'month', null, false],
  ['300 min/mo', 300, 'month', null, false],
  ['300 minutes monthly', 300, 'month', null, false],
  ['300 mins a month', 300, 'month', null, false],
  ['30 minutes each month', 30, 'month', null, false],
  ['20 min daily', 20, 'day', null, false],
  ['20 minutes per day', 20, 'day', null, false],
  ['20 min/day', 20, 'day', null, false],
  ['20 minutes each school day', 20, 'day', null, false],
  ['20 minutes every day', 20, 'day', null, false],
  ['20 minutes a day', 20, 'day', null, false],
  ['20 min/d', 20, 'day', null, false],
  ['45 minutes per school day', 45, 'day', null, false],
  // hours
  ['1 hour per week', 60, 'week', null, false],
  ['1 hr/wk', 60, 'week', null, false],
  ['1.5 hrs/wk', 90, 'week', null, false],
  ['1.5 hours per week', 90, 'week', null, false],
  ['2 hours per week', 120, 'week', null, false],
  ['2 hrs weekly', 120, 'week', null, false],
  ['one hour weekly', 60, 'week', null, false],
  ['1 1/2 hours per week', 90, 'week', null, false],
  ['1/2 hour per week', 30, 'week', null, false],
  ['half an hour per week', 30, 'week', null, false],
  ['an hour and a half per week', 90, 'week', null, false],
  ['1 hour 30 minutes per week', 90, 'week', null, false],
  ['1 hour and 15 minutes per week', 75, 'week', null, false],
  ['.5 hr/wk', 30, 'week', null, false],
  ['0.75 hours per week', 45, 'week', null, false],
  ['1h/wk', 60, 'week', null, false],
  ['3 hours per month', 180, 'month', null, false],
  ['1 hour daily', 60, 'day', null, false],
  ['1½ hours per week', 90, 'week', null, false],
  // sessions: N x D
  ['2 x 30 min weekly', 60, 'week', 2, false],
  ['2x30 min/wk', 60, 'week', 2, false],
  ['2 × 30 minutes per week', 60, 'week', 2, false],
  ['3 x 20 minutes per week', 60, 'week', 3, false],
  ['5 x 15 min daily', 75, 'day', 5, false],
  ['4 x 45 min per month', 180, 'month', 4, false],
  ['2 x 1 hour per week', 120, 'week', 2, false],
  // D N times per period
  ['30 minutes 2 times per week', 60, 'week', 2, false],
  ['30 min 2x/wk', 60, 'week', 2, false],
  ['30 min 2 x per week', 60, 'week', 2, false],
  ['30 minutes, 2 times a week', 60, 'week', 2, false],
  ['30 minutes twice weekly', 60, 'week', 2, false],
  ['30 minutes twice a week', 60, 'week', 2, false],
  ['30 minutes three times a week', 90, 'week', 3, false],
  ['30 minutes once a week', 30, 'week', 1, false],
  ['20 min x 5 per week', 100, 'week', 5, false],
  ['15 minutes 4 times per month', 60, 'month', 4, false],
  ['20 minutes 5 days a week', 100, 'week', 5, false],
  ['20 minutes, 5 days per week', 100, 'week', 5, false],
  ['20 min/day, 3 days per week', 60, 'week', 3, false],
  ['25 minutes per session, 2 sessions per week', 50, 'week', 2, false],
  ['30 min/session, 3 sessions/week', 90, 'week', 3, false],
  // sessions: N sessions of D
  ['2 sessions of 30 minutes each week', 60, 'week', 2, false],
  ['2 sessions of 30 min per week', 60, 'week', 2, false],
  ['3 sessions at 20 minutes per week', 60, 'week', 3, false],
  ['2 sessions per week of 30 minutes', 60, 'week', 2, false],
  ['2 times per week for 30 minutes', 60, 'week', 2, false],
  ['twice a week for 30 minutes', 60, 'week', 2, false],
  ['once a week for 45 minutes', 45, 'week', 1, false],
  ['two 30-minute sessions weekly', 60, 'week', 2, false],
  ['2 30 minute sessions per week', 60, 'week', 2, false],
  ['three 20 min sessions a week', 60, 'week', 3, false],
  ['4 sessions per month, 30 minutes each', 120, 'month', 4, false],
  // total with sessions named
  ['60 minutes per week (2 sessions)', 60, 'week', 2, false],
  ['60 minutes per week, 2 sessions', 60, 'week', 2, false],
  ['60 min/wk in 3 sessions', 60, 'week', 3, false],
  ['120 min per week 4 sessions', 120, 'week', 4, false],
  // every N, bi-weekly
  ['120 minutes every 2 weeks', 60, 'week', null, true],
  ['120 minutes every other week', 60, 'week', null, true],
  ['30 minutes biweekly', 15, 'week', null, true],
  ['30 minutes bi-weekly', 15, 'week', null, true],
  ['2 x 30 min every 2 weeks', 30, 'week', 1, true],
  ['90 minutes every 3 weeks', 30, 'week', null, true],
  ['60 minutes every 2 months', 30, 'month', null, true],
  ['45 minutes every 2 weeks', 23, 'week', null, true],
  // ranges
  ['20-30 minutes per week', 20, 'week', null, true],
  ['20 - 30 min/week', 20, 'week', null, true],
  ['20 to 30 minutes weekly', 20, 'week', null, true],
  ['20–30 minutes per week', 20, 'week', null, true],
  ['1-2 hours per week', 60, 'week', null, true],
  // consult
  ['consult 15 min/month', 15, 'month', null, false],
  ['Consultation: 15 minutes per month', 15, 'month', null, false],
  ['15 minutes monthly consultation', 15, 'month', null, false],
  ['Indirect 30 min/month', 30, 'month', null, false],
  ['consultative, 60 minutes per quarter', 7, 'week', null, true],
  // terms, quarters, years
  ['300 minutes per year', 8, 'week', null, true],
  ['360 minutes per school year', 10, 'week', null, true],
  ['720 min/yr', 20, 'week', null, true],
  ['90 minutes per quarter', 10, 'week', null, true],
  ['90 min quarterly', 10, 'week', null, true],
  ['180 minutes per semester', 10, 'week', null, true],
  ['120 minutes per trimester', 10, 'week', null, true],
  ['90 minutes per term', 10, 'week', null, true],
  ['60 minutes per grading period', 7, 'week', null, true],
  ['1080 minutes annually', 30, 'week', null, true],
  // incomplete or unknown
  ['as needed', null, null, null, true],
  ['As needed, up to 30 minutes per month', 30, 'month', null, true],
  ['PRN', null, null, null, true],
  ['30 minutes', 30, null, null, true],
  ['2 sessions per week', null, 'week', null, true],
  ['See notes', null, null, null, true],
  ['', null, null, null, true],
  ['daily', null, 'day', null, true],
];

describe('frequency grammar', () => {
  it('has at least 100 examples', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(100);
  });

  it.each(EXAMPLES)('%s', (text, minutes, period, sessions, unsure) => {
    const result = parseFrequency(text, 36);
    expect({
      minutes: result.minutes,
      period: result.period,
      sessions: result.sessionsPerPeriod,
      unsure: !result.sure,
    }).toEqual({ minutes, period, sessions, unsure });
    // Every guess is explained in words.
    if (!result.sure && result.minutes !== null && result.period !== null && !result.asNeeded) {
      expect(result.notes.length).toBeGreaterThan(0);
    }
  });

  it('marks consult services as consult and the rest as direct', () => {
    expect(parseFrequency('consult 15 min/month').delivery).toBe('consult');
    expect(parseFrequency('Indirect 30 min/month').delivery).toBe('consult');
    expect(parseFrequency('60 min/week').delivery).toBe('direct');
  });

  it('marks "as needed" and explains there is nothing to count', () => {
    const result = parseFrequency('as needed');
    expect(result.asNeeded).toBe(true);
    expect(result.notes.join(' ')).toMatch(/as needed/);
  });

  it('converts years with the school calendar and says which calendar', () => {
    const withCalendar = parseFrequency('1800 minutes per year', 30, true);
    expect(withCalendar.minutes).toBe(60);
    expect(withCalendar.notes[0]).toMatch(/from your school calendar/);
    const without = parseFrequency('1800 minutes per year', 36, false);
    expect(without.minutes).toBe(50);
    expect(without.notes[0]).toMatch(/36 weeks/);
  });

  it('recognises frequencies and rejects other cells', () => {
    expect(looksLikeFrequency('60 min/week')).toBe(true);
    expect(looksLikeFrequency('2 x 30 min weekly')).toBe(true);
    expect(looksLikeFrequency('as needed')).toBe(true);
    expect(looksLikeFrequency('Speech-Language Therapy')).toBe(false);
    expect(looksLikeFrequency('09/02/2025')).toBe(false);
    expect(looksLikeFrequency('Special Education Classroom')).toBe(false);
  });
});

describe('frequency grammar: number formats (property tests)', () => {
  const weekForms = [
    (n: string) => `${n} min/week`,
    (n: string) => `${n} minutes per week`,
    (n: string) => `${n} mins weekly`,
    (n: string) => `${n} Minutes Per Week`,
    (n: string) => `${n}min/wk`,
    (n: string) => `${n} minutes each week`,
  ];

  it('reads any whole number of minutes in any spelling', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 0, max: weekForms.length - 1 }),
        (n, form) => {
          const result = parseFrequency(weekForms[form]!(String(n)));
          expect(result).toMatchObject({ minutes: n, period: 'week', sure: true });
        },
      ),
    );
  });

  it('reads hours with decimals as minutes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), (quarters) => {
        const hours = quarters / 4;
        const result = parseFrequency(`${hours} hours per week`);
        expect(result.minutes).toBe(hours * 60);
        expect(result.period).toBe('week');
      }),
    );
  });

  it('multiplies sessions by their length', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 5, max: 120 }),
        fc.constantFrom('week', 'month', 'day'),
        (count, length, period) => {
          for (const text of [
            `${count} x ${length} min per ${period}`,
            `${length} minutes ${count} times per ${period}`,
            `${count} sessions of ${length} minutes each ${period}`,
          ]) {
            const result = parseFrequency(text);
            expect(result, text).toMatchObject({
              minutes: count * length,
              period,
              sessionsPerPeriod: count,
              sure: true,
            });
          }
        },
      ),
    );
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const result = parseFrequency(text);
        expect(result.minutes === null || result.minutes > 0).toBe(true);
      }),
    );
  });
});
