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

/** The minutes one (non make-up) district record counts as delivered. */
export function districtDeliveredMinutes(record: DistrictRecord, perSession: number): number {
  if (record.outcome === 'delivered') return record.minutesServed ?? perSession;
  return record.minutesServed ?? 0;
}

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
