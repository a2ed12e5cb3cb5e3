/**
 * The data model: one zod schema per stored record, the single source of truth for types,
 * form validation, message validation and backup files.
 */
import { z } from './zod';
import { isIsoDate } from '../dates';

export { z };

export const isoDate = z
  .string()
  .refine(isIsoDate, { message: 'Enter a real date (year-month-day).' });

const id = z.string().min(1).max(64);
const shortText = (label: string, max = 200) =>
  z.string().trim().max(max, `${label} must be ${max} characters or fewer.`);
const requiredText = (label: string, max = 200) =>
  shortText(label, max).min(1, `${label} is required.`);

// ---------------------------------------------------------------- profile

export const profileSchema = z.object({
  id: z.literal('profile'),
  parentName: shortText('Your name'),
  email: z.union([
    z.literal(''),
    z.string().trim().email('Enter an e-mail address like name@example.com.'),
  ]),
  phone: shortText('Phone', 40),
  address: shortText('Address', 400),
  district: shortText('District'),
  directorName: shortText("The director's name"),
  directorEmail: z.union([
    z.literal(''),
    z.string().trim().email('Enter an e-mail address like name@example.com.'),
  ]),
  /** People a letter may be copied to (added after the first release: default ''). */
  principalName: shortText("The principal's name").default(''),
  caseManagerName: shortText("The case manager's name").default(''),
  /** The special education cooperative that sends the itinerant providers, if any. */
  coopName: shortText("The cooperative's name").default(''),
  coopDirectorName: shortText("The cooperative director's name").default(''),
});
export type Profile = z.infer<typeof profileSchema>;

export const emptyProfile: Profile = {
  id: 'profile',
  parentName: '',
  email: '',
  phone: '',
  address: '',
  district: '',
  directorName: '',
  directorEmail: '',
  principalName: '',
  caseManagerName: '',
  coopName: '',
  coopDirectorName: '',
};

// ---------------------------------------------------------------- calendar

export const closureSchema = z
  .object({
    start: isoDate,
    end: isoDate,
    label: shortText('Label', 100),
  })
  .refine((c) => c.start <= c.end, {
    message: 'The last closed day must be on or after the first.',
    path: ['end'],
  });
export type Closure = z.infer<typeof closureSchema>;

export const calendarSchema = z
  .object({
    id,
    name: requiredText('Calendar name', 100),
    firstDay: isoDate,
    lastDay: isoDate,
    /** ISO weekdays with instruction: 1 = Monday … 7 = Sunday. [1,2,3,4] is a four-day week. */
    weekdays: z.array(z.number().int().min(1).max(7)).min(1, 'Pick at least one school weekday.'),
    closures: z.array(closureSchema).max(500),
  })
  .refine((c) => c.firstDay <= c.lastDay, {
    message: 'The last day of school must be after the first day.',
    path: ['lastDay'],
  });
export type SchoolCalendar = z.infer<typeof calendarSchema>;

// ---------------------------------------------------------------- student

export const studentSchema = z.object({
  id,
  name: requiredText("Your child's name", 120),
  school: shortText('School'),
  district: shortText('District'),
  grade: shortText('Grade', 40),
  homeAddress: shortText('Home address', 400).default(''),
  calendarId: id,
  createdAt: z.number().int().nonnegative(),
  /**
   * The current IEP's dates, as printed on it (typed in or taken from the IEP reader). Optional
   * and not indexed: records and backups from before them have none, and need no upgrade.
   */
  iepMeetingDate: isoDate.optional(),
  iepStartDate: isoDate.optional(),
  /** The next annual review, or the IEP's end date when it prints no review date. */
  iepReviewDate: isoDate.optional(),
});
export type Student = z.infer<typeof studentSchema>;

// ---------------------------------------------------------------- service

export const SERVICE_KINDS = [
  'speech-language',
  'occupational',
  'physical',
  'reading',
  'special-education',
  'counseling',
  'other',
] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export const SERVICE_KIND_LABELS: Record<ServiceKind, string> = {
  'speech-language': 'speech-language therapy',
  occupational: 'occupational therapy',
  physical: 'physical therapy',
  reading: 'specialized reading instruction',
  'special-education': 'special education instruction',
  counseling: 'counseling',
  other: 'other service',
};

export const PERIODS = ['day', 'week', 'month'] as const;
export type Period = (typeof PERIODS)[number];

