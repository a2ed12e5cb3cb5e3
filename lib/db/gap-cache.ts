/**
 * The gap cache (issue 15): each student's computed gaps as of one date, so the popup shows them
 * without reading and recomputing the whole log (4,000 entries a student after three years).
 *
 * Correctness rests on one rule: ANY write to a table the gaps depend on (the log, services,
 * calendars, students) empties the cache in the same transaction. A DBCore middleware does it,
 * below every write function, so no write path (log form, no-record actions, backup import,
 * delete, a future feature) can forget it. A cached record is used only for the same student,
 * the same "as of" date and the same engine version; otherwise the gaps are computed from the
 * log and stored, in one read-write transaction, so a record never outlives the data it came from.
 *
 * The cache is derived data: never backed up, never validated (it is only ever written here).
 */
import Dexie, { type DBCore, type DBCoreRangeType, type Middleware, type Table } from 'dexie';
import type { IsoDate } from '../dates';
import { computeStudentGaps, type ServiceGap } from '../gap';
import type { Service } from '../model';

/** Bump when the gap engine's results change, so records computed by older code are ignored. */
export const GAP_ENGINE_VERSION = 3;

/** The tables whose records the gaps are computed from. */
export const GAP_INPUT_TABLES: readonly string[] = [
  'sessions',
  'services',
  'calendars',
  'students',
];

/**
 * Each derived table and the tables it is computed from: `gapCache` (the popup's gaps) and
 * `gapViews` (the Gaps page's weekly series and the district side by side, lib/db/gap-views.ts,
 * which also depend on the district's records).
 */
export const DERIVED_TABLES: Readonly<Record<string, readonly string[]>> = {
  gapCache: GAP_INPUT_TABLES,
  gapViews: [...GAP_INPUT_TABLES, 'districtRecords'],
};

export interface GapCacheRecord {
  studentId: string;
  asOf: IsoDate;
  engine: number;
  /** One per service, in the order of `listServices` (by start date). */
  gaps: ServiceGap[];
}

const CACHE_TABLE = 'gapCache';
const EVERY_KEY = { type: 3 as DBCoreRangeType, lower: undefined, upper: undefined };

/**
 * Adds the derived tables to every read-write transaction over one of their input tables, and
 * empties them after every write to one. Sits above Dexie's observability layer (default level
 * 10), so live queries that read a derived table see it emptied and run again.
 */
export const gapCacheMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'GapCacheInvalidation',
  create(down) {
    const present = new Set(down.schema.tables.map((table) => table.name));
    const derived = Object.keys(DERIVED_TABLES).filter((table) => present.has(table));
    if (derived.length === 0) return down;
    /** The derived tables computed from `name`. */
    const dependents = (name: string) =>
      derived.filter((table) => DERIVED_TABLES[table]!.includes(name));
    return {
      ...down,
      transaction(stores, mode, options) {
        if (mode !== 'readwrite') return down.transaction(stores, mode, options);
        const extra = new Set(stores.flatMap(dependents).filter((t) => !stores.includes(t)));
        return down.transaction(extra.size ? [...stores, ...extra] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        const emptied = dependents(name);
        if (emptied.length === 0) return table;
        return {
          ...table,
          async mutate(request) {
            const response = await table.mutate(request);
            for (const cache of emptied)
              await down
                .table(cache)
                .mutate({ type: 'deleteRange', trans: request.trans, range: EVERY_KEY });
            return response;
          },
        };
      },
    };
  },
};

/** The minimal database shape the cache functions need (lib/db's AdvocateDatabase has it). */
interface CacheDatabase extends Dexie {
  gapCache: Table<GapCacheRecord, string>;
}

/** The cached record when it answers for this date and engine, else null. */
export function usableGapCache(
  record: GapCacheRecord | undefined,
  asOf: IsoDate,
): GapCacheRecord | null {
  return record && record.asOf === asOf && record.engine === GAP_ENGINE_VERSION ? record : null;
}

/**
 * The student's gaps as of `asOf`: the cached ones when usable, otherwise computed from the log
 * and stored, all in one read-write transaction (a write elsewhere waits for it, so the record
 * stored always matches the data it was computed from). Null without the student or calendar.
 */
export async function studentGapsCached(
  db: CacheDatabase,
  studentId: string,
  asOf: IsoDate,
): Promise<{ services: Service[]; gaps: ServiceGap[] } | null> {
  const tables = ['students', 'calendars', 'services', 'sessions', CACHE_TABLE];
  return db.transaction('rw', tables, async () => {
    const student = await db.table('students').get(studentId);
    if (!student) return null;
    const [calendar, services, cached] = await Promise.all([
      db.table('calendars').get(student.calendarId),
      db.table('services').where('studentId').equals(studentId).sortBy('startDate'),
      db.gapCache.get(studentId),
    ]);
    if (!calendar) return null;
    const usable = usableGapCache(cached, asOf);
    if (usable) return { services, gaps: usable.gaps };
    const sessions = await db
      .table('sessions')
      .where('[studentId+date]')
      .between([studentId, Dexie.minKey], [studentId, Dexie.maxKey])
      .toArray();
    const gaps = computeStudentGaps(services, calendar, sessions, asOf);
    await db.gapCache.put({ studentId, asOf, engine: GAP_ENGINE_VERSION, gaps });
    return { services, gaps };
  });
}
