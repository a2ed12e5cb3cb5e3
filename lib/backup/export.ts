/**
 * Making a backup: everything in the browser, or one student with what belongs to them (district
 * records included; a district's remembered column choices stay in the browser), as one
 * JSON document (./schema.ts). Records are sorted by id so the same data always gives the same
 * file (export → import → export is identical, which the property test checks).
 */
import type { IsoDate } from '../dates';
import { getProfile, getSettings, saveSettings, type AdvocateDatabase } from '../db';
import { BACKUP_FORMAT, BACKUP_TABLES, BACKUP_VERSION, type BackupDocument } from './schema';

export interface ExportOptions {
  /** Only this student, their calendar, services, log and letters (and your details). */
  studentId?: string | null;
  /** The time of the export, in milliseconds since 1970 (injectable for tests). */
  now: number;
}

const byId = <T extends { id: string }>(records: T[]): T[] =>
  records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export async function exportBackup(
  db: AdvocateDatabase,
  { studentId = null, now }: ExportOptions,
): Promise<BackupDocument> {
  const data = await db.transaction('r', db.tables, async () => {
    const profile = await getProfile(db);
    if (studentId === null) {
      return {
        profile,
        settings: await getSettings(db),
        calendars: await db.calendars.toArray(),
        students: await db.students.toArray(),
        services: await db.services.toArray(),
        sessions: await db.sessions.toArray(),
        letters: await db.letters.toArray(),
        districtImports: await db.districtImports.toArray(),
        districtRecords: await db.districtRecords.toArray(),
      };
    }
    const student = await db.students.get(studentId);
    if (!student) throw new Error('That student is no longer in this browser.');
    const calendar = await db.calendars.get(student.calendarId);
    return {
      profile,
      calendars: calendar ? [calendar] : [],
      students: [student],
      services: await db.services.where('studentId').equals(studentId).toArray(),
      sessions: await db.sessions.where('studentId').equals(studentId).toArray(),
      letters: await db.letters.where('studentId').equals(studentId).toArray(),
      districtImports: await db.districtImports.where('studentId').equals(studentId).toArray(),
      districtRecords: await db.districtRecords.where('studentId').equals(studentId).toArray(),
    };
  });
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    data: {
      ...data,
      calendars: byId(data.calendars),
      students: byId(data.students),
      services: byId(data.services),
      sessions: byId(data.sessions),
      letters: byId(data.letters),
      districtImports: byId(data.districtImports),
      districtRecords: byId(data.districtRecords),
    },
  };
}

/** The file's text: indented, so a curious parent can read it. */
export function serializeBackup(backup: BackupDocument): string {
  return `${JSON.stringify(backup, null, 2)}\n`;
}

/** "montana-iep-advocate-backup-2026-10-02.json", or with the student's name for one student. */
export function backupFileName(today: IsoDate, studentName?: string): string {
  const slug = (studentName ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 30)
    .replace(/-+$/, '');
  return `${BACKUP_FORMAT}-${slug ? `${slug}-` : ''}${today}.json`;
}

/** Records that everything was saved to a file now (the reminder counts from here). */
export async function markBackedUp(db: AdvocateDatabase, now: number): Promise<void> {
  await saveSettings(db, { lastBackupAt: now });
}

/** How many records a backup holds, for messages ("Saved 412 records"). */
export function countRecords(backup: BackupDocument): number {
  return BACKUP_TABLES.reduce((sum, table) => sum + backup.data[table].length, 0);
}
