/**
 * District records: a 10,000-row district export (CSV text, Infinite Campus shape) parsed with
 * Papa Parse, read into a table, matched to the IEP's services and reconciled with a school year
 * of the parent's log, as the District records page does it. Median over repeated runs after a
 * warm-up. Target ≤ 1,000 ms (issue 11).
 *
 * Baseline, same run: Papa Parse alone on the same text, the least any import can cost.
 *
 * Run alone: `npx tsx tests/bench/district.ts`, or with the others: `npm run bench`.
 */
import Papa from 'papaparse';
import { pathToFileURL } from 'node:url';
import { addDays, isoWeekday } from '../../lib/dates';
import {
  buildImport,
  findHeaderRow,
  guessMapping,
  reconcileStudent,
  toTable,
} from '../../lib/district';
import { computeStudentGaps } from '../../lib/gap';
import type { DistrictRecord } from '../../lib/model';
import { realisticDataset } from '../unit/backup-fixtures';
import type { BenchRow } from './types';

const WARM_UP = 3;
const RUNS = 11;
const ROWS = 10_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(work: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < WARM_UP + RUNS; i++) {
    const started = performance.now();
    work();
    if (i >= WARM_UP) times.push(performance.now() - started);
  }
  return median(times);
}

/** 10,000 rows: Maya's three services and other students' rows, school days of 2026-27. */
function exportText(): string {
  const services = ['Speech/Language Therapy', 'Occupational Therapy', 'Reading', 'Transportation'];
  const students = ['Whitfield, Maya', 'Nguyen, Ava', 'Lopez, Sam'];
  const lines = ['Student,Plan,Service,Date,Provider,Position,Minutes Served,Attendance'];
  let date = '2026-08-26';
  for (let i = 0; lines.length <= ROWS; i++) {
    if (i % 12 === 0) date = addDays(date, 1);
    while (isoWeekday(date) > 5) date = addDays(date, 1);
    const [m, d, y] = [date.slice(5, 7), date.slice(8), date.slice(0, 4)];
    lines.push(
      `"${students[i % 3]}",IEP,${services[i % 4]},${m}/${d}/${y},J. Ortiz,SLP,${i % 7 === 0 ? 20 : 30},${i % 9 === 0 ? 'SA' : 'P'}`,
    );
  }
  return lines.join('\r\n');
}

export async function run(): Promise<BenchRow[]> {
  const data = realisticDataset();
  const student = data.students.find((s) => s.id === 'stu-maya')!;
  const services = data.services.filter((s) => s.studentId === student.id);
  const sessions = data.sessions.filter((s) => s.studentId === student.id);
  const calendar = data.calendars.find((c) => c.id === student.calendarId)!;
  const text = exportText();
  const asOf = '2027-03-12';

  const parse = () => Papa.parse<string[]>(text, { worker: false, skipEmptyLines: 'greedy' }).data;
  const whole = () => {
    const table = toTable(parse(), findHeaderRow);
    if (!table.ok) throw new Error(table.message);
    const result = buildImport(
      table.table,
      {
        mapping: guessMapping(table.table.header),
        codes: {},
        services: {},
        students: {},
        singleServiceId: '',
      },
      { student, services },
    );
    if (result.records.length === 0) throw new Error('nothing matched');
    const records = result.records.map(
      (record, index) => ({ ...record, id: `r${index}`, importId: 'bench' }) as DistrictRecord,
    );
    const gaps = computeStudentGaps(services, calendar, sessions, asOf);
    return reconcileStudent(services, gaps, sessions, records);
  };

  return [
    {
      name: `district file: parse, match and reconcile ${ROWS.toLocaleString('en-US')} rows`,
      value: Math.round(time(whole)),
      unit: 'ms',
      baseline: { name: 'Papa Parse alone', value: Math.round(time(parse)) },
      target: '≤ 1000 ms',
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const row of await run()) console.log(row);
}
