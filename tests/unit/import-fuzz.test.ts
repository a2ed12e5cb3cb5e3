/**
 * Import fuzzing: more than 1,000 malformed or hostile backups, generated deterministically from
 * a valid one (whose every text is from the hostile-strings corpus), each imported into a
 * database that already holds a family's records. Every one must be refused with a message, and
 * the database must be exactly as it was (counted after each attempt, compared in full at the
 * end): zero partial writes.
 *
 * Then property tests (fast-check): random JSON never crashes the reader, and export → import →
 * export is identical for random valid datasets.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BACKUP_LIMITS,
  BACKUP_TABLES,
  IMPORT_MODES,
  exportBackup,
  importBackup,
  parseBackupText,
  parseBackupValue,
  problemText,
  serializeBackup,
  type BackupDocument,
  type ImportMode,
} from '../../lib/backup';
import type { AdvocateDatabase } from '../../lib/db';
import { fromDayNumber, toDayNumber } from '../../lib/dates';
import {
  DISTRICT_OUTCOMES,
  districtImportSchema,
  districtRecordSchema,
  MISSED_REASONS,
  SERVICE_KINDS,
  calendarSchema,
  letterSchema,
  profileSchema,
  serviceSchema,
  sessionEntrySchema,
  settingsSchema,
  studentSchema,
} from '../../lib/model';
import { hostileStrings } from '../fixtures/xss/corpus';
import { hostileDataset } from '../fixtures/xss/dataset';
import {
  countRecords,
  fillDatabase,
  freshDatabase,
  realisticDataset,
  seededRandom,
  snapshotDatabase,
} from './backup-fixtures';

const NOW = Date.UTC(2027, 0, 10, 9);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fuzzing reaches into any field
type Loose = any;

interface BadBackup {
  family: string;
  text: string;
  mode: ImportMode;
}

/** Fields whose value may be null: null is not a wrong type for them. */
const NULLABLE = new Set([
  'sessionsPerPeriod',
  'minutesServed',
  'lastBackupAt',
  'currentStudentId',
  'reason',
  'sentDate',
  'method',
  'requestedResponseDate',
  'responseDate',
]);
const NULLABLE_NUMBER = new Set(['sessionsPerPeriod', 'lastBackupAt', 'minutesServed']);

/** Required fields (no default), per part of the file. */
const REQUIRED: Record<string, string[]> = {
  envelope: ['format', 'version', 'exportedAt', 'data'],
  data: ['profile', 'calendars', 'students', 'services', 'sessions', 'letters'],
  profile: [
    'id',
    'parentName',
    'email',
    'phone',
    'address',
    'district',
    'directorName',
    'directorEmail',
  ],
  settings: ['id'],
  calendars: ['id', 'name', 'firstDay', 'lastDay', 'weekdays', 'closures'],
  students: ['id', 'name', 'school', 'district', 'grade', 'calendarId', 'createdAt'],
  services: ['id', 'studentId', 'kind', 'minutes', 'period', 'startDate', 'endDate'],
  sessions: [
    'id',
    'studentId',
    'serviceId',
    'date',
    'status',
    'minutesDelivered',
    'scheduledMinutes',
    'createdAt',
  ],
  letters: ['id', 'studentId', 'kind', 'subject', 'status', 'createdAt'],
  districtImports: ['id', 'studentId', 'fileName', 'importedAt', 'rowsRead', 'records', 'leftOut'],
  districtRecords: [
    'id',
    'importId',
    'studentId',
    'serviceId',
    'date',
    'outcome',
    'minutesServed',
    'row',
  ],
};

/** Values of another JSON type than `current`, none of which the field accepts. */
function wrongTypes(field: string, current: unknown): unknown[] {
  const others: unknown[] = [];
  if (typeof current !== 'string' && !(current === null && !NULLABLE_NUMBER.has(field)))
    others.push('60', 'true', '');
  if (typeof current !== 'number' && !(current === null && NULLABLE_NUMBER.has(field)))
    others.push(60, -1, 1e308);
  if (typeof current !== 'boolean') others.push(true, false);
  if (!NULLABLE.has(field)) others.push(null);
  others.push([], [current], {}, { $ne: 1 }, { value: current });
  return others;
}

