/**
 * Safe upgrades: for every database schema version after the first, fill the previous version
 * with realistic data (fake-indexeddb), open the new version, and check that every record is
 * still there, unchanged (or changed exactly as the upgrade promises), and reachable through
 * every index the new version declares.
 *
 * Adding schema version N (lib/db/schema.ts): add `recordsAt[N]` below. If version N changes no
 * records, it is `recordsAt[N - 1]`; otherwise write the records as version N must store them,
 * by hand, so the test checks the upgrade instead of repeating it.
 */
import { Dexie } from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { BackupData } from '../../lib/backup';
import { openDatabase, type AdvocateDatabase } from '../../lib/db';
import { SCHEMA_VERSION, TABLE_NAMES, applySchema, schemaVersions } from '../../lib/db/schema';
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
} from '../../lib/model';
import { realisticDataset, snapshotDatabase } from './backup-fixtures';

/** The records each schema version stores for the same family's data. */
const recordsAt: Record<number, () => BackupData> = {
  // District records (version 3) did not exist yet.
  1: () => ({ ...realisticDataset(), districtImports: [], districtRecords: [] }),
  // Version 2 added createdAt indexes only: records are stored exactly as in version 1.
  2: () => recordsAt[1]!(),
  // Version 3 added the district tables: an upgrade keeps every record and leaves them empty.
  3: () => recordsAt[2]!(),
  // Version 4 added the gap cache (derived data): an upgrade leaves it empty.
  4: () => recordsAt[3]!(),
  // Version 5 added the Gaps page cache (derived data): an upgrade leaves it empty.
  5: () => recordsAt[4]!(),
};

/** The tables each version declares, added up from version 1. */
const tablesAt = (version: number) =>
  new Set(schemaVersions.filter((v) => v.version <= version).flatMap((v) => Object.keys(v.stores)));

let count = 0;
const uniqueName = (label: string) => `upgrade-${label}-${process.pid}-${(count += 1)}`;
const fake = { indexedDB, IDBKeyRange };

/** A database as the release with `versions` left it (a prefix of schemaVersions). */
function databaseAt(name: string, upTo: number): Dexie {
  const db = new Dexie(name, fake);
  applySchema(
    db,
    schemaVersions.filter((v) => v.version <= upTo),
  );
  return db;
}

async function fill(db: Dexie, data: BackupData): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await db.table('profile').put(data.profile);
    if (data.settings) await db.table('settings').put(data.settings);
    for (const table of ['calendars', 'students', 'services', 'sessions', 'letters'] as const)
      await db.table(table).bulkPut(data[table]);
    for (const table of ['districtImports', 'districtRecords'] as const)
      if (data[table].length > 0) await db.table(table).bulkPut(data[table]);
  });
}

