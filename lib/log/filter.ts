/**
 * The session log's filter and sort (the tracker's Log page), pure so it can be tested in Node.
 */
import { missedMinutes } from '../gap';
import { MISSED_REASON_LABELS, type SessionEntry } from '../model';

export type LogSortKey =
  'date' | 'service' | 'status' | 'scheduled' | 'delivered' | 'missed' | 'reason';

export interface LogSort {
  key: LogSortKey;
  descending: boolean;
}

/** What the Log page filters on; an empty string means "any". Dates are inclusive. */
export interface LogFilters {
  serviceId: string;
  status: string;
  reason: string;
  from: string;
  to: string;
}

export const NO_LOG_FILTERS: LogFilters = {
  serviceId: '',
  status: '',
  reason: '',
  from: '',
  to: '',
};

/** The order the page opens with: newest first. */
export const DEFAULT_LOG_SORT: LogSort = { key: 'date', descending: true };

/** Whether the entry passes every filter that is set. */
export function matchesLogFilters(entry: SessionEntry, f: LogFilters): boolean {
  return (
    (!f.serviceId || entry.serviceId === f.serviceId) &&
    (!f.status || entry.status === f.status) &&
    (!f.reason || entry.reason === f.reason) &&
    (!f.from || entry.date >= f.from) &&
    (!f.to || entry.date <= f.to)
  );
}

function sortValue(
  entry: SessionEntry,
  key: LogSortKey,
  serviceNames: ReadonlyMap<string, string>,
): string | number {
  switch (key) {
    case 'date':
      return entry.date;
    case 'service':
      return serviceNames.get(entry.serviceId) ?? '';
    case 'status':
      return entry.status;
    case 'scheduled':
      return entry.scheduledMinutes;
    case 'delivered':
      return entry.minutesDelivered;
    case 'missed':
      return missedMinutes(entry);
    case 'reason':
      return entry.reason ? MISSED_REASON_LABELS[entry.reason] : '';
  }
}

/**
 * The entries that pass the filters, sorted by the column (services by the name shown, from
 * `serviceNames`). Ties fall back to the date (newest first), then to when the entry was made
 * (newest first), then to the id, so the order is total. Returns a new array; the input is left as
 * it is.
 */
export function filterAndSortLog(
  entries: readonly SessionEntry[],
  filters: LogFilters,
  sort: LogSort,
  serviceNames: ReadonlyMap<string, string>,
): SessionEntry[] {
  const direction = sort.descending ? -1 : 1;
  return entries
    .filter((entry) => matchesLogFilters(entry, filters))
    .sort((a, b) => {
      const va = sortValue(a, sort.key, serviceNames);
      const vb = sortValue(b, sort.key, serviceNames);
      if (va !== vb) return (va < vb ? -1 : 1) * direction;
      if (a.date !== b.date) return a.date < b.date ? 1 : -1;
      if (a.createdAt !== b.createdAt) return b.createdAt - a.createdAt;
      // Entries made in the same millisecond (an import): the Log page reads them by chunks in
      // either direction, so their order must not depend on the order they were read in.
      return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    });
}

/**
 * The order after a click on a column's header: the sorted column flips; another column starts
 * ascending, except the date, which starts newest first.
 */
export function nextLogSort(current: LogSort, key: LogSortKey): LogSort {
  return { key, descending: current.key === key ? !current.descending : key === 'date' };
}
