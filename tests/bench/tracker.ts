/**
 * The tracker's Gaps page (every service's card and weekly chart) and Session log page (its first
 * screen of entries) with the bench data set (about 40,000 log entries), against the same pages
 * with an empty database ("No student yet"), in Chromium and Firefox (tests/bench/page-open.ts).
 */
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
];

export async function run(): Promise<BenchRow[]> {
  return benchEachBrowser(PAGES);
}
