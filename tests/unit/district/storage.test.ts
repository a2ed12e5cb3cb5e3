import { describe, expect, it } from 'vitest';
import { exportBackup, importBackup, parseBackupText, serializeBackup } from '../../../lib/backup';
import {
  deleteDistrictImport,
  deleteService,
  deleteStudent,
  getDistrictMapping,
  listDistrictImports,
  listDistrictRecords,
  loadStudentData,
  saveDistrictImport,
} from '../../../lib/db';
import { fillDatabase, freshDatabase, realisticDataset } from '../backup-fixtures';

const leftOut = { otherStudent: 1, otherService: 0, notADate: 0, outsideIep: 0, badMinutes: 0 };
const fileImport = {
  id: 'imp-2',
  studentId: 'stu-maya',
  district: 'Lewistown Public Schools',
  fileName: 'October log.csv',
  importedAt: 1_800_000_000_000,
  rowsRead: 3,
  records: 2,
  leftOut,
};
const record = (id: string, date: string, serviceId = 'svc-maya-ot') => ({
  id,
  importId: 'imp-2',
  studentId: 'stu-maya',
  serviceId,
  date,
  outcome: 'delivered',
  minutesServed: 30,
  row: 1,
});

async function withData() {
  const db = freshDatabase();
  await fillDatabase(db, realisticDataset());
  return db;
}

describe('district records in the database', () => {
  it('stores an import with its records and the remembered choices, apart from the log', async () => {
    const db = await withData();
    const sessions = await db.sessions.count();
    await saveDistrictImport(
      db,
      fileImport,
      [record('r1', '2026-10-13'), record('r2', '2026-10-20')],
      {
        id: 'lewistown public schools',
        district: 'Lewistown Public Schools',
        columns: { date: 'date' },
        codes: { TX: 'delivered' },
        services: { ot: { serviceId: 'svc-maya-ot', kind: 'occupational', label: '' } },
        updatedAt: 1,
      },
    );
    expect((await listDistrictImports(db, 'stu-maya')).map((i) => i.id)).toEqual([
      'imp-2',
      'dimp-maya-speech',
    ]);
    expect(await listDistrictRecords(db, 'stu-maya')).toHaveLength(14);
    expect(await db.sessions.count()).toBe(sessions);
    expect((await getDistrictMapping(db, '  LEWISTOWN   public schools'))?.codes).toEqual({
      TX: 'delivered',
    });
  });

  it('refuses records of another student or service, and writes nothing', async () => {
    const db = await withData();
    await expect(
      saveDistrictImport(db, fileImport, [record('r1', '2026-10-13', 'svc-eli-counseling')]),
    ).rejects.toThrow(/not this child's/);
    await expect(
      saveDistrictImport(db, fileImport, [{ ...record('r1', '2026-10-13'), importId: 'other' }]),
    ).rejects.toThrow(/does not belong/);
    await expect(
      saveDistrictImport(db, fileImport, [{ ...record('r1', '2026-10-13'), date: '10/13/2026' }]),
    ).rejects.toThrow();
    expect(await db.districtImports.get('imp-2')).toBeUndefined();
    expect(await db.districtRecords.get('r1')).toBeUndefined();
  });

  it('deletes one import with its records only', async () => {
    const db = await withData();
    await saveDistrictImport(db, fileImport, [record('r1', '2026-10-13')]);
    await deleteDistrictImport(db, 'dimp-maya-speech');
    expect((await listDistrictRecords(db, 'stu-maya')).map((r) => r.id)).toEqual(['r1']);
    await deleteService(db, 'svc-maya-ot');
    expect(await listDistrictRecords(db, 'stu-maya')).toEqual([]);
    await deleteStudent(db, 'stu-maya');
    expect(await db.districtImports.count()).toBe(0);
  });

  it('goes into the backup and back; a backup from before district records imports fine', async () => {
    const db = await withData();
    const text = serializeBackup(await exportBackup(db, { now: 0 }));
    const parsed = parseBackupText(text);
    if (!parsed.ok) throw new Error('backup refused');
    expect(parsed.backup.data.districtRecords).toHaveLength(12);
    const copy = freshDatabase();
    expect((await importBackup(copy, parsed.backup, 'replace-all')).ok).toBe(true);
    expect(await copy.districtRecords.count()).toBe(12);

    const older = JSON.parse(text) as { data: Record<string, unknown> };
    delete older.data.districtImports;
    delete older.data.districtRecords;
    const old = parseBackupText(JSON.stringify(older));
    if (!old.ok) throw new Error('older backup refused');
    const fresh = freshDatabase();
    expect((await importBackup(fresh, old.backup, 'merge-skip')).ok).toBe(true);
    expect(await fresh.sessions.count()).toBe(realisticDataset().sessions.length);
    expect(await fresh.districtRecords.count()).toBe(0);
  });

  it('a backup whose district record points nowhere is refused', async () => {
    const db = await withData();
    const backup = await exportBackup(db, { now: 0 });
    backup.data.districtRecords[0]!.importId = 'missing';
    const result = await importBackup(freshDatabase(), backup, 'merge-skip');
    expect(result.ok ? [] : result.problems.map((p) => p.message)).toEqual([
      'Points to a district file that is not in the file or in this browser.',
    ]);
  });
});

describe('loadStudentData', () => {
  it("reads the student's district records and imports with the rest, for the drafts", async () => {
    const db = await withData();
    const before = (await loadStudentData(db, 'stu-maya'))!;
    expect(before.districtRecords).toEqual(await listDistrictRecords(db, 'stu-maya'));
    await saveDistrictImport(db, fileImport, [
      record('r2', '2026-10-20'),
      record('r1', '2026-10-13'),
    ]);
    const data = (await loadStudentData(db, 'stu-maya'))!;
    // Oldest first, as listDistrictRecords reads them; the parent's log is untouched.
    const ids = data.districtRecords.map((r) => r.id);
    expect(ids).toHaveLength(before.districtRecords.length + 2);
    expect(ids.indexOf('r1')).toBeLessThan(ids.indexOf('r2'));
    const dates = data.districtRecords.map((r) => r.date);
    expect(dates).toEqual([...dates].sort());
    expect(data.districtImports.map((i) => i.fileName)).toContain('October log.csv');
    expect(data.districtImports).toHaveLength(before.districtImports.length + 1);
    expect(data.sessions).toEqual(before.sessions);
  });
});
