import { describe, expect, it, vi } from 'vitest';
import {
  BACKUP_FORMAT,
  BACKUP_LIMITS,
  BACKUP_VERSION,
  backupFileName,
  backupSchema,
  backupVersions,
  exportBackup,
  importBackup,
  parseBackupText,
  previewImport,
  problemText,
  serializeBackup,
  upgradeBackupDocument,
  type BackupDocument,
  type BackupProblem,
} from '../../lib/backup';
import { getSettings } from '../../lib/db';
import type { SchemaVersion } from '../../lib/db/schema';
import {
  countRecords,
  fillDatabase,
  freshDatabase,
  realisticDataset,
  snapshotDatabase,
} from './backup-fixtures';

const NOW = Date.UTC(2027, 2, 15, 18, 30);

async function exportedRealistic() {
  const db = freshDatabase();
  await fillDatabase(db, realisticDataset());
  return { db, backup: await exportBackup(db, { now: NOW }) };
}

function parsedOrFail(text: string): BackupDocument {
  const result = parseBackupText(text);
  if (!result.ok) throw new Error(result.problems.map(problemText).join('\n'));
  return result.backup;
}

function problemsOf(text: string): string[] {
  const result = parseBackupText(text);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems.map(problemText);
}

/** A valid backup's JSON with one change made to its parsed form. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into any field
type Loose = Record<string, any>;

function mutated(backup: BackupDocument, change: (doc: Loose) => void): string {
  const doc = JSON.parse(serializeBackup(backup));
  change(doc);
  return JSON.stringify(doc);
}

describe('export', () => {
  it('writes every record, sorted by id, in the documented envelope', async () => {
    const data = realisticDataset();
    const { backup } = await exportedRealistic();
    expect(backup.format).toBe(BACKUP_FORMAT);
    expect(backup.version).toBe(BACKUP_VERSION);
    expect(backup.exportedAt).toBe('2027-03-15T18:30:00.000Z');
    expect(backupSchema.safeParse(backup).success).toBe(true);
    expect(backup.data.sessions).toHaveLength(data.sessions.length);
    expect(backup.data.settings).toEqual(data.settings);
    const ids = backup.data.sessions.map((s) => s.id);
    expect(ids).toEqual([...ids].sort());
  });

  it('one student: only their records, their calendar and your details; no settings', async () => {
    const { db } = await exportedRealistic();
    const backup = await exportBackup(db, { studentId: 'stu-eli', now: NOW });
    expect(backup.data.students.map((s) => s.id)).toEqual(['stu-eli']);
    expect(backup.data.calendars.map((c) => c.id)).toEqual(['cal-roundup-4day']);
    expect(new Set(backup.data.services.map((s) => s.studentId))).toEqual(new Set(['stu-eli']));
    expect(new Set(backup.data.sessions.map((s) => s.studentId))).toEqual(new Set(['stu-eli']));
    expect(backup.data.letters.map((l) => l.id)).toEqual(['let-pwn-eli']);
    expect(backup.data.settings).toBeUndefined();
    expect(backup.data.profile.parentName).toBe('Dana Whitfield');
    await expect(exportBackup(db, { studentId: 'nobody', now: NOW })).rejects.toThrow(
      /no longer in this browser/,
    );
  });

  it('names the file with the date, and a safe form of the student’s name', () => {
    expect(backupFileName('2027-03-15')).toBe('montana-iep-advocate-backup-2027-03-15.json');
    expect(backupFileName('2027-03-15', 'Zoë Ñúñez')).toBe(
      'montana-iep-advocate-backup-zoe-nunez-2027-03-15.json',
    );
    expect(backupFileName('2027-03-15', '<script>../../etc</script>')).toBe(
      'montana-iep-advocate-backup-script-etc-script-2027-03-15.json',
    );
    expect(backupFileName('2027-03-15', '🧒🏽')).toBe('montana-iep-advocate-backup-2027-03-15.json');
  });
});

describe('parse: the file as a whole', () => {
  it('accepts its own export', async () => {
    const { backup } = await exportedRealistic();
    expect(parsedOrFail(serializeBackup(backup))).toEqual(backup);
  });

  it('refuses what is not a backup, in plain words', () => {
    expect(problemsOf('')[0]).toMatch(/empty/);
    expect(problemsOf('{"format": "montana-iep-advocate-backup", ')[0]).toMatch(/not valid JSON/);
    expect(problemsOf('[1,2,3]')[0]).toMatch(/not a Montana IEP Advocate backup/);
    expect(problemsOf('"hello"')[0]).toMatch(/not a Montana IEP Advocate backup/);
    expect(problemsOf('{"format": "other-app", "version": 1, "data": {}}')[0]).toMatch(
      /not a Montana IEP Advocate backup/,
    );
  });

  it('asks for an update for a newer version, and refuses damaged version numbers', async () => {
    const { backup } = await exportedRealistic();
    const newer = problemsOf(mutated(backup, (doc) => (doc.version = BACKUP_VERSION + 1)));
    expect(newer[0]).toMatch(/newer release.*Update the extension/);
    for (const version of [0, -1, 1.5, '1', null, true])
      expect(problemsOf(mutated(backup, (doc) => (doc.version = version)))[0]).toMatch(
        /version number is missing or damaged/,
      );
    expect(problemsOf(mutated(backup, (doc) => delete doc.version))[0]).toMatch(/version/);
  });

  it('refuses prototype-pollution keys anywhere, and polluted nothing', async () => {
    const { backup } = await exportedRealistic();
    const text = serializeBackup(backup);
    const variants = [
      text.replace('"format"', '"__proto__": {"polluted": true}, "format"'),
      text.replace(
        '"parentName"',
        '"constructor": {"prototype": {"polluted": true}}, "parentName"',
      ),
      text.replace('"minutesDelivered"', '"__proto__": {"isAdmin": true}, "minutesDelivered"'),
      text.replace('"closures": [', '"closures": [{"prototype": 1}, '),
    ];
    for (const variant of variants) {
      expect(problemsOf(variant)[0]).toMatch(/field named "(__proto__|constructor|prototype)"/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('refuses deep nesting and huge lists before looking at records', async () => {
    const { backup } = await exportedRealistic();
    const deep = mutated(backup, (doc) => {
      let inner: unknown = 1;
      for (let i = 0; i < 40; i += 1) inner = [inner];
      doc.data.profile.phone = inner;
    });
    expect(problemsOf(deep)[0]).toMatch(/nested more than/);

    const huge = mutated(backup, (doc) => {
      doc.data.sessions = new Array(BACKUP_LIMITS.sessions + 1).fill(0);
    });
    const started = performance.now();
    const [message] = problemsOf(huge);
    expect(message).toBe(
      'Session log entries: The file has 250,001 session log entries; a backup can hold at most 250,000. It may be damaged or not made by this extension.',
    );
    // Refused by count, not by validating 250,001 records (a generous bound, not a benchmark).
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('parse: records, in plain words', () => {
  it('names the record, its date and the field', async () => {
    const { backup } = await exportedRealistic();
    const index = backup.data.sessions.findIndex((s) => s.status === 'delivered');
    const session = backup.data.sessions[index]!;
    const problems = problemsOf(
      mutated(backup, (doc) => (doc.data.sessions[index].minutesDelivered = -5)),
    );
    expect(problems).toEqual([
      `Session ${index + 1} (${session.date}), minutes delivered: Minutes cannot be negative.`,
    ]);
  });

  it('says what is missing or of the wrong kind', async () => {
    const { backup } = await exportedRealistic();
    const problems = problemsOf(
      mutated(backup, (doc) => {
        delete doc.data.students[0].name;
        doc.data.services[1].minutes = 'sixty';
        doc.data.calendars[0].weekdays = [1, 9];
        doc.data.sessions[2].date = '2026-02-30';
        doc.data.sessions[3].status = 'skipped';
        doc.data.letters[0].sentDate = 20261005;
        doc.data.profile.email = 'not an address';
        doc.data.settings.backupReminders = 'yes';
        doc.exportedAt = 'yesterday';
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'Student 1, name: Is missing.',
        'Service 2 (counseling), minutes: Must be a number.',
        'School calendar 1 (Lewistown 2026-27), school weekdays 2: Must be 7 or less.',
        `Session 3 (2026-02-30), date: Enter a real date (year-month-day).`,
        expect.stringMatching(
          /^Session 4 \(\d{4}-\d\d-\d\d\), status: Must be "delivered" or "partial" or "missed"\.$/,
        ),
        'Letter 1 (Missed speech-language sessions for May…), date sent: Must be text.',
        'Your details, e-mail: Enter an e-mail address like name@example.com.',
        'Settings, backup reminders: Must be true or false.',
        'The file, exported at: Must be a date and time like 2026-10-02T15:04:05Z.',
      ]),
    );
  });

  it('uses the schema’s own rules across fields', async () => {
    const { backup } = await exportedRealistic();
    const index = backup.data.sessions.findIndex((s) => s.status === 'partial');
    const [problem] = problemsOf(
      mutated(backup, (doc) => {
        const entry = doc.data.sessions[index];
        entry.minutesDelivered = entry.scheduledMinutes;
      }),
    );
    expect(problem).toMatch(
      /^Session \d+ \(.+\), minutes delivered: A partial session delivers fewer minutes than scheduled\.$/,
    );
  });

  it('refuses two records with the same id', async () => {
    const { backup } = await exportedRealistic();
    const problems = problemsOf(
      mutated(backup, (doc) => (doc.data.sessions[5].id = doc.data.sessions[1].id)),
    );
    expect(problems[0]).toMatch(/^Session 6 \(.+\), id: Is the same as session log entry 2's/);
  });

  it('shows hostile text from the file only as short, clean quotes', async () => {
    const { backup } = await exportedRealistic();
    const [problem] = problemsOf(
      mutated(backup, (doc) => {
        doc.data.students[0].name = '\u202E<img src=x onerror=alert(1)>' + 'A'.repeat(80);
        doc.data.students[0].createdAt = -1;
      }),
    );
    expect(problem).toBe(
      'Student 1 (<img src=x onerror=alert(1)>AAAAAAAAAAA…), created time: Must be 0 or more.',
    );
  });

  it('lists at most 50 problems, then how many more', async () => {
    const { backup } = await exportedRealistic();
    const problems = problemsOf(
      mutated(backup, (doc) => {
        for (const entry of doc.data.sessions) entry.scheduledMinutes = -1;
      }),
    );
    expect(problems).toHaveLength(51);
    expect(problems[50]).toMatch(/^The file: …and \d+ more problems\.$/);
  });
});

describe('older backup versions', () => {
  it('the version table ends at the version this release writes', () => {
    expect(backupVersions[backupVersions.length - 1]!.version).toBe(BACKUP_VERSION);
    expect(backupVersions[0]!.version).toBe(1);
  });

  it('upgrade through the database’s record upgrades (a made-up version 2)', () => {
    // A future schema version 3 that renames the session "note" to "notes", and backup version 2
    // whose files hold schema-3 records.
    const schema: SchemaVersion[] = [
      { version: 1, why: 'first', stores: {}, upgradeRecords: {} },
      { version: 2, why: 'index only', stores: {}, upgradeRecords: {} },
      {
        version: 3,
        why: 'rename',
        stores: {},
        upgradeRecords: {
          sessions: ({ note, ...rest }) => ({ ...rest, notes: note }),
        },
      },
    ];
    const versions = [
      { version: 1, schemaVersion: 1 },
      {
        version: 2,
        schemaVersion: 3,
        upgradeDocument: (doc: Record<string, unknown>) => ({ ...doc, app: 'added in v2' }),
      },
    ];
    const v1 = {
      format: BACKUP_FORMAT,
      version: 1,
      data: { sessions: [{ id: 'a', note: 'hello' }, 'garbage'], profile: { id: 'profile' } },
    };
    expect(upgradeBackupDocument(v1, versions, schema)).toEqual({
      format: BACKUP_FORMAT,
      version: 2,
      app: 'added in v2',
      data: { sessions: [{ id: 'a', notes: 'hello' }, 'garbage'], profile: { id: 'profile' } },
    });
    // A current file is returned as it is.
    const v2 = { ...v1, version: 2 };
    expect(upgradeBackupDocument(v2, versions, schema)).toBe(v2);
  });
});

describe('import', () => {
  it('into an empty browser: everything, with counts, and the first student chosen', async () => {
    const { backup } = await exportedRealistic();
    const target = freshDatabase();
    const preview = await previewImport(target, backup, 'merge-skip');
    expect(preview.ok && preview.preview.tables.sessions).toMatchObject({
      inFile: backup.data.sessions.length,
      new: backup.data.sessions.length,
      duplicates: 0,
    });
    expect(await countRecords(target)).toMatchObject({ sessions: 0, students: 0 });

    const result = await importBackup(target, backup, 'merge-skip');
    expect(result.ok).toBe(true);
    const again = await exportBackup(target, { now: NOW });
    expect({ ...again.data, settings: undefined }).toEqual({ ...backup.data, settings: undefined });
    expect((await getSettings(target)).currentStudentId).toBe('stu-maya');
    expect((await getSettings(target)).setupDone).toBe(true);
  });

  it('keeps a student’s IEP dates, and imports a file saved before there were any', async () => {
    const { backup } = await exportedRealistic();
    const text = serializeBackup(backup);
    const target = freshDatabase();
    expect((await importBackup(target, parsedOrFail(text), 'merge-skip')).ok).toBe(true);
    expect(await target.students.get('stu-maya')).toMatchObject({
      iepMeetingDate: '2026-08-20',
      iepStartDate: '2026-08-26',
      iepReviewDate: '2027-08-19',
    });
    // Eli has none: the file leaves the fields out, and they stay out.
    expect(JSON.parse(text).data.students[0]).not.toHaveProperty('iepStartDate');
    expect(await target.students.get('stu-eli')).not.toHaveProperty('iepStartDate');

    // A file from before the dates: the same version, students without the fields.
    const older = mutated(backup, (doc) => {
      for (const student of doc.data.students as Loose[]) {
        delete student.iepMeetingDate;
        delete student.iepStartDate;
        delete student.iepReviewDate;
      }
    });
    const fresh = freshDatabase();
    expect((await importBackup(fresh, parsedOrFail(older), 'merge-skip')).ok).toBe(true);
    const maya = await fresh.students.get('stu-maya');
    expect(maya?.name).toBe('Maya Whitfield');
    expect(maya).not.toHaveProperty('iepMeetingDate');
    // A date that is not a calendar date is refused, naming the field.
    const broken = mutated(backup, (doc) => {
      (doc.data.students as Loose[])[1]!.iepReviewDate = '2027-02-30';
    });
    expect(problemsOf(broken)).toEqual([
      'Student 2 (Maya Whitfield), annual review date: Enter a real date (year-month-day).',
    ]);
  });

  it('merge, keeping what is here: duplicates are counted and left alone', async () => {
    const { db, backup } = await exportedRealistic();
    const changed = JSON.parse(serializeBackup(backup)) as BackupDocument;
    changed.data.sessions[0]!.note = 'Edited in the file';
    changed.data.sessions.push({ ...changed.data.sessions[1]!, id: 'brand-new-entry' });
    const before = await snapshotDatabase(db);

    const result = await importBackup(db, changed, 'merge-skip');
    expect(result.ok && result.preview.tables.sessions).toEqual({
      inFile: backup.data.sessions.length + 1,
      new: 1,
      duplicates: backup.data.sessions.length,
      different: 1,
      replaced: 0,
      kept: backup.data.sessions.length,
      removed: 0,
    });
    const after = await snapshotDatabase(db);
    expect(after.sessions).toHaveLength(before.sessions!.length + 1);
    expect(await db.sessions.get(backup.data.sessions[0]!.id)).toEqual(backup.data.sessions[0]);
  });

  it('merge, using the file’s version: duplicates are replaced', async () => {
    const { db, backup } = await exportedRealistic();
    const changed = JSON.parse(serializeBackup(backup)) as BackupDocument;
    changed.data.sessions[0]!.note = 'Edited in the file';
    const result = await importBackup(db, changed, 'merge-replace');
    expect(result.ok && result.preview.tables.sessions).toMatchObject({
      new: 0,
      duplicates: backup.data.sessions.length,
      different: 1,
      replaced: backup.data.sessions.length,
    });
    expect((await db.sessions.get(changed.data.sessions[0]!.id))?.note).toBe('Edited in the file');
  });

  it('replace all: removes what is here and leaves exactly the file', async () => {
    const { db } = await exportedRealistic();
    const other = freshDatabase();
    await fillDatabase(other, realisticDataset({ seed: 99, until: '2026-10-01' }));
    const small = await exportBackup(other, { studentId: 'stu-eli', now: NOW });
    const before = await countRecords(db);

    const result = await importBackup(db, small, 'replace-all');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.preview.tables.sessions.removed).toBe(before.sessions);
    expect(result.preview.removed).toBe(
      before.sessions! +
        before.students! +
        before.calendars! +
        before.services! +
        before.letters! +
        before.districtImports! +
        before.districtRecords! +
        1,
    );
    expect(await db.students.toArray()).toEqual(small.data.students);
    expect(await db.sessions.count()).toBe(small.data.sessions.length);
    // This browser's settings stay, pointing at a student that exists.
    expect((await getSettings(db)).currentStudentId).toBe('stu-eli');
  });

  it('resolves references against this browser when merging', async () => {
    const { db } = await exportedRealistic();
    const onlyNewEntries: BackupDocument = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date(NOW).toISOString(),
      data: {
        ...realisticDataset(),
        settings: undefined,
        calendars: [],
        students: [],
        services: [],
        letters: [],
        districtImports: [],
        districtRecords: [],
        sessions: [
          {
            ...realisticDataset().sessions[0]!,
            id: 'only-the-session',
          },
        ],
      },
    };
    expect((await importBackup(db, onlyNewEntries, 'merge-skip')).ok).toBe(true);
    const empty = freshDatabase();
    const refused = await importBackup(empty, onlyNewEntries, 'merge-skip');
    expect(refused.ok ? [] : refused.problems.map(problemText)).toEqual([
      `Session 1 (${onlyNewEntries.data.sessions[0]!.date}), service: Points to a service that is not in the file or in this browser.`,
    ]);
    const alsoRefused = await importBackup(db, onlyNewEntries, 'replace-all');
    expect(alsoRefused.ok ? [] : alsoRefused.problems.map(problemText)[0]).toMatch(
      /Points to a service that is not in the file\.$/,
    );
  });

  it('refuses broken references with the record and field, and writes nothing', async () => {
    const { db, backup } = await exportedRealistic();
    const broken = JSON.parse(serializeBackup(backup)) as BackupDocument;
    broken.data.students[1]!.calendarId = 'no-such-calendar';
    broken.data.services[0]!.studentId = 'no-such-student';
    const fifth = broken.data.sessions[4]!;
    fifth.studentId = fifth.studentId === 'stu-eli' ? 'stu-maya' : 'stu-eli';
    broken.data.letters[2]!.studentId = 'gone';
    broken.data.settings!.currentStudentId = 'gone-too';
    const before = await snapshotDatabase(db);
    for (const mode of ['merge-skip', 'merge-replace', 'replace-all'] as const) {
      const result = await importBackup(db, broken, mode);
      const lines = result.ok ? [] : result.problems.map(problemText);
      expect(lines).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /^Student 2 \(Maya Whitfield\), school calendar: Points to a school calendar that is not in the file/,
          ),
          expect.stringMatching(/^Service 1 \(.+\), student: Points to a student that is not/),
          expect.stringMatching(
            /^Session 5 \(.+\), student: Is not the student its service belongs to\.$/,
          ),
          expect.stringMatching(/^Letter 3 \(.+\), student: Points to a student/),
        ]),
      );
      if (mode === 'replace-all')
        expect(lines).toContain(
          'Settings, current student: Points to a student that is not in the file.',
        );
      expect(await snapshotDatabase(db)).toEqual(before);
    }
  });

  it('refuses a service that changes student, which would mix up its log', async () => {
    const { db, backup } = await exportedRealistic();
    const moved = JSON.parse(serializeBackup(backup)) as BackupDocument;
    moved.data.services = moved.data.services.map((s) =>
      s.id === 'svc-eli-at' ? { ...s, studentId: 'stu-maya' } : s,
    );
    moved.data.sessions = moved.data.sessions.filter((s) => s.serviceId !== 'svc-eli-at');
    const result = await importBackup(db, moved, 'merge-replace');
    expect(result.ok ? [] : result.problems.map(problemText)).toEqual([
      expect.stringMatching(
        /^Service \d+ \(Assistive technology consult\), student: Belongs to a different student here/,
      ),
    ]);
  });

  it('is one transaction: a failure while writing leaves everything as it was', async () => {
    const { db, backup } = await exportedRealistic();
    const before = await snapshotDatabase(db);
    const other = JSON.parse(serializeBackup(backup)) as BackupDocument;
    other.data.sessions.push({ ...other.data.sessions[0]!, id: 'one-more' });
    // The last table's write fails after the others were written inside the transaction.
    for (const mode of ['merge-replace', 'replace-all'] as const) {
      vi.spyOn(db.letters, 'bulkPut').mockRejectedValueOnce(new Error('QuotaExceededError'));
      const result = await importBackup(db, other, mode);
      expect(result.ok ? [] : result.problems.map(problemText)).toEqual([
        'The file: Nothing was imported: the browser could not save it (QuotaExceededError).',
      ]);
      expect(await snapshotDatabase(db)).toEqual(before);
    }
  });

  it('imports the file’s settings on a full replace-all', async () => {
    const { backup } = await exportedRealistic();
    const target = freshDatabase();
    await importBackup(target, backup, 'replace-all');
    expect(await getSettings(target)).toEqual(backup.data.settings);
  });
});

describe('problem text', () => {
  it('reads as one line', () => {
    const problem: BackupProblem = {
      where: 'Session 12 (2026-10-02)',
      field: 'minutes delivered',
      message: 'Must be 0 or more.',
    };
    expect(problemText(problem)).toBe(
      'Session 12 (2026-10-02), minutes delivered: Must be 0 or more.',
    );
    expect(problemText({ where: 'The file', message: 'It is empty.' })).toBe(
      'The file: It is empty.',
    );
  });
});
