/**
 * Realistic data for backup and database-upgrade tests: a Montana family with two children, a
 * five-day and a four-day school calendar, five services and a school year of log entries with
 * misses, partial sessions and make-ups, and letters. Deterministic (seeded), and every record is
 * parsed with its lib/model schema so it is exactly what validated writes would store.
 */
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { addDays, eachDate, isoWeekday, type IsoDate } from '../../lib/dates';
import { openDatabase, type AdvocateDatabase } from '../../lib/db';
import {
  MISSED_REASONS,
  calendarSchema,
  letterSchema,
  profileSchema,
  serviceSchema,
  sessionEntrySchema,
  settingsSchema,
  studentSchema,
  type SessionEntry,
} from '../../lib/model';
import type { BackupData } from '../../lib/backup';
import { districtImportSchema, districtRecordSchema } from '../../lib/model';
import { seededRandom } from '../../lib/sample';

/** Seeded pseudo-random numbers (mulberry32), so fixtures never change between runs. */
export { seededRandom };

const T0 = Date.UTC(2026, 7, 20, 15, 0, 0); // 2026-08-20, when the family started using it

export interface RealisticOptions {
  /** Log entries up to this date (default the whole first semester and more). */
  until?: IsoDate;
  seed?: number;
}

export function realisticDataset({
  until = '2027-03-12',
  seed = 7,
}: RealisticOptions = {}): BackupData {
  const random = seededRandom(seed);
  const profile = profileSchema.parse({
    id: 'profile',
    parentName: 'Dana Whitfield',
    email: 'dana.whitfield@example.com',
    phone: '406-555-0142',
    address: '214 W Janeaux St, Lewistown, MT 59457',
    district: 'Lewistown Public Schools',
    directorName: 'Pat Morales',
    directorEmail: 'pmorales@example.org',
  });
  const calendars = [
    calendarSchema.parse({
      id: 'cal-lewistown-2026',
      name: 'Lewistown 2026-27',
      firstDay: '2026-08-26',
      lastDay: '2027-05-28',
      weekdays: [1, 2, 3, 4, 5],
      closures: [
        { start: '2026-09-07', end: '2026-09-07', label: 'Labor Day' },
        { start: '2026-10-15', end: '2026-10-16', label: 'MEA-MFT teacher convention' },
        { start: '2026-11-25', end: '2026-11-27', label: 'Thanksgiving' },
        { start: '2026-12-21', end: '2027-01-01', label: 'Winter break' },
        { start: '2027-01-18', end: '2027-01-18', label: 'MLK Day' },
        { start: '2027-02-03', end: '2027-02-03', label: 'Snow day' },
        { start: '2027-03-22', end: '2027-03-26', label: 'Spring break' },
      ],
    }),
    calendarSchema.parse({
      id: 'cal-roundup-4day',
      name: 'Roundup four-day week',
      firstDay: '2026-08-31',
      lastDay: '2027-05-20',
      weekdays: [1, 2, 3, 4],
      closures: [{ start: '2026-11-25', end: '2026-11-26', label: 'Thanksgiving' }],
    }),
  ];
  const students = [
    studentSchema.parse({
      id: 'stu-maya',
      name: 'Maya Whitfield',
      school: 'Lewis & Clark Elementary',
      district: 'Lewistown Public Schools',
      grade: '3',
      homeAddress: '214 W Janeaux St, Lewistown, MT 59457',
      calendarId: 'cal-lewistown-2026',
      createdAt: T0,
      iepMeetingDate: '2026-08-20',
      iepStartDate: '2026-08-26',
      iepReviewDate: '2027-08-19',
    }),
    studentSchema.parse({
      id: 'stu-eli',
      name: 'Eli Whitfield',
      school: 'Roundup Junior High',
      district: 'Roundup School District',
      grade: '7',
      calendarId: 'cal-roundup-4day',
      createdAt: T0 + 600_000,
    }),
  ];
  const service = (fields: Record<string, unknown>) =>
    serviceSchema.parse({ startDate: '2026-08-26', endDate: '2027-05-28', ...fields });
  const services = [
    service({
      id: 'svc-maya-speech',
      studentId: 'stu-maya',
      kind: 'speech-language',
      minutes: 60,
      period: 'week',
      sessionsPerPeriod: 2,
      provider: 'J. Ortiz, CCC-SLP',
      location: 'Speech room',
    }),
    service({
      id: 'svc-maya-ot',
      studentId: 'stu-maya',
      kind: 'occupational',
      minutes: 30,
      period: 'week',
      sessionsPerPeriod: 1,
      provider: 'Central Montana OT (contract)',
      delivery: 'direct',
      prorate: true,
    }),
    service({
      id: 'svc-maya-reading',
      studentId: 'stu-maya',
      kind: 'reading',
      minutes: 30,
      period: 'day',
      provider: 'Ms. Hanley',
      location: 'Resource room',
    }),
    service({
      id: 'svc-eli-counseling',
      studentId: 'stu-eli',
      kind: 'counseling',
      minutes: 120,
      period: 'month',
      sessionsPerPeriod: 4,
      startDate: '2026-08-31',
      endDate: '2027-05-20',
      provider: 'School counselor',
      delivery: 'direct',
    }),
    service({
      id: 'svc-eli-at',
      studentId: 'stu-eli',
      kind: 'other',
      label: 'Assistive technology consult',
      minutes: 60,
      period: 'month',
      startDate: '2026-08-31',
      endDate: '2027-05-20',
      delivery: 'consult',
    }),
  ];

  // Which weekdays each service meets, and how long a session is.
  const meets: Record<string, { weekdays: number[]; scheduled: number; calendar: number }> = {
    'svc-maya-speech': { weekdays: [2, 4], scheduled: 30, calendar: 0 },
    'svc-maya-ot': { weekdays: [3], scheduled: 30, calendar: 0 },
    'svc-maya-reading': { weekdays: [1, 2, 3, 4, 5], scheduled: 30, calendar: 0 },
    'svc-eli-counseling': { weekdays: [1], scheduled: 30, calendar: 1 },
    'svc-eli-at': { weekdays: [4], scheduled: 15, calendar: 1 },
  };
  const notes = [
    '',
    '',
    'Sub did not know about the session.',
    'SLP at the district office for evaluations.',
    'Assembly ran long.',
    'Maya said they "played a game" instead.',
    'Bus late because of ice on US-87.',
  ];
  const sessions: SessionEntry[] = [];
  for (const svc of services) {
    const plan = meets[svc.id]!;
    const calendar = calendars[plan.calendar]!;
    for (const date of eachDate(svc.startDate, until)) {
      if (!plan.weekdays.includes(isoWeekday(date))) continue;
      if (calendar.closures.some((c) => c.start <= date && date <= c.end)) continue;
      if (date < calendar.firstDay) continue;
      const roll = random();
      const status = roll < 0.75 ? 'delivered' : roll < 0.88 ? 'partial' : 'missed';
      const minutesDelivered =
        status === 'delivered'
          ? plan.scheduled
          : status === 'partial'
            ? Math.floor(plan.scheduled * (0.3 + random() * 0.5))
            : 0;
      const reason =
        status === 'delivered'
          ? null
          : MISSED_REASONS[Math.floor(random() * MISSED_REASONS.length)]!;
      sessions.push(
        sessionEntrySchema.parse({
          id: `ses-${svc.id.slice(4)}-${date}`,
          studentId: svc.studentId,
          serviceId: svc.id,
          date,
          status,
          minutesDelivered,
          scheduledMinutes: plan.scheduled,
          reason,
          makeUp: false,
          note: status === 'delivered' ? '' : notes[Math.floor(random() * notes.length)]!,
          createdAt: T0 + sessions.length * 3_600_000,
        }),
      );
      if (status === 'missed' && random() < 0.3) {
        const makeUpDate = addDays(date, 1);
        sessions.push(
          sessionEntrySchema.parse({
            id: `ses-${svc.id.slice(4)}-${date}-makeup`,
            studentId: svc.studentId,
            serviceId: svc.id,
            date: makeUpDate,
            status: 'delivered',
            minutesDelivered: plan.scheduled,
            scheduledMinutes: plan.scheduled,
            makeUp: true,
            note: `Make-up for ${date}`,
            createdAt: T0 + sessions.length * 3_600_000,
          }),
        );
      }
    }
  }
  const letters = [
    letterSchema.parse({
      id: 'let-concern-1',
      studentId: 'stu-maya',
      kind: 'service-concern',
      subject: 'Missed speech-language sessions for Maya Whitfield',
      status: 'sent',
      createdAt: T0 + 40 * 86_400_000,
      sentDate: '2026-10-05',
      to: 'pmorales@example.org',
      method: 'email',
      host: 'mail.google.com',
      requestedResponseDate: '2026-10-19',
      notes: 'Called the office too.',
      responseDate: '2026-10-14',
      responseSummary: 'District says a contract SLP starts November 2.',
      bodyHtml:
        '<p>Dear Pat Morales,</p><p>Maya&#39;s IEP provides 60 minutes of speech-language therapy per week.</p>',
    }),
    letterSchema.parse({
      id: 'let-records-1',
      studentId: 'stu-maya',
      kind: 'records-request',
      subject: "Request for Maya's service logs",
      status: 'draft',
      createdAt: T0 + 80 * 86_400_000,
    }),
    letterSchema.parse({
      id: 'let-pwn-eli',
      studentId: 'stu-eli',
      kind: 'pwn-request',
      subject: 'Prior written notice: counseling minutes for Eli',
      status: 'sent',
      createdAt: T0 + 120 * 86_400_000,
      sentDate: '2026-12-18',
      method: 'mail',
      to: 'Roundup School District, Special Education',
    }),
  ];
  const settings = settingsSchema.parse({
    id: 'settings',
    currentStudentId: 'stu-maya',
    setupDone: true,
    lastBackupAt: T0 + 30 * 86_400_000,
    backupReminders: true,
  });
  // The district's own service log for Maya's speech therapy, imported from its export.
  const districtImports = [
    districtImportSchema.parse({
      id: 'dimp-maya-speech',
      studentId: 'stu-maya',
      district: 'Lewistown Public Schools',
      fileName: 'Special Ed Service Log.xlsx',
      importedAt: T0 + 75 * 86_400_000,
      rowsRead: 14,
      records: 12,
      leftOut: { otherStudent: 2, otherService: 0, notADate: 0, outsideIep: 0, badMinutes: 0 },
    }),
  ];
  const districtDates = ['2026-09-01', '2026-09-03', '2026-09-08', '2026-09-10', '2026-09-15'];
  const districtRecords = [...districtDates, '2026-09-17', '2026-09-22', '2026-09-24']
    .concat(['2026-09-29', '2026-10-01', '2026-10-06', '2026-10-08'])
    .map((date, index) =>
      districtRecordSchema.parse({
        id: `drec-maya-${String(index + 1).padStart(2, '0')}`,
        importId: 'dimp-maya-speech',
        studentId: 'stu-maya',
        serviceId: 'svc-maya-speech',
        date,
        outcome:
          index % 5 === 3 ? 'provider-absent' : index % 7 === 6 ? 'student-absent' : 'delivered',
        minutesServed: index % 5 === 3 || index % 7 === 6 ? null : 30 - (index % 4 === 2 ? 10 : 0),
        code: index % 5 === 3 ? 'PA' : index % 7 === 6 ? 'SA' : 'P',
        serviceText: 'Speech/Language Therapy',
        provider: 'J. Ortiz',
        position: 'SLP',
        note: index === 0 ? '=SUM(A1:A9) <b>kept as text</b>' : '',
        row: index + 1,
      }),
    );
  return {
    profile,
    settings,
    calendars,
    students,
    services,
    sessions,
    letters,
    districtImports,
    districtRecords,
  };
}

