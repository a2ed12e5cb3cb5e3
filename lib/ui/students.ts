/** Live lists of students and the one the user picked (settings.currentStudentId). */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { IsoDate } from '../dates';
import {
  getSettings,
  listServices,
  listStudents,
  loadGapsPageInputs,
  loadStudentData,
  readStudentWithCalendar,
  saveSettings,
  studentGapViewsCached,
  studentGapsCached,
  usableGapCache,
  usableGapViews,
  type AdvocateDatabase,
  type GapCacheRecord,
  type GapViews,
  type GapsPageInputs,
  type StudentData,
} from '../db';
import type { ServiceGap } from '../gap';
import type { SchoolCalendar, Service, Student } from '../model';
import { useLiveQuery } from './live-query';

export interface StudentChoice {
  students: Student[];
  /** The picked student's id; the first student when none was picked; null with no students. */
  currentId: string | null;
}

async function readStudentChoice(db: AdvocateDatabase): Promise<StudentChoice> {
  const [students, settings] = await Promise.all([listStudents(db), getSettings(db)]);
  const picked = students.find((s) => s.id === settings.currentStudentId);
  return { students, currentId: picked?.id ?? students[0]?.id ?? null };
}

/** undefined while loading. */
export function useStudentChoice(db: AdvocateDatabase): StudentChoice | undefined {
  return useLiveQuery(() => readStudentChoice(db), [db]);
}

/**
 * What the popup shows for one student: no log, no profile, no letters. The gaps come from the
 * gap cache (lib/db/gap-cache.ts) when it answers for today; `useStudentGaps` fills it otherwise.
 */
export interface PopupInputs {
  student: Student;
  calendar: SchoolCalendar | null;
  services: Service[];
  /** The cached gaps, whatever their date (the caller checks them with `usableGapCache`). */
  cached: GapCacheRecord | null;
}

export async function loadPopupInputs(
  db: AdvocateDatabase,
  studentId: string,
): Promise<PopupInputs | null> {
  return db.transaction('r', [db.students, db.calendars, db.services, db.gapCache], async () => {
    // Services and cached gaps need only the id: read with the student, not after it (one round
    // trip fewer before the cards), and the calendar as soon as the student answers.
    const [withCalendar, services, cached] = await Promise.all([
      readStudentWithCalendar(db, studentId),
      listServices(db, studentId),
      db.gapCache.get(studentId),
    ]);
    return withCalendar && { ...withCalendar, services, cached: cached ?? null };
  });
}

/**
 * The student choice and the picked student's popup inputs in one live query: one round trip
 * where a page needs both at once (the popup, whose time to show the gaps is measured).
 */
export function useCurrentStudentView(
  db: AdvocateDatabase,
): { choice: StudentChoice; data: PopupInputs | null } | undefined {
  return useLiveQuery(async () => {
    // The popup's time to show the gaps is measured: read the picked student's data while the
    // student list is read, instead of after it. A picked id that no longer exists falls back.
    const [choice, picked] = await Promise.all([
      readStudentChoice(db),
      getSettings(db).then((s) =>
        s.currentStudentId ? loadPopupInputs(db, s.currentStudentId) : null,
      ),
    ]);
    if (choice.currentId === null) return { choice, data: null };
    const data =
      picked?.student.id === choice.currentId
        ? picked
        : await loadPopupInputs(db, choice.currentId);
    return { choice, data };
  }, [db]);
}

/**
 * The gaps of the popup's student as of today, paired with their services: from the cache when
 * it answers for today, otherwise computed once (studentGapsCached stores them, which makes the
 * live query above answer again, now from the cache). null while computing.
 */
