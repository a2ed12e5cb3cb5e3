/**
 * The extension's IndexedDB database (Dexie). Opened only in extension pages and the background:
 * a content script's IndexedDB belongs to the host page, so content scripts ask the background.
 *
 * Every write validates with the zod schema from lib/model and runs in a transaction.
 * Schema versions and their upgrades live in ./schema.ts.
 */
import Dexie, { type Table } from 'dexie';
import {
  calendarSchema,
  districtImportSchema,
  districtMappingSchema,
  districtRecordSchema,
  defaultSettings,
  emptyProfile,
  letterSchema,
  profileSchema,
  serviceSchema,
  sessionEntrySchema,
  settingsSchema,
  studentSchema,
  type DistrictImport,
  type DistrictMapping,
  type DistrictRecord,
  type Letter,
  type Profile,
  type SchoolCalendar,
  type Service,
  type SessionEntry,
  type Settings,
  type Student,
} from '../model';
import type { z } from '../model/zod';
import { addDays, type IsoDate } from '../dates';
import { owedStillInWindow } from '../deadlines/one-year';
import { gapCacheMiddleware, type GapCacheRecord } from './gap-cache';
export {
  computeGapViews,
  loadGapsPageInputs,
  readStudentWithCalendar,
  studentGapViewsCached,
  usableGapViews,
  type GapViews,
  type GapViewsRecord,
  type GapsPageInputs,
} from './gap-views';
import type { GapViewsRecord } from './gap-views';
import { applySchema } from './schema';

export {
  GAP_ENGINE_VERSION,
  studentGapsCached,
  usableGapCache,
  type GapCacheRecord,
} from './gap-cache';

export const DATABASE_NAME = 'montana-iep-advocate';

export class AdvocateDatabase extends Dexie {
  profile!: Table<Profile, string>;
  settings!: Table<Settings, string>;
  students!: Table<Student, string>;
  calendars!: Table<SchoolCalendar, string>;
  services!: Table<Service, string>;
  sessions!: Table<SessionEntry, string>;
  letters!: Table<Letter, string>;
  districtImports!: Table<DistrictImport, string>;
  districtRecords!: Table<DistrictRecord, string>;
  districtMappings!: Table<DistrictMapping, string>;
  /** Derived data (lib/db/gap-cache.ts): emptied by every write the gaps depend on. */
  gapCache!: Table<GapCacheRecord, string>;
  /** Derived data (lib/db/gap-views.ts): the Gaps page's series and district totals. */
  gapViews!: Table<GapViewsRecord, string>;

  constructor(name = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    applySchema(this);
    this.use(gapCacheMiddleware);
  }
}

/** Opens the database. Tests pass fake-indexeddb's `indexedDB` and `IDBKeyRange`. */
export function openDatabase(
  name = DATABASE_NAME,
  options?: ConstructorParameters<typeof Dexie>[1],
): AdvocateDatabase {
  return new AdvocateDatabase(name, options);
}

// ------------------------------------------------------------------ reads

/** The profile; fields added after a profile was saved read as empty. */
export async function getProfile(db: AdvocateDatabase): Promise<Profile> {
  return { ...emptyProfile, ...(await db.profile.get('profile')) };
}

export async function getSettings(db: AdvocateDatabase): Promise<Settings> {
  return (await db.settings.get('settings')) ?? defaultSettings;
}

export async function listStudents(db: AdvocateDatabase): Promise<Student[]> {
  return db.students.orderBy('createdAt').toArray();
}

export async function listServices(db: AdvocateDatabase, studentId: string): Promise<Service[]> {
  return db.services.where('studentId').equals(studentId).sortBy('startDate');
}

/** The records of one service or student, oldest first, read through a [key+date] index. */
function oldestFirst<T>(
  table: Table<T, string>,
  index: '[serviceId+date]' | '[studentId+date]',
  key: string,
): Promise<T[]> {
  return table.where(index).between([key, Dexie.minKey], [key, Dexie.maxKey]).toArray();
}

/** Log entries of one service, oldest first (uses the [serviceId+date] index). */
export async function listSessionsForService(
  db: AdvocateDatabase,
  serviceId: string,
): Promise<SessionEntry[]> {
  return oldestFirst(db.sessions, '[serviceId+date]', serviceId);
}

