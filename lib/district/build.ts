/**
 * Reading a mapped district table into records for one student, without writing anything: the
 * preview the user confirms and the records the confirm stores are the same result.
 */
import type { IsoDate } from '../dates';
import {
  districtRecordSchema,
  type DistrictField,
  type DistrictOutcome,
  type DistrictRecord,
  type LeftOut,
  type Service,
  type Student,
} from '../model';
import { codeKey, outcomeOf } from './codes';
import type { ColumnMapping } from './columns';
import { guessService, isThisStudent, valueKey } from './services';
import type { DistrictTable } from './table';
import { parseDistrictDate, parseMinutes } from './values';

/** The user's choices for one file (guessed first, then corrected on the mapping screen). */
export interface ImportChoices {
  mapping: ColumnMapping;
  /** Code key → outcome, for codes the user answered or changed. */
  codes: Record<string, DistrictOutcome>;
  /** Service value key → the IEP service id, or '' for "not one of this child's services". */
  services: Record<string, string>;
  /** Student value key → whether it is this child. */
  students: Record<string, boolean>;
  /** Used when the file has no service column: the service every row is for ('' = none chosen). */
  singleServiceId: string;
}

/** A row as the app read it, for the preview of the first rows. */
export interface ReadRow {
  row: number;
  cells: string[];
  date: IsoDate | null;
  serviceId: string | null;
  minutes: number | null;
  outcome: DistrictOutcome | null;
  /** Why the row is left out, in plain words, or '' when it is imported. */
  leftOut: string;
  /** True when the line was joined to the row above (a wrapped line of a PDF table). */
  joined: boolean;
}

export interface BuildResult {
  records: Omit<DistrictRecord, 'id' | 'importId'>[];
  rowsRead: number;
  leftOut: LeftOut;
  /** Lines joined to the row above. */
  joined: number;
  /** Codes in the file the app does not know and the user has not answered, most used first. */
  unknownCodes: string[];
  /** Distinct service values (key → first spelling and row count). */
  serviceValues: Map<string, { text: string; rows: number }>;
  /** Distinct student values (key → first spelling and row count). */
  studentValues: Map<string, { text: string; rows: number }>;
  preview: ReadRow[];
  /** Why nothing can be imported yet, in plain words (empty when the import can go ahead). */
  problems: string[];
  /** First and last date among the imported records. */
  from: IsoDate | null;
  to: IsoDate | null;
}

export const PREVIEW_ROWS = 20;

/** Service and student choices guessed for values the user has not decided. */
export function resolvedService(
  text: string,
  choices: ImportChoices,
  services: readonly Service[],
  hasServiceColumn: boolean,
): string {
  if (!hasServiceColumn) return choices.singleServiceId;
  const chosen = choices.services[valueKey(text)];
  if (chosen !== undefined) return chosen;
  return guessService(text, services)?.id ?? '';
}

export function resolvedStudent(text: string, choices: ImportChoices, student: Student): boolean {
  return choices.students[valueKey(text)] ?? isThisStudent(text, student);
}

