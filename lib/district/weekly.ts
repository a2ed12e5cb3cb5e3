/**
 * The district's delivered minutes per week, for the weekly chart's second series: aligned with
 * lib/gap's weeklySeries (same weeks, same order) so the two logs sit side by side. Delivered
 * means what reconcileService counts as "delivered per the district": a delivered record's
 * minutes (a full session when it gives none), a record not delivered's minutes if any; make-up
 * records are left out, as in the totals. A week no imported file's span overlaps has no value
 * (null): the district's file says nothing about it, which is not 0 minutes delivered. Pure.
 */
import { addDays, startOfWeek, type IsoDate } from '../dates';
import { defaultScheduledMinutes, type WeekPoint } from '../gap';
import type { DistrictRecord, Service } from '../model';
import { districtDeliveredMinutes, districtSpans, spansCover } from './reconcile';
import { ownLog, type LogVoice } from './voice';

/**
 * One value per point of `series`: the district's delivered minutes in that week (on or before
 * `asOf`), or null when no file of the district's covers the week. Records of other services,
 * make-up records and weeks not in the series are left out.
 */
export function districtWeeklyDelivered(
  service: Service,
  series: readonly WeekPoint[],
  records: readonly DistrictRecord[],
  asOf: IsoDate,
): (number | null)[] {
  const spans = districtSpans(records, service.id);
  const perSession = defaultScheduledMinutes(service);
  const byWeek = new Map<IsoDate, number>(series.map((point) => [point.weekStart, 0]));
  for (const record of records) {
    if (record.serviceId !== service.id || record.outcome === 'make-up' || record.date > asOf)
      continue;
    const week = startOfWeek(record.date);
    const sum = byWeek.get(week);
    if (sum === undefined) continue;
    byWeek.set(week, sum + districtDeliveredMinutes(record, perSession));
  }
  return series.map((point) =>
    spansCover(spans, point.weekStart, addDays(point.weekStart, 6))
      ? (byWeek.get(point.weekStart) ?? 0)
      : null,
  );
}

/**
 * One sentence for the chart's text alternative: over the finished weeks the district's files
 * cover, the district's delivered minutes next to the parent's, and how many of those weeks the
 * two logs differ. Weeks the files do not cover are neither summed nor counted as differing.
 */
export function summarizeDistrictSeries(
  series: readonly WeekPoint[],
  district: readonly (number | null)[],
  voice: LogVoice = 'you',
): string {
  const done = series.flatMap((point, i) => {
    const theirs = district[i] ?? null;
    return point.inProgress || theirs === null
      ? []
      : [{ parent: point.delivered, district: theirs }];
  });
  if (done.length === 0)
    return series.some((point) => !point.inProgress)
      ? "The district's log covers none of the finished weeks."
      : "The district's log: no finished weeks yet.";
  const parent = done.reduce((sum, week) => sum + week.parent, 0);
  const theirs = done.reduce((sum, week) => sum + week.district, 0);
  const differ = done.filter((week) => week.parent !== week.district).length;
  const weeks = (n: number) => `${n} ${n === 1 ? 'week' : 'weeks'}`;
  return (
    `In the ${done.length === 1 ? 'finished week' : `${done.length} finished weeks`} the district's log covers, ` +
    `it shows ${theirs} minutes delivered; ${ownLog(voice)} shows ${parent}. ` +
    `The two logs differ in ${weeks(differ)}.`
  );
}
