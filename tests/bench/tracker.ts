/**
 * The tracker's Gaps page (every service's card and weekly chart) and Session log page (its first
 * screen of entries) with the bench data set (about 40,000 log entries), against the same pages
 * with an empty database ("No student yet"), in Chromium and Firefox (tests/bench/page-open.ts).
 * Last, the Gaps page again with 10,000 of the district's own records for the student (issue 11:
 * the side-by-side totals and the chart's second series), within the same budget.
 */
import type { BenchData } from '../../lib/sample';
import type { DistrictRecord } from '../../lib/model';
import { benchEachBrowser, type PageOpen } from './page-open';
import type { BenchRow } from './types';

const NO_STUDENT = { selector: 'main .notice a[href="#/setup"]' };

const PAGES: PageOpen[] = [
  {
    label: 'tracker Gaps page: cards and charts shown',
    path: () => 'tracker.html#/gaps',
    empty: NO_STUDENT,
    seeded: { selector: '[data-testid="gaps-page"]' },
    target: '≤ 1.25 × empty',
  },
  {
    label: 'tracker Session log: first entries shown',
    path: () => 'tracker.html#/log',
    empty: NO_STUDENT,
    seeded: { selector: '[data-testid="log-table"] tbody tr' },
    target: '≤ 1.25 × empty',
  },
  {
    label: 'tracker Gaps page with 10,000 district records',
    path: () => 'tracker.html#/gaps',
    empty: NO_STUDENT,
    seeded: { selector: '[data-testid="gaps-district-totals"]' },
    target: '≤ 1.25 × empty',
    extra: (data) => districtRecords(data, 10_000),
  },
];

const OUTCOMES = ['delivered', 'student-absent', 'provider-absent', 'school-closed'] as const;

/**
 * `count` district records for the first student, on the dates of their log (and the days after,
 * so some fill weeks the parent left unrecorded), mostly delivered, some not.
 */
function districtRecords(data: BenchData, count: number): DistrictRecord[] {
  const student = data.students[0]!;
  const entries = data.sessions.filter((entry) => entry.studentId === student.id);
  return Array.from({ length: count }, (_, i) => {
    const entry = entries[i % entries.length]!;
    const shift = Math.floor(i / entries.length);
    const date = new Date(`${entry.date}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + shift);
    const outcome = OUTCOMES[i % 13 === 0 ? 1 + (i % 3) : 0]!;
    return {
      id: `bench-district-${i}`,
      importId: 'bench-district-import',
      studentId: student.id,
      serviceId: entry.serviceId,
      date: date.toISOString().slice(0, 10),
      outcome,
      minutesServed: outcome === 'delivered' ? entry.scheduledMinutes - (i % 5 === 0 ? 5 : 0) : 0,
      code: outcome === 'delivered' ? 'P' : 'SA',
      serviceText: 'Speech/Language Therapy',
      provider: 'J. Ortiz',
      position: 'SLP',
      note: '',
      row: i + 1,
    };
  });
}

export async function run(): Promise<BenchRow[]> {
  return benchEachBrowser(PAGES);
}
