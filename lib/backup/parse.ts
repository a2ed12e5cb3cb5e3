/**
 * Reading a backup file: every check that needs only the file, in an order that refuses damaged
 * or hostile files cheaply before the full validation.
 *
 *   1. size, JSON syntax, shape (an object)
 *   2. format name and version (newer versions ask for an update; older ones are upgraded)
 *   3. record counts within BACKUP_LIMITS, before any record is looked at
 *   4. no prototype-pollution keys (__proto__, constructor, prototype) anywhere; bounded nesting
 *   5. every record against the lib/model schemas (./schema.ts)
 *   6. every id used once per kind of record
 * References between records are checked on import (./import.ts): in a merge they may point
 * to records already in the browser.
 */
import {
  FILE,
  MAX_PROBLEMS,
  isRecord,
  plainIssueMessage,
  problemsFromIssues,
  recordWhere,
  type BackupProblem,
} from './problems';
import {
  BACKUP_FORMAT,
  BACKUP_LIMITS,
  BACKUP_TABLES,
  BACKUP_VERSION,
  MAX_BACKUP_CHARS,
  RECORD_NAMES,
  backupSchema,
  type BackupDocument,
} from './schema';
import { backupVersions, upgradeBackupDocument } from './upgrade';
import { capitalize } from '../text';

export type BackupParseResult =
  | { ok: true; backup: BackupDocument; upgradedFrom: number | null }
  | { ok: false; problems: BackupProblem[] };

/** Keys that change an object's prototype when a careless merge copies them. Never in a backup. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Deepest nesting a real backup has is 6 (data.calendars[0].closures[0].label); allow slack. */
export const MAX_NESTING = 16;

const fail = (message: string, where = FILE): BackupParseResult => ({
  ok: false,
  problems: [{ where, message }],
});

/** Walks the parsed JSON without recursion; returns the first structural problem. */
function findStructuralProblem(root: unknown): string | null {
  const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_NESTING)
      return `It is nested more than ${MAX_NESTING} levels deep, which a backup never is. It may be damaged or not made by this extension.`;
    if (Array.isArray(value)) {
      for (const item of value) stack.push({ value: item, depth: depth + 1 });
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key))
        return `It contains a field named "${key}", which backups never use. It may have been tampered with, so nothing was imported.`;
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1 });
    }
  }
  return null;
}

/** Counts are checked before records, so a file with a million entries is refused at once. */
function findCountProblem(data: Record<string, unknown>): BackupProblem | null {
  for (const table of BACKUP_TABLES) {
    const rows = data[table];
    const limit = BACKUP_LIMITS[table];
    if (Array.isArray(rows) && rows.length > limit) {
      const [, plural] = RECORD_NAMES[table];
      return {
        where: capitalize(plural),
        message: `The file has ${rows.length.toLocaleString('en-US')} ${plural}; a backup can hold at most ${limit.toLocaleString('en-US')}. It may be damaged or not made by this extension.`,
      };
    }
  }
  return null;
}

/** Two records of one kind with the same id would silently overwrite each other on import. */
function findDuplicateIds(data: BackupDocument['data']): BackupProblem[] {
  const problems: BackupProblem[] = [];
  for (const table of BACKUP_TABLES) {
    const firstIndex = new Map<string, number>();
    data[table].forEach((record, index) => {
      const first = firstIndex.get(record.id);
      if (first === undefined) firstIndex.set(record.id, index);
      else
        problems.push({
          where: recordWhere(table, index, record),
          field: 'id',
          message: `Is the same as ${RECORD_NAMES[table][0]} ${first + 1}'s; each record needs its own id.`,
        });
    });
  }
  return problems;
}

/** Checks and upgrades an already-parsed JSON value. */
export function parseBackupValue(raw: unknown): BackupParseResult {
  if (!isRecord(raw))
    return fail('It is not a Montana IEP Advocate backup (it does not start with "{").');

  if (raw.format !== BACKUP_FORMAT)
    return fail(
      'It is not a Montana IEP Advocate backup. Choose a file this extension saved (its name starts with "montana-iep-advocate-backup").',
    );
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return fail('Its version number is missing or damaged, so it cannot be read safely.');
  if (version > BACKUP_VERSION)
    return fail(
      `It was saved by a newer release of Montana IEP Advocate (backup version ${version}; this one reads up to ${BACKUP_VERSION}). Update the extension, then import it again.`,
    );
  if (!backupVersions.some((entry) => entry.version === version))
    return fail(`Backup version ${version} is not one this extension knows.`);
  if (!isRecord(raw.data)) return fail('It has no data section, so there is nothing to import.');

  const countProblem = findCountProblem(raw.data);
  if (countProblem) return { ok: false, problems: [countProblem] };
  const structural = findStructuralProblem(raw);
  if (structural) return fail(structural);

  const upgraded = upgradeBackupDocument({ ...raw, version });
  const parsed = backupSchema.safeParse(upgraded, { error: plainIssueMessage });
  if (!parsed.success)
    return {
      ok: false,
      problems: limitProblems(problemsFromIssues(parsed.error.issues, upgraded)),
    };
  const duplicates = findDuplicateIds(parsed.data.data);
  if (duplicates.length > 0) return { ok: false, problems: limitProblems(duplicates) };
  return {
    ok: true,
    backup: parsed.data,
    upgradedFrom: version === BACKUP_VERSION ? null : version,
  };
}

/** Reads a backup file's text: JSON syntax and size first, then `parseBackupValue`. */
export function parseBackupText(text: string): BackupParseResult {
  if (text.length > MAX_BACKUP_CHARS)
    return fail(
      `It is larger than ${MAX_BACKUP_CHARS / 1_000_000} MB, more than any backup of this extension. It may be damaged or not a backup.`,
    );
  if (text.trim() === '') return fail('It is empty.');
  let raw: unknown;
  try {
    // Some editors save a byte-order mark first; it is not part of the JSON.
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return fail(
      'It is not a backup file this extension can read (it is not valid JSON). It may be damaged, or it may be another kind of file.',
    );
  }
  return parseBackupValue(raw);
}

/** At most MAX_PROBLEMS problems, with a last line saying how many more there were. */
export function limitProblems(problems: BackupProblem[]): BackupProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  return [
    ...problems.slice(0, MAX_PROBLEMS),
    { where: FILE, message: `…and ${problems.length - MAX_PROBLEMS} more problems.` },
  ];
}
