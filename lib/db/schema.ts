import type { Dexie, Transaction } from 'dexie';

/**
 * Database schema versions, oldest first. Never edit a released version: append a new one.
 *
 * Adding version N:
 *   1. Append `{ version: N, why, stores, upgradeRecords }` below. `stores` lists only the tables
 *      whose indexes change. `upgradeRecords` holds one pure function per table whose records
 *      change shape (version N-1 record in, version N record out); leave it `{}` when only
 *      indexes change, and say so in `why`.
 *   2. The same functions upgrade older backup files (lib/backup/upgrade.ts): if records change
 *      shape, add a backup format version there too.
 *   3. tests/unit/db-upgrade.test.ts runs for every version automatically: it fills version N-1
 *      with realistic data, opens version N and checks nothing is lost or changed. Give it the
 *      expected records (what `upgradeRecords` should produce) if records change shape.
 *
 * Index notes: the popup reads one student's log through [studentId+date] and the gap engine
 * one service's through [serviceId+date], so 40,000 entries never need a full scan.
 */

export const TABLE_NAMES = [
  'profile',
  'settings',
  'students',
  'calendars',
  'services',
  'sessions',
  'letters',
  'districtImports',
  'districtRecords',
  'districtMappings',
  'gapCache',
  'gapViews',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** A pure change to one stored record, from the previous version's shape to this version's. */
export type RecordUpgrade = (record: Record<string, unknown>) => Record<string, unknown>;

export interface SchemaVersion {
  version: number;
  /** Why this version exists, in a sentence. */
  why: string;
  /** Dexie store definitions for the tables whose primary key or indexes change. */
  stores: Partial<Record<TableName, string | null>>;
  /** Record changes from the previous version, per table; `{}` when only indexes change. */
  upgradeRecords: Partial<Record<TableName, RecordUpgrade>>;
}

export const schemaVersions: readonly SchemaVersion[] = [
  {
    version: 1,
    why: 'First release.',
    stores: {
      profile: 'id',
      settings: 'id',
      students: 'id, createdAt, calendarId',
      calendars: 'id',
      services: 'id, studentId',
      sessions: 'id, studentId, serviceId, [serviceId+date], [studentId+date], date',
      letters: 'id, studentId, status, sentDate',
    },
    upgradeRecords: {},
  },
  {
    version: 2,
    why:
      'Index createdAt on the log and letters, so the backup reminder counts what was added since ' +
      'the last backup without reading every entry. Indexes only: records are unchanged.',
    stores: {
      sessions: 'id, studentId, serviceId, [serviceId+date], [studentId+date], date, createdAt',
      letters: 'id, studentId, status, sentDate, createdAt',
    },
    upgradeRecords: {},
  },
  {
    version: 3,
    why:
      "District records (issue 11): the district's own service logs, kept apart from the parent's " +
      'log in new tables (imports, their records, remembered column choices per district). New ' +
      'tables only: existing records are unchanged.',
    stores: {
      districtImports: 'id, studentId, importedAt',
      districtRecords: 'id, importId, studentId, serviceId, [serviceId+date], [studentId+date]',
      districtMappings: 'id',
    },
    upgradeRecords: {},
  },
  {
    version: 4,
    why:
      "Gap cache (issue 15): each student's computed gaps as of one date, so the popup opens " +
      'without reading the whole log. A new table of derived data, emptied by every write to the ' +
      'log, services, calendars or students (lib/db/gap-cache.ts). Existing records are unchanged.',
    stores: { gapCache: 'studentId' },
    upgradeRecords: {},
  },
  {
    version: 5,
    why:
      "Gaps page cache (issue 15): each student's weekly chart series and district side by side " +
      'as of one date, so the Gaps page opens without reading the whole log. A new table of ' +
      'derived data, emptied like the gap cache and also by writes to the district records ' +
      '(lib/db/gap-views.ts). Existing records are unchanged.',
    stores: { gapViews: 'studentId' },
    upgradeRecords: {},
  },
];

export const SCHEMA_VERSION = schemaVersions[schemaVersions.length - 1]!.version;

/** Applies the record upgrades of one version to an open upgrade transaction. */
async function upgradeStoredRecords(
  transaction: Transaction,
  upgradeRecords: SchemaVersion['upgradeRecords'],
): Promise<void> {
  for (const [table, upgrade] of Object.entries(upgradeRecords)) {
    if (!upgrade) continue;
    await transaction
      .table(table)
      .toCollection()
      .modify((record: Record<string, unknown>, context: { value: unknown }) => {
        context.value = upgrade(record);
      });
  }
}

/**
 * Declares the versions on a Dexie instance. Tests pass a prefix of `schemaVersions` to create a
 * database as an older release left it.
 */
export function applySchema(db: Dexie, versions: readonly SchemaVersion[] = schemaVersions): void {
  for (const { version, stores, upgradeRecords } of versions) {
    const declared = db.version(version).stores(stores);
    if (Object.keys(upgradeRecords).length > 0)
      declared.upgrade((transaction) => upgradeStoredRecords(transaction, upgradeRecords));
  }
}
