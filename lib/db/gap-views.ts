/**
 * The Gaps page's cache (issue 15): per student, as of one date, each service's weekly chart
 * series and, when the district's records are imported, the district's weekly series and the
 * side-by-side totals. With the gap cache (./gap-cache.ts) it lets the Gaps page open without
 * reading the student's whole log (4,000 entries after three years) or the district's records
 * (10,000 rows), and without running the engine, the series or the reconciliation.
 *
 * Same rule as the gap cache: any write to a table these are computed from (the log, services,
 * calendars, students, district records) empties `gapViews` in the same transaction (the
 * middleware in ./gap-cache.ts). A record is used only for the same "as of" date, engine version
 * and services; otherwise everything is computed from the data and stored, in one read-write
 * transaction. Derived data: never backed up, never validated.
 */
import Dexie, { type Table } from 'dexie';
import type { IsoDate } from '../dates';
import {
  districtWeeklyDelivered,
  reconcileStudent,
  reconciliationTotals,
  type ReconciliationTotals,
} from '../district';
import { computeStudentGaps, weeklySeries, type ServiceGap, type WeekPoint } from '../gap';
import type { DistrictRecord, SchoolCalendar, Service, SessionEntry, Student } from '../model';
import { GAP_ENGINE_VERSION, usableGapCache, type GapCacheRecord } from './gap-cache';

export interface GapViewsRecord {
  studentId: string;
  asOf: IsoDate;
  engine: number;
  /** The services the record was computed for, in the order of `series`. */
  serviceIds: string[];
  /** Per service: the weekly chart's points (lib/gap weeklySeries). */
  series: WeekPoint[][];
  /**
   * With district records: per service their weekly delivered minutes (null for a week the
   * district's files do not cover), and the totals over the periods they cover.
   */
  district: { series: (number | null)[][]; totals: ReconciliationTotals[] } | null;
}

/** What the Gaps page shows for one student. */
export interface GapViews {
  gaps: ServiceGap[];
  series: WeekPoint[][];
  district: GapViewsRecord['district'];
}

/** The minimal database shape these functions need (lib/db's AdvocateDatabase has it). */
interface ViewsDatabase extends Dexie {
  students: Table<Student, string>;
  calendars: Table<SchoolCalendar, string>;
  services: Table<Service, string>;
  sessions: Table<SessionEntry, string>;
  districtRecords: Table<DistrictRecord, string>;
  gapCache: Table<GapCacheRecord, string>;
  gapViews: Table<GapViewsRecord, string>;
}

/** The page's inputs as stored: the student, calendar, services and both cached records. */
export interface GapsPageInputs {
  student: Student;
  calendar: SchoolCalendar | null;
  services: Service[];
  cached: GapCacheRecord | null;
  views: GapViewsRecord | null;
}

/**
 * The Gaps page's views from the stored records when both answer for `asOf` and these services,
 * else null (then `studentGapViewsCached` computes and stores them).
 */
export function usableGapViews(inputs: GapsPageInputs, asOf: IsoDate): GapViews | null {
  const cached = usableGapCache(inputs.cached ?? undefined, asOf);
  const views = inputs.views;
  if (!cached || !views || views.asOf !== asOf || views.engine !== GAP_ENGINE_VERSION) return null;
  const ids = inputs.services.map((s) => s.id);
  if (ids.length !== views.serviceIds.length || ids.some((id, i) => views.serviceIds[i] !== id))
    return null;
  const byService = new Map(cached.gaps.map((gap) => [gap.serviceId, gap]));
  const gaps = ids.map((id) => byService.get(id));
  if (!gaps.every((gap) => gap !== undefined)) return null;
  return { gaps, series: views.series, district: views.district };
}

/**
 * A student and their school calendar (null without one), or null without the student. For a
 * page's first read, inside its transaction: the calendar is asked for the moment the student
 * answers, so it is not one more round trip after the other reads made beside the student's
 * (issue 15: it waited behind the Gaps page's largest cached record).
 */
