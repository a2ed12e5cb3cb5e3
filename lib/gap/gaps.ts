/** The totals for one service over its counted periods (rules v2 in index.ts). Pure. */
import type { IsoDate } from '../dates';
import { dayNumberOf, isoDateOf, schoolDays, type SchoolDays } from '../calendar';
import {
  MISSED_REASONS,
  type MissedReason,
  type SchoolCalendar,
  type Service,
  type SessionEntry,
} from '../model';
import { activeFrames, expectedMinutes, periodKey, type Frame } from './periods';
import type { MissedSession, PeriodGap, ReductionFlag, ServiceGap } from './types';

/** A run this long of periods under half the minutes raises the reduction flag. */
export const REDUCTION_MIN_PERIODS = 3;

function emptyPeriod(service: Service, frame: Frame): PeriodGap {
  return {
    start: isoDateOf(frame.start),
    end: isoDateOf(frame.end),
    activeSchoolDays: frame.active,
    instructionalWeekdays: frame.instructional,
    expected: expectedMinutes(service, frame),
    delivered: 0,
    madeUp: 0,
    documentedMissed: 0,
    unaccounted: 0,
    regularEntries: 0,
    studentAbsent: false,
  };
}

function emptyReasons(): Record<MissedReason, number> {
  const reasons = {} as Record<MissedReason, number>;
  for (const reason of MISSED_REASONS) reasons[reason] = 0;
  return reasons;
}

/**
 * The one formula for "missed minutes": minutes due less minutes given, never below zero (a
 * longer session than due leaves nothing missed). Entries, district records, periods and totals
 * all go through it.
 */
export function minutesShort(due: number, given: number): number {
  return Math.max(0, due - given);
}

/**
 * Minutes a missed or partial entry documents as not given: scheduled − delivered, never below
 * zero (tables, CSV and drafts use it too).
 */
export function missedMinutes(
  entry: Pick<SessionEntry, 'scheduledMinutes' | 'minutesDelivered'>,
): number {
  return minutesShort(entry.scheduledMinutes, entry.minutesDelivered);
}

/** A period's minutes the log shows neither as given nor as missed. */
function unaccountedIn(period: PeriodGap): number {
  return minutesShort(period.expected, period.delivered + period.documentedMissed);
}

/** The sums a gap's totals are made of (over the same counted periods). */
export interface GapSums {
  expected: number;
  delivered: number;
  madeUp: number;
  documentedMissed: number;
  excused: number;
}

/**
 * A gap's totals: the sums as given, plus what derives from them (shortfall, owed, delivery
 * rate). computeServiceGap and the drafts' gapFrom both use it, so they cannot disagree.
 */
export function gapTotals(
  sums: GapSums,
): GapSums & Pick<ServiceGap, 'shortfall' | 'owed' | 'deliveryRate'> {
  const { expected, delivered, madeUp, documentedMissed, excused } = sums;
  return {
    ...sums,
    shortfall: minutesShort(expected, delivered),
    owed: minutesShort(documentedMissed, excused + madeUp),
    deliveryRate: expected > 0 ? delivered / expected : null,
  };
}

function byDateThenId<T extends { date: IsoDate }>(idOf: (item: T) => string) {
  return (a: T, b: T) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0;
}

/** The reduction run to report: the ongoing one if long enough, else the most recent. */
function findReduction(periods: PeriodGap[]): ReductionFlag | null {
  let latest: { first: number; last: number } | null = null;
  let runStart = -1;
  for (let i = 0; i <= periods.length; i++) {
    const period = periods[i];
    const under =
      period !== undefined && !period.studentAbsent && period.delivered * 2 < period.expected;
    if (under) {
      if (runStart < 0) runStart = i;
      continue;
    }
    if (runStart >= 0 && i - runStart >= REDUCTION_MIN_PERIODS)
      latest = { first: runStart, last: i - 1 };
    runStart = -1;
  }
  if (!latest) return null;
  const run = periods.slice(latest.first, latest.last + 1);
  return {
    startDate: run[0]!.start,
    endDate: run.at(-1)!.end,
    periods: run.length,
    recordedPeriods: run.filter((period) => period.regularEntries > 0).length,
    ongoing: latest.last === periods.length - 1,
  };
}

