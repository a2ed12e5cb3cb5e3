/**
 * The gap engine: how many IEP service minutes were expected, delivered, missed and owed.
 *
 * Pure functions (no browser APIs), runnable in Node. Every date is an ISO calendar date and all
 * arithmetic goes through lib/dates day numbers, so no time zone moves a session. "As of" is always
 * an argument.
 *
 * THE RULES (v1), as the user reads them next to the numbers:
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
 *   service, the full minutes. With "prorate short periods": minutes × active school days ÷
 *   instructional weekdays of the period inside the school year (closures not removed), rounded to
 *   the nearest minute per period. So a week with one snow day out of five expects 4/5 of the
 *   minutes, and the first week of a year that starts on a Wednesday expects the full minutes.
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
 *   owed = max(0, shortfall − excused − made up);
 *   unaccounted = max(0, shortfall − documented missed): minutes neither delivered nor explained;
 *   delivery rate = delivered ÷ expected (make-ups not included), null when nothing is expected.
 * - Possible unilateral reduction (week and month services only): three or more consecutive
 *   counted periods (periods with no school between them do not break the run) whose regular
 *   delivered minutes are under half their expected minutes, with no entry giving "student
 *   absent". The flag reports the run still going on (it includes the latest counted period) if
 *   there is one, otherwise the most recent run; its start date is the first day of the run's
 *   first period (a Monday, or the 1st of the month).
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
import { daysInMonth, formatLongDate, type IsoDate } from '../dates';
import {
  dayNumberOf,
  isoDateOf,
  schoolDays,
  weekdayOfDayNumber,
  type SchoolDays,
} from '../calendar';
import {
  MISSED_REASONS,
  MISSED_REASON_LABELS,
  serviceName,
  type MissedReason,
  type Period,
  type SchoolCalendar,
  type Service,
  type SessionEntry,
} from '../model';
import type { MissedSession, PeriodGap, ReductionFlag, ServiceGap } from './types';

export type { MissedSession, PeriodGap, ReductionFlag, ServiceGap } from './types';

/** A run this long of periods under half the minutes raises the reduction flag. */
export const REDUCTION_MIN_PERIODS = 3;

// ------------------------------------------------------------------ periods

/** A period's bounds (day numbers, both included) and its school-day counts. */
interface Frame {
  start: number;
  end: number;
  active: number;
  instructional: number;
}

/** The service's active days clipped to the school year, or null when they do not overlap. */
function activeRange(service: Service, days: SchoolDays): { start: number; end: number } | null {
  const start = Math.max(dayNumberOf(service.startDate), days.firstDay);
  const end = Math.min(dayNumberOf(service.endDate), days.lastDay);
  return start <= end ? { start, end } : null;
}

function mondayOf(day: number): number {
  return day - weekdayOfDayNumber(day) + 1;
}

/** Bounds of the day, week or month containing a day. */
function periodBounds(unit: Period, day: number): { start: number; end: number } {
  if (unit === 'day') return { start: day, end: day };
  if (unit === 'week') {
    const start = mondayOf(day);
    return { start, end: start + 6 };
  }
  const iso = isoDateOf(day);
  const start = day - Number(iso.slice(8, 10)) + 1;
  return { start, end: start + daysInMonth(Number(iso.slice(0, 4)), Number(iso.slice(5, 7))) - 1 };
}

/**
 * The service's periods (by `unit`) that have at least one active school day and start on or
 * before `untilDay`, oldest first.
 */
function activeFrames(service: Service, days: SchoolDays, unit: Period, untilDay: number): Frame[] {
  const range = activeRange(service, days);
  if (!range) return [];
  const frames: Frame[] = [];
  for (let day = range.start; day <= range.end;) {
    const { start, end } = periodBounds(unit, day);
    if (start > untilDay) break;
    const active = days.countSchoolDays(Math.max(start, range.start), Math.min(end, range.end));
    if (active > 0) {
      frames.push({
        start,
        end,
        active,
        instructional: days.countInstructionalWeekdays(start, end),
      });
    }
    day = end + 1;
  }
  return frames;
}

/** Expected minutes of one period of the service's own unit. */
function expectedMinutes(service: Service, frame: Frame): number {
  if (service.period === 'day') return service.minutes * frame.active;
  if (!service.prorate || frame.active >= frame.instructional) return service.minutes;
  return Math.round((service.minutes * frame.active) / frame.instructional);
}

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
    studentAbsent: false,
  };
}

