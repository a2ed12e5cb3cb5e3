/**
 * Importing a checked backup (see ./parse.ts) into the database, all or nothing.
 *
 * Modes:
 *   merge-skip     add what is new; where a record is both here and in the file, keep this one
 *   merge-replace  add what is new; where a record is in both, use the file's version
 *   replace-all    remove everything here, then add the file's records
 *
 * `previewImport` counts what would happen (new / duplicates / replaced / removed) without writing.
 * `importBackup` reads, checks every reference (a service's student, a session's service, a
 * student's calendar) against what the database will hold afterwards, and writes, all inside one
 * read-write transaction: any problem aborts it before the first write, and nothing changes.
 */
import type { Table } from 'dexie';
import type { AdvocateDatabase } from '../db';
import type { Profile, Service, Settings } from '../model';
import { emptyProfile } from '../model';
import { FILE, recordWhere, type BackupProblem } from './problems';
import { limitProblems } from './parse';
import { BACKUP_TABLES, RECORD_NAMES, type BackupDocument, type BackupTable } from './schema';
import { capitalize } from '../text';

export const IMPORT_MODES = ['merge-skip', 'merge-replace', 'replace-all'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const IMPORT_MODE_LABELS: Record<ImportMode, string> = {
  'merge-skip': 'Add to what is here, and keep what is here when a record is in both',
  'merge-replace': "Add to what is here, and use the file's version when a record is in both",
  'replace-all': 'Replace everything here with the file',
};

export type ImportTable = 'profile' | BackupTable;
export const IMPORT_TABLES: readonly ImportTable[] = ['profile', ...BACKUP_TABLES];

export interface TableCounts {
  /** Records of this kind in the file. */
  inFile: number;
  /** In the file and not here: added. */
  new: number;
  /** Here and in the file (same id). */
  duplicates: number;
  /** Duplicates whose content differs between here and the file. */
  different: number;
  /** Duplicates overwritten by the file's version. */
  replaced: number;
  /** Duplicates left as they are here. */
  kept: number;
  /** Records here removed first (replace-all only). */
  removed: number;
}

export interface ImportPreview {
  mode: ImportMode;
  tables: Record<ImportTable, TableCounts>;
  /** Whether the file's settings replace this browser's (replace-all with a full backup). */
  settingsReplaced: boolean;
  /** Records written: new plus replaced (everything in the file for replace-all). */
  written: number;
  removed: number;
}

export type ImportResult =
  { ok: true; preview: ImportPreview } | { ok: false; problems: BackupProblem[] };

/** What the database holds now, as far as the import needs to know. */
interface Existing {
  profile: Profile | undefined;
  settings: Settings | undefined;
  ids: Record<BackupTable, Set<string>>;
  /** Stored versions of the file's records that are already here, by table and id. */
  duplicates: Record<BackupTable, Map<string, unknown>>;
  services: Map<string, Pick<Service, 'id' | 'studentId'>>;
  /** Stored students with when they were added, to choose the current student. */
  students: { id: string; createdAt: number }[];
}

async function readExisting(db: AdvocateDatabase, backup: BackupDocument): Promise<Existing> {
  const ids = {} as Existing['ids'];
  const duplicates = {} as Existing['duplicates'];
  for (const table of BACKUP_TABLES) {
    const stored = db[table];
    ids[table] = new Set((await stored.toCollection().primaryKeys()) as string[]);
    const fileIds = backup.data[table]
      .map((record) => record.id)
      .filter((id) => ids[table].has(id));
    const records = await stored.bulkGet(fileIds);
    duplicates[table] = new Map(fileIds.map((id, index) => [id, records[index]]));
  }
  const services = await db.services.toArray();
  const students = await db.students.toArray();
  return {
    profile: await db.profile.get('profile'),
    settings: await db.settings.get('settings'),
    ids,
    duplicates,
    services: new Map(services.map((service) => [service.id, service])),
    students: students.map(({ id, createdAt }) => ({ id, createdAt })),
  };
}

/** Same content, whatever the key order. */
function sameRecord(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );
}

const isBlankProfile = (profile: Profile | undefined) =>
  !profile || sameRecord({ ...profile, id: 'profile' }, emptyProfile);

interface Plan {
  preview: ImportPreview;
  /** The file's records to write, per table (all of them, or the new and replaced ones). */
  write: { [T in BackupTable]: BackupDocument['data'][T] };
  profile: Profile | null;
  /** Final student ids, for the current-student choice. */
  finalStudents: { id: string; createdAt: number }[];
}

