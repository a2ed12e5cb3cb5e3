/**
 * Test data for the draft library: a rich context (a five-day school year with closures, three
 * services, missed sessions for several reasons, a make-up, a student absence, a reduction, sent
 * letters) and an almost empty one. Built from lib/model types through the zod schemas, so the
 * fixtures are records the app could really store.
 */
import { eachDate, isoWeekday, type IsoDate } from '../../../lib/dates';
import { buildDraftContext, type DraftContext, type DraftContextInput } from '../../../lib/drafts';
import {
  calendarSchema,
  districtImportSchema,
  districtRecordSchema,
  emptyProfile,
  letterSchema,
  profileSchema,
  serviceSchema,
  sessionEntrySchema,
  studentSchema,
  type DistrictImport,
  type DistrictOutcome,
  type DistrictRecord,
  type Letter,
  type MissedReason,
  type Profile,
  type SchoolCalendar,
  type Service,
  type SessionEntry,
  type Student,
} from '../../../lib/model';

export const TODAY: IsoDate = '2026-11-02';

export const calendar: SchoolCalendar = calendarSchema.parse({
  id: 'cal-1',
  name: 'Pine Valley 2026-27',
  firstDay: '2026-08-26',
  lastDay: '2027-05-28',
  weekdays: [1, 2, 3, 4, 5],
  closures: [
    { start: '2026-09-07', end: '2026-09-07', label: 'Labor Day' },
    { start: '2026-10-15', end: '2026-10-16', label: 'MEA break' },
    { start: '2026-11-25', end: '2026-11-27', label: 'Thanksgiving' },
  ],
});

export const student: Student = studentSchema.parse({
  id: 'stu-1',
  name: 'Sam Rivera',
  school: 'Lincoln Elementary',
  district: 'Pine Valley School District',
  grade: '3',
  homeAddress: '12 Aspen Road, Pine Valley, MT 59000',
  calendarId: 'cal-1',
  createdAt: 1,
});

export const profile: Profile = profileSchema.parse({
  id: 'profile',
  parentName: 'Maria Rivera',
  email: 'maria@example.com',
  phone: '(406) 555-0142',
  address: '12 Aspen Road\nPine Valley, MT 59000',
  district: 'Pine Valley School District',
  directorName: 'Dana Whitcomb',
  directorEmail: 'dwhitcomb@pinevalley.k12.mt.us',
});

export const speech: Service = serviceSchema.parse({
  id: 'svc-speech',
  studentId: 'stu-1',
  kind: 'speech-language',
  minutes: 60,
  period: 'week',
  sessionsPerPeriod: 2,
  provider: 'Jo Hart, SLP',
  location: 'speech room',
  startDate: '2026-08-31',
  endDate: '2027-05-28',
});

export const ot: Service = serviceSchema.parse({
  id: 'svc-ot',
  studentId: 'stu-1',
  kind: 'occupational',
  minutes: 30,
  period: 'week',
  sessionsPerPeriod: 1,
  provider: 'Lee Park, OTR/L',
  startDate: '2026-08-31',
  endDate: '2027-05-28',
});

export const reading: Service = serviceSchema.parse({
  id: 'svc-reading',
  studentId: 'stu-1',
  kind: 'reading',
  minutes: 120,
  period: 'month',
  sessionsPerPeriod: 4,
  provider: '',
  startDate: '2026-09-01',
  endDate: '2027-05-28',
});

let entryCount = 0;
export function entry(
  service: Service,
  date: IsoDate,
  delivered: number,
  reason: MissedReason | null = null,
  extra: Partial<SessionEntry> = {},
): SessionEntry {
  const scheduled = extra.scheduledMinutes ?? service.minutes / (service.sessionsPerPeriod ?? 1);
  const status = delivered >= scheduled ? 'delivered' : delivered === 0 ? 'missed' : 'partial';
  return sessionEntrySchema.parse({
    id: `e${++entryCount}`,
    studentId: 'stu-1',
    serviceId: service.id,
    date,
    status,
    minutesDelivered: delivered,
    scheduledMinutes: scheduled,
    reason: status === 'delivered' ? null : reason,
    createdAt: 1,
    ...extra,
  });
}

