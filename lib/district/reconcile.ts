/**
 * Reconciling the district's own service logs with the parent's log, per service and per date.
 * Pure; takes the gap engine's result for the service (rules v2) so "expected" and "no record"
 * mean exactly what they mean on the Gaps page.
 *
 * Per date (on or before "as of"):
 * - conflict-delivered: the parent logged the session missed or short, and the district's log says
 *   more minutes were delivered than the parent logged. The most important row.
 * - conflict-absent: the district marks the student absent on a day the parent logged the child
 *   there (a delivered or partial entry, or a missed one for any reason but "student absent").
 * - district-only: only the district has a record. `fillsUnaccounted` when the date is in a counted
 *   period with minutes the parent's log shows neither way (rules v2 "no record"): the district's
 *   record turns them into a fact.
 * - parent-only: only the parent has a record.
 * - agree: both have a record and neither conflict applies.
 * - `under` (with any kind): the district's own log shows fewer minutes delivered than the IEP's
 *   per-session minutes (one session's share: minutes ÷ sessions per period, or the minutes).
 *
 * A district record with no minutes counts as one full session when delivered. District missed
 * minutes: for a record not delivered, the per-session minutes less any minutes it gives; for a
 * delivered record under the per-session minutes, the difference. "Student absent" missed minutes
 * are excused (never owed), as in the gap engine. Both logs' documented missed totals include
 * their "student absent" minutes, each stated beside them (`parentExcused`, `districtExcused`).
 *
 * What the district's files cover: each imported file's records of the service run from its first
 * to its last date (`spans`). A district file says nothing about the dates before or after it, so
 * the comparison is like with like: the totals (expected, both logs, no record) are over the
 * counted periods that overlap a file's span (`compared`), never the parent's whole log against a
 * few weeks of the district's; and a date outside every span is no "parent-only" row (the
 * district's file is silent there, not empty).
 *
 * Totals are over the gap engine's counted periods only (the in-progress period is left out, as
 * everywhere) that the district's files cover. Unaccounted after both = Σ per such period of
 * max(0, expected − what the parent's log accounts for (delivered + documented missed) − what
 * district records on dates the parent has no regular entry account for (delivered + missed)).
 */
import { eachDate, type IsoDate } from '../dates';
import { defaultScheduledMinutes, minutesShort, missedMinutes } from '../gap';
import type { PeriodGap, ServiceGap } from '../gap';
import type {
  DistrictOutcome,
  DistrictRecord,
  MissedReason,
  Service,
  SessionEntry,
} from '../model';
import { ownChild, ownLog, subject, type LogVoice } from './voice';

export const RECONCILE_KINDS = [
  'conflict-delivered',
  'conflict-absent',
  'district-only',
  'parent-only',
  'agree',
] as const;
export type ReconcileKind = (typeof RECONCILE_KINDS)[number];

/** What a reconciled date is, in the app's words ("your log") or the packet's ("my log"). */
export function reconcileKindLabel(kind: ReconcileKind, voice: LogVoice = 'you'): string {
  switch (kind) {
    case 'conflict-delivered':
      return `Conflict: district says delivered, ${subject(voice)} logged missed`;
    case 'conflict-absent':
      return `Conflict: district says absent, ${subject(voice)} logged ${ownChild(voice)} there`;
    case 'district-only':
      return 'Only the district has a record';
    case 'parent-only':
      return `Only ${ownLog(voice)} has a record`;
    case 'agree':
      return 'Both records agree';
  }
}

/** The app's labels (reconcileKindLabel in the app's voice), for its filters and tables. */
export const RECONCILE_KIND_LABELS = Object.fromEntries(
  RECONCILE_KINDS.map((kind) => [kind, reconcileKindLabel(kind)]),
) as Record<ReconcileKind, string>;

export interface ParentDay {
  delivered: number;
  missed: number;
  madeUp: number;
  reasons: MissedReason[];
  /** True when an entry shows the child was there (any entry not "student absent"). */
  childPresent: boolean;
  regularEntries: number;
  /** Missed minutes of "student absent" entries (excused, never owed). */
  excused: number;
}

