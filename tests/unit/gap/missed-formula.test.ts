/**
 * The one missed-minutes formula (lib/gap minutesShort) and what is built on it: an entry's missed
 * minutes and a gap's shortfall, owed minutes and delivery rate.
 */
import { describe, expect, it } from 'vitest';
import { gapTotals, minutesShort, missedMinutes } from '../../../lib/gap';

describe('minutesShort', () => {
  it('is the minutes due less the minutes given', () => {
    expect(minutesShort(30, 20)).toBe(10);
    expect(minutesShort(30, 0)).toBe(30);
    expect(minutesShort(30, 30)).toBe(0);
  });

  it('is never below zero: a session longer than due leaves nothing missed', () => {
    expect(minutesShort(30, 45)).toBe(0);
    expect(minutesShort(0, 10)).toBe(0);
  });
});

describe('missedMinutes', () => {
  it('applies the formula to an entry’s scheduled and delivered minutes', () => {
    expect(missedMinutes({ scheduledMinutes: 30, minutesDelivered: 20 })).toBe(10);
    expect(missedMinutes({ scheduledMinutes: 30, minutesDelivered: 0 })).toBe(30);
    expect(missedMinutes({ scheduledMinutes: 30, minutesDelivered: 40 })).toBe(0);
  });
});

describe('gapTotals', () => {
  it('keeps the sums and works out shortfall, owed and delivery rate from them', () => {
    // 300 expected, 150 given, 100 documented missed of which 30 excused, 40 made up.
    expect(
      gapTotals({
        expected: 300,
        delivered: 150,
        madeUp: 40,
        documentedMissed: 100,
        excused: 30,
      }),
    ).toMatchObject({ expected: 300, excused: 30, shortfall: 150, owed: 30, deliveryRate: 0.5 });
  });

  it('never owes below zero when make-ups exceed what was missed', () => {
    expect(
      gapTotals({ expected: 60, delivered: 70, madeUp: 90, documentedMissed: 30, excused: 0 }),
    ).toMatchObject({ shortfall: 0, owed: 0, deliveryRate: 70 / 60 });
  });

  it('has no delivery rate when nothing was expected', () => {
    expect(
      gapTotals({ expected: 0, delivered: 0, madeUp: 0, documentedMissed: 0, excused: 0 })
        .deliveryRate,
    ).toBeNull();
  });
});
