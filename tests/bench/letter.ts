/**
 * The letter page with a draft ready (a state complaint for the first student, filled in from
 * their gaps) with the bench data set (about 40,000 log entries), against the same page with an
 * empty database (its "add your child first" note), in Chromium and Firefox
 * (tests/bench/page-open.ts).
 */
import { benchEachBrowser, type PageOpen } from './page-open';
import type { BenchRow } from './types';

const LETTER: PageOpen = {
  label: 'letter page: draft ready',
  path: (data) => `letter.html?student=${data.students[0]!.id}&kind=state-complaint`,
  empty: { selector: 'a[href="/tracker.html"]' },
  seeded: { selector: '[data-testid="letter-editor"]' },
  target: '≤ 1.25 × empty',
};

export async function run(): Promise<BenchRow[]> {
  return benchEachBrowser([LETTER]);
}