export interface DistrictDay {
  delivered: number;
  missed: number;
  madeUp: number;
  outcomes: DistrictOutcome[];
  codes: string[];
  notes: string[];
  /** Row numbers in the file. */
  rows: number[];
  /** The imported files the day's records came from (DistrictImport ids). */
  importIds: string[];
  /** Minutes of the delivered records that give minutes (for "under"). */
  lowestDelivered: number | null;
  regularRecords: number;
  /** Missed minutes of "student absent" records (excused, never owed). */
  excused: number;
}

export interface ReconcileRow {
  serviceId: string;
  date: IsoDate;
  kind: ReconcileKind;
  conflict: boolean;
  fillsUnaccounted: boolean;
  under: boolean;
  perSession: number;
  parent: ParentDay | null;
  district: DistrictDay | null;
}

/** The dates one imported file's records of a service run over. */
export interface DistrictSpan {
  importId: string;
  from: IsoDate;
  to: IsoDate;
  records: number;
}

/** Per imported file, the first and last date of its records of `serviceId`, oldest first. */
export function districtSpans(
  records: readonly DistrictRecord[],
  serviceId: string,
): DistrictSpan[] {
  const spans = new Map<string, DistrictSpan>();
  for (const record of records) {
    if (record.serviceId !== serviceId) continue;
    const span = spans.get(record.importId);
    if (!span) {
      spans.set(record.importId, {
        importId: record.importId,
        from: record.date,
        to: record.date,
        records: 1,
      });
      continue;
    }
    if (record.date < span.from) span.from = record.date;
    if (record.date > span.to) span.to = record.date;
    span.records += 1;
  }
  return [...spans.values()].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/** Whether the days `start`–`end` overlap one of the spans. */
export function spansCover(spans: readonly DistrictSpan[], start: IsoDate, end: IsoDate): boolean {
  return spans.some((span) => span.from <= end && start <= span.to);
}

export interface ServiceReconciliation {
  serviceId: string;
  perSession: number;
  /** Each imported file's first and last date for this service. */
  spans: DistrictSpan[];
  /**
   * The counted periods the totals are over (those the spans overlap): the first one's start and
   * the last one's end, and how many; null dates when the files cover no counted period.
   */
  compared: { from: IsoDate | null; to: IsoDate | null; periods: number };
  /** The totals below are all over `compared`. */
  expected: number;
  parentDelivered: number;
  districtDelivered: number;
  /** Documented missed minutes in each log, "student absent" minutes included in both. */
  parentMissed: number;
  districtMissed: number;
  /** The parent's documented missed minutes whose reason is "student absent" (excused). */
  parentExcused: number;
  /** District missed minutes marked "student absent" (excused). */
  districtExcused: number;
  parentMadeUp: number;
  districtMadeUp: number;
  /** The parent's "no record" minutes (rules v2). */
  unaccounted: number;
  /** No record in either log. */
  unaccountedAfterBoth: number;
  rows: ReconcileRow[];
  counts: Record<ReconcileKind, number>;
  /** Dates where the district's own log shows minutes not delivered (not "student absent"). */
  districtConfirmedMissed: DistrictMissedSession[];
}

/** A reconciliation's totals and counts, without its dated rows (what the Gaps page keeps). */
export type ReconciliationTotals = Omit<ServiceReconciliation, 'rows' | 'districtConfirmedMissed'>;

/** Drops the dated rows: what the totals table and the counts need. */
export function reconciliationTotals(full: ServiceReconciliation): ReconciliationTotals {
  const { rows: _rows, districtConfirmedMissed: _missed, ...totals } = full;
  return totals;
}

export interface DistrictMissedSession {
  date: IsoDate;
  minutesMissed: number;
  outcome: DistrictOutcome;
  /** True when the parent had logged nothing that day. */
  parentHadNoRecord: boolean;
}

function parentDays(entries: readonly SessionEntry[]): Map<IsoDate, ParentDay> {
  const days = new Map<IsoDate, ParentDay>();
  for (const entry of entries) {
    let day = days.get(entry.date);
    if (!day) {
      day = {
        delivered: 0,
        missed: 0,
        madeUp: 0,
        reasons: [],
        childPresent: false,
        regularEntries: 0,
        excused: 0,
      };
      days.set(entry.date, day);
    }
    if (entry.reason !== 'student-absent') day.childPresent = true;
    if (entry.makeUp) {
      day.madeUp += entry.minutesDelivered;
      continue;
    }
    day.regularEntries += 1;
    day.delivered += entry.minutesDelivered;
    if (entry.status !== 'delivered') {
      const missed = missedMinutes(entry);
      day.missed += missed;
      if (entry.reason) day.reasons.push(entry.reason);
      if (entry.reason === 'student-absent') day.excused += missed;
    }
  }
  return days;
}

function districtDays(
  records: readonly DistrictRecord[],
  perSession: number,
): Map<IsoDate, DistrictDay> {
  const days = new Map<IsoDate, DistrictDay>();
  for (const record of records) {
    let day = days.get(record.date);
    if (!day) {
      day = {
        delivered: 0,
        missed: 0,
        madeUp: 0,
        outcomes: [],
        codes: [],
        notes: [],
        rows: [],
        importIds: [],
        lowestDelivered: null,
        regularRecords: 0,
        excused: 0,
      };
      days.set(record.date, day);
    }
    day.outcomes.push(record.outcome);
    if (record.code) day.codes.push(record.code);
    if (record.note) day.notes.push(record.note);
    day.rows.push(record.row);
    if (!day.importIds.includes(record.importId)) day.importIds.push(record.importId);
    const minutes = record.minutesServed;
    if (record.outcome === 'make-up') {
      day.madeUp += minutes ?? perSession;
      continue;
    }
    day.regularRecords += 1;
    day.delivered += districtDeliveredMinutes(record, perSession);
    if (record.outcome === 'delivered') {
      if (minutes !== null) {
        day.missed += minutesShort(perSession, minutes);
        day.lowestDelivered = Math.min(day.lowestDelivered ?? minutes, minutes);
      }
    } else {
      const missed = minutesShort(perSession, minutes ?? 0);
      day.missed += missed;
      if (record.outcome === 'student-absent') day.excused += missed;
    }
  }
  return days;
}

/** The minutes one (non make-up) district record counts as delivered. */
export function districtDeliveredMinutes(record: DistrictRecord, perSession: number): number {
  if (record.outcome === 'delivered') return record.minutesServed ?? perSession;
  return record.minutesServed ?? 0;
}

function emptyCounts(): Record<ReconcileKind, number> {
  return Object.fromEntries(RECONCILE_KINDS.map((kind) => [kind, 0])) as Record<
    ReconcileKind,
    number
  >;
}

/**
 * Reconciles one service. `entries` and `records` may hold other services' rows: only this
 * service's are used. `gap` is computeServiceGap's result for the same service and "as of".
 */
export function reconcileService(
  service: Service,
  gap: ServiceGap,
  entries: readonly SessionEntry[],
  records: readonly DistrictRecord[],
): ServiceReconciliation {
  const perSession = defaultScheduledMinutes(service);
  const asOf = gap.asOf;
  const parent = parentDays(entries.filter((e) => e.serviceId === service.id && e.date <= asOf));
  const district = districtDays(
    records.filter((r) => r.serviceId === service.id && r.date <= asOf),
    perSession,
  );

  const spans = districtSpans(records, service.id);
  const compared = gap.periods.filter((period) => spansCover(spans, period.start, period.end));
  const periodOf = new Map<IsoDate, PeriodGap>();
  for (const period of compared)
    for (const date of eachDate(period.start, period.end)) periodOf.set(date, period);
  const inSpan = (date: IsoDate) => spansCover(spans, date, date);

  const rows: ReconcileRow[] = [];
  const counts = emptyCounts();
  const dates = [...new Set([...[...parent.keys()].filter(inSpan), ...district.keys()])].sort();
  let districtDelivered = 0;
  let districtMissed = 0;
  let districtExcused = 0;
  let districtMadeUp = 0;
  const extraAccounted = new Map<PeriodGap, number>();
  const confirmed: DistrictMissedSession[] = [];

  for (const date of dates) {
    const p = parent.get(date) ?? null;
    const d = district.get(date) ?? null;
    const period = periodOf.get(date);
    const parentHasRegular = (p?.regularEntries ?? 0) > 0;
    if (d && period) {
      districtDelivered += d.delivered;
      districtMissed += d.missed;
      districtMadeUp += d.madeUp;
      districtExcused += d.excused;
      if (!parentHasRegular && d.regularRecords > 0)
        extraAccounted.set(period, (extraAccounted.get(period) ?? 0) + d.delivered + d.missed);
    }
    let kind: ReconcileKind;
    if (p && d) {
      if (d.outcomes.includes('student-absent') && p.childPresent) kind = 'conflict-absent';
      else if (p.missed > 0 && d.delivered > p.delivered) kind = 'conflict-delivered';
      else kind = 'agree';
    } else kind = d ? 'district-only' : 'parent-only';
    const under = d !== null && d.lowestDelivered !== null && d.lowestDelivered < perSession;
    const fillsUnaccounted =
      kind === 'district-only' && period !== undefined && period.unaccounted > 0;
    counts[kind] += 1;
    rows.push({
      serviceId: service.id,
      date,
      kind,
      conflict: kind === 'conflict-delivered' || kind === 'conflict-absent',
      fillsUnaccounted,
      under,
      perSession,
      parent: p,
      district: d,
    });
    if (d && period && d.missed > d.excused) {
      const outcome = d.outcomes.find((o) => o !== 'student-absent' && o !== 'make-up') ?? 'other';
      confirmed.push({
        date,
        minutesMissed: d.missed - d.excused,
        outcome,
        parentHadNoRecord: !parentHasRegular,
      });
    }
  }

  const total = (of: (period: PeriodGap) => number) =>
    compared.reduce((sum, period) => sum + of(period), 0);
  // Over the same periods as parentMissed (the gap's documented missed), so the excused part of
  // each log is stated alike.
  let parentExcused = 0;
  for (const [date, day] of parent) if (periodOf.has(date)) parentExcused += day.excused;
  const unaccountedAfterBoth = compared.reduce(
    (sum, period) =>
      sum +
      Math.max(
        0,
        period.expected -
          period.delivered -
          period.documentedMissed -
          (extraAccounted.get(period) ?? 0),
      ),
    0,
  );

  return {
    serviceId: service.id,
    perSession,
    spans,
    compared: {
      from: compared[0]?.start ?? null,
      to: compared.at(-1)?.end ?? null,
      periods: compared.length,
    },
    expected: total((period) => period.expected),
    parentDelivered: total((period) => period.delivered),
    districtDelivered,
    parentMissed: total((period) => period.documentedMissed),
    districtMissed,
    parentExcused,
    districtExcused,
    parentMadeUp: total((period) => period.madeUp),
    districtMadeUp,
    unaccounted: total((period) => period.unaccounted),
    unaccountedAfterBoth,
    rows,
    counts,
    districtConfirmedMissed: confirmed,
  };
}

/** Every service of a student, reconciled with the same gap results the Gaps page shows. */
export function reconcileStudent(
  services: readonly Service[],
  gaps: readonly ServiceGap[],
  entries: readonly SessionEntry[],
  records: readonly DistrictRecord[],
): ServiceReconciliation[] {
  const gapOf = new Map(gaps.map((gap) => [gap.serviceId, gap]));
  return services.flatMap((service) => {
    const gap = gapOf.get(service.id);
    return gap ? [reconcileService(service, gap, entries, records)] : [];
  });
}