const plural = (count: number, one: string, many: string) =>
  `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;

/** Reads every row of the table for one student with the user's choices. */
export function buildImport(
  table: DistrictTable,
  choices: ImportChoices,
  context: { student: Student; services: readonly Service[] },
): BuildResult {
  const col = (field: DistrictField) => choices.mapping.indexOf(field);
  const dateCol = col('date');
  const serviceCol = col('service');
  const studentCol = col('student');
  const minutesCol = col('minutes');
  const codeCol = col('attendance');
  const noteCol = col('note');
  const providerCol = col('provider');
  const positionCol = col('position');
  const servicesById = new Map(context.services.map((service) => [service.id, service]));
  const cell = (row: string[], index: number) => (index < 0 ? '' : (row[index] ?? '').trim());

  const leftOut: LeftOut = {
    otherStudent: 0,
    otherService: 0,
    notADate: 0,
    outsideIep: 0,
    badMinutes: 0,
  };
  const unknown = new Map<string, number>();
  const serviceValues = new Map<string, { text: string; rows: number }>();
  const studentValues = new Map<string, { text: string; rows: number }>();
  const records: BuildResult['records'] = [];
  const preview: ReadRow[] = [];
  let joined = 0;
  let rowsRead = 0;
  let from: IsoDate | null = null;
  let to: IsoDate | null = null;
  let last: BuildResult['records'][number] | null = null;

  const count = (map: typeof serviceValues, text: string) => {
    const key = valueKey(text);
    const seen = map.get(key);
    if (seen) seen.rows += 1;
    else map.set(key, { text, rows: 1 });
  };

  table.rows.forEach((row, index) => {
    const rowNumber = index + 1;
    const date = dateCol < 0 ? null : parseDistrictDate(cell(row, dateCol));
    const filled = row.filter((value) => value.trim() !== '');
    const read: ReadRow = {
      row: rowNumber,
      cells: row,
      date,
      serviceId: null,
      minutes: null,
      outcome: null,
      leftOut: '',
      joined: false,
    };
    if (index < PREVIEW_ROWS) preview.push(read);

    // A wrapped line of a pasted PDF table: no date, one or two cells of text. Joined to the row above.
    if (date === null && dateCol >= 0 && filled.length <= 2 && index > 0 && rowsRead > 0) {
      joined += 1;
      read.joined = true;
      read.leftOut = 'joined to the row above';
      if (last && noteCol >= 0)
        last.note = `${last.note} ${filled.join(' ')}`.trim().slice(0, 2000);
      return;
    }
    rowsRead += 1;
    last = null;
    if (date === null) {
      leftOut.notADate += 1;
      read.leftOut = 'no date that can be read';
      return;
    }
    if (studentCol >= 0) {
      const who = cell(row, studentCol);
      count(studentValues, who);
      if (!resolvedStudent(who, choices, context.student)) {
        leftOut.otherStudent += 1;
        read.leftOut = 'another student';
        return;
      }
    }
    const serviceText = cell(row, serviceCol);
    if (serviceCol >= 0) count(serviceValues, serviceText);
    const serviceId = resolvedService(serviceText, choices, context.services, serviceCol >= 0);
    const service = servicesById.get(serviceId);
    if (!service) {
      leftOut.otherService += 1;
      read.leftOut = 'not one of the IEP services';
      return;
    }
    read.serviceId = service.id;
    const minutesText = cell(row, minutesCol);
    const minutes = parseMinutes(minutesText);
    read.minutes = minutes;
    if (minutesText !== '' && minutes === null) {
      leftOut.badMinutes += 1;
      read.leftOut = 'minutes that cannot be read';
      return;
    }
    const code = cell(row, codeCol);
    const outcome = outcomeOf(code, minutes, choices.codes);
    if (outcome === undefined) {
      unknown.set(codeKey(code), (unknown.get(codeKey(code)) ?? 0) + 1);
      read.leftOut = 'a code to explain';
      return;
    }
    read.outcome = outcome;
    if (date < service.startDate || date > service.endDate) {
      leftOut.outsideIep += 1;
      read.leftOut = 'outside the IEP dates';
      return;
    }
    const record = districtRecordSchema.omit({ id: true, importId: true }).parse({
      studentId: context.student.id,
      serviceId: service.id,
      date,
      outcome,
      minutesServed: minutes,
      code: code.slice(0, 100),
      serviceText: serviceText.slice(0, 200),
      provider: cell(row, providerCol).slice(0, 200),
      position: cell(row, positionCol).slice(0, 200),
      note: cell(row, noteCol).slice(0, 2000),
      row: rowNumber,
    });
    records.push(record);
    last = record;
    if (from === null || date < from) from = date;
    if (to === null || date > to) to = date;
  });

  const unknownCodes = [...unknown.entries()].sort((a, b) => b[1] - a[1]).map(([code]) => code);
  const problems: string[] = [];
  if (dateCol < 0)
    problems.push(
      'No column is marked as the date of the session. Pick the date column below: every record needs its date.',
    );
  else if (serviceCol < 0 && !servicesById.has(choices.singleServiceId))
    problems.push(
      'The file has no service column. Choose which of the IEP services these rows are for.',
    );
  else if (unknownCodes.length > 0)
    problems.push(
      `Say what ${plural(unknownCodes.length, 'code', 'codes')} in the file ${unknownCodes.length === 1 ? 'means' : 'mean'} before importing.`,
    );
  else if (records.length === 0) {
    if (rowsRead === 0 || leftOut.notADate === rowsRead)
      problems.push('No row has a date that can be read. Check which column holds the date.');
    else if (leftOut.outsideIep > 0)
      problems.push(
        "Every matched row is dated outside the IEP's service dates. Check the file is for this IEP, or the service start and end dates on the Services page.",
      );
    else
      problems.push(
        "0 rows matched this child's IEP services. Check the service and student choices below.",
      );
  }
  return {
    records,
    rowsRead,
    leftOut,
    joined,
    unknownCodes,
    serviceValues,
    studentValues,
    preview,
    problems,
    from,
    to,
  };
}
