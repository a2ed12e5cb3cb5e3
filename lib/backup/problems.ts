/**
 * Plain words for what is wrong with a backup file: which record ("Session 12 (2026-10-02)"),
 * which field ("minutes delivered") and what to know ("Must be 0 or more.").
 */
import type { z } from '../model/zod';
import { RECORD_NAMES, type BackupTable } from './schema';

export interface BackupProblem {
  /** The record, e.g. "Session 12 (2026-10-02)", or "The file" for the file as a whole. */
  where: string;
  /** The field in plain words, e.g. "minutes delivered"; absent for the record as a whole. */
  field?: string;
  message: string;
}

/** One line for the user: "Session 12 (2026-10-02), minutes delivered: Must be 0 or more." */
export function problemText(problem: BackupProblem): string {
  return problem.field
    ? `${problem.where}, ${problem.field}: ${problem.message}`
    : `${problem.where}: ${problem.message}`;
}

/** The most problems one import reports; a file with more is described by the first ones. */
export const MAX_PROBLEMS = 50;

export const FILE = 'The file';

const FIELD_LABELS: Record<string, string> = {
  id: 'id',
  studentId: 'student',
  serviceId: 'service',
  calendarId: 'school calendar',
  firstDay: 'first day of school',
  lastDay: 'last day of school',
  weekdays: 'school weekdays',
  closures: 'closed days',
  start: 'first closed day',
  end: 'last closed day',
  minutes: 'minutes',
  minutesDelivered: 'minutes delivered',
  scheduledMinutes: 'scheduled minutes',
  sessionsPerPeriod: 'sessions per period',
  makeUp: 'make-up',
  parentName: 'your name',
  email: 'e-mail',
  directorName: "director's name",
  directorEmail: "director's e-mail",
  principalName: "principal's name",
  caseManagerName: "case manager's name",
  coopName: "cooperative's name",
  coopDirectorName: "cooperative director's name",
  createdAt: 'created time',
  iepMeetingDate: 'IEP meeting date',
  iepStartDate: 'IEP start date',
  iepReviewDate: 'annual review date',
  sentDate: 'date sent',
  requestedResponseDate: 'response requested by',
  responseDate: 'response date',
  responseSummary: 'response',
  bodyHtml: 'letter text',
  currentStudentId: 'current student',
  lastBackupAt: 'last backup time',
  backupReminders: 'backup reminders',
};