export function useStudentGaps(
  db: AdvocateDatabase,
  data: PopupInputs | null,
  today: IsoDate,
): Computed<ServiceGap[]> | null {
  const usable = data?.calendar ? usableGapCache(data.cached ?? undefined, today) : null;
  let fresh: ServiceGap[] | null = null;
  if (usable && data) {
    const byService = new Map(usable.gaps.map((gap) => [gap.serviceId, gap]));
    // Every write to services empties the cache, so each service has its gap; checked anyway.
    const gaps = data.services.map((service) => byService.get(service.id));
    if (gaps.every((gap) => gap !== undefined)) fresh = gaps;
  }
  return useFilledCache(
    fresh,
    data ? servicesKey(data.student.id, data.services) : null,
    data?.calendar && !usable ? () => studentGapsCached(db, data.student.id, today) : null,
    [db, today, data],
  );
}

/**
 * A value read from a cache (`fresh`, null when the cache does not answer). When it does not,
 * `fill` works it out and stores it, which makes the page's live query answer again from the
 * cache; meanwhile the last value for the same key is shown, marked stale. A failure to fill is
 * thrown in render, for the page's error boundary. `fill` runs again when `inputs` change.
 */
function useFilledCache<T>(
  fresh: T | null,
  key: string | null,
  fill: (() => Promise<unknown>) | null,
  inputs: unknown[],
): Computed<T> | null {
  const [failure, setFailure] = useState<unknown>(undefined);
  const filling = fill !== null;
  useEffect(() => {
    fill?.().catch((error: unknown) => setFailure(error));
  }, [filling, ...inputs]);
  const shown = useLastWhileComputing(fresh, key);
  if (failure !== undefined) throw failure;
  return shown;
}

/** Which student and services a computed value belongs to. */
function servicesKey(studentId: string, services: readonly Service[]): string {
  return JSON.stringify([studentId, services.map((service) => service.id)]);
}

/** A computed value, and whether it is an older one shown while the new one is worked out. */
export interface Computed<T> {
  value: T;
  stale: boolean;
}

/**
 * A computed value, or while a newer one is being worked out (a write emptied the caches), the
 * last one for the same key (student and services), marked stale. So a page keeps its cards,
 * their focus and their messages through the recompute instead of falling back to "Loading…";
 * the figures change in place when the new ones arrive.
 */
export function useLastWhileComputing<T>(value: T | null, key: string | null): Computed<T> | null {
  const last = useRef<{ key: string; value: T } | null>(null);
  if (value !== null && key !== null) last.current = { key, value };
  if (value !== null) return { value, stale: false };
  return last.current && last.current.key === key
    ? { value: last.current.value, stale: true }
    : null;
}

export async function chooseStudent(db: AdvocateDatabase, studentId: string): Promise<void> {
  await saveSettings(db, { currentStudentId: studentId });
}

/** Everything about one student (lib/db's loadStudentData), live; undefined while loading. */
export function useStudentData(
  db: AdvocateDatabase,
  studentId: string | null,
): StudentData | null | undefined {
  return useLiveQuery(() => (studentId ? loadStudentData(db, studentId) : null), [db, studentId]);
}

/**
 * The Gaps page's student, calendar, services and views (gaps, weekly series, district side by
 * side) as of `today`, live: from the caches (lib/db/gap-views.ts) when they answer, otherwise
 * computed once and stored, which makes the live query answer again from the caches. `views`
 * is null while computing (or without a calendar); the whole is undefined while loading and null
 * without the student.
 */
export function useGapsPage(
  db: AdvocateDatabase,
  studentId: string | null,
  today: IsoDate,
): { inputs: GapsPageInputs; views: Computed<GapViews> | null } | null | undefined {
  const inputs = useLiveQuery(
    () => (studentId ? loadGapsPageInputs(db, studentId) : null),
    [db, studentId],
  );
  const views = inputs?.calendar ? usableGapViews(inputs, today) : null;
  const shown = useFilledCache(
    views,
    inputs?.calendar ? servicesKey(inputs.student.id, inputs.services) : null,
    inputs?.calendar && !views ? () => studentGapViewsCached(db, inputs.student.id, today) : null,
    [db, today, inputs],
  );
  if (!inputs) return inputs;
  return { inputs, views: shown };
}
