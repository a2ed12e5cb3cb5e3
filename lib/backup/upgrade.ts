/**
 * Older backup files are upgraded through the same record upgrades as the database
 * (lib/db/schema.ts), so a file saved by any release imports into this one.
 *
 * Each backup format version names the database schema version whose record shapes its files
 * hold. Upgrading a file applies, in order, the `upgradeRecords` of every schema version after
 * the file's and up to the current one, then any change to the file's outer shape.
 *
 * Adding backup version 2 (when a schema version changes record shapes):
 *   { version: 2, schemaVersion: <that schema version> }
 * and, only if the outer shape changes too, `upgradeDocument` to rewrite a version-1 document.
 * Then bump BACKUP_VERSION in ./schema.ts and add a version-1 file to the upgrade test.
 */
import { schemaVersions, type SchemaVersion, type TableName } from '../db/schema';
import { isRecord } from './problems';

export interface BackupFormatVersion {
  version: number;
  /** The database schema version whose record shapes this version's files hold. */
  schemaVersion: number;
  /** Changes to the document outside its records, from the previous backup version. */
  upgradeDocument?: (document: Record<string, unknown>) => Record<string, unknown>;
}

export const backupVersions: readonly BackupFormatVersion[] = [
  // Records as of database schema 1; schema 2 only added indexes, so they are also schema 2's.
  { version: 1, schemaVersion: 1 },
];

/** Applies one schema version's record upgrades to a backup's (unvalidated) data. */
function upgradeData(
  data: Record<string, unknown>,
  upgradeRecords: SchemaVersion['upgradeRecords'],
): Record<string, unknown> {
  const next = { ...data };
  for (const [table, upgrade] of Object.entries(upgradeRecords) as [
    TableName,
    SchemaVersion['upgradeRecords'][TableName],
  ][]) {
    if (!upgrade || !(table in next)) continue;
    const value = next[table];
    // Malformed parts are left for validation to describe.
    if (Array.isArray(value))
      next[table] = value.map((record) => (isRecord(record) ? upgrade(record) : record));
    else if (isRecord(value)) next[table] = upgrade(value);
  }
  return next;
}

/**
 * Brings a parsed backup document of any known version to the current one. The document's own
 * version must already be checked to be one of `versions`.
 */
export function upgradeBackupDocument(
  document: Record<string, unknown> & { version: number },
  versions: readonly BackupFormatVersion[] = backupVersions,
  schema: readonly SchemaVersion[] = schemaVersions,
): Record<string, unknown> {
  const from = versions.find((entry) => entry.version === document.version);
  const to = versions[versions.length - 1];
  if (!from || !to) throw new RangeError(`Unknown backup version ${document.version}`);
  if (from.version === to.version) return document;

  let upgraded: Record<string, unknown> = { ...document };
  for (const step of schema) {
    if (step.version <= from.schemaVersion || step.version > to.schemaVersion) continue;
    if (isRecord(upgraded.data))
      upgraded = { ...upgraded, data: upgradeData(upgraded.data, step.upgradeRecords) };
  }
  for (const step of versions) {
    if (step.version <= from.version || !step.upgradeDocument) continue;
    upgraded = step.upgradeDocument(upgraded);
  }
  return { ...upgraded, version: to.version };
}