/** The engine for one service; `entries` are this service's entries (any order). */
function serviceGap(
  service: Service,
  days: SchoolDays,
  entries: readonly SessionEntry[],
  asOf: IsoDate,
): ServiceGap {
  const asOfDay = dayNumberOf(asOf);
  const unit = service.period;
  const periods: PeriodGap[] = [];
  // Counted periods by their first day's number, for placing entries.
  const counted = new Map<number, PeriodGap>();
  let inProgress: PeriodGap | null = null;
  let inProgressKey = NaN;
  for (const frame of activeFrames(service, days, unit, asOfDay)) {
    const period = emptyPeriod(service, frame);
    if (frame.end <= asOfDay) {
      periods.push(period);
      counted.set(frame.start, period);
    } else {
      inProgress = period;
      inProgressKey = frame.start;
    }
  }

  const missedByReason = emptyReasons();
  const missedSessions: MissedSession[] = [];
  const makeUpSessions: SessionEntry[] = [];
  let entriesOutsidePeriods = 0;

  for (const entry of entries) {
    const day = dayNumberOf(entry.date);
    if (day > asOfDay) continue;
    const key = periodKey(unit, day, entry.date);
    const period = counted.get(key) ?? (key === inProgressKey ? inProgress : undefined);
    if (!period) {
      entriesOutsidePeriods++;
      continue;
    }
    const isCounted = period !== inProgress;
    if (entry.reason === 'student-absent') period.studentAbsent = true;
    if (entry.makeUp) {
      period.madeUp += entry.minutesDelivered;
      if (isCounted) makeUpSessions.push(entry);
      continue;
    }
    period.regularEntries++;
    period.delivered += entry.minutesDelivered;
    if (entry.status === 'delivered') continue;
    const missed = missedMinutes(entry);
    period.documentedMissed += missed;
    if (!isCounted) continue;
    const reason = entry.reason ?? 'other';
    missedByReason[reason] += missed;
    missedSessions.push({
      entryId: entry.id,
      date: entry.date,
      scheduled: entry.scheduledMinutes,
      delivered: entry.minutesDelivered,
      missed,
      reason,
      note: entry.note,
    });
  }

  let expected = 0;
  let delivered = 0;
  let madeUp = 0;
  let documentedMissed = 0;
  let unaccounted = 0;
  const unaccountedPeriods: PeriodGap[] = [];
  for (const period of periods) {
    period.unaccounted = unaccountedIn(period);
    expected += period.expected;
    delivered += period.delivered;
    madeUp += period.madeUp;
    documentedMissed += period.documentedMissed;
    unaccounted += period.unaccounted;
    if (period.unaccounted > 0) unaccountedPeriods.push(period);
  }
  if (inProgress) inProgress.unaccounted = unaccountedIn(inProgress);
  const excused = missedByReason['student-absent'];
  missedSessions.sort(byDateThenId((s) => s.entryId));
  makeUpSessions.sort(byDateThenId((e) => e.id));

  return {
    serviceId: service.id,
    period: unit,
    asOf,
    countedFrom: periods[0]?.start ?? null,
    countedTo: periods.at(-1)?.end ?? null,
    periods,
    inProgress,
    missedByReason,
    ...gapTotals({ expected, delivered, madeUp, documentedMissed, excused }),
    unaccounted,
    unaccountedPeriods,
    reduction: unit === 'day' ? null : findReduction(periods),
    missedSessions,
    makeUpSessions,
    entriesOutsidePeriods,
  };
}

