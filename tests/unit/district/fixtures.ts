/**
 * District exports in the shapes real ones take, made here (no real child's data): an Infinite
 * Campus-like Special Ed Service Log, a Medicaid-style session log with attendance codes, and rows
 * pasted from a PDF table whose notes wrap onto a second line.
 */
import { studentSchema, type Student } from '../../../lib/model';
import { service } from '../gap/helpers';

export const student: Student = studentSchema.parse({
  id: 'stu',
  name: 'Sam Rivera',
  school: 'Hawthorne Elementary',
  district: 'Bozeman Public Schools',
  grade: '3',
  calendarId: 'cal-5',
  createdAt: 0,
});

/** Speech 60 min/week in 2 sessions (30 per session); OT 30 min/week in 1 session. */
export const speech = service({ id: 'svc', kind: 'speech-language' });
export const ot = service({
  id: 'svc-ot',
  kind: 'occupational',
  minutes: 30,
  sessionsPerPeriod: 1,
});
export const services = [speech, ot];

/** Infinite Campus's Special Ed Service Log shape: a title line, then the header. */
export const infiniteCampus: string[][] = [
  ['Special Ed Service Log', '', '', '', '', '', ''],
  ['Student', 'Plan', 'Service', 'Date', 'Provider', 'Position', 'Minutes Served'],
  ['Rivera, Sam', 'IEP', 'Speech/Language Therapy', '09/08/2026', 'J. Cole', 'SLP', '30'],
  ['Rivera, Sam', 'IEP', 'Speech/Language Therapy', '09/10/2026', 'J. Cole', 'SLP', '20'],
  ['Rivera, Sam', 'IEP', 'Occupational Therapy', '09/09/2026', 'K. Lund', 'OTR/L', '30'],
  ['Nguyen, Ava', 'IEP', 'Speech/Language Therapy', '09/08/2026', 'J. Cole', 'SLP', '30'],
  ['Rivera, Sam', 'IEP', 'Transportation', '09/08/2026', 'Bus', 'Driver', '40'],
  ['Rivera, Sam', 'IEP', 'Speech/Language Therapy', '06/15/2027', 'J. Cole', 'SLP', '30'],
];

/** A Medicaid-style session log: Service Date, Staff, Duration, Attendance Code, Note. */
export const medicaid: string[][] = [
  ['Service Date', 'Staff', 'Service', 'Duration', 'Attendance Code', 'Note'],
  ['Sep 14, 2026', 'J. Cole', 'Speech', '0:30', 'P', 'Worked on /r/'],
  ['Sep 16, 2026', 'J. Cole', 'Speech', '', 'SA', 'Student absent'],
  ['Sep 21, 2026', 'J. Cole', 'Speech', '', 'PA', ''],
  ['Sep 23, 2026', 'J. Cole', 'Speech', '0:30', 'TX', '=HYPERLINK("http://x")'],
];

/** Rows pasted from a PDF table: two or more spaces between columns, notes that wrap. */
export const pastedPdf = [
  'Date        Service          Minutes    Status     Comment',
  '9/28/2026   Speech therapy   30 min     Present    Articulation drills and',
  '                                                   carryover practice',
  '9/30/2026   Speech therapy   0          Absent     Student out sick',
].join('\n');
