/**
 * Attendance and status codes: what a district's code means, mapped once by the user. Common
 * codes are known; a code the app does not know is asked about before anything is imported.
 */
import type { DistrictOutcome } from '../model';

/** A code as it is remembered: upper case, dots dropped ("S.A." is SA), other punctuation a space. */
export function codeKey(code: string): string {
  return code
    .toUpperCase()
    .replace(/\./g, '')
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim()
    .slice(0, 100);
}

const KNOWN: Record<DistrictOutcome, string[]> = {
  delivered: [
    'P',
    'PRESENT',
    'D',
    'DELIVERED',
    'SERVED',
    'PROVIDED',
    'COMPLETE',
    'COMPLETED',
    'ATTENDED',
    'SESSION HELD',
    'HELD',
    'Y',
    'YES',
    'SERVICE PROVIDED',
    'SERVICE DELIVERED',
  ],
  'student-absent': [
    'A',
    'ABS',
    'ABSENT',
    'SA',
    'STUDENT ABSENT',
    'SU',
    'STUDENT UNAVAILABLE',
    'EXCUSED',
    'UNEXCUSED',
    'NO SHOW',
    'NS',
  ],
  'provider-absent': [
    'PA',
    'PROVIDER ABSENT',
    'TA',
    'THERAPIST ABSENT',
    'STAFF ABSENT',
    'PU',
    'PROVIDER UNAVAILABLE',
    'TEACHER ABSENT',
  ],
  'school-closed': [
    'SC',
    'SCHOOL CLOSED',
    'NO SCHOOL',
    'CLOSED',
    'HOLIDAY',
    'H',
    'SNOW DAY',
    'WEATHER CLOSURE',
  ],
  'make-up': ['MU', 'MAKE UP', 'MAKEUP', 'MAKE UP SESSION', 'MAKEUP SESSION', 'COMP', 'M'],
  other: [],
};

/** The common codes, pre-filled for the user to check. */
export const KNOWN_CODES: Readonly<Record<string, DistrictOutcome>> = Object.fromEntries(
  (Object.entries(KNOWN) as [DistrictOutcome, string[]][]).flatMap(([outcome, codes]) =>
    codes.map((code) => [code, outcome]),
  ),
);

/**
 * The outcome of a row. A blank code reads from the minutes (a log with no attendance column
 * records sessions held: minutes over 0 are delivered, 0 minutes are "not delivered, no reason").
 * Undefined when the code is unknown: the user must say what it means.
 */
export function outcomeOf(
  code: string,
  minutes: number | null,
  chosen: Readonly<Record<string, DistrictOutcome>>,
): DistrictOutcome | undefined {
  const key = codeKey(code);
  if (key === '') return minutes !== null && minutes > 0 ? 'delivered' : 'other';
  return chosen[key] ?? KNOWN_CODES[key];
}
