/**
 * The evidence report's missed-sessions table (lib/report/missed.ts): two services' missed
 * sessions, computed by the real gap engine on the five-day calendar (tests/unit/gap/helpers.ts).
 */
import { describe, expect, it } from 'vitest';
import { computeStudentGaps } from '../../../lib/gap';
import { missedRows, missedTotals } from '../../../lib/report/missed';
import { entry, fiveDayWeek, missed, service } from '../gap/helpers';

// As of Sun Sep 27, 2026 the weeks of Aug 24 to Sep 21 are counted.
const AS_OF = '2026-09-27';
const speech = service();
const ot = service({ id: 'ot', kind: 'occupational', minutes: 30, sessionsPerPeriod: 1 });
const log = [
  missed('2026-09-16', 'provider-absent'),
  entry('2026-09-02', { status: 'partial', minutesDelivered: 10, reason: 'scheduling-conflict' }),
  missed('2026-09-10', 'student-absent'),
  missed('2026-09-10', 'provider-vacancy', { serviceId: 'ot' }),
  missed('2026-09-01', 'weather-travel', { serviceId: 'ot', scheduledMinutes: 45 }),
  // After the counted weeks: in no row.
  missed('2026-09-29', 'provider-absent'),
];
const gaps = computeStudentGaps([speech, ot], fiveDayWeek, log, AS_OF);

describe("the report's missed sessions", () => {
  it('lists every service’s, oldest first; one date keeps the services’ order', () => {
    const rows = missedRows([speech, ot], gaps);
    expect(rows.map((r) => [r.date, r.service.id, r.reason, r.missed])).toEqual([
      ['2026-09-01', 'ot', 'weather-travel', 45],
      ['2026-09-02', 'svc', 'scheduling-conflict', 20],
      ['2026-09-10', 'svc', 'student-absent', 30],
      ['2026-09-10', 'ot', 'provider-vacancy', 30],
      ['2026-09-16', 'svc', 'provider-absent', 30],
    ]);
    expect(rows[0]).toMatchObject({ scheduled: 45, delivered: 0, service: ot });
    expect(rows[1]).toMatchObject({ scheduled: 30, delivered: 10, service: speech });
  });

  it('is empty when nothing was missed', () => {
    const none = computeStudentGaps([speech], fiveDayWeek, [entry('2026-09-02')], AS_OF);
    expect(missedRows([speech], none)).toEqual([]);
    expect(missedTotals([])).toEqual({
      sessions: 0,
      notAbsentSessions: 0,
      minutes: 0,
      notAbsentMinutes: 0,
    });
  });

  it('totals all of them, and those not because the child was absent', () => {
    expect(missedTotals(missedRows([speech, ot], gaps))).toEqual({
      sessions: 5,
      notAbsentSessions: 4,
      minutes: 155,
      notAbsentMinutes: 125,
    });
  });
});
