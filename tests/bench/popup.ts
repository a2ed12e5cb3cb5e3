/**
 * The popup's time to show the picked student's gap cards with the bench data set (about 40,000
 * log entries, lib/sample's buildBenchData) in IndexedDB: from navigation start to the popup's
 * `performance.mark('gaps-shown')`, in Chromium and Firefox (tests/bench/page-open.ts).
 *
 * Baseline, same run and same browser: the popup with an empty database, from navigation start
 * to its first-run view (the "Welcome" heading) — the same page doing everything except reading
 * and computing the data.
 */
import { benchEachBrowser, type PageOpen } from './page-open';
import type { BenchRow } from './types';

const POPUP: PageOpen = {
  label: 'popup: gaps shown',
  path: () => 'popup.html',
  empty: { selector: '#welcome-heading' },
  seeded: { mark: 'gaps-shown' },
  target: '≤ 150 ms and ≤ 1.15 × empty',
};

export async function run(): Promise<BenchRow[]> {
  return benchEachBrowser([POPUP]);
}