export async function listSessionsForStudent(
  db: AdvocateDatabase,
  studentId: string,
): Promise<SessionEntry[]> {
  return oldestFirst(db.sessions, '[studentId+date]', studentId);
}

/**
 * The date of the student's oldest owed missed session still inside its one-year window as of
 * `today` (lib/deadlines owedStillInWindow), or null: read along the log's date index from just
 * over a year ago, stopping at the first one, rather than reading the whole log.
 */
export async function oldestOwedMissedInWindow(
  db: AdvocateDatabase,
  studentId: string,
  today: IsoDate,
): Promise<IsoDate | null> {
  // A session whose year has not passed is at most 366 days old; a few days more are harmless.
  const entry = await db.sessions
    .where('[studentId+date]')
    .between([studentId, addDays(today, -370)], [studentId, today], true, true)
    .filter((session) => owedStillInWindow(session, today))
    .first();
  return entry?.date ?? null;
}

export async function listLetters(db: AdvocateDatabase, studentId?: string): Promise<Letter[]> {
  const letters = studentId
    ? await db.letters.where('studentId').equals(studentId).toArray()
    : await db.letters.toArray();
  return letters.sort((a, b) => b.createdAt - a.createdAt);
}

/** A student with their calendar and services, nothing of the log: a page's first read. */
export async function loadStudentSetup(db: AdvocateDatabase, studentId: string) {
  return db.transaction('r', [db.students, db.calendars, db.services], async () => {
    const student = await db.students.get(studentId);
    if (!student) return null;
    const [calendar, services] = await Promise.all([
      db.calendars.get(student.calendarId),
      listServices(db, studentId),
    ]);
    return { student, calendar: calendar ?? null, services };
  });
}

/** The tables `readStudentData` reads. */
function studentDataTables(db: AdvocateDatabase) {
  return [
    db.students,
    db.calendars,
    db.services,
    db.sessions,
    db.profile,
    db.letters,
    db.districtRecords,
    db.districtImports,
  ];
}

/**
 * One student's records, inside the caller's transaction over `studentDataTables`. The log is
 * read whole, or with `log: 'for-district'` only when the district's records need it for their
 * reconciliation (otherwise it is empty).
 */
async function readStudentData(
  db: AdvocateDatabase,
  studentId: string,
  log: 'whole' | 'for-district',
) {
  const student = await db.students.get(studentId);
  if (!student) return null;
  const [calendar, services, profile, letters, district, districtImports] = await Promise.all([
    db.calendars.get(student.calendarId),
    listServices(db, studentId),
    getProfile(db),
    listLetters(db, studentId),
    log === 'whole'
      ? Promise.all([listDistrictRecords(db, studentId), listSessionsForStudent(db, studentId)])
      : listDistrictRecords(db, studentId).then(
          async (records) =>
            [
              records,
              records.length > 0 ? await listSessionsForStudent(db, studentId) : [],
            ] as const,
        ),
    listDistrictImports(db, studentId),
  ]);
  return {
    student,
    calendar: calendar ?? null,
    services,
    sessions: district[1],
    profile,
    letters,
    districtRecords: district[0],
    districtImports,
  };
}

/**
 * Everything the gap engine and drafts need for one student, read in one transaction: with the
 * district's own service logs (`districtRecords`, oldest first) and the imports they came from
 * (`districtImports`), kept apart from the parent's log.
 */
export async function loadStudentData(db: AdvocateDatabase, studentId: string) {
  return db.transaction('r', studentDataTables(db), () => readStudentData(db, studentId, 'whole'));
}
export type StudentData = NonNullable<Awaited<ReturnType<typeof loadStudentData>>>;

/**
 * What a draft is written from (the letter page and the picker), in one transaction: the
 * student's data as `loadStudentData` reads it, but the log only when the district's records
 * need it (`sessions` is empty otherwise), and the gap cache's record (`cached`, whatever its
 * date: the caller checks it with `usableGapCache`, lib/ui/draft-data.ts fills it). The draft
 * takes the gaps from it (lib/drafts `gaps`) instead of working them out from 4,000 entries.
 */
