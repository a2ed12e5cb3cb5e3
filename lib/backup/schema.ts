/**
 * The backup file: one JSON document, the source of truth for its format (docs/backup-format.md
 * describes it in words). Records are validated with the same lib/model schemas as every other
 * write, so a backup can never put into the database what a form could not.
 */
import {
  calendarSchema,
  districtImportSchema,
  districtRecordSchema,
  letterSchema,
  profileSchema,
  serviceSchema,
  sessionEntrySchema,
  settingsSchema,
  studentSchema,
} from '../model';
import { z } from '../model/zod';

export const BACKUP_FORMAT = 'montana-iep-advocate-backup';

/** The version this release writes. Older versions are upgraded on import (./upgrade.ts). */
export const BACKUP_VERSION = 1;

/** The tables a backup holds, in the order the file lists them. */
export const BACKUP_TABLES = [
  'calendars',
  'students',
  'services',
  'sessions',
  'letters',
  'districtImports',
  'districtRecords',
] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

/**
 * Most records of each kind one file may hold: far above a family's real use (a school year of
 * daily sessions for several services is a few thousand entries), low enough that a damaged or
 * hostile file is refused before it can exhaust memory.
 */
export const BACKUP_LIMITS: Record<BackupTable, number> = {
  calendars: 500,
  students: 200,
  services: 5_000,
  sessions: 250_000,
  letters: 20_000,
  districtImports: 2_000,
  districtRecords: 500_000,
};

/** Largest file we read, in characters (letters can hold long saved texts). */
export const MAX_BACKUP_CHARS = 100_000_000;

/** The words for each kind of record, singular and plural, for messages and previews. */
export const RECORD_NAMES: Record<BackupTable | 'profile' | 'settings', [string, string]> = {
  profile: ['your details', 'your details'],
  settings: ['settings', 'settings'],
  calendars: ['school calendar', 'school calendars'],
  students: ['student', 'students'],
  services: ['service', 'services'],
  sessions: ['session log entry', 'session log entries'],
  letters: ['letter', 'letters'],
  districtImports: ['district file', 'district files'],
  districtRecords: ['district record', 'district records'],
};

const list = <T extends z.ZodType>(record: T, table: BackupTable) => {
  const [, plural] = RECORD_NAMES[table];
  const limit = BACKUP_LIMITS[table];
  return z
    .array(record)
    .max(limit, `A backup can hold at most ${limit.toLocaleString('en-US')} ${plural}.`);
};

export const backupDataSchema = z.object({
  profile: profileSchema,
  /** Left out of a one-student backup: settings belong to the browser, not to a child. */
  settings: settingsSchema.optional(),
  calendars: list(calendarSchema, 'calendars'),
  students: list(studentSchema, 'students'),
  services: list(serviceSchema, 'services'),
  sessions: list(sessionEntrySchema, 'sessions'),
  letters: list(letterSchema, 'letters'),
  /** District records (issue 11); files saved before them have none, and import fine. */
  districtImports: list(districtImportSchema, 'districtImports').default([]),
  districtRecords: list(districtRecordSchema, 'districtRecords').default([]),
});
export type BackupData = z.infer<typeof backupDataSchema>;

export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  /** When the file was made (UTC timestamp, ISO 8601). */
  exportedAt: z.iso.datetime(),
  data: backupDataSchema,
});
export type BackupDocument = z.infer<typeof backupSchema>;
