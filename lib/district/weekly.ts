/**
 * The district's delivered minutes per week, for the weekly chart's second series: aligned with
 * lib/gap's weeklySeries (same weeks, same order) so the two logs sit side by side. Delivered
 * means what reconcileService counts as "delivered per the district": a delivered record's
 * minutes (a full session when it gives none), a record not delivered's minutes if any; make-up
 * records are left out, as in the totals. Pure.
 */
import { startOfWeek, type IsoDate } from '../dates';
import { defaultScheduledMinutes, type WeekPoint } from '../gap';
import type { DistrictRecord, Service } from '../model';
import { districtDeliveredMinutes } from './reconcile';

/**
 * One number per point of `series`: the district's delivered minutes in that week (on or before
 * `asOf`). Records of other services, make-up records and weeks not in the series are left out.
 */
export function districtWeeklyDelivered(
  service: Service,
  series: readonly WeekPoint[],
  records: readonly DistrictRecord[],
  asOf: IsoDate,
): number[] {
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
  return series.map((point) => byWeek.get(point.weekStart) ?? 0);
}

/**
 * One sentence for the chart's text alternative: the district's delivered minutes over the
 * finished weeks next to the parent's, and how many weeks the two logs differ.
 */
export function summarizeDistrictSeries(
  series: readonly WeekPoint[],
  district: readonly number[],
): string {
  const done = series.flatMap((point, i) =>
    point.inProgress ? [] : [{ parent: point.delivered, district: district[i] ?? 0 }],
  );
  if (done.length === 0) return "The district's log: no finished weeks yet.";
  const parent = done.reduce((sum, week) => sum + week.parent, 0);
  const theirs = done.reduce((sum, week) => sum + week.district, 0);
  const differ = done.filter((week) => week.parent !== week.district).length;
  return (
    `The district's log shows ${theirs} minutes delivered in those weeks; your log shows ${parent}. ` +
    `The two logs differ in ${differ} ${differ === 1 ? 'week' : 'weeks'}.`
  );
}
