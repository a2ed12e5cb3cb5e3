/** The Log page's filter and sort (lib/log/filter.ts). */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LOG_SORT,
  NO_LOG_FILTERS,
  filterAndSortLog,
  matchesLogFilters,
  nextLogSort,
  type LogFilters,
} from '../../../lib/log/filter';
import { entry, missed } from '../gap/helpers';

const speech = 'svc';
const ot = 'ot';
const names = new Map([
  [speech, 'Speech-language'],
  [ot, 'Occupational therapy'],
]);

const log = [
  entry('2026-09-01', { id: 'a', createdAt: 1 }),
  missed('2026-09-03', 'provider-absent', { id: 'b', createdAt: 2 }),
  entry('2026-09-08', {
    id: 'c',
    serviceId: ot,
    status: 'partial',
    minutesDelivered: 20,
    reason: 'scheduling-conflict',
    createdAt: 3,
  }),
  missed('2026-09-10', 'student-absent', { id: 'd', serviceId: ot, createdAt: 4 }),
  // Same date as "d", made later.
  entry('2026-09-10', { id: 'e', scheduledMinutes: 45, minutesDelivered: 45, createdAt: 5 }),
];

const ids = (filters: Partial<LogFilters>, sort = DEFAULT_LOG_SORT) =>
  filterAndSortLog(log, { ...NO_LOG_FILTERS, ...filters }, sort, names).map((e) => e.id);

describe('filtering the log', () => {
  it('keeps everything with no filter, newest first, later-made first on the same date', () => {
    expect(ids({})).toEqual(['e', 'd', 'c', 'b', 'a']);
  });

  it('filters by service, status and reason', () => {
    expect(ids({ serviceId: ot })).toEqual(['d', 'c']);
    expect(ids({ status: 'missed' })).toEqual(['d', 'b']);
    expect(ids({ reason: 'provider-absent' })).toEqual(['b']);
    expect(ids({ status: 'missed', serviceId: speech })).toEqual(['b']);
  });

  it('filters by dates, both ends included', () => {
    expect(ids({ from: '2026-09-03', to: '2026-09-08' })).toEqual(['c', 'b']);
    expect(ids({ from: '2026-09-10' })).toEqual(['e', 'd']);
    expect(ids({ to: '2026-09-01' })).toEqual(['a']);
  });

  it('matches an entry only when every set filter passes', () => {
    const [first] = log;
    expect(matchesLogFilters(first!, NO_LOG_FILTERS)).toBe(true);
    expect(
      matchesLogFilters(first!, { ...NO_LOG_FILTERS, status: 'delivered', to: '2026-08-31' }),
    ).toBe(false);
  });

  it('leaves the input in its order', () => {
    const before = log.map((e) => e.id);
    ids({}, { key: 'missed', descending: true });
    expect(log.map((e) => e.id)).toEqual(before);
  });
});

describe('sorting the log', () => {
  it('sorts by each column, ties by date newest first', () => {
    expect(ids({}, { key: 'date', descending: false })).toEqual(['a', 'b', 'c', 'e', 'd']);
    // By the name shown: Occupational therapy before Speech-language.
    expect(ids({}, { key: 'service', descending: false })).toEqual(['d', 'c', 'e', 'b', 'a']);
    expect(ids({}, { key: 'status', descending: false })).toEqual(['e', 'a', 'd', 'b', 'c']);
    expect(ids({}, { key: 'scheduled', descending: true })).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(ids({}, { key: 'delivered', descending: false })).toEqual(['d', 'b', 'c', 'a', 'e']);
    // Missed: 30 (d, b), 10 (c), 0 (e, a).
    expect(ids({}, { key: 'missed', descending: true })).toEqual(['d', 'b', 'c', 'e', 'a']);
  });

  it('entries made in the same millisecond (an import) sort by id, whatever order they come in', () => {
    const twins = [
      entry('2026-09-03', { id: 'y', createdAt: 30 }),
      entry('2026-09-03', { id: 'x', createdAt: 30 }),
    ];
    for (const descending of [false, true]) {
      const sort = { key: 'date' as const, descending };
      const read = (list: typeof twins) =>
        filterAndSortLog(list, NO_LOG_FILTERS, sort, names).map((e) => e.id);
      expect(read(twins)).toEqual(['x', 'y']);
      expect(read([...twins].reverse())).toEqual(['x', 'y']);
    }
  });

  it('sorts reasons by their label, no reason first when ascending', () => {
    // "" < "provider absent" < "scheduling conflict" < "student absent"
    expect(ids({}, { key: 'reason', descending: false })).toEqual(['e', 'a', 'b', 'c', 'd']);
  });
});

describe('the next sort after a header click', () => {
  it('flips the sorted column and starts another ascending, the date newest first', () => {
    expect(nextLogSort(DEFAULT_LOG_SORT, 'date')).toEqual({ key: 'date', descending: false });
    expect(nextLogSort(DEFAULT_LOG_SORT, 'missed')).toEqual({ key: 'missed', descending: false });
    expect(nextLogSort({ key: 'missed', descending: false }, 'missed')).toEqual({
      key: 'missed',
      descending: true,
    });
    expect(nextLogSort({ key: 'missed', descending: false }, 'date')).toEqual({
      key: 'date',
      descending: true,
    });
  });
});