/** The gap for one service as of a date. `entries` may include other services' entries. */
export function computeServiceGap(
  service: Service,
  calendar: SchoolCalendar,
  entries: SessionEntry[],
  asOf: IsoDate,
): ServiceGap {
  const own = entries.filter((entry) => entry.serviceId === service.id);
  return serviceGap(service, schoolDays(calendar), own, asOf);
}

/** The gaps for all of a student's services (one calendar, entries grouped in one pass). */
export function computeStudentGaps(
  services: Service[],
  calendar: SchoolCalendar,
  entries: SessionEntry[],
  asOf: IsoDate,
): ServiceGap[] {
  const days = schoolDays(calendar);
  const byService = new Map<string, SessionEntry[]>();
  for (const service of services) byService.set(service.id, []);
  for (const entry of entries) byService.get(entry.serviceId)?.push(entry);
  return services.map((service) => serviceGap(service, days, byService.get(service.id)!, asOf));
}

/**
 * The gap `computeStudentGaps` gives for the service counted from `start` on (its start date
 * moved there), worked out from its gap over the whole IEP instead of from the log: the periods
 * from `start` on are the same ones with the same entries, so their totals, sessions and the
 * reduction flag follow from them. `start` must be the first day of one of the service's periods
 * (a Monday, the 1st, any day for a daily service) and on or after its own start date. The count
 * of entries outside the periods is kept only while the period in progress is (without it, the
 * make-up entries it held are unknown).
 */
export function gapCountedFrom(gap: ServiceGap, start: IsoDate): ServiceGap {
  const kept = gap.periods.filter((period) => period.start >= start);
  const dropped = gap.periods.length - kept.length;
  const inProgress = gap.inProgress && gap.inProgress.start >= start ? gap.inProgress : null;
  if (dropped === 0 && inProgress === gap.inProgress) return gap;
  const sums = { expected: 0, delivered: 0, madeUp: 0, documentedMissed: 0, unaccounted: 0 };
  for (const period of kept) {
    sums.expected += period.expected;
    sums.delivered += period.delivered;
    sums.madeUp += period.madeUp;
    sums.documentedMissed += period.documentedMissed;
    sums.unaccounted += period.unaccounted;
  }
  const missedSessions = gap.missedSessions.filter((session) => session.date >= start);
  const missedByReason = emptyReasons();
  for (const session of missedSessions) missedByReason[session.reason] += session.missed;
  const makeUpSessions = gap.makeUpSessions.filter((entry) => entry.date >= start);
  const { unaccounted, ...totals } = sums;
  const result: ServiceGap = {
    ...gap,
    countedFrom: kept[0]?.start ?? null,
    countedTo: kept.at(-1)?.end ?? null,
    periods: kept,
    inProgress,
    missedByReason,
    ...gapTotals({ ...totals, excused: missedByReason['student-absent'] }),
    unaccounted,
    unaccountedPeriods: kept.filter((period) => period.unaccounted > 0),
    reduction: gap.period === 'day' ? null : findReduction(kept),
    missedSessions,
    makeUpSessions,
  };
  delete result.entriesOutsidePeriods;
  if (inProgress !== gap.inProgress || gap.entriesOutsidePeriods === undefined) return result;
  // Entries in the dropped periods are now outside every period.
  const droppedPeriods = gap.periods.slice(0, dropped);
  const droppedEntries =
    droppedPeriods.reduce((n, period) => n + period.regularEntries, 0) +
    (gap.makeUpSessions.length - makeUpSessions.length);
  return { ...result, entriesOutsidePeriods: gap.entriesOutsidePeriods + droppedEntries };
}

/** Scheduled minutes a new log entry defaults to: one session's share of the period's minutes. */
export function defaultScheduledMinutes(
  service: Pick<Service, 'minutes' | 'sessionsPerPeriod'>,
): number {
  return service.sessionsPerPeriod
    ? Math.round(service.minutes / service.sessionsPerPeriod)
    : service.minutes;
}