function emptyCounts(inFile: number): TableCounts {
  return { inFile, new: 0, duplicates: 0, different: 0, replaced: 0, kept: 0, removed: 0 };
}

/** Decides every write and checks every reference, without touching the database. */
function plan(
  backup: BackupDocument,
  mode: ImportMode,
  existing: Existing,
): { ok: true; plan: Plan } | { ok: false; problems: BackupProblem[] } {
  const { data } = backup;
  const replaceAll = mode === 'replace-all';
  const fileWins = mode !== 'merge-skip';
  const tables = {} as ImportPreview['tables'];
  const write = {} as Plan['write'];

  for (const table of BACKUP_TABLES) {
    const counts = emptyCounts(data[table].length);
    const kept: (typeof data)[typeof table] = [];
    for (const record of data[table]) {
      const isDuplicate = !replaceAll && existing.ids[table].has(record.id);
      if (!isDuplicate) {
        counts.new += 1;
        (kept as unknown[]).push(record);
        continue;
      }
      counts.duplicates += 1;
      if (!sameRecord(existing.duplicates[table].get(record.id), record)) counts.different += 1;
      if (fileWins) {
        counts.replaced += 1;
        (kept as unknown[]).push(record);
      } else counts.kept += 1;
    }
    if (replaceAll) counts.removed = existing.ids[table].size;
    tables[table] = counts;
    (write as Record<string, unknown>)[table] = kept;
  }

  // Your details: one record. A blank one here counts as absent, so a fresh browser takes the file's.
  const profileHere = !replaceAll && !isBlankProfile(existing.profile);
  const profileCounts = emptyCounts(1);
  let profile: Profile | null = data.profile;
  if (!profileHere) profileCounts.new = 1;
  else {
    profileCounts.duplicates = 1;
    if (!sameRecord(existing.profile, data.profile)) profileCounts.different = 1;
    if (fileWins) profileCounts.replaced = 1;
    else {
      profileCounts.kept = 1;
      profile = null;
    }
  }
  if (replaceAll && existing.profile) profileCounts.removed = 1;
  tables.profile = profileCounts;

  // What the database will hold afterwards, to resolve references against.
  const finalIds = (table: BackupTable) =>
    new Set([...(replaceAll ? [] : existing.ids[table]), ...data[table].map((r) => r.id)]);
  const calendarIds = finalIds('calendars');
  const studentIds = finalIds('students');
  const finalServices = new Map<string, Pick<Service, 'id' | 'studentId'>>(
    replaceAll ? [] : existing.services,
  );
  for (const service of data.services) {
    if (fileWins || !finalServices.has(service.id)) finalServices.set(service.id, service);
  }

  const problems: BackupProblem[] = [];
  const whereFrom = replaceAll ? 'in the file' : 'in the file or in this browser';
  const missing = (kind: string) => `Points to ${kind} that is not ${whereFrom}.`;

  const report = (table: BackupTable, index: number, field: string, message: string) =>
    problems.push({ where: recordWhere(table, index, data[table][index]), field, message });

  data.students.forEach((student, index) => {
    if (!calendarIds.has(student.calendarId))
      report('students', index, 'school calendar', missing('a school calendar'));
  });
  data.services.forEach((service, index) => {
    if (!studentIds.has(service.studentId))
      report('services', index, 'student', missing('a student'));
    const here = existing.services.get(service.id);
    if (fileWins && !replaceAll && here && here.studentId !== service.studentId)
      report(
        'services',
        index,
        'student',
        'Belongs to a different student here than in the file, so its log would be mixed up.',
      );
  });
  data.sessions.forEach((session, index) => {
    const service = finalServices.get(session.serviceId);
    if (!service) report('sessions', index, 'service', missing('a service'));
    else if (service.studentId !== session.studentId)
      report('sessions', index, 'student', 'Is not the student its service belongs to.');
  });
  data.letters.forEach((letter, index) => {
    if (!studentIds.has(letter.studentId))
      report('letters', index, 'student', missing('a student'));
  });
  const importIds = finalIds('districtImports');
  data.districtImports.forEach((fileImport, index) => {
    if (!studentIds.has(fileImport.studentId))
      report('districtImports', index, 'student', missing('a student'));
  });
  data.districtRecords.forEach((record, index) => {
    const service = finalServices.get(record.serviceId);
    if (!importIds.has(record.importId))
      report('districtRecords', index, 'district file', missing('a district file'));
    if (!service) report('districtRecords', index, 'service', missing('a service'));
    else if (service.studentId !== record.studentId)
      report('districtRecords', index, 'student', 'Is not the student its service belongs to.');
  });
  const settingsReplaced = replaceAll && data.settings !== undefined;
  const currentStudentId = data.settings?.currentStudentId;
  if (settingsReplaced && currentStudentId != null && !studentIds.has(currentStudentId))
    problems.push({
      where: capitalize(RECORD_NAMES.settings[0]),
      field: 'current student',
      message: missing('a student'),
    });
  if (problems.length > 0) return { ok: false, problems: limitProblems(problems) };

  const finalStudents = [
    ...(replaceAll
      ? []
      : existing.students.filter((s) => !data.students.some((f) => f.id === s.id))),
    ...data.students.map(({ id, createdAt }) => ({ id, createdAt })),
  ];
  const written = IMPORT_TABLES.reduce(
    (sum, table) => sum + tables[table].new + tables[table].replaced,
    0,
  );
  const removed = IMPORT_TABLES.reduce((sum, table) => sum + tables[table].removed, 0);
  return {
    ok: true,
    plan: {
      preview: { mode, tables, settingsReplaced, written, removed },
      write,
      profile,
      finalStudents,
    },
  };
}

