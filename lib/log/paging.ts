/**
 * The session log read a screen at a time (issue 15): keyset pages through the `[studentId+date]`
 * index (or `[serviceId+date]` when one service is picked), the date filters in the key range and
 * the status and reason filters applied while the cursor walks, so the Log page's first screen
 * reads about a hundred entries, not a student's whole history.
 *
 * A chunk ends on a date boundary: after `limit` entries it takes the rest of the last entry's
 * date too, and the next chunk starts strictly past that date. So equal dates never straddle two
 * chunks, each chunk sorted by lib/log/filter's order (ties: newest made first) and the chunks
 * joined give exactly `filterAndSortLog` of the whole log, for the date order either way.
 */
import Dexie, { cmp, type Collection, type IndexableType, type Table } from 'dexie';
import type { IsoDate } from '../dates';
import type { SessionEntry } from '../model';
import { filterAndSortLog, matchesLogFilters, NO_LOG_FILTERS, type LogFilters } from './filter';

/** The minimal database shape (lib/db's AdvocateDatabase has it). */
interface LogDatabase {
  sessions: Table<SessionEntry, string>;
}

/** Where a chunk sits, in the order shown (newest first when `descending`). */
export interface LogChunkBounds {
  descending: boolean;
  /** The previous chunk's last date: this chunk starts strictly past it. null: from the start. */
  after: IsoDate | null;
  /**
   * This chunk's last date, inclusive, once known. null: read `limit` entries and the rest of
   * the last one's date.
   */
  through: IsoDate | null;
}

export interface LogChunk {
  /** Sorted as lib/log/filter sorts by date. */
  entries: SessionEntry[];
  /** The last date in the chunk (the next chunk's `after`), null when empty. */
  last: IsoDate | null;
  /** True when no entry passing the filters lies past this chunk. */
  complete: boolean;
}

interface DateBound {
  date: IsoDate;
  inclusive: boolean;
}

/** The tighter of two lower (or, with `upper`, upper) bounds. */
function tighter(a: DateBound | null, b: DateBound | null, upper: boolean): DateBound | null {
  if (!a || !b) return a ?? b;
  if (a.date === b.date) return { date: a.date, inclusive: a.inclusive && b.inclusive };
  return a.date > b.date !== upper ? a : b;
}

const bound = (date: string | null, inclusive: boolean): DateBound | null =>
  date ? { date, inclusive } : null;

/** The index to walk and its first key part: one service's entries, or the student's. */
function indexFor(studentId: string, filters: LogFilters): [string, string] {
  return filters.serviceId
    ? ['[serviceId+date]', filters.serviceId]
    : ['[studentId+date]', studentId];
}

/** The index range for the filters and the chunk's bounds: [index, lower, upper, incl., incl.]. */
function keyRange(studentId: string, filters: LogFilters, chunk: LogChunkBounds) {
  const [index, key] = indexFor(studentId, filters);
  const { descending, after, through } = chunk;
  const lower = tighter(
    bound(filters.from, true),
    descending ? bound(through, true) : bound(after, false),
    false,
  );
  const upper = tighter(
    bound(filters.to, true),
    descending ? bound(after, false) : bound(through, true),
    true,
  );
  return {
    index,
    key,
    lower: [key, lower?.date ?? Dexie.minKey] as IndexableType,
    upper: [key, upper?.date ?? Dexie.maxKey] as IndexableType,
    includeLower: lower?.inclusive ?? true,
    includeUpper: upper?.inclusive ?? true,
  };
}

function filtered(
  collection: Collection<SessionEntry, string>,
  studentId: string,
  filters: LogFilters,
): Collection<SessionEntry, string> {
  return collection.filter(
    (entry) => entry.studentId === studentId && matchesLogFilters(entry, filters),
  );
}

/** The entries passing `filters`, in the chunk's range, walked in the chunk's order. */
function inRange(db: LogDatabase, studentId: string, filters: LogFilters, chunk: LogChunkBounds) {
  const range = keyRange(studentId, filters, chunk);
  if (cmp(range.lower, range.upper) > 0) return null;
  const where = db.sessions
    .where(range.index)
    .between(range.lower, range.upper, range.includeLower, range.includeUpper);
  return filtered(chunk.descending ? where.reverse() : where, studentId, filters);
}

const byDate = (descending: boolean) => ({ key: 'date' as const, descending });

/**
 * One chunk of the student's log, the filters applied. With `through` null it reads `limit`
 * entries and then the rest of the last one's date; with `through` set, every entry up to it.
 */
export async function readLogChunk(
  db: LogDatabase,
  studentId: string,
  filters: LogFilters,
  chunk: LogChunkBounds,
  limit: number,
): Promise<LogChunk> {
  const collection = inRange(db, studentId, filters, chunk);
  if (!collection) return { entries: [], last: null, complete: true };
  if (chunk.through !== null) {
    const entries = await collection.toArray();
    const past = await anyPast(db, studentId, filters, chunk, chunk.through);
    return finish(entries, chunk.descending, !past);
  }
  const first = await collection.limit(limit).toArray();
  if (first.length < limit) return finish(first, chunk.descending, true);
  const lastDate = first[first.length - 1]!.date;
  // The rest of the last date: a chunk never splits a date.
  const [index, key] = indexFor(studentId, filters);
  const sameDay = await filtered(
    db.sessions.where(index).equals([key, lastDate]),
    studentId,
    filters,
  ).toArray();
  const seen = new Set(first.map((entry) => entry.id));
  const entries = [...first, ...sameDay.filter((entry) => !seen.has(entry.id))];
  return finish(
    entries,
    chunk.descending,
    !(await anyPast(db, studentId, filters, chunk, lastDate)),
  );
}

/** Whether an entry passing the filters lies past `date` in the chunk's order. */
async function anyPast(
  db: LogDatabase,
  studentId: string,
  filters: LogFilters,
  chunk: LogChunkBounds,
  date: IsoDate,
): Promise<boolean> {
  const past = inRange(db, studentId, filters, { ...chunk, after: date, through: null });
  return (await past?.first()) !== undefined;
}

function finish(entries: SessionEntry[], descending: boolean, complete: boolean): LogChunk {
  const sorted = filterAndSortLog(entries, NO_LOG_FILTERS, byDate(descending), new Map());
  return { entries: sorted, last: sorted[sorted.length - 1]?.date ?? null, complete };
}

/**
 * How many of the student's entries pass the filters. Without a status or reason filter it is
 * an index count (no entry read).
 */
export async function countLog(
  db: LogDatabase,
  studentId: string,
  filters: LogFilters,
): Promise<number> {
  const chunk = { descending: false, after: null, through: null };
  if (!filters.status && !filters.reason && !filters.serviceId) {
    const range = keyRange(studentId, filters, chunk);
    if (cmp(range.lower, range.upper) > 0) return 0;
    return db.sessions
      .where(range.index)
      .between(range.lower, range.upper, range.includeLower, range.includeUpper)
      .count();
  }
  return (await inRange(db, studentId, filters, chunk)?.count()) ?? 0;
}