function expectedSnapshot(data: BackupData, version: number): Record<string, unknown[]> {
  const sorted = <T extends { id: string }>(rows: T[]) =>
    [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const district: Record<string, unknown[]> = tablesAt(version).has('districtImports')
    ? {
        districtImports: sorted(data.districtImports),
        districtRecords: sorted(data.districtRecords),
        districtMappings: [],
      }
    : {};
  // The gap caches (versions 4 and 5) start empty: they fill when a page first shows the gaps.
  const derived: Record<string, unknown[]> = Object.fromEntries(
    ['gapCache', 'gapViews'].filter((table) => tablesAt(version).has(table)).map((t) => [t, []]),
  );
  return {
    ...district,
    ...derived,
    profile: [data.profile],
    settings: data.settings ? [data.settings] : [],
    students: sorted(data.students),
    calendars: sorted(data.calendars),
    services: sorted(data.services),
    sessions: sorted(data.sessions),
    letters: sorted(data.letters),
  };
}

/** What IndexedDB can index: null, undefined and booleans are left out of an index. */
const indexable = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' || value instanceof Date;

/**
 * Every index of every table answers with every record whose indexed fields have values. A table
 * an upgrade adds starts empty (the snapshot checks that); its indexes are checked once filled.
 */
async function expectIndexesComplete(db: Dexie, newTables: readonly string[] = []): Promise<void> {
  for (const table of db.tables) {
    const rows = (await table.toArray()) as Record<string, unknown>[];
    if (rows.length === 0 && newTables.includes(table.name)) continue;
    for (const index of table.schema.indexes) {
      const paths = ([] as string[]).concat(index.keyPath ?? []);
      const expected = rows.filter((row) => paths.every((path) => indexable(row[path]))).length;
      expect(expected, `${table.name} has rows for ${index.name}`).toBeGreaterThan(0);
      expect(await table.orderBy(index.name).count(), `${table.name} by ${index.name}`).toBe(
        expected,
      );
    }
  }
}

describe('database schema versions', () => {
  it('are numbered 1, 2, 3… and each says why it exists', () => {
    schemaVersions.forEach((version, index) => {
      expect(version.version).toBe(index + 1);
      expect(version.why.length).toBeGreaterThan(10);
    });
    expect(SCHEMA_VERSION).toBe(schemaVersions.length);
  });

  it('have test data for every version (add recordsAt[N] with a new version)', () => {
    for (const { version } of schemaVersions)
      expect(recordsAt[version], `recordsAt[${version}]`).toBeTypeOf('function');
  });

  it('declare every table, and only tables that exist', () => {
    expect([...tablesAt(SCHEMA_VERSION)].sort()).toEqual([...TABLE_NAMES].sort());
    for (const version of schemaVersions)
      for (const table of Object.keys(version.stores)) expect(TABLE_NAMES).toContain(table);
  });

  it('the realistic data is valid under today’s lib/model schemas', () => {
    const data = realisticDataset();
    expect(data.sessions.length).toBeGreaterThan(200);
    expect(data.districtRecords.length).toBeGreaterThan(5);
    expect(profileSchema.parse(data.profile)).toEqual(data.profile);
    expect(settingsSchema.parse(data.settings)).toEqual(data.settings);
    const checks = [
      [calendarSchema, data.calendars],
      [studentSchema, data.students],
      [serviceSchema, data.services],
      [sessionEntrySchema, data.sessions],
      [letterSchema, data.letters],
      [districtImportSchema, data.districtImports],
      [districtRecordSchema, data.districtRecords],
    ] as const;
    for (const [schema, rows] of checks)
      for (const row of rows) expect((schema as typeof studentSchema).parse(row)).toEqual(row);
  });
});

for (const next of schemaVersions.slice(1)) {
  const previous = next.version - 1;
  describe(`upgrade from version ${previous} to ${next.version}`, () => {
    it('keeps every record, changed only as the upgrade says', async () => {
      const name = uniqueName(`v${next.version}`);
      const old = databaseAt(name, previous);
      await fill(old, recordsAt[previous]!());
      expect(old.verno).toBe(previous);
      old.close();

      const upgraded = databaseAt(name, next.version);
      await upgraded.open();
      expect(upgraded.verno).toBe(next.version);
      expect(await snapshotDatabase(upgraded as AdvocateDatabase)).toEqual(
        expectedSnapshot(recordsAt[next.version]!(), next.version),
      );
      const added = Object.keys(next.stores).filter((table) => !tablesAt(previous).has(table));
      // Tables the previous version's data left empty (district records before version 3) too.
      const leftEmpty = Object.entries(recordsAt[previous]!())
        .filter(([, rows]) => Array.isArray(rows) && rows.length === 0)
        .map(([table]) => table);
      await expectIndexesComplete(upgraded, [...added, ...leftEmpty]);
      await upgraded.delete();
    });
  });
}

describe('upgrade from version 1 to the current version in one step', () => {
  it('gives the same database as a fresh install with the same data', async () => {
    const name = uniqueName('all');
    const old = databaseAt(name, 1);
    await fill(old, recordsAt[1]!());
    old.close();

    const upgraded: AdvocateDatabase = openDatabase(name, fake);
    await upgraded.open();
    expect(upgraded.verno).toBe(SCHEMA_VERSION);

    const fresh = openDatabase(uniqueName('fresh'), fake);
    await fill(fresh, recordsAt[SCHEMA_VERSION]!());
    expect(await snapshotDatabase(upgraded)).toEqual(await snapshotDatabase(fresh));
    await expectIndexesComplete(upgraded, [
      'districtImports',
      'districtRecords',
      'districtMappings',
    ]);

    // The app's own reads work on the upgraded data.
    const maya = await upgraded.sessions
      .where('[studentId+date]')
      .between(['stu-maya', Dexie.minKey], ['stu-maya', Dexie.maxKey])
      .count();
    expect(maya).toBe(recordsAt[1]!().sessions.filter((s) => s.studentId === 'stu-maya').length);
    upgraded.close();
    fresh.close();
  });
});

describe('version 2: createdAt indexes', () => {
  it('count entries added after a time without reading the whole log', async () => {
    const name = uniqueName('created');
    const old = databaseAt(name, 1);
    const data = recordsAt[1]!();
    await fill(old, data);
    old.close();
    const db = openDatabase(name, fake);
    const cutoff = data.sessions[100]!.createdAt;
    expect(await db.sessions.where('createdAt').above(cutoff).count()).toBe(
      data.sessions.filter((s) => s.createdAt > cutoff).length,
    );
    expect(await db.letters.where('createdAt').above(0).count()).toBe(data.letters.length);
    db.close();
  });
});

describe('version 3: district records', () => {
  it("keep a family's records through the upgrade, then store district files apart from the log", async () => {
    const name = uniqueName('district');
    const old = databaseAt(name, 2);
    const data = realisticDataset();
    await fill(old, recordsAt[2]!());
    old.close();
    const db = openDatabase(name, fake);
    await db.open();
    expect(await db.sessions.count()).toBe(data.sessions.length);
    await db.transaction('rw', db.districtImports, db.districtRecords, async () => {
      await db.districtImports.bulkAdd(data.districtImports);
      await db.districtRecords.bulkAdd(data.districtRecords);
    });
    await expectIndexesComplete(db, ['districtMappings']);
    // The parent's log is untouched by district records.
    expect(await db.sessions.count()).toBe(data.sessions.length);
    expect(
      await db.districtRecords
        .where('[serviceId+date]')
        .between(['svc-maya-speech', Dexie.minKey], ['svc-maya-speech', Dexie.maxKey])
        .count(),
    ).toBe(data.districtRecords.length);
    await db.delete();
  });
});
