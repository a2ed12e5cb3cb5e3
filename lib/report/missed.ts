/**
 * The evidence report's missed-sessions table (components/report): every service's missed or
 * shortened sessions in one list, oldest first, and the table's totals. Pure: it reads the gaps
 * lib/gap computed and nothing else.
 */
import type { MissedSession, ServiceGap } from '../gap';
import type { Service } from '../model';

/** One missed or shortened session with the service it belongs to. */
export interface MissedRow extends MissedSession {
  service: Service;
}

/**
 * Each service's missed sessions (`gaps[i]` is `services[i]`'s gap) merged into one list by
 * date; sessions of the same date keep the services' order.
 */
export function missedRows(services: readonly Service[], gaps: readonly ServiceGap[]): MissedRow[] {
  return services
    .flatMap((service, i) => gaps[i]!.missedSessions.map((m) => ({ ...m, service })))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export interface MissedTotals {
  /** How many sessions were missed or shortened. */
  sessions: number;
  /** How many of them were not because the child was absent. */
  notAbsentSessions: number;
  /** Minutes missed in all of them. */
  minutes: number;
  /** Minutes missed not because the child was absent. */
  notAbsentMinutes: number;
}

/** The table's footer: all missed sessions and minutes, and those not because the child was absent. */
export function missedTotals(rows: readonly MissedRow[]): MissedTotals {
  const notAbsent = rows.filter((r) => r.reason !== 'student-absent');
  const sum = (list: readonly MissedRow[]) => list.reduce((total, r) => total + r.missed, 0);
  return {
    sessions: rows.length,
    notAbsentSessions: notAbsent.length,
    minutes: sum(rows),
    notAbsentMinutes: sum(notAbsent),
  };
}