export async function loadDraftInputs(db: AdvocateDatabase, studentId: string) {
  return db.transaction('r', [...studentDataTables(db), db.gapCache], async () => {
    const [data, cached] = await Promise.all([
      readStudentData(db, studentId, 'for-district'),
      db.gapCache.get(studentId),
    ]);
    return data && { ...data, cached: cached ?? null };
  });
}
export type DraftInputs = NonNullable<Awaited<ReturnType<typeof loadDraftInputs>>>;

// ------------------------------------------------------------------ writes (validated)

/**
 * Validates a record with its lib/model schema (zod's error, with the schema's messages, when it
 * is not valid: nothing is written) and puts it in its table in a transaction; returns the
 * parsed record, defaults filled.
 */
async function putValid<T>(
  table: Table<T, string>,
  schema: z.ZodType<T>,
  record: unknown,
): Promise<T> {
  const valid = schema.parse(record);
  await table.db.transaction('rw', table, () => table.put(valid));
  return valid;
}

export async function saveProfile(db: AdvocateDatabase, profile: unknown): Promise<Profile> {
  return putValid(db.profile, profileSchema, profile);
}

export async function saveSettings(
  db: AdvocateDatabase,
  patch: Partial<Omit<Settings, 'id'>>,
): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const next = settingsSchema.parse({ ...(await getSettings(db)), ...patch });
    await db.settings.put(next);
    return next;
  });
}

export async function saveCalendar(
  db: AdvocateDatabase,
  calendar: unknown,
): Promise<SchoolCalendar> {
  return putValid(db.calendars, calendarSchema, calendar);
}

export async function saveStudent(db: AdvocateDatabase, student: unknown): Promise<Student> {
  return putValid(db.students, studentSchema, student);
}

/**
 * Adds a student and makes them the one the tracker shows, in one transaction. `calendar` is the
 * new school calendar to create when the student's calendarId names none yet (a brother or
 * sister may share an existing one, which is then left as it is). Nothing is written if any
 * record is invalid.
 */
export async function addStudent(
  db: AdvocateDatabase,
  student: unknown,
  calendar: unknown,
): Promise<Student> {
  const valid = studentSchema.parse(student);
  return db.transaction('rw', [db.students, db.calendars, db.settings], async () => {
    if (!(await db.calendars.get(valid.calendarId))) {
      const newCalendar = calendarSchema.parse(calendar);
      if (newCalendar.id !== valid.calendarId) {
        throw new Error('The new calendar is not the one the student refers to.');
      }
      await db.calendars.put(newCalendar);
    }
    await db.students.put(valid);
    await saveSettings(db, { currentStudentId: valid.id });
    return valid;
  });
}

export async function saveService(db: AdvocateDatabase, service: unknown): Promise<Service> {
  return putValid(db.services, serviceSchema, service);
}

export async function saveSession(db: AdvocateDatabase, entry: unknown): Promise<SessionEntry> {
  return putValid(db.sessions, sessionEntrySchema, entry);
}

/**
 * Adds several new log entries at once (the "log what happened" action for weeks with no
 * record): every entry is validated first, then all are added in one transaction, so either all
 * are written or none. An id already in the log fails the whole write.
 */
export async function addSessions(
  db: AdvocateDatabase,
  entries: unknown[],
): Promise<SessionEntry[]> {
  const valid = entries.map((entry) => sessionEntrySchema.parse(entry));
  await db.transaction('rw', db.sessions, () => db.sessions.bulkAdd(valid));
  return valid;
}

export async function saveLetter(db: AdvocateDatabase, letter: unknown): Promise<Letter> {
  return putValid(db.letters, letterSchema, letter);
}

export async function deleteSession(db: AdvocateDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.sessions, () => db.sessions.delete(id));
}

export async function deleteLetter(db: AdvocateDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.letters, () => db.letters.delete(id));
}

/** Deletes a service with its log entries and the district records matched to it. */
export async function deleteService(db: AdvocateDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.services, db.sessions, db.districtRecords, async () => {
    await db.sessions.where('serviceId').equals(id).delete();
    await db.districtRecords.where('serviceId').equals(id).delete();
    await db.services.delete(id);
  });
}