/** The parts of a document a mutation can reach: envelope, data, profile, settings, records. */
function targets(doc: Loose): { part: string; object: Loose }[] {
  const list = [
    { part: 'envelope', object: doc },
    { part: 'data', object: doc.data },
    { part: 'profile', object: doc.data.profile },
    { part: 'settings', object: doc.data.settings },
  ];
  for (const table of BACKUP_TABLES)
    for (const record of doc.data[table]) list.push({ part: table, object: record });
  return list;
}

function generateBadBackups(base: BackupDocument): BadBackup[] {
  const random = seededRandom(2026);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const mode = () => pick(IMPORT_MODES);
  const baseText = serializeBackup(base);
  const clone = (): Loose => JSON.parse(baseText);
  const cases: BadBackup[] = [];
  const add = (family: string, doc: Loose, forcedMode?: ImportMode) =>
    cases.push({ family, text: JSON.stringify(doc), mode: forcedMode ?? mode() });

  // Wrong types: any field of any part gets a value of another JSON type.
  for (let n = 0; n < 320; n += 1) {
    const doc = clone();
    const { object } = pick(targets(doc));
    const field = pick(Object.keys(object));
    object[field] = pick(wrongTypes(field, object[field]));
    add('wrong type', doc);
  }

  // Missing required fields.
  for (const [part, fields] of Object.entries(REQUIRED)) {
    for (const field of fields) {
      for (let n = 0; n < 4; n += 1) {
        const doc = clone();
        const candidates = targets(doc).filter((t) => t.part === part);
        delete pick(candidates).object[field];
        add('missing field', doc);
      }
    }
  }

  // Values of the right type that break a rule.
  const outOfRange: [string, string, unknown][] = [
    ['services', 'minutes', 0],
    ['services', 'minutes', -30],
    ['services', 'minutes', 10_001],
    ['services', 'minutes', 1.5],
    ['services', 'sessionsPerPeriod', 0],
    ['services', 'kind', 'massage'],
    ['services', 'period', 'year'],
    ['services', 'delivery', 'telepathy'],
    ['services', 'startDate', '2027-13-01'],
    ['services', 'endDate', '2020-01-01'],
    ['sessions', 'minutesDelivered', -1],
    ['sessions', 'minutesDelivered', 1441],
    ['sessions', 'scheduledMinutes', -5],
    ['sessions', 'date', '2026-02-30'],
    ['sessions', 'date', '10/02/2026'],
    ['sessions', 'date', ''],
    ['sessions', 'status', 'cancelled'],
    ['sessions', 'reason', 'aliens'],
    ['sessions', 'note', 'n'.repeat(2001)],
    ['sessions', 'createdAt', -1],
    ['sessions', 'createdAt', 1.25],
    ['students', 'name', '   '],
    ['students', 'name', 'N'.repeat(121)],
    ['students', 'grade', 'g'.repeat(41)],
    ['students', 'calendarId', ''],
    ['students', 'id', 'i'.repeat(65)],
    ['calendars', 'weekdays', []],
    ['calendars', 'weekdays', [0]],
    ['calendars', 'weekdays', [1, 8]],
    ['calendars', 'firstDay', '2027-09-01'],
    ['calendars', 'closures', [{ start: '2026-12-02', end: '2026-12-01', label: 'x' }]],
    [
      'calendars',
      'closures',
      new Array(501).fill({ start: '2026-12-01', end: '2026-12-01', label: 'x' }),
    ],
    ['letters', 'status', 'lost'],
    ['letters', 'method', 'pigeon'],
    ['letters', 'sentDate', '2026-10-32'],
    ['letters', 'subject', 's'.repeat(301)],
    ['letters', 'kind', ''],
    ['profile', 'email', 'not-an-address'],
    ['profile', 'directorEmail', 'director@'],
    ['profile', 'id', 'profile2'],
    ['settings', 'id', 'preferences'],
    ['settings', 'lastBackupAt', -10],
    ['envelope', 'exportedAt', 'yesterday'],
    ['envelope', 'exportedAt', '2027-01-10'],
  ];
  for (const [part, field, value] of outOfRange) {
    for (let n = 0; n < 4; n += 1) {
      const doc = clone();
      const target = pick(targets(doc).filter((t) => t.part === part));
      if (part === 'calendars' && field === 'firstDay') target.object.lastDay = '2027-05-28';
      target.object[field] = value;
      add('rule broken', doc);
    }
  }
  // Cross-field rules.
  for (let n = 0; n < 30; n += 1) {
    const doc = clone();
    const session = pick(doc.data.sessions as Loose[]);
    const rule = n % 3;
    if (rule === 0)
      Object.assign(session, { status: 'missed', minutesDelivered: 5, reason: 'other' });
    if (rule === 1)
      Object.assign(session, {
        status: 'partial',
        minutesDelivered: session.scheduledMinutes,
        reason: 'other',
      });
    if (rule === 2)
      Object.assign(session, {
        status: 'partial',
        minutesDelivered: 1,
        scheduledMinutes: 30,
        reason: null,
      });
    add('rule broken', doc);
  }

  // Lists over their limits (refused by count, before records are read).
  for (const table of BACKUP_TABLES) {
    for (const over of [1, 2, BACKUP_LIMITS[table]]) {
      const doc = clone();
      doc.data[table] = new Array(BACKUP_LIMITS[table] + over).fill({ id: 'x' });
      add('huge list', doc);
    }
  }

  // Prototype-pollution keys, as own keys anywhere (JSON.parse makes "__proto__" an own key).
  for (let n = 0; n < 150; n += 1) {
    const doc = clone();
    const { object } = pick(targets(doc));
    const key = pick(['__proto__', 'constructor', 'prototype']);
    const payload = pick<unknown>([
      { polluted: true },
      { prototype: { polluted: true } },
      'x',
      1,
      null,
    ]);
    Object.defineProperty(object, key, {
      value: payload,
      enumerable: true,
      configurable: true,
      writable: true,
    });
    add('pollution key', doc);
  }

  // Wrong format or version.
  for (const version of [
    0,
    -1,
    2,
    3,
    99,
    1.5,
    '1',
    '2',
    null,
    true,
    [],
    {},
    1e9,
    Number.MAX_SAFE_INTEGER,
  ]) {
    for (let n = 0; n < 3; n += 1) add('wrong version', { ...clone(), version });
  }
  for (let n = 0; n < 3; n += 1) {
    const { version: _version, ...noVersion } = clone();
    add('wrong version', noVersion);
  }
  for (const format of [
    '',
    'montana-iep-advocate',
    'MONTANA-IEP-ADVOCATE-BACKUP',
    'montana-iep-advocate-backup ',
    null,
    1,
    [],
    {},
    'other-app-backup',
  ]) {
    for (let n = 0; n < 3; n += 1) add('wrong format', { ...clone(), format });
  }

  // Broken references: to records neither in the file nor in the database.
  for (let n = 0; n < 150; n += 1) {
    const doc = clone();
    const kind = n % 6;
    const missing = `missing-${n}`;
    if (kind === 0) pick(doc.data.services as Loose[]).studentId = missing;
    if (kind === 1) pick(doc.data.sessions as Loose[]).serviceId = missing;
    if (kind === 2) pick(doc.data.students as Loose[]).calendarId = missing;
    if (kind === 3) pick(doc.data.letters as Loose[]).studentId = missing;
    if (kind === 4) {
      // A session filed under another student than its service's.
      const session = pick(doc.data.sessions as Loose[]);
      session.studentId = pick(
        (doc.data.students as Loose[]).filter((s) => s.id !== session.studentId),
      ).id;
    }
    if (kind === 5) {
      doc.data.settings.currentStudentId = missing;
      add('broken reference', doc, 'replace-all');
      continue;
    }
    add('broken reference', doc);
  }

  // Duplicate ids inside one list.
  for (let n = 0; n < 60; n += 1) {
    const doc = clone();
    const table = pick(BACKUP_TABLES.filter((t) => doc.data[t].length > 1));
    const rows = doc.data[table] as Loose[];
    rows[rows.length - 1].id = rows[0].id;
    add('duplicate id', doc);
  }

  // Not JSON, or not the right shape at all.
  for (let n = 0; n < 40; n += 1) {
    const cut = 1 + Math.floor(random() * (baseText.length - 2));
    cases.push({ family: 'damaged file', text: baseText.slice(0, cut), mode: mode() });
  }
  for (const text of [
    '',
    '   ',
    'null',
    'true',
    '42',
    '"backup"',
    '[]',
    '[{}]',
    '{}',
    'undefined',
    '<html></html>',
    'format,version\nmontana-iep-advocate-backup,1',
    '\uFEFF',
    '{"format":"montana-iep-advocate-backup","version":1}',
  ]) {
    cases.push({ family: 'not a backup', text, mode: mode() });
  }
  for (const shape of [[], 'data', 7, null]) add('not a backup', { ...clone(), data: shape });
  for (const table of BACKUP_TABLES) {
    for (const shape of [{}, { 0: {} }, 'rows', 3]) {
      const doc = clone();
      doc.data[table] = shape;
      add('not a backup', doc);
    }
  }

  // Deep nesting anywhere.
  for (let n = 0; n < 20; n += 1) {
    const doc = clone();
    let inner: unknown = 'deep';
    for (let d = 0; d < 20 + n * 50; d += 1) inner = n % 2 ? [inner] : { x: inner };
    pick(targets(doc)).object.extra = inner;
    add('deep nesting', doc);
  }
  return cases;
}