/**
 * The settings after an import: the file's own on a full replace-all; otherwise this browser's,
 * with a current student chosen if none is (so a fresh browser opens on the imported child).
 */
function settingsAfter(backup: BackupDocument, chosen: Plan, existing: Existing): Settings | null {
  if (chosen.preview.settingsReplaced) return backup.data.settings ?? null;
  const current = existing.settings;
  const ids = new Set(chosen.finalStudents.map((s) => s.id));
  if (current?.currentStudentId && ids.has(current.currentStudentId)) return null;
  const first = [...chosen.finalStudents].sort((a, b) => a.createdAt - b.createdAt)[0];
  if (!first) return current?.currentStudentId ? { ...current, currentStudentId: null } : null;
  return {
    id: 'settings',
    setupDone: true,
    lastBackupAt: null,
    backupReminders: true,
    namesInNotifications: false,
    ...current,
    currentStudentId: first.id,
  };
}

class ImportRejected extends Error {
  constructor(readonly problems: BackupProblem[]) {
    super(problems.map((p) => p.message).join(' '));
  }
}

/** Counts what an import would do, or the problems that stop it. Writes nothing. */
export async function previewImport(
  db: AdvocateDatabase,
  backup: BackupDocument,
  mode: ImportMode,
): Promise<ImportResult> {
  const existing = await db.transaction('r', db.tables, () => readExisting(db, backup));
  const result = plan(backup, mode, existing);
  return result.ok ? { ok: true, preview: result.plan.preview } : result;
}

/** Imports in one transaction: everything is written, or (on any problem) nothing is. */
export async function importBackup(
  db: AdvocateDatabase,
  backup: BackupDocument,
  mode: ImportMode,
): Promise<ImportResult> {
  try {
    const preview = await db.transaction('rw', db.tables, async () => {
      const existing = await readExisting(db, backup);
      const result = plan(backup, mode, existing);
      if (!result.ok) throw new ImportRejected(result.problems);
      const { write, profile } = result.plan;
      const settings = settingsAfter(backup, result.plan, existing);
      if (mode === 'replace-all') {
        for (const table of [
          db.profile,
          db.students,
          db.calendars,
          db.services,
          db.sessions,
          db.letters,
          db.districtImports,
          db.districtRecords,
        ])
          await table.clear();
      }
      if (profile) await db.profile.put(profile);
      for (const table of BACKUP_TABLES) {
        const rows = write[table];
        const stored = db[table] as unknown as Table<(typeof rows)[number], string>;
        // New records are added (a clash would abort); replaced ones are put over the old.
        if (mode === 'merge-skip') await stored.bulkAdd(rows);
        else await stored.bulkPut(rows);
      }
      if (settings) await db.settings.put(settings);
      return result.plan.preview;
    });
    return { ok: true, preview };
  } catch (error) {
    if (error instanceof ImportRejected) return { ok: false, problems: error.problems };
    return {
      ok: false,
      problems: [
        {
          where: FILE,
          message: `Nothing was imported: the browser could not save it (${error instanceof Error ? error.message : String(error)}).`,
        },
      ],
    };
  }
}