/** Deletes a student with their services, log, letters and district records (their calendar stays if shared). */
export async function deleteStudent(db: AdvocateDatabase, id: string): Promise<void> {
  await db.transaction(
    'rw',
    [
      db.students,
      db.services,
      db.sessions,
      db.letters,
      db.calendars,
      db.settings,
      db.districtImports,
      db.districtRecords,
    ],
    async () => {
      const student = await db.students.get(id);
      await db.districtRecords.where('studentId').equals(id).delete();
      await db.districtImports.where('studentId').equals(id).delete();
      await db.sessions.where('studentId').equals(id).delete();
      await db.services.where('studentId').equals(id).delete();
      await db.letters.where('studentId').equals(id).delete();
      await db.students.delete(id);
      if (student) {
        const stillUsed = await db.students.where('calendarId').equals(student.calendarId).count();
        if (stillUsed === 0) await db.calendars.delete(student.calendarId);
      }
      const settings = await getSettings(db);
      if (settings.currentStudentId === id) {
        const next = await db.students.orderBy('createdAt').first();
        await db.settings.put({ ...settings, currentStudentId: next?.id ?? null });
      }
    },
  );
}

// ------------------------------------------------------------------ district records (issue 11)

/** A student's district imports, newest first. */
export async function listDistrictImports(
  db: AdvocateDatabase,
  studentId: string,
): Promise<DistrictImport[]> {
  const imports = await db.districtImports.where('studentId').equals(studentId).toArray();
  return imports.sort((a, b) => b.importedAt - a.importedAt);
}

/** A student's district records, oldest first (uses the [studentId+date] index). */
export async function listDistrictRecords(
  db: AdvocateDatabase,
  studentId: string,
): Promise<DistrictRecord[]> {
  return oldestFirst(db.districtRecords, '[studentId+date]', studentId);
}

/**
 * Stores one imported file and its records in one transaction, after validating every one (a
 * record that is not this import's or student's is refused). Never touches the parent's log.
 */
export async function saveDistrictImport(
  db: AdvocateDatabase,
  fileImport: unknown,
  records: readonly unknown[],
  /** The district's column, code and service choices, remembered for its next file. */
  mapping?: unknown,
): Promise<DistrictImport> {
  const valid = districtImportSchema.parse(fileImport);
  const remembered = mapping === undefined ? null : districtMappingSchema.parse(mapping);
  const rows = records.map((record) => districtRecordSchema.parse(record));
  if (rows.some((row) => row.importId !== valid.id || row.studentId !== valid.studentId))
    throw new Error('A district record does not belong to this import.');
  const tables = [db.districtImports, db.districtRecords, db.services, db.districtMappings];
  await db.transaction('rw', tables, async () => {
    const serviceIds = new Set(
      (await db.services.where('studentId').equals(valid.studentId).toArray()).map((s) => s.id),
    );
    if (rows.some((row) => !serviceIds.has(row.serviceId)))
      throw new Error("A district record points to a service that is not this child's.");
    await db.districtImports.add(valid);
    await db.districtRecords.bulkAdd(rows);
    if (remembered) await db.districtMappings.put(remembered);
  });
  return valid;
}

/** Deletes one imported file and every record it brought. */
export async function deleteDistrictImport(db: AdvocateDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.districtImports, db.districtRecords, async () => {
    await db.districtRecords.where('importId').equals(id).delete();
    await db.districtImports.delete(id);
  });
}

/** The remembered choices for a district, by its name (any case and spacing). */
export function districtKey(district: string): string {
  return district.toLowerCase().replace(/\s+/g, ' ').trim().slice(0, 200);
}

export async function getDistrictMapping(
  db: AdvocateDatabase,
  district: string,
): Promise<DistrictMapping | undefined> {
  return db.districtMappings.get(districtKey(district));
}

export async function saveDistrictMapping(
  db: AdvocateDatabase,
  mapping: unknown,
): Promise<DistrictMapping> {
  return putValid(db.districtMappings, districtMappingSchema, mapping);
}
