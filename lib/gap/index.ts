/**
 * The gap engine: how many IEP service minutes were expected, delivered, missed and owed.
 *
 * Pure functions (no browser APIs), runnable in Node. Every date is an ISO calendar date and all
 * arithmetic goes through lib/dates day numbers, so no time zone moves a session. "As of" is always
 * an argument.
 *
 * THE RULES (v2), as the user reads them next to the numbers:
 *
 * - A school day is an instructional weekday (Mon–Fri, or Mon–Thu on a four-day week) from the
 *   first to the last day of school that is not closed (lib/calendar). A service is ACTIVE on the
 *   school days from its start date to its end date.
 * - Periods: a day service's periods are its active school days; weeks run Monday to Sunday;
 *   months are calendar months. A period COUNTS when it is complete on the "as of" date (its last
 *   day is on or before it) and has at least one active school day. Periods with no active school
 *   day (a winter-break week, summer) are left out. A day is complete on its own date, so today
 *   counts for a day service. The current unfinished week or month is returned apart as
 *   `inProgress` (its expected minutes are the whole period's, its delivered minutes so far) and
 *   is left out of every total.
 * - Expected minutes per counted period: day service, the minutes (one active day); week or month
 *   service, by default following the school calendar (`prorate`, the default for new services):
 *   minutes × active school days ÷ instructional weekdays of the period inside the school year
 *   (closures not removed), rounded to the nearest minute per period. So a week with one snow day
 *   out of five expects 4/5 of the minutes, and the first week of a year that starts on a
 *   Wednesday expects the full minutes. A service whose IEP says the full minutes apply whatever
 *   the calendar (`prorate: false`) expects the full minutes in every counted period.
 * - Entries: only this service's entries dated on or before "as of" and inside a counted period
 *   (or the in-progress one) are used. An entry on a date outside every counted period (a make-up
 *   during winter break, a Friday make-up of a day service on a four-day week) is not in the
 *   totals; `entriesOutsidePeriods` says how many there are so the UI can say so.
 * - Totals over the counted periods:
 *   delivered = minutes of regular (not make-up) entries;
 *   made up = minutes of make-up entries;
 *   shortfall = max(0, expected − delivered) (over the totals, so an extra-long week offsets a
 *   short one);
 *   documented missed = Σ (scheduled − delivered) over regular missed and partial entries, also by
 *   reason (a make-up that falls short adds nothing: the session it makes up was already
 *   documented when it was missed);
 *   excused = documented missed whose reason is "student absent" (never owed);
 *   owed = max(0, documented missed − excused − made up): only what the log documents (v1 counted
 *   minutes with no record as owed, which let a letter claim minutes the parent cannot show);
 *   unaccounted ("no record") = Σ over counted periods of max(0, expected − delivered −
 *   documented missed): minutes the log shows neither as given nor as missed. Summed per period
 *   (not over the totals) so the figure always equals the periods listed with it
 *   (`unaccountedPeriods`); a period with no regular entry at all has `regularEntries` 0 and its
 *   whole expected minutes are unaccounted. Never owed, never in a percentage a letter states;
 *   district logs or the parent's later entries settle them;
 *   delivery rate = delivered ÷ expected (make-ups not included), null when nothing is expected.
 * - Possible unilateral reduction (week and month services only): three or more consecutive
 *   counted periods (periods with no school between them do not break the run) whose regular
 *   delivered minutes are under half their expected minutes, with no entry giving "student
 *   absent". The flag reports the run still going on (it includes the latest counted period) if
 *   there is one, otherwise the most recent run; its start date is the first day of the run's
 *   first period (a Monday, or the 1st of the month). `recordedPeriods` says how many of the run's
 *   periods have a regular entry: the flag may prompt the parent, but no draft may say minutes
 *   were not given in a period with no record.
 * - Minutes are whole numbers.
 *
 * Weekly series (the tracker's chart and the evidence report): one point per Monday-to-Sunday
 * week with at least one active school day, up to the week containing "as of". Expected per week:
 * a day service, minutes × active school days; a week service, the week's expected minutes as
 * above; a month service, each month's expected minutes split over its weeks in proportion to
 * their active school days (rounded so the weeks add up to the month exactly). The week containing
 * "as of" is marked inProgress and shows its whole expected minutes. Delivered and made-up minutes
 * are the entries dated in the week up to "as of".
 */
export type { MissedSession, PeriodGap, ReductionFlag, ServiceGap } from './types';
export {
  REDUCTION_MIN_PERIODS,
  computeServiceGap,
  computeStudentGaps,
  defaultScheduledMinutes,
  gapCountedFrom,
  gapTotals,
  minutesShort,
  missedMinutes,
  type GapSums,
} from './gaps';
export {
  noRecordEntries,
  noRecordRequestSchema,
  planNoRecordSessions,
  splitIntoSessions,
  type NoRecordOutcome,
  type NoRecordPlan,
  type NoRecordRequest,
  type PlannedSession,
} from './no-record';
export { weeklySeries, type WeekPoint } from './series';
export {
  coveredFrom,
  describeCalendarRule,
  describeService,
  describeUnaccounted,
  explainGap,
  formatDeliveryRate,
  formatMinutes,
  listPeriods,
  periodLabel,
  type GapExplanation,
} from './words';