/** Speech on Tuesdays and Thursdays, OT on Wednesdays, reading on Mondays, with gaps. */
export function richSessions(): SessionEntry[] {
  const speechMissed: Record<IsoDate, MissedReason> = {
    '2026-09-09': 'provider-absent',
    '2026-09-22': 'provider-absent',
    '2026-10-06': 'provider-absent',
    '2026-10-20': 'provider-absent',
    '2026-10-28': 'provider-absent',
    '2026-10-01': 'student-absent',
  };
  const sessions: SessionEntry[] = [];
  for (const date of eachDate('2026-08-31', '2026-11-01')) {
    const weekday = isoWeekday(date);
    if (calendar.closures.some((c) => c.start <= date && date <= c.end)) continue;
    if (weekday === 2 || weekday === 4 || date === '2026-09-09' || date === '2026-10-28') {
      if ((weekday === 2 || weekday === 4) && (date === '2026-09-10' || date === '2026-10-29'))
        continue; // moved to Wednesday that week
      const reason = speechMissed[date];
      sessions.push(entry(speech, date, reason ? 0 : 30, reason ?? null));
    }
    if (weekday === 3 && date !== '2026-09-09' && date !== '2026-10-28') {
      // OT stopped at the end of September: the therapist left.
      const vacant = date >= '2026-09-30';
      sessions.push(entry(ot, date, vacant ? 0 : 30, vacant ? 'provider-vacancy' : null));
    }
    if (weekday === 1 && date >= '2026-09-01') {
      const cut = date >= '2026-10-01';
      const drill = date === '2026-09-14'; // cut short by a fire drill
      sessions.push(
        entry(
          reading,
          date,
          cut ? 10 : drill ? 20 : 30,
          cut ? 'reduced-without-meeting' : drill ? 'other' : null,
          { scheduledMinutes: 30, note: drill ? 'fire drill' : '' },
        ),
      );
    }
  }
  // A make-up speech session.
  sessions.push(entry(speech, '2026-10-23', 30, null, { makeUp: true }));
  return sessions;
}

export function richLetters(): Letter[] {
  return [
    letterSchema.parse({
      id: 'l1',
      studentId: 'stu-1',
      kind: 'service-concern',
      subject: 'IEP services not being delivered for Sam Rivera',
      status: 'sent',
      createdAt: 1,
      sentDate: '2026-10-05',
      to: 'Dana Whitcomb',
      method: 'email',
      requestedResponseDate: '2026-10-19',
      responseDate: '2026-10-21',
      responseSummary: 'Said the cooperative is short-staffed; no plan given.',
    }),
    letterSchema.parse({
      id: 'l2',
      studentId: 'stu-1',
      kind: 'compensatory-services',
      subject: 'Request to make up missed IEP services for Sam Rivera',
      status: 'sent',
      createdAt: 2,
      sentDate: '2026-10-22',
      to: 'Dana Whitcomb',
      method: 'mail',
      requestedResponseDate: '2026-11-05',
    }),
    letterSchema.parse({
      id: 'l3',
      studentId: 'stu-1',
      kind: 'records-request',
      subject: 'Draft not sent',
      status: 'draft',
      createdAt: 3,
    }),
  ];
}

/** The district's export the rich context imported (Infinite Campus-like). */
export const richImport: DistrictImport = districtImportSchema.parse({
  id: 'imp-1',
  studentId: 'stu-1',
  district: 'Pine Valley School District',
  fileName: 'Special Ed Service Log.csv',
  importedAt: 1,
  rowsRead: 7,
  records: 7,
  leftOut: { otherStudent: 0, otherService: 0, notADate: 0, outsideIep: 0, badMinutes: 0 },
});

/**
 * The district's speech log: agrees on September 8 and October 23 (the make-up); says delivered
 * on September 22, which the parent logged missed (a conflict); marks the child absent on October
 * 8, when the parent logged a session given (a conflict); shows October 6 (also missed in the
 * parent's log) and October 14 (no entry in the parent's log) as not provided.
 */