export const serviceSchema = z
  .object({
    id,
    studentId: id,
    kind: z.enum(SERVICE_KINDS),
    /** The service's name as the IEP writes it, when "kind" is not enough (required for "other"). */
    label: shortText('Service name', 120).default(''),
    minutes: z.number().int('Use whole minutes.').min(1, 'Minutes must be at least 1.').max(10_000),
    period: z.enum(PERIODS),
    /** Sessions per period, if the IEP says (for example 2 sessions a week). */
    sessionsPerPeriod: z.number().int().min(1).max(100).nullable().default(null),
    provider: shortText('Provider', 120).default(''),
    location: shortText('Location', 120).default(''),
    delivery: z.enum(['direct', 'consult']).default('direct'),
    startDate: isoDate,
    endDate: isoDate,
    /** Rules v2: a week or month service follows the school calendar unless its IEP says the full minutes apply in short periods (false). */
    prorate: z.boolean().default(true),
  })
  .refine((s) => s.startDate <= s.endDate, {
    message: 'The end date must be on or after the start date.',
    path: ['endDate'],
  })
  .refine((s) => s.kind !== 'other' || s.label.length > 0, {
    message: 'Name the service as the IEP writes it.',
    path: ['label'],
  });
export type Service = z.infer<typeof serviceSchema>;

// ---------------------------------------------------------------- session log

export const SESSION_STATUSES = ['delivered', 'partial', 'missed'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const MISSED_REASONS = [
  'provider-absent',
  'provider-vacancy',
  'weather-travel',
  'scheduling-conflict',
  'reduced-without-meeting',
  'student-absent',
  'other',
] as const;
export type MissedReason = (typeof MISSED_REASONS)[number];

export const MISSED_REASON_LABELS: Record<MissedReason, string> = {
  'provider-absent': 'provider absent',
  'provider-vacancy': 'no provider (vacancy)',
  'weather-travel': 'weather or travel',
  'scheduling-conflict': 'scheduling conflict',
  'reduced-without-meeting': 'reduced without a meeting',
  'student-absent': 'student absent',
  other: 'other',
};

export const sessionEntrySchema = z
  .object({
    id,
    studentId: id,
    serviceId: id,
    date: isoDate,
    status: z.enum(SESSION_STATUSES),
    minutesDelivered: z.number().int().min(0, 'Minutes cannot be negative.').max(1440),
    scheduledMinutes: z.number().int().min(0).max(1440),
    reason: z.enum(MISSED_REASONS).nullable().default(null),
    makeUp: z.boolean().default(false),
    note: shortText('Note', 2000).default(''),
    createdAt: z.number().int().nonnegative(),
  })
  .refine((e) => e.status === 'delivered' || e.reason !== null, {
    message: 'Pick a reason for the missed minutes.',
    path: ['reason'],
  })
  .refine((e) => e.status !== 'missed' || e.minutesDelivered === 0, {
    message: 'A missed session has 0 minutes delivered.',
    path: ['minutesDelivered'],
  })
  .refine((e) => e.status !== 'partial' || e.minutesDelivered < e.scheduledMinutes, {
    message: 'A partial session delivers fewer minutes than scheduled.',
    path: ['minutesDelivered'],
  });
export type SessionEntry = z.infer<typeof sessionEntrySchema>;

// ---------------------------------------------------------------- correspondence

export const SEND_METHODS = ['email', 'mail', 'hand'] as const;
export const LETTER_STATUSES = ['draft', 'sent'] as const;

export const letterSchema = z.object({
  id,
  studentId: id,
  /** A draft kind id from lib/drafts (service-concern, state-complaint, …). */
  kind: z.string().min(1).max(64),
  subject: shortText('Subject', 300),
  status: z.enum(LETTER_STATUSES),
  createdAt: z.number().int().nonnegative(),
  sentDate: isoDate.nullable().default(null),
  to: shortText('To', 300).default(''),
  method: z.enum(SEND_METHODS).nullable().default(null),
  /** Where it was inserted from, for drafts recorded by the compose integration. */
  host: shortText('Host', 200).default(''),
  /** The response date the letter asked for, if any. */
  requestedResponseDate: isoDate.nullable().default(null),
  notes: shortText('Notes', 4000).default(''),
  responseDate: isoDate.nullable().default(null),
  responseSummary: shortText('Response', 4000).default(''),
  /** The letter's text as saved from the letter page. */
  bodyHtml: z.string().max(500_000).default(''),
});
export type Letter = z.infer<typeof letterSchema>;

// ---------------------------------------------------------------- settings

export const settingsSchema = z.object({
  id: z.literal('settings'),
  currentStudentId: id.nullable().default(null),
  setupDone: z.boolean().default(false),
  lastBackupAt: z.number().int().nonnegative().nullable().default(null),
  backupReminders: z.boolean().default(true),
  /** Reminder notifications name the child only when the user turns this on (lock screens). */
  namesInNotifications: z.boolean().default(false),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  id: 'settings',
  currentStudentId: null,
  setupDone: false,
  lastBackupAt: null,
  backupReminders: true,
  namesInNotifications: false,
};

/** Plain words for a service as the IEP writes it: "60 minutes of speech-language therapy per week". */
export function serviceName(service: Pick<Service, 'kind' | 'label'>): string {
  return service.label || SERVICE_KIND_LABELS[service.kind];
}

export function newId(): string {
  return crypto.randomUUID();
}

export * from './district';