export async function readStudentWithCalendar(
  db: Pick<ViewsDatabase, 'students' | 'calendars'>,
  studentId: string,
): Promise<{ student: Student; calendar: SchoolCalendar | null } | null> {
  const student = await db.students.get(studentId);
  if (!student) return null;
  return { student, calendar: (await db.calendars.get(student.calendarId)) ?? null };
}

/** Reads what the page needs, nothing of the log: for a live query (read-only). */
export async function loadGapsPageInputs(
  db: ViewsDatabase,
  studentId: string,
): Promise<GapsPageInputs | null> {
  const tables = [db.students, db.calendars, db.services, db.gapCache, db.gapViews];
  return db.transaction('r', tables, async () => {
    // Everything but the calendar needs only the id: read with the student, not after it, and
    // the calendar as soon as the student answers, beside the larger cached records.
    const [withCalendar, services, cached, views] = await Promise.all([
      readStudentWithCalendar(db, studentId),
      db.services.where('studentId').equals(studentId).sortBy('startDate'),
      db.gapCache.get(studentId),
      db.gapViews.get(studentId),
    ]);
    if (!withCalendar) return null;
    return { ...withCalendar, services, cached: cached ?? null, views: views ?? null };
  });
}

/** Everything the Gaps page shows, computed from the log and the district's records. */
export function computeGapViews(
  services: readonly Service[],
  calendar: SchoolCalendar,
  sessions: SessionEntry[],
  records: readonly DistrictRecord[],
  asOf: IsoDate,
  known: ServiceGap[] | null = null,
): GapViews {
  const gaps = known ?? computeStudentGaps([...services], calendar, sessions, asOf);
  const series = services.map((service) => weeklySeries(service, calendar, sessions, asOf));
  const district =
    records.length === 0
      ? null
      : {
          series: services.map((service, i) =>
            districtWeeklyDelivered(service, series[i]!, records, asOf),
          ),
          totals: reconcileStudent(services, gaps, sessions, records).map(reconciliationTotals),
        };
  return { gaps, series, district };
}

/**
 * The student's Gaps page views as of `asOf`: from the stored records when they answer, else
 * computed (reusing the popup's cached gaps when they answer) and stored, in one read-write
 * transaction. Null without the student or calendar.
 */
export async function studentGapViewsCached(
  db: ViewsDatabase,
  studentId: string,
  asOf: IsoDate,
): Promise<GapViews | null> {
  const tables = [
    db.students,
    db.calendars,
    db.services,
    db.sessions,
    db.districtRecords,
    db.gapCache,
    db.gapViews,
  ];
  return db.transaction('rw', tables, async () => {
    const inputs = await loadGapsPageInputs(db, studentId);
    if (!inputs?.calendar) return null;
    const usable = usableGapViews(inputs, asOf);
    if (usable) return usable;
    const between = [
      [studentId, Dexie.minKey],
      [studentId, Dexie.maxKey],
    ] as const;
    const [sessions, records] = await Promise.all([
      db.sessions
        .where('[studentId+date]')
        .between(...between)
        .toArray(),
      db.districtRecords
        .where('[studentId+date]')
        .between(...between)
        .toArray(),
    ]);
    const cached = usableGapCache(inputs.cached ?? undefined, asOf);
    const byService = new Map(cached?.gaps.map((gap) => [gap.serviceId, gap]));
    const known = inputs.services.map((s) => byService.get(s.id));
    const views = computeGapViews(
      inputs.services,
      inputs.calendar,
      sessions,
      records,
      asOf,
      known.every((gap) => gap !== undefined) ? known : null,
    );
    const engine = GAP_ENGINE_VERSION;
    const serviceIds = inputs.services.map((s) => s.id);
    if (!cached) await db.gapCache.put({ studentId, asOf, engine, gaps: views.gaps });
    await db.gapViews.put({
      studentId,
      asOf,
      engine,
      serviceIds,
      series: views.series,
      district: views.district,
    });
    return views;
  });
}