/** Start day of the period of `unit` containing the entry's date, without building a Date. */
function periodKey(unit: Period, day: number, date: IsoDate): number {
  if (unit === 'day') return day;
  if (unit === 'week') return mondayOf(day);
  return day - Number(date.slice(8, 10)) + 1;
}

// ------------------------------------------------------------------ gaps

function emptyReasons(): Record<MissedReason, number> {
  const reasons = {} as Record<MissedReason, number>;
  for (const reason of MISSED_REASONS) reasons[reason] = 0;
  return reasons;
}

/** Minutes a missed or partial entry documents as not given. */
function missedMinutes(entry: SessionEntry): number {
  return Math.max(0, entry.scheduledMinutes - entry.minutesDelivered);
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
  return {
    startDate: periods[latest.first]!.start,
    endDate: periods[latest.last]!.end,
    periods: latest.last - latest.first + 1,
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
  for (const period of periods) {
    expected += period.expected;
    delivered += period.delivered;
    madeUp += period.madeUp;
    documentedMissed += period.documentedMissed;
  }
  const shortfall = Math.max(0, expected - delivered);
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
    expected,
    delivered,
    madeUp,
    shortfall,
    documentedMissed,
    missedByReason,
    excused,
    owed: Math.max(0, shortfall - excused - madeUp),
    unaccounted: Math.max(0, shortfall - documentedMissed),
    deliveryRate: expected > 0 ? delivered / expected : null,
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

/** Scheduled minutes a new log entry defaults to: one session's share of the period's minutes. */
export function defaultScheduledMinutes(
  service: Pick<Service, 'minutes' | 'sessionsPerPeriod'>,
): number {
  return service.sessionsPerPeriod
    ? Math.round(service.minutes / service.sessionsPerPeriod)
    : service.minutes;
}

// ------------------------------------------------------------------ weekly series

export interface WeekPoint {
  /** The Monday. */
  weekStart: IsoDate;
  expected: number;
  delivered: number;
  madeUp: number;
  /** The week containing "as of", not over yet. */
  inProgress: boolean;
}

/** Splits each month's expected minutes over its weeks by active school days. */
function monthShareByWeek(
  service: Service,
  days: SchoolDays,
  untilDay: number,
): Map<number, number> {
  const shares = new Map<number, number>();
  const range = activeRange(service, days)!;
  for (const month of activeFrames(service, days, 'month', untilDay)) {
    const total = expectedMinutes(service, month);
    let before = 0;
    for (let monday = mondayOf(month.start); monday <= month.end; monday += 7) {
      const from = Math.max(monday, month.start, range.start);
      const to = Math.min(monday + 6, month.end, range.end);
      const inWeek = days.countSchoolDays(from, to);
      if (inWeek === 0) continue;
      // Cumulative rounding: the weeks add up to the month's minutes exactly.
      const share =
        Math.round((total * (before + inWeek)) / month.active) -
        Math.round((total * before) / month.active);
      before += inWeek;
      shares.set(monday, (shares.get(monday) ?? 0) + share);
    }
  }
  return shares;
}

/** Expected vs delivered minutes per week, oldest first (rules in the header). */
export function weeklySeries(
  service: Service,
  calendar: SchoolCalendar,
  entries: SessionEntry[],
  asOf: IsoDate,
): WeekPoint[] {
  const days = schoolDays(calendar);
  const asOfDay = dayNumberOf(asOf);
  const monthShares = service.period === 'month' ? monthShareByWeek(service, days, asOfDay) : null;
  const points = new Map<number, WeekPoint>();
  for (const week of activeFrames(service, days, 'week', asOfDay)) {
    const expected =
      service.period === 'day'
        ? service.minutes * week.active
        : (monthShares?.get(week.start) ?? expectedMinutes(service, week));
    points.set(week.start, {
      weekStart: isoDateOf(week.start),
      expected,
      delivered: 0,
      madeUp: 0,
      inProgress: week.end > asOfDay,
    });
  }
  for (const entry of entries) {
    if (entry.serviceId !== service.id) continue;
    const day = dayNumberOf(entry.date);
    if (day > asOfDay) continue;
    const point = points.get(mondayOf(day));
    if (!point) continue;
    if (entry.makeUp) point.madeUp += entry.minutesDelivered;
    else point.delivered += entry.minutesDelivered;
  }
  return [...points.values()];
}

// ------------------------------------------------------------------ plain words

/** Words for a service's period: "a week", "5 complete school weeks", "2 short weeks". */
const PERIOD_WORDS: Record<
  Period,
  { per: string; counted: [string, string]; short: [string, string] }
> = {
  day: { per: 'day', counted: ['school day', 'school days'], short: ['day', 'days'] },
  week: {
    per: 'week',
    counted: ['complete school week', 'complete school weeks'],
    short: ['short week', 'short weeks'],
  },
  month: {
    per: 'month',
    counted: ['complete month', 'complete months'],
    short: ['short month', 'short months'],
  },
};

function withCommas(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "1 minute", "1,350 minutes". */
export function formatMinutes(n: number): string {
  return `${withCommas(n)} ${n === 1 ? 'minute' : 'minutes'}`;
}

function count(n: number, one: string, many: string): string {
  return `${withCommas(n)} ${n === 1 ? one : many}`;
}

function monthName(date: IsoDate): string {
  return formatLongDate(date).replace(/ \d+,/, '');
}

/** "the week of October 5, 2026", "October 2026". */
function describePeriod(period: Pick<PeriodGap, 'start'>, unit: Period): string {
  if (unit === 'month') return monthName(period.start);
  if (unit === 'week') return `the week of ${formatLongDate(period.start)}`;
  return formatLongDate(period.start);
}

/** "60 minutes of speech-language therapy per week (2 sessions)". */
export function describeService(
  service: Pick<
    Service,
    'minutes' | 'period' | 'sessionsPerPeriod' | 'kind' | 'label' | 'delivery'
  >,
): string {
  const notes: string[] = [];
  if (service.sessionsPerPeriod) {
    notes.push(count(service.sessionsPerPeriod, 'session', 'sessions'));
  }
  if (service.delivery === 'consult') notes.push('consultation');
  const base = `${formatMinutes(service.minutes)} of ${serviceName(service)} per ${PERIOD_WORDS[service.period].per}`;
  return notes.length ? `${base} (${notes.join(', ')})` : base;
}

export interface GapExplanation {
  key:
    | 'expected'
    | 'delivered'
    | 'madeUp'
    | 'shortfall'
    | 'documentedMissed'
    | 'excused'
    | 'owed'
    | 'unaccounted'
    | 'deliveryRate'
    | 'inProgress'
    | 'reduction';
  label: string;
  /** Minutes, the delivery rate as a fraction (0.75), or the reduction's number of periods. */
  value: number | null;
  /** The value as shown: "540 minutes", "75%", "Not yet". */
  display: string;
  /** How the number was worked out, in plain words. */
  how: string;
}

function explainExpected(gap: ServiceGap, service: Service): string {
  const words = PERIOD_WORDS[gap.period];
  const n = gap.periods.length;
  if (n === 0) {
    return gap.inProgress
      ? `The first ${words.per} is not over yet, so nothing is counted yet.`
      : 'No school day with this service has been counted yet, so nothing is expected yet.';
  }
  if (gap.period === 'day') {
    const schoolDayCount = gap.periods.reduce((sum, p) => sum + p.activeSchoolDays, 0);
    return `${formatMinutes(service.minutes)} a day × ${count(schoolDayCount, ...words.counted)} = ${formatMinutes(gap.expected)}.`;
  }
  const full = service.minutes * n;
  let how = `${formatMinutes(service.minutes)} a ${words.per} × ${count(n, ...words.counted)} = ${formatMinutes(full)}.`;
  const short = gap.periods.filter((p) => p.expected < service.minutes).length;
  if (short > 0) {
    how += ` Short periods are prorated: ${count(short, ...words.short)} had days when school was closed or the service was not in effect, so they expect minutes in proportion to their school days, ${formatMinutes(full - gap.expected)} less: ${formatMinutes(gap.expected)} in all.`;
  }
  return `${how} A ${words.per} with no school days, such as a break, is not counted.`;
}

function explainDocumentedMissed(gap: ServiceGap): string {
  const parts = MISSED_REASONS.filter((reason) => gap.missedByReason[reason] > 0).map(
    (reason) => `${MISSED_REASON_LABELS[reason]}: ${formatMinutes(gap.missedByReason[reason])}`,
  );
  if (parts.length === 0) return 'No session in the log is marked as missed or cut short.';
  return `Sessions in the log marked as missed or cut short, with the reason given (${parts.join('; ')}). Each counts its scheduled minutes minus the minutes given.`;
}

/** Plain-words explanation of each number of a gap, in the order a parent reads them. */
export function explainGap(gap: ServiceGap, service: Service): GapExplanation[] {
  const minutesRow = (key: GapExplanation['key'], label: string, value: number, how: string) => ({
    key,
    label,
    value,
    display: formatMinutes(value),
    how,
  });
  const rows: GapExplanation[] = [
    minutesRow('expected', 'Expected', gap.expected, explainExpected(gap, service)),
    minutesRow(
      'delivered',
      'Delivered',
      gap.delivered,
      `Minutes the log shows as given in regular sessions: ${formatMinutes(gap.delivered)}. Make-up sessions are counted separately.`,
    ),
    minutesRow(
      'madeUp',
      'Made up',
      gap.madeUp,
      gap.madeUp > 0
        ? `Minutes given in sessions marked as make-ups: ${formatMinutes(gap.madeUp)}.`
        : 'No make-up sessions are in the log.',
    ),
    minutesRow(
      'shortfall',
      'Shortfall',
      gap.shortfall,
      gap.delivered >= gap.expected
        ? 'Delivered minutes meet or pass the expected minutes, so there is no shortfall.'
        : `Expected minus delivered: ${withCommas(gap.expected)} − ${withCommas(gap.delivered)} = ${formatMinutes(gap.shortfall)}.`,
    ),
    minutesRow(
      'documentedMissed',
      'Documented missed',
      gap.documentedMissed,
      explainDocumentedMissed(gap),
    ),
    minutesRow(
      'excused',
      'Excused (your child was absent)',
      gap.excused,
      `Missed minutes when your child was absent: ${formatMinutes(gap.excused)}. The school does not owe these.`,
    ),
    minutesRow(
      'owed',
      'Owed',
      gap.owed,
      `Shortfall minus excused minus made up: ${withCommas(gap.shortfall)} − ${withCommas(gap.excused)} − ${withCommas(gap.madeUp)}, never below zero = ${formatMinutes(gap.owed)}. These are minutes your child should still get.`,
    ),
    minutesRow(
      'unaccounted',
      'Unaccounted',
      gap.unaccounted,
      gap.unaccounted > 0
        ? `Shortfall minus documented missed: ${withCommas(gap.shortfall)} − ${withCommas(gap.documentedMissed)} = ${formatMinutes(gap.unaccounted)} that the log neither shows as given nor explains. The provider's own service logs can show what happened; you can ask for them in a records request.`
        : 'Every minute of the shortfall has a logged reason.',
    ),
    {
      key: 'deliveryRate',
      label: 'Delivery rate',
      value: gap.deliveryRate,
      display: gap.deliveryRate === null ? 'Not yet' : `${Math.round(gap.deliveryRate * 100)}%`,
      how:
        gap.deliveryRate === null
          ? 'Nothing is expected yet, so there is no rate.'
          : `Delivered ÷ expected: ${withCommas(gap.delivered)} ÷ ${withCommas(gap.expected)} = ${Math.round(gap.deliveryRate * 100)}%. Make-up minutes are not included.`,
    },
  ];
  if (gap.inProgress) {
    const p = gap.inProgress;
    rows.push(
      minutesRow(
        'inProgress',
        'In progress',
        p.delivered,
        `${capitalize(describePeriod(p, gap.period))} is not over yet: ${withCommas(p.delivered)} of ${formatMinutes(p.expected)} so far. It is left out of every total until it ends.`,
      ),
    );
  }
  if (gap.reduction) {
    const r = gap.reduction;
    const words = PERIOD_WORDS[gap.period];
    rows.push({
      key: 'reduction',
      label: 'Possible cut in services',
      value: r.periods,
      display: count(r.periods, words.per, `${words.per}s`) + ' in a row',
      how: `Starting ${describePeriod({ start: r.startDate }, gap.period)}, fewer than half the required minutes were given for ${count(r.periods, words.per, `${words.per}s`)} in a row${r.ongoing ? ', and it is still going on' : ''}, with no absence by your child logged. This can be a sign the service was cut without an IEP team meeting.`,
    });
  }
  return rows;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
