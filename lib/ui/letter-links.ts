/**
 * Links into the letter page that carry a draft's inputs, and reading them back there.
 *
 * The records request for periods with no record:
 *   letter.html?student=<id>&kind=records-request&service=<serviceId>&dates=<d1>,<d2>,…
 * where each date is the ISO first day of a period (a Monday, the 1st of a month, or the school
 * day itself). The letter page chooses that service and passes the dates to the draft as the
 * input `noRecordPeriods`: the same comma-separated ISO dates, sorted, without repeats.
 */
import { isIsoDate, type IsoDate } from '../dates';

/** The draft input that lists the first days of the periods with no record. */
export const NO_RECORD_PERIODS_INPUT = 'noRecordPeriods';

/** Path of the letter page asking for the service logs of exactly these periods. */
export function recordsRequestPath(
  studentId: string,
  serviceId: string,
  periodStarts: readonly IsoDate[],
): string {
  const query = new URLSearchParams({
    student: studentId,
    kind: 'records-request',
    service: serviceId,
    dates: periodStarts.join(','),
  });
  return `/letter.html?${query.toString()}`;
}

/** The valid ISO dates of a `dates` query value, sorted, without repeats; '' when none. */
export function noRecordPeriodsInput(dates: string | null): string {
  if (!dates) return '';
  const valid = dates
    .split(',')
    .map((d) => d.trim())
    .filter((d) => isIsoDate(d));
  return [...new Set(valid)].sort().join(',');
}
