/**
 * CSV export (pure): the session log and the gap summary, for a spreadsheet.
 *
 * - UTF-8 with a byte-order mark, so Excel opens accented names correctly;
 * - a header row; dates as ISO "YYYY-MM-DD";
 * - RFC 4180 quoting: a field with a comma, a double quote, CR or LF is wrapped in double quotes
 *   and its double quotes doubled; records end with CRLF;
 * - formula-injection safe: a text value starting with = + - @, a tab or a carriage return is
 *   prefixed with a single quote, so a spreadsheet shows it as text instead of running it
 *   (a note such as "=HYPERLINK(…)" typed into the log stays a note). Numbers are written as
 *   numbers and never prefixed.
 */
import type { IsoDate } from '../dates';
import { MISSED_REASON_LABELS, serviceName, type Service, type SessionEntry } from '../model';
import { missedMinutes } from '../gap/gaps';
import type { ServiceGap } from '../gap/types';

export type CsvValue = string | number | boolean | null | undefined;

export const UTF8_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field, escaped for spreadsheets and quoted per RFC 4180. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = typeof value === 'boolean' ? (value ? 'yes' : 'no') : value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV document: BOM, header row, one CRLF-terminated record per row. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return UTF8_BOM + lines.map((line) => `${line}\r\n`).join('');
}

function serviceLabels(services: readonly Service[]): Map<string, string> {
  return new Map(services.map((s) => [s.id, serviceName(s)]));
}

export const SESSION_LOG_HEADER = [
  'Date',
  'Service',
  'Status',
  'Scheduled minutes',
  'Minutes delivered',
  'Minutes missed',
  'Reason',
  'Make-up',
  'Note',
] as const;

/** The session log, oldest first. */
export function sessionLogCsv(
  sessions: readonly SessionEntry[],
  services: readonly Service[],
): string {
  const names = serviceLabels(services);
  const rows = [...sessions]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.createdAt - b.createdAt))
    .map((entry) => [
      entry.date,
      names.get(entry.serviceId) ?? 'Deleted service',
      entry.status,
      entry.scheduledMinutes,
      entry.minutesDelivered,
      entry.status === 'delivered' ? 0 : missedMinutes(entry),
      entry.reason ? MISSED_REASON_LABELS[entry.reason] : '',
      entry.makeUp,
      entry.note,
    ]);
  return toCsv(SESSION_LOG_HEADER, rows);
}

export const GAP_SUMMARY_HEADER = [
  'Service',
  'Minutes required',
  'Per',
  'Short weeks or months',
  'As of',
  'Counted from',
  'Counted to',
  'Expected minutes',
  'Delivered minutes',
  'Made-up minutes',
  'Shortfall minutes',
  'Documented missed minutes',
  'Excused minutes (student absent)',
  'Owed minutes',
  'No-record minutes',
  'No-record periods (first day of each)',
  'Delivery rate if no-record minutes were not given (%)',
  'Delivery rate if no-record minutes were given (%)',
  'Possible reduction since',
  'Possible reduction periods',
  'Possible reduction periods with no record',
] as const;

function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((Math.min(part, whole) / whole) * 1000) / 10 : null;
}

/** Which expected-minutes rule a service uses, in a few words (lib/gap's describeCalendarRule). */
function shortPeriodRule(service: Service): string {
  if (service.period === 'day') return '';
  return service.prorate ? 'fewer minutes, by school days held' : 'full minutes (IEP says so)';
}

/**
 * One row per service with its totals (lib/gap ServiceGap), in the services' order. Minutes with
 * no record are neither given nor missed in the log, so the delivery rate is written twice: with
 * them counted as not given, and as given; the truth is between the two.
 */
export function gapSummaryCsv(
  gaps: readonly ServiceGap[],
  services: readonly Service[],
  asOf: IsoDate,
): string {
  const byId = new Map(gaps.map((gap) => [gap.serviceId, gap]));
  const rows = services.flatMap((service) => {
    const gap = byId.get(service.id);
    if (!gap) return [];
    return [
      [
        serviceName(service),
        service.minutes,
        service.period,
        shortPeriodRule(service),
        asOf,
        gap.countedFrom,
        gap.countedTo,
        gap.expected,
        gap.delivered,
        gap.madeUp,
        gap.shortfall,
        gap.documentedMissed,
        gap.excused,
        gap.owed,
        gap.unaccounted,
        gap.unaccountedPeriods.map((period) => period.start).join(' '),
        percentOf(gap.delivered, gap.expected),
        percentOf(gap.delivered + gap.unaccounted, gap.expected),
        gap.reduction?.startDate ?? null,
        gap.reduction?.periods ?? null,
        gap.reduction ? gap.reduction.periods - gap.reduction.recordedPeriods : null,
      ],
    ];
  });
  return toCsv(GAP_SUMMARY_HEADER, rows);
}
