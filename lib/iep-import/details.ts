/**
 * The IEP's own facts, when printed: the student's name and school, the IEP meeting date, the
 * date the IEP starts and its annual review (or end) date. Read from "Label: value" pairs, where
 * the value follows the label on the same line (in the same cell or the next one).
 */
import type { IsoDate } from '../dates';
import { firstDate } from './dates';
import type { Line } from './layout';

export interface Found<T> {
  value: T;
  /** The line it was read from. */
  source: string;
}

export interface IepDetails {
  studentName: Found<string> | null;
  school: Found<string> | null;
  meetingDate: Found<IsoDate> | null;
  startDate: Found<IsoDate> | null;
  /** The annual review date, or the IEP's end date when no review date is printed. */
  reviewDate: Found<IsoDate> | null;
}

const LABEL_END = '\\s*(?:[:#-]\\s*|\\s{2,})';

const NAME_LABELS =
  /\b(?:student(?:'s)?\s+name|name\s+of\s+student|student|child(?:'s)?\s+name|learner)/i;
const SCHOOL_LABELS =
  /\b(?:school\s+of\s+attendance|attending\s+school|school\s+attending|serving\s+school|school\s+name|building|school)/i;
const MEETING_LABELS =
  /\b(?:iep\s+meeting\s+date|date\s+of\s+(?:the\s+)?(?:iep\s+)?meeting|meeting\s+date|iep\s+date|date\s+of\s+iep)/i;
const START_LABELS =
  /\b(?:iep\s+(?:start|begin(?:ning)?|initiation|effective)\s+date|iep\s+start|iep\s+begins|start\s+date\s+of\s+(?:the\s+)?iep|date\s+iep\s+begins|iep\s+in\s+effect\s+from|projected\s+date\s+of\s+initiation|effective\s+date)/i;
const REVIEW_LABELS =
  /\b(?:(?:next\s+)?annual\s+review(?:\s+date)?|annual\s+iep\s+(?:review\s+)?due(?:\s+date)?|iep\s+(?:end|ending|expiration)\s+date|iep\s+ends|iep\s+review\s+due|review\s+date|annual\s+due\s+date)/i;

/** Any label that starts another field on the same line: the value stops there. */
const NEXT_LABEL =
  /\s{2,}[A-Z][A-Za-z' ]{1,30}:|\s+(?:DOB|Date of Birth|Birthdate|Grade|Gender|Student ID|ID|School|District|Case Manager|Age|State ID)\s*:/;

function valueAfter(line: string, label: RegExp): string | null {
  const m = new RegExp(`${label.source}${LABEL_END}`, 'i').exec(line);
  if (!m) return null;
  let rest = line.slice(m.index + m[0].length);
  const stop = NEXT_LABEL.exec(rest);
  if (stop) rest = rest.slice(0, stop.index);
  const value = rest.replace(/\s+/g, ' ').trim();
  return value === '' ? null : value;
}

function looksLikeName(value: string): boolean {
  return (
    /^[\p{L}][\p{L}'’.-]*(?:,?\s+[\p{L}][\p{L}'’.-]*){0,4}$/u.test(value) &&
    value.length <= 80 &&
    !/\b(?:iep|information|profile|services?|plan|name|signature)\b/i.test(value)
  );
}

/** "Doe, Jane A." → "Jane A. Doe" (forms print last name first). */
function nameOrder(value: string): string {
  const m = /^([^,]+),\s*(.+)$/.exec(value);
  return m ? `${m[2]} ${m[1]}` : value;
}

function firstFound<T>(lines: readonly Line[], read: (line: Line) => T | null): Found<T> | null {
  for (const line of lines) {
    const value = read(line);
    if (value !== null) return { value, source: line.text };
  }
  return null;
}

function dateAfter(label: RegExp) {
  return (line: Line) => {
    const value = valueAfter(line.text, label);
    return value ? firstDate(value) : null;
  };
}

export function readDetails(lines: readonly Line[]): IepDetails {
  return {
    studentName: firstFound(lines, (line) => {
      const value = valueAfter(line.text, NAME_LABELS);
      return value && looksLikeName(value) ? nameOrder(value) : null;
    }),
    school: firstFound(lines, (line) => {
      const value = valueAfter(line.text, SCHOOL_LABELS);
      return value && value.length <= 120 && !/^\d+$/.test(value) && !firstDate(value)
        ? value
        : null;
    }),
    meetingDate: firstFound(lines, dateAfter(MEETING_LABELS)),
    startDate: firstFound(lines, dateAfter(START_LABELS)),
    reviewDate: firstFound(lines, dateAfter(REVIEW_LABELS)),
  };
}