export function richDistrictRecords(): DistrictRecord[] {
  const rows: [IsoDate, DistrictOutcome, number | null, string][] = [
    ['2026-09-08', 'delivered', 30, 'P'],
    ['2026-09-22', 'delivered', 30, 'P'],
    ['2026-10-06', 'provider-absent', 0, 'PA'],
    ['2026-10-08', 'student-absent', 0, 'SA'],
    ['2026-10-14', 'provider-absent', 0, 'PA'],
    ['2026-10-20', 'provider-absent', 0, 'PA'],
    ['2026-10-23', 'make-up', 30, 'MU'],
  ];
  return rows.map(([date, outcome, minutesServed, code], i) =>
    districtRecordSchema.parse({
      id: `dr-${i + 1}`,
      importId: 'imp-1',
      studentId: 'stu-1',
      serviceId: 'svc-speech',
      date,
      outcome,
      minutesServed,
      code,
      serviceText: 'Speech/Language Therapy',
      provider: 'Hart, Jo',
      position: 'SLP',
      row: i + 1,
    }),
  );
}

export function richInput(overrides: Partial<DraftContextInput> = {}): DraftContextInput {
  return {
    student,
    profile,
    calendar,
    services: [speech, ot, reading],
    sessions: richSessions(),
    letters: richLetters(),
    today: TODAY,
    ...overrides,
  };
}

/** Inputs for every kind, as a parent would fill them in. */
export const RICH_INPUTS: Record<string, string> = {
  service: 'svc-speech',
  change: 'speech therapy went from two sessions a week to one session every other week',
  changeDate: '2026-10-05',
  claim: 'the speech therapist told me Sam no longer needs two sessions a week',
  claimDate: '2026-10-20',
  proposedLevel: '30 minutes per week',
  evaluation: 'speech-language evaluation',
  evaluationDate: '2026-09-18',
  evaluator: 'Jo Hart, SLP',
  reason: 'It did not test how Sam speaks in class.',
  enrollmentDate: '2026-09-08',
  priorDistrict: 'Great Falls Public Schools',
  origin: 'in-state',
  times: 'Tuesday, November 10, after 3:30 p.m.\nThursday, November 12, at 8:00 a.m.',
  topics: 'Reading progress',
  attendees: 'the speech-language pathologist and the classroom teacher',
  toldSoFar: 'On October 2 the principal told me the speech therapist is out until November',
  effect: 'Sam is more frustrated when classmates do not understand him.',
  proposal: 'one extra 30-minute session each week until the minutes are made up',
  periodStart: '2026-08-31',
  meetingDate: '2026-11-20',
  otherRecords: "the speech therapist's session notes",
  position: 'occupational therapist',
  since: '2026-09-30',
  moreFacts:
    'On October 5, 2026, the principal told me no occupational therapist will be available until January.',
  moreResolution: 'An IEP meeting within 30 days to review the services.',
  note: 'I would like to bring an advocate.',
  conversationDate: '2026-10-30',
  person: 'Ms. Lopez',
  role: 'principal',
  said: 'We are short on therapists this fall.\nSpeech therapy should restart after Thanksgiving.',
};

/** The rich data with the district's speech log imported (richDistrictRecords). */
export function richContext(overrides: Partial<DraftContextInput> = {}): DraftContext {
  return buildDraftContext(
    richInput({
      inputs: RICH_INPUTS,
      districtRecords: richDistrictRecords(),
      districtImports: [richImport],
      ...overrides,
    }),
  );
}

/** Almost empty: a child's name and nothing else. */
export function emptyContext(): DraftContext {
  return buildDraftContext({
    student: studentSchema.parse({
      id: 'stu-2',
      name: 'Ada',
      school: '',
      district: '',
      grade: '',
      calendarId: 'none',
      createdAt: 1,
    }),
    profile: emptyProfile,
    calendar: null,
    services: [],
    sessions: [],
    letters: [],
    today: TODAY,
  });
}