/** A fresh in-memory database (fake-indexeddb) with a unique name. */
let databaseCount = 0;
export function freshDatabase(): AdvocateDatabase {
  databaseCount += 1;
  return openDatabase(`test-${process.pid}-${databaseCount}-${Math.random()}`, {
    indexedDB,
    IDBKeyRange,
  });
}

/** Writes a dataset as validated writes would have stored it. */
export async function fillDatabase(db: AdvocateDatabase, data: BackupData): Promise<void> {
  await db.transaction(
    'rw',
    [
      db.profile,
      db.settings,
      db.students,
      db.calendars,
      db.services,
      db.sessions,
      db.letters,
      db.districtImports,
      db.districtRecords,
    ],
    async () => {
      await db.profile.put(data.profile);
      if (data.settings) await db.settings.put(data.settings);
      await db.calendars.bulkPut(data.calendars);
      await db.students.bulkPut(data.students);
      await db.services.bulkPut(data.services);
      await db.sessions.bulkPut(data.sessions);
      await db.letters.bulkPut(data.letters);
      await db.districtImports.bulkPut(data.districtImports);
      await db.districtRecords.bulkPut(data.districtRecords);
    },
  );
}

/** Every table's records, sorted by id: for before/after comparisons. */
export async function snapshotDatabase(db: AdvocateDatabase): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    const rows = (await table.toArray()) as { id: string }[];
    snapshot[table.name] = rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  return snapshot;
}

/** Record counts per table. */
export async function countRecords(db: AdvocateDatabase): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of db.tables) counts[table.name] = await table.count();
  return counts;
}
