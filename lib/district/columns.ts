/**
 * Which column holds what: guessed from the header names district exports use (Infinite Campus's
 * Special Ed Service Log: Plan, Service, Date, Provider, Position, Minutes Served; Medicaid session
 * notes: Service Date, Staff, Duration, Attendance Code, Note), then corrected by the user.
 */
import type { DistrictField } from '../model';

/** What each column of the file holds, by column index. */
export type ColumnMapping = DistrictField[];

const normalise = (header: string) =>
  header
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The field a header names, or 'ignore'. */
export function guessField(header: string): DistrictField {
  const h = normalise(header);
  const words = new Set(h.split(' '));
  const has = (...names: string[]) => names.some((name) => words.has(name));
  if (h === '') return 'ignore';
  if (has('date', 'dos') || h === 'day') return 'date';
  if (has('scheduled', 'planned', 'required', 'iep', 'frequency')) return 'ignore';
  if (has('minutes', 'mins', 'min', 'duration', 'length') || h === 'time' || h === 'served')
    return 'minutes';
  if (has('student', 'pupil', 'child')) return 'student';
  if (has('service', 'services', 'discipline', 'therapy', 'subject')) return 'service';
  if (has('provider', 'staff', 'therapist', 'clinician', 'teacher', 'provided')) return 'provider';
  if (has('position', 'role', 'title', 'credential')) return 'position';
  if (has('attendance', 'status', 'code', 'outcome', 'attended', 'result')) return 'attendance';
  if (has('note', 'notes', 'comment', 'comments', 'description', 'narrative')) return 'note';
  return 'ignore';
}

/**
 * Guesses a mapping: each field goes to the first column that names it (a second "Date" column,
 * say "Date Entered", is left unused), and remembered choices for this district win over guesses.
 */
export function guessMapping(
  header: readonly string[],
  remembered: Readonly<Record<string, DistrictField>> = {},
): ColumnMapping {
  const taken = new Set<DistrictField>();
  const mapping: ColumnMapping = header.map((cell) => {
    const known = remembered[headerKey(cell)];
    if (known && known !== 'ignore') taken.add(known);
    return known ?? 'ignore';
  });
  header.forEach((cell, index) => {
    if (remembered[headerKey(cell)] !== undefined) return;
    const field = guessField(cell);
    if (field === 'ignore' || taken.has(field)) return;
    mapping[index] = field;
    taken.add(field);
  });
  return mapping;
}

/** The key a header is remembered by. */
export function headerKey(header: string): string {
  return normalise(header).slice(0, 200);
}

/**
 * The header row: the first of the first 10 rows whose names include a date column (exports often
 * start with a title line or two). Null when none does.
 */
export function findHeaderRow(rows: readonly (readonly string[])[]): number | null {
  for (let index = 0; index < Math.min(rows.length, 10); index += 1) {
    const row = rows[index]!;
    if (row.some((cell) => guessField(cell) === 'date')) return index;
  }
  return null;
}

/** The column index of a field, or -1. */
export function columnOf(mapping: ColumnMapping, field: DistrictField): number {
  return mapping.indexOf(field);
}
