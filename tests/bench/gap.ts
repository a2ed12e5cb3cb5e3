/**
 * The gap engine's time for 10 students × 8 services × 3 school years of daily log entries
 * (about 40,000): computeStudentGaps for every student, as the popup and tracker call it, median
 * over repeated runs after a warm-up. Target ≤ 50 ms for all ten students.
 *
 * Baseline, same run and same entries: one plain pass that adds up each service's minutes (a Map
 * lookup and an addition per entry), the least any per-service total can cost. The ratio between
 * the two is comparable across machines; the milliseconds are not.
 *
 * Run alone: `npx tsx tests/bench/gap.ts`, or with the others: `npm run bench`.
 */
import { pathToFileURL } from 'node:url';
import { computeStudentGaps, weeklySeries } from '../../lib/gap';
import type { SchoolCalendar, Service, SessionEntry } from '../../lib/model';
import { buildBenchData } from '../../lib/sample';
import type { BenchRow } from './types';

const WARM_UP = 10;
const RUNS = 31;

interface StudentLoad {
  services: Service[];
  calendar: SchoolCalendar;
  entries: SessionEntry[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Median milliseconds of `work` over RUNS runs after WARM_UP runs. */
function time(work: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < WARM_UP + RUNS; i++) {
    const started = performance.now();
    work();
    const elapsed = performance.now() - started;
    if (i >= WARM_UP) times.push(elapsed);
  }
  return median(times);
}

/** Each student's services, calendar and entries, as lib/db loads them for the popup. */
function byStudent(data: ReturnType<typeof buildBenchData>): StudentLoad[] {
  return data.students.map((student) => ({
    services: data.services.filter((s) => s.studentId === student.id),
    calendar: data.calendars.find((c) => c.id === student.calendarId)!,
    entries: data.sessions.filter((e) => e.studentId === student.id),
  }));
}

function sumMinutesByService(load: StudentLoad): Map<string, number> {
  const totals = new Map<string, number>();
  for (const entry of load.entries) {
    totals.set(entry.serviceId, (totals.get(entry.serviceId) ?? 0) + entry.minutesDelivered);
  }
  return totals;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

export async function run(): Promise<BenchRow[]> {
  const data = buildBenchData({ students: 10, servicesPerStudent: 8, years: 3, seed: 2026 });
  const students = byStudent(data);
  const entryCount = data.sessions.length;
  const { asOf } = data;
  const scale = `${data.students.length} students × 8 services × 3 years, ${entryCount.toLocaleString('en-US')} entries`;

  // Keep results alive so the engine cannot optimise the work away.
  let sink = 0;
  const plainPass = time(() => {
    for (const load of students) sink += sumMinutesByService(load).size;
  });
  const allGaps = time(() => {
    for (const load of students) {
      sink += computeStudentGaps(load.services, load.calendar, load.entries, asOf).length;
    }
  });
  const largest = students.reduce((a, b) => (b.entries.length > a.entries.length ? b : a));
  const oneStudent = time(() => {
    sink += computeStudentGaps(largest.services, largest.calendar, largest.entries, asOf).length;
  });
  const series = time(() => {
    for (const load of students) {
      for (const service of load.services) {
        sink += weeklySeries(service, load.calendar, load.entries, asOf).length;
      }
    }
  });
  if (sink === 0) throw new Error('The bench computed nothing.');

  const baseline = { name: 'one plain pass summing minutes per service', value: round(plainPass) };
  return [
    {
      name: `gap engine: computeStudentGaps, all students (${scale})`,
      value: round(allGaps),
      unit: 'ms',
      baseline,
      target: '≤ 50 ms',
    },
    {
      name: `gap engine: computeStudentGaps, one student (${largest.entries.length.toLocaleString('en-US')} entries)`,
      value: round(oneStudent),
      unit: 'ms',
    },
    {
      name: `gap engine: weeklySeries for all ${data.services.length} services`,
      value: round(series),
      unit: 'ms',
    },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const row of await run()) {
    const baseline = row.baseline
      ? `  (baseline ${row.baseline.value} ${row.unit}: ${row.baseline.name})`
      : '';
    console.log(
      `${row.name}: ${row.value} ${row.unit}${row.target ? ` [target ${row.target}]` : ''}${baseline}`,
    );
  }
}
