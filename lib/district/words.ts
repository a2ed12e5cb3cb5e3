/**
 * Plain words for reconciliation results, for the District records page, the report and drafts.
 * Every figure comes from the district's own records as imported (stated separately from the
 * parent's log, never added to it).
 */
import { formatLongDate, formatShortDate } from '../dates';
import { DISTRICT_OUTCOME_LABELS, MISSED_REASON_LABELS } from '../model';
import type { ReconcileRow, ReconciliationTotals, ServiceReconciliation } from './reconcile';
import { ownChild, ownLog, type LogVoice } from './voice';

/**
 * The dates a reconciliation's totals are over, for a table: "Sep 7 – Oct 18, 2026" (the counted
 * weeks or months the district's file covers), or "no finished week or month" when none.
 */
export function comparedSpan(totals: Pick<ReconciliationTotals, 'compared'>): string {
  const { from, to } = totals.compared;
  if (!from || !to) return 'no finished week or month in the district file';
  const start = formatShortDate(from);
  return `${from.slice(0, 4) === to.slice(0, 4) ? start.replace(/, \d+$/, '') : start} – ${formatShortDate(to)}`;
}

const minutes = (n: number) => `${n.toLocaleString('en-US')} minute${n === 1 ? '' : 's'}`;

/**
 * "The district's own log shows 20 minutes of the IEP's 30 minutes per session." for a date the
 * district's log gives fewer minutes than one session's share; null otherwise.
 */
export function underSentence(row: ReconcileRow): string | null {
  const lowest = row.district?.lowestDelivered ?? null;
  if (!row.under || lowest === null) return null;
  return `The district's own log shows ${minutes(lowest)} of the IEP's ${minutes(row.perSession)} per session.`;
}

/** What a reconciled date means, in a sentence, in the app's words or the packet's. */
export function explainRow(row: ReconcileRow, voice: LogVoice = 'you'): string {
  const { parent, district } = row;
  const own = ownLog(voice);
  const districtSays = district
    ? district.outcomes.every((o) => o === 'delivered')
      ? `${minutes(district.delivered)} delivered`
      : district.outcomes.map((o) => DISTRICT_OUTCOME_LABELS[o]).join(', ')
    : '';
  const parentSays = parent
    ? parent.missed > 0
      ? `${minutes(parent.delivered)} delivered, ${minutes(parent.missed)} missed (${parent.reasons.map((r) => MISSED_REASON_LABELS[r]).join(', ')})`
      : `${minutes(parent.delivered)} delivered`
    : '';
  let text: string;
  switch (row.kind) {
    case 'conflict-delivered':
      text = `The district's log says ${districtSays}; ${own} says ${parentSays}.`;
      break;
    case 'conflict-absent':
      text = `The district's log marks ${ownChild(voice)} absent; ${own} shows ${ownChild(voice)} was there (${parentSays}).`;
      break;
    case 'district-only':
      text = row.fillsUnaccounted
        ? `Only the district has a record (${districtSays}): it fills a day ${own} has no record for.`
        : `Only the district has a record (${districtSays}).`;
      break;
    case 'parent-only':
      text = `Only ${own} has a record (${parentSays}); the district's log has none for this day.`;
      break;
    default:
      text = `Both records agree: district ${districtSays}; ${own} ${parentSays}.`;
  }
  const under = underSentence(row);
  return under ? `${text} ${under}` : text;
}

/**
 * "The district's service logs show 9 sessions of speech-language therapy not provided between
 * September 8, 2026 and October 2, 2026 (270 minutes)." Null when they show none.
 */
export function describeDistrictMissed(
  reconciliation: ServiceReconciliation,
  serviceName: string,
): string | null {
  const missed = reconciliation.districtConfirmedMissed;
  if (missed.length === 0) return null;
  const total = missed.reduce((sum, session) => sum + session.minutesMissed, 0);
  const first = missed[0]!.date;
  const last = missed[missed.length - 1]!.date;
  const when =
    first === last
      ? `on ${formatLongDate(first)}`
      : `between ${formatLongDate(first)} and ${formatLongDate(last)}`;
  const sessions = missed.length === 1 ? '1 session' : `${missed.length} sessions`;
  return `The district's service logs show ${sessions} of ${serviceName} not fully provided ${when} (${minutes(total)}).`;
}
