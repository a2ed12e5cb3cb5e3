/** The gap's numbers in plain words, as the popup, the Gaps page and the report show them. */
import { formatLongDate, formatShortDate, type IsoDate } from '../dates';
import {
  MISSED_REASONS,
  MISSED_REASON_LABELS,
  serviceName,
  type Period,
  type Service,
} from '../model';
import type { PeriodGap, ServiceGap } from './types';
import { capitalize } from '../text';

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

/**
 * The first day a gap's figures cover: its first counted period's start, or the service's start
 * date when the service began inside that period (a week counted from Monday for a Wednesday
 * start). Letters, the packet's exhibits and the report all say this date, so they agree.
 */
export function coveredFrom(service: Pick<Service, 'startDate'>, countedFrom: IsoDate): IsoDate {
  return service.startDate > countedFrom ? service.startDate : countedFrom;
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

/** One period as a list item or a checkbox label: "Week of Oct 5, 2026", "October 2026". */
export function periodLabel(start: IsoDate, unit: Period): string {
  if (unit === 'month') return monthName(start);
  if (unit === 'week') return `Week of ${formatShortDate(start)}`;
  return formatShortDate(start);
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

/** Which expected-minutes rule a service uses, in plain words (shown next to its numbers). */
export function describeCalendarRule(service: Pick<Service, 'period' | 'prorate'>): string {
  if (service.period === 'day') return 'Each school day the service is in effect counts.';
  const per = PERIOD_WORDS[service.period].per;
  return service.prorate
    ? `Follows the school calendar: a ${per} with a holiday or snow day expects fewer minutes, in proportion to the school days held.`
    : `The IEP's full minutes apply to every ${per}, even a ${per} with a holiday or snow day.`;
}

/**
 * "the weeks of Oct 5, Oct 12 and Oct 19, 2026", "September and October 2026", "Oct 5, 2026":
 * the periods listed one by one, never as a span that would read as continuous.
 */
export function listPeriods(periods: readonly Pick<PeriodGap, 'start'>[], unit: Period): string {
  if (periods.length === 0) return '';
  const years = new Set(periods.map((p) => p.start.slice(0, 4)));
  const oneYear = years.size === 1;
  const names = periods.map((p, i) => {
    const last = i === periods.length - 1;
    if (unit === 'month') return oneYear && !last ? monthOnly(p.start) : monthName(p.start);
    const short = formatShortDate(p.start);
    return oneYear && !last ? short.replace(/, \d+$/, '') : short;
  });
  const joined =
    names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
  if (unit === 'week') return `${periods.length === 1 ? 'the week' : 'the weeks'} of ${joined}`;
  return joined;
}

function monthOnly(date: IsoDate): string {
  return monthName(date).replace(/ \d+$/, '');
}

/**
 * "No record for 150 minutes (the weeks of Oct 5 and Oct 12, 2026)", or null when every
 * expected minute is in the log, delivered or missed.
 */
export function describeUnaccounted(
  gap: Pick<ServiceGap, 'unaccounted' | 'unaccountedPeriods' | 'period'>,
): string | null {
  if (gap.unaccounted <= 0) return null;
  return `No record for ${formatMinutes(gap.unaccounted)} (${listPeriods(gap.unaccountedPeriods, gap.period)})`;
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
    how += ` ${count(short, ...words.short)} had days when school was closed or the service was not in effect, so they expect minutes in proportion to their school days, ${formatMinutes(full - gap.expected)} less: ${formatMinutes(gap.expected)} in all.`;
  }
  return `${how} ${describeCalendarRule(service)} A ${words.per} with no school days, such as a break, is not counted.`;
}

function explainDocumentedMissed(gap: ServiceGap): string {
  const parts = MISSED_REASONS.filter((reason) => gap.missedByReason[reason] > 0).map(
    (reason) => `${MISSED_REASON_LABELS[reason]}: ${formatMinutes(gap.missedByReason[reason])}`,
  );
  if (parts.length === 0) return 'No session in the log is marked as missed or cut short.';
  return `Sessions in the log marked as missed or cut short, with the reason given (${parts.join('; ')}). Each counts its scheduled minutes minus the minutes given.`;
}

function percent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

/**
 * The delivery rate as shown: "75%", or "40% to 75%" while minutes have no record (from none of
 * them given to all of them given), or "Not yet".
 */
export function formatDeliveryRate(
  gap: Pick<ServiceGap, 'deliveryRate' | 'delivered' | 'unaccounted' | 'expected'>,
): string {
  if (gap.deliveryRate === null) return 'Not yet';
  const low = percent(gap.deliveryRate);
  if (gap.unaccounted <= 0) return low;
  const high = percent(Math.min(1, (gap.delivered + gap.unaccounted) / gap.expected));
  return low === high ? low : `${low} to ${high}`;
}

/**
 * Delivered ÷ expected. Minutes with no record are not known to be given or missed, so while a
 * gap has any, the rate is shown as a range: from delivered ÷ expected (none of them given) to
 * (delivered + no record) ÷ expected (all of them given); the value stays the lower end.
 */
function explainDeliveryRate(gap: ServiceGap): GapExplanation {
  const row = { key: 'deliveryRate' as const, label: 'Delivery rate', value: gap.deliveryRate };
  const display = formatDeliveryRate(gap);
  if (gap.deliveryRate === null) {
    return { ...row, display, how: 'Nothing is expected yet, so there is no rate.' };
  }
  const low = percent(gap.deliveryRate);
  const how = `Delivered ÷ expected: ${withCommas(gap.delivered)} ÷ ${withCommas(gap.expected)} = ${low}. Make-up minutes are not included.`;
  if (gap.unaccounted <= 0) return { ...row, display, how };
  const high = percent(Math.min(1, (gap.delivered + gap.unaccounted) / gap.expected));
  return {
    ...row,
    display,
    how: `${how} ${formatMinutes(gap.unaccounted)} have no record, so the log cannot say whether they were given: if all of them were, the rate would be ${withCommas(gap.delivered + gap.unaccounted)} ÷ ${withCommas(gap.expected)} = ${high}. Until those ${gap.period}s are logged, the rate is somewhere between ${low} and ${high}.`,
  };
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
      `Documented missed minus excused minus made up: ${withCommas(gap.documentedMissed)} − ${withCommas(gap.excused)} − ${withCommas(gap.madeUp)}, never below zero = ${formatMinutes(gap.owed)}. Only sessions your log shows as missed count here; weeks with no record are not counted as owed.`,
    ),
    minutesRow(
      'unaccounted',
      'No record',
      gap.unaccounted,
      gap.unaccounted > 0
        ? `${describeUnaccounted(gap)!}: your log shows these minutes neither as given nor as missed, so they are not counted as owed. Log what happened, or ask the district for the provider's service logs for those dates in a records request.`
        : 'Every expected minute is in your log, as given or as missed.',
    ),
    explainDeliveryRate(gap),
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
      how: `Starting ${describePeriod({ start: r.startDate }, gap.period)}, fewer than half the required minutes are in your log as given for ${count(r.periods, words.per, `${words.per}s`)} in a row${r.ongoing ? ', and it is still going on' : ''}, with no absence by your child logged${r.recordedPeriods < r.periods ? ` (${count(r.periods - r.recordedPeriods, words.per, `${words.per}s`)} of them with no record at all)` : ''}. This can be a sign the service was cut without an IEP team meeting.`,
    });
  }
  return rows;
}