describe('import fuzzing', () => {
  let db: AdvocateDatabase;
  let base: BackupDocument;
  let before: Record<string, unknown[]>;
  const tally = { tried: 0, rejected: 0, partialWrites: 0 };
  const families = new Map<string, number>();

  beforeAll(async () => {
    const source = freshDatabase();
    const small = hostileDataset({ entries: hostileStrings().slice(0, 60) });
    await fillDatabase(source, small);
    base = await exportBackup(source, { now: NOW });
    db = freshDatabase();
    await fillDatabase(db, realisticDataset({ until: '2026-11-20' }));
    before = await snapshotDatabase(db);
  });

  afterAll(() => {
    console.log(
      `import fuzz: ${tally.tried} bad backups tried, ${tally.rejected} rejected with a message, partial writes: ${tally.partialWrites}\n` +
        [...families].map(([family, n]) => `  ${family}: ${n}`).join('\n'),
    );
  });

  it('the base backup is valid and imports (so each bad one is bad because of its change)', async () => {
    const parsed = parseBackupText(serializeBackup(base));
    expect(parsed.ok).toBe(true);
    const scratch = freshDatabase();
    await fillDatabase(scratch, realisticDataset({ until: '2026-11-20' }));
    for (const mode of IMPORT_MODES) {
      if (parsed.ok) expect((await importBackup(scratch, parsed.backup, mode)).ok).toBe(true);
    }
  });

  it('refuses more than 1,000 bad backups with a message, and never writes part of one', async () => {
    const cases = generateBadBackups(base);
    expect(cases.length).toBeGreaterThan(1_000);
    const countsBefore = await countRecords(db);
    for (const bad of cases) {
      tally.tried += 1;
      families.set(bad.family, (families.get(bad.family) ?? 0) + 1);
      const parsed = parseBackupText(bad.text);
      const result = parsed.ok ? await importBackup(db, parsed.backup, bad.mode) : parsed;
      if (result.ok)
        throw new Error(`Accepted a bad backup (${bad.family}): ${bad.text.slice(0, 300)}`);
      expect(result.problems.length).toBeGreaterThan(0);
      for (const problem of result.problems)
        expect(problemText(problem)).toMatch(/[A-Za-z]{3}.*\./);
      tally.rejected += 1;
      const countsAfter = await countRecords(db);
      if (JSON.stringify(countsAfter) !== JSON.stringify(countsBefore)) tally.partialWrites += 1;
    }
    expect(tally.partialWrites).toBe(0);
    expect(await snapshotDatabase(db)).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 120_000);

  it('never crashes on random JSON, and refuses it', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parseBackupValue(value);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 500, seed: 11 },
    );
  });

  it('never crashes on random changes to a valid backup; a refused import writes nothing', async () => {
    const baseText = serializeBackup(base);
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.nat(),
        fc.jsonValue({ maxDepth: 3 }),
        fc.constantFrom(...IMPORT_MODES),
        async (targetSeed, fieldSeed, value, mode) => {
          const doc: Loose = JSON.parse(baseText);
          const all = targets(doc);
          const { object } = all[targetSeed % all.length]!;
          const keys = Object.keys(object);
          object[keys[fieldSeed % keys.length]!] = value;
          const parsed = parseBackupValue(doc);
          if (!parsed.ok) {
            refused += 1;
            expect(parsed.problems.length).toBeGreaterThan(0);
            return;
          }
          // It may be a valid change (a different name, say): import into a scratch database.
          const scratch = freshDatabase();
          const result = await importBackup(scratch, parsed.backup, mode);
          if (!result.ok) {
            refused += 1;
            expect(Object.values(await countRecords(scratch)).every((n) => n === 0)).toBe(true);
          }
          await scratch.delete();
        },
      ),
      { numRuns: 200, seed: 12 },
    );
    expect(refused).toBeGreaterThan(100);
  }, 60_000);
});

