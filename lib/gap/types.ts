import type { IsoDate } from '../dates';
import type { MissedReason, Period, SessionEntry } from '../model';

/** One week (Monday-Sunday), calendar month or school day of a service. */
export interface PeriodGap {
  start: IsoDate;
  end: IsoDate;
  /** School days in the period on which the service is active. */
  activeSchoolDays: number;
  /** Instructional weekdays in the period (closures not removed), the prorating denominator. */
  instructionalWeekdays: number;
  expected: number;
  /** Minutes from regular (not make-up) entries dated in the period. */
  delivered: number;
  madeUp: number;
  /** Σ (scheduled − delivered) of missed and partial entries in the period. */
  documentedMissed: number;
  /**
   * Minutes with no record either way: max(0, expected − delivered − documented missed). When
   * `regularEntries` is 0 the whole period has no record in the log.
   */
  unaccounted: number;
  /** Regular (not make-up) log entries dated in the period. */
  regularEntries: number;
  /** True when an entry in the period gives "student absent". */
  studentAbsent: boolean;
}

/** A missed or partial entry, as drafts and tables list it. */
export interface MissedSession {
  entryId: string;
  date: IsoDate;
  scheduled: number;
  delivered: number;
  /** scheduled − delivered */
  missed: number;
  reason: MissedReason;
  note: string;
}

export interface ReductionFlag {
  /** First day of the first period of the run. */
  startDate: IsoDate;
  /** Number of consecutive counted periods under half the required minutes. */
  periods: number;
  /**
   * How many of those periods have a regular log entry. The others have no record: the flag may
   * prompt the parent, but nothing may state that minutes were not given in them.
   */
  recordedPeriods: number;
  /** Last day of the run's last period. */
  endDate?: IsoDate;
  /** True when the run includes the latest counted period (it has not stopped). */
  ongoing?: boolean;
}

export interface ServiceGap {
  serviceId: string;
  period: Period;
  asOf: IsoDate;
  /** First and last day of the counted periods (null when none is counted yet). */
  countedFrom: IsoDate | null;
  countedTo: IsoDate | null;
  /** Complete periods that count, oldest first. */
  periods: PeriodGap[];
  /** The current, unfinished period: shown apart and left out of every total. */
  inProgress: PeriodGap | null;
  expected: number;
  delivered: number;
  madeUp: number;
  shortfall: number;
  documentedMissed: number;
  missedByReason: Record<MissedReason, number>;
  /** Documented missed minutes whose reason is "student absent". */
  excused: number;
  /** Rules v2: max(0, documented missed − excused − made up). Only what the log documents. */
  owed: number;
  /** Σ of the counted periods' unaccounted minutes: no record either way, never owed. */
  unaccounted: number;
  /** The counted periods with unaccounted minutes, oldest first. */
  unaccountedPeriods: PeriodGap[];
  /** delivered ÷ expected, or null when nothing is expected yet. */
  deliveryRate: number | null;
  reduction: ReductionFlag | null;
  /** Missed and partial entries in the counted periods, oldest first. */
  missedSessions: MissedSession[];
  /** Make-up entries in the counted periods. */
  makeUpSessions: SessionEntry[];
  /**
   * This service's entries up to "as of" dated outside every counted and in-progress period (a
   * make-up during a break, say): not in any total, so the UI can say how many were left out.
   */
  entriesOutsidePeriods?: number;
}