/** "sessionsPerPeriod" → "sessions per period" for fields without a label above. */
function camelToWords(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Control characters, zero-width characters and direction overrides. */
/* eslint-disable no-control-regex -- these are exactly the characters to remove */
const INVISIBLE_OR_CONTROL =
  /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
/* eslint-enable no-control-regex */

/**
 * Text from the file shown inside a message: short, and without control or direction-override
 * characters that could garble the message around it. Always rendered as text.
 */
export function quoteFromFile(value: unknown, max = 40): string {
  if (typeof value !== 'string' && typeof value !== 'number') return '';
  const clean = String(value).replace(INVISIBLE_OR_CONTROL, '');
  const chars = Array.from(clean.trim());
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

/** A field path inside one record in plain words: ["closures", 2, "end"] → "closed days 3, last closed day". */
export function fieldWords(path: readonly PropertyKey[]): string | undefined {
  const words: string[] = [];
  for (const part of path) {
    if (typeof part === 'number') {
      const previous = words.pop() ?? 'item';
      words.push(`${previous} ${part + 1}`);
    } else {
      const key = String(part);
      words.push(FIELD_LABELS[key] ?? camelToWords(key));
    }
  }
  return words.length > 0 ? words.join(', ') : undefined;
}

/** A short description of a record from its own fields, when they are usable. */
function describeRecord(table: BackupTable, record: unknown): string {
  if (typeof record !== 'object' || record === null) return '';
  const fields = record as Record<string, unknown>;
  const pick = (...keys: string[]) => {
    for (const key of keys) {
      const text = quoteFromFile(fields[key]);
      if (text) return text;
    }
    return '';
  };
  switch (table) {
    case 'sessions':
      return pick('date');
    case 'students':
    case 'calendars':
      return pick('name');
    case 'services':
      return pick('label', 'kind');
    case 'letters':
      return pick('subject', 'kind');
    case 'districtImports':
      return pick('fileName');
    case 'districtRecords':
      return pick('date');
  }
}

const RECORD_TITLES: Record<BackupTable, string> = {
  calendars: 'School calendar',
  students: 'Student',
  services: 'Service',
  sessions: 'Session',
  letters: 'Letter',
  districtImports: 'District file',
  districtRecords: 'District record',
};

/** "Session 12 (2026-10-02)": the record's kind, its position in the file and a description. */
export function recordWhere(table: BackupTable, index: number, record: unknown): string {
  const kind = RECORD_TITLES[table];
  const description = describeRecord(table, record);
  return `${kind} ${index + 1}${description ? ` (${description})` : ''}`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields',
  null: 'empty (null)',
};

/**
 * Plain words for zod's built-in checks. Messages written in lib/model win over these (zod uses
 * a per-parse error map only where the schema gave none).
 */
export function plainIssueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Is missing.';
      return `Must be ${TYPE_WORDS[issue.expected] ?? issue.expected}.`;
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? 'Must not be empty.'
          : `Must be at least ${String(issue.minimum)} characters.`;
      if (issue.origin === 'array') return `Must list at least ${String(issue.minimum)}.`;
      return `Must be ${String(issue.minimum)} or more.`;
    case 'too_big':
      if (issue.origin === 'string') return `Must be ${String(issue.maximum)} characters or fewer.`;
      if (issue.origin === 'array') return `Must list at most ${String(issue.maximum)}.`;
      return `Must be ${String(issue.maximum)} or less.`;
    case 'invalid_value':
      return `Must be ${issue.values.map((value) => JSON.stringify(value)).join(' or ')}.`;
    case 'invalid_format':
      return issue.format === 'datetime'
        ? 'Must be a date and time like 2026-10-02T15:04:05Z.'
        : `Is not a valid ${issue.format}.`;
    case 'invalid_union':
      return 'Is not in a form this extension understands.';
    default:
      return undefined;
  }
}

/**
 * Turns zod issues for a backup document into problems. Record issues point at the record
 * ("Session 12 (…)"); the raw document describes records whose fields could not be parsed.
 */
export function problemsFromIssues(
  issues: readonly z.core.$ZodIssue[],
  rawDocument: unknown,
): BackupProblem[] {
  const problems: BackupProblem[] = [];
  const data = isRecord(rawDocument) && isRecord(rawDocument.data) ? rawDocument.data : {};
  for (const issue of issues) {
    const path = issue.path;
    let message = issue.message;
    if (issue.code === 'invalid_union') {
      // A union such as "empty or an e-mail address": the last choice explains it best.
      const lastChoice = issue.errors[issue.errors.length - 1]?.[0];
      if (lastChoice) message = lastChoice.message;
    }
    if (path[0] === 'data' && typeof path[1] === 'string') {
      const part = path[1];
      if ((part === 'profile' || part === 'settings') && path.length >= 2) {
        problems.push({
          where: capitalize(RECORD_NAMES[part][0]),
          field: fieldWords(path.slice(2)),
          message,
        });
        continue;
      }
      const table = part as BackupTable;
      if (typeof path[2] === 'number' && table in RECORD_NAMES) {
        const rows = data[table];
        const record = Array.isArray(rows) ? rows[path[2]] : undefined;
        problems.push({
          where: recordWhere(table, path[2], record),
          field: fieldWords(path.slice(3)),
          message,
        });
        continue;
      }
      if (table in RECORD_NAMES) {
        problems.push({ where: capitalize(RECORD_NAMES[table][1]), message });
        continue;
      }
    }
    problems.push({ where: FILE, field: fieldWords(path), message });
  }
  return problems;
}