// ------------------------------------------------------------------ export → import → export

const text = (max: number) =>
  fc
    .oneof(
      fc.string({ maxLength: Math.min(max, 40), unit: 'grapheme' }),
      fc.constantFrom(...hostileStrings().map((h) => h.text)),
    )
    .map((s) => s.trim().slice(0, max).trim());
const requiredText = (max: number) => text(max).map((s) => s || 'x');
const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,24}$/);
const day = fc.integer({ min: toDayNumber('2024-01-01'), max: toDayNumber('2028-12-31') });
const time = fc.integer({ min: 0, max: 4_102_444_800_000 });

const datasetArbitrary = fc
  .record({
    calendarCount: fc.integer({ min: 1, max: 3 }),
    studentCount: fc.integer({ min: 0, max: 4 }),
    ids: fc.uniqueArray(id, { minLength: 60, maxLength: 60 }),
    seed: fc.integer(),
    names: fc.array(requiredText(120), { minLength: 60, maxLength: 60 }),
    notes: fc.array(text(2000), { minLength: 60, maxLength: 60 }),
    days: fc.array(day, { minLength: 60, maxLength: 60 }),
    times: fc.array(time, { minLength: 60, maxLength: 60 }),
    profile: fc.record({ parentName: text(200), address: text(400), district: text(200) }),
    reminders: fc.boolean(),
    lastBackupAt: fc.option(time, { nil: null }),
  })
  .map((r) => {
    const random = seededRandom(r.seed);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    let i = 0;
    const nextId = () => r.ids[i++ % r.ids.length]!;
    const name = () => r.names[Math.floor(random() * r.names.length)]!;
    const date = () => fromDayNumber(pick(r.days));
    const calendars = Array.from({ length: r.calendarCount }, () => {
      const [a, b] = [date(), date()].sort();
      return calendarSchema.parse({
        id: nextId(),
        name: name().slice(0, 100),
        firstDay: a,
        lastDay: b,
        weekdays: [1, 2, 3, 4, 5]
          .filter(() => random() < 0.8)
          .concat([1])
          .filter((v, k, all) => all.indexOf(v) === k),
        closures: [{ start: a, end: a, label: name().slice(0, 100) }],
      });
    });
    const students = Array.from({ length: r.studentCount }, () =>
      studentSchema.parse({
        id: nextId(),
        name: name(),
        school: name(),
        district: name(),
        grade: name().slice(0, 40),
        homeAddress: name(),
        calendarId: pick(calendars).id,
        createdAt: pick(r.times),
      }),
    );
    const services = students.flatMap((student) =>
      Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
        const [start, end] = [date(), date()].sort();
        return serviceSchema.parse({
          id: nextId(),
          studentId: student.id,
          kind: pick(SERVICE_KINDS),
          label: name(),
          minutes: 1 + Math.floor(random() * 600),
          period: pick(['day', 'week', 'month'] as const),
          sessionsPerPeriod: random() < 0.5 ? null : 1 + Math.floor(random() * 5),
          provider: name(),
          location: name(),
          delivery: pick(['direct', 'consult'] as const),
          startDate: start,
          endDate: end,
          prorate: random() < 0.5,
        });
      }),
    );
    const sessions = services.flatMap((service) =>
      Array.from({ length: Math.floor(random() * 6) }, () => {
        const status = pick(['delivered', 'partial', 'missed'] as const);
        const scheduled = 1 + Math.floor(random() * 120);
        return sessionEntrySchema.parse({
          id: nextId(),
          studentId: service.studentId,
          serviceId: service.id,
          date: date(),
          status,
          scheduledMinutes: scheduled,
          minutesDelivered:
            status === 'missed'
              ? 0
              : status === 'partial'
                ? Math.floor(random() * scheduled)
                : scheduled,
          reason: status === 'delivered' ? null : pick(MISSED_REASONS),
          makeUp: random() < 0.2,
          note: pick(r.notes),
          createdAt: pick(r.times),
        });
      }),
    );
    const letters = students.map((student) =>
      letterSchema.parse({
        id: nextId(),
        studentId: student.id,
        kind: 'service-concern',
        subject: name(),
        status: pick(['draft', 'sent'] as const),
        createdAt: pick(r.times),
        sentDate: random() < 0.5 ? date() : null,
        notes: pick(r.notes),
        bodyHtml: pick(r.notes),
      }),
    );
    const districtImports = students.map((student) =>
      districtImportSchema.parse({
        id: nextId(),
        studentId: student.id,
        district: name(),
        fileName: name(),
        importedAt: pick(r.times),
        rowsRead: Math.floor(random() * 50),
        records: Math.floor(random() * 50),
        leftOut: {
          otherStudent: Math.floor(random() * 5),
          otherService: 0,
          notADate: 0,
          outsideIep: 0,
          badMinutes: 0,
        },
      }),
    );
    const districtRecords = services.flatMap((service) => {
      const fileImport = districtImports.find((d) => d.studentId === service.studentId)!;
      return Array.from({ length: Math.floor(random() * 4) }, (_, row) =>
        districtRecordSchema.parse({
          id: nextId(),
          importId: fileImport.id,
          studentId: service.studentId,
          serviceId: service.id,
          date: date(),
          outcome: pick(DISTRICT_OUTCOMES),
          minutesServed: random() < 0.3 ? null : Math.floor(random() * 120),
          code: name().slice(0, 100),
          note: pick(r.notes),
          row: row + 1,
        }),
      );
    });
    // Ids are reused when there are more records than ids; keep the first of each.
    const unique = <T extends { id: string }>(rows: T[]) =>
      rows.filter((row, k) => rows.findIndex((o) => o.id === row.id) === k);
    const data = {
      profile: profileSchema.parse({
        id: 'profile',
        ...r.profile,
        email: '',
        phone: '',
        directorName: '',
        directorEmail: '',
      }),
      settings: settingsSchema.parse({
        id: 'settings',
        currentStudentId: students[0]?.id ?? null,
        setupDone: students.length > 0,
        lastBackupAt: r.lastBackupAt,
        backupReminders: r.reminders,
      }),
      calendars: unique(calendars),
      students: unique(students),
      services: unique(services),
      sessions: unique(sessions),
      letters: unique(letters),
      districtImports: unique(districtImports),
      districtRecords: unique(districtRecords),
    };
    return data;
  })
  // A reused id can leave a record pointing at one that was dropped; such datasets are not valid.
  .filter((data) => {
    const calendars = new Set(data.calendars.map((c) => c.id));
    const students = new Map(data.students.map((s) => [s.id, s]));
    const services = new Map(data.services.map((s) => [s.id, s]));
    return (
      data.students.every((s) => calendars.has(s.calendarId)) &&
      data.services.every((s) => students.has(s.studentId)) &&
      data.sessions.every((s) => services.get(s.serviceId)?.studentId === s.studentId) &&
      data.letters.every((l) => students.has(l.studentId)) &&
      data.districtImports.every((d) => students.has(d.studentId)) &&
      data.districtRecords.every(
        (d) =>
          services.get(d.serviceId)?.studentId === d.studentId &&
          data.districtImports.some((i) => i.id === d.importId),
      ) &&
      (data.settings.currentStudentId === null || students.has(data.settings.currentStudentId))
    );
  });

describe('export → import → export', () => {
  it('is identical for random valid datasets (every mode, into an empty browser)', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(datasetArbitrary, fc.constantFrom(...IMPORT_MODES), async (data, mode) => {
        runs += 1;
        const source = freshDatabase();
        await fillDatabase(source, data);
        const first = serializeBackup(await exportBackup(source, { now: NOW }));

        const parsed = parseBackupText(first);
        if (!parsed.ok) throw new Error(parsed.problems.map(problemText).join('\n'));
        const target = freshDatabase();
        const result = await importBackup(target, parsed.backup, mode);
        if (!result.ok) throw new Error(result.problems.map(problemText).join('\n'));
        const second = await exportBackup(target, { now: NOW });
        if (mode === 'replace-all') expect(serializeBackup(second)).toBe(first);
        else {
          // Merging keeps this browser's settings; everything else is the file.
          const { settings: _a, ...secondData } = second.data;
          const { settings: _b, ...firstData } = parsed.backup.data;
          expect(secondData).toEqual(firstData);
        }
        await Promise.all([source.delete(), target.delete()]);
      }),
      { numRuns: 60, seed: 13 },
    );
    expect(runs).toBe(60);
  }, 60_000);
});
