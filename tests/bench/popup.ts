/**
 * The popup's time to show a student's gap cards with 10 students × 8 services × 3 school years
 * of daily log entries (about 40,000) in IndexedDB: from navigation start to the popup's
 * `performance.mark('gaps-shown')`. Median over repeated opens, after a warm-up.
 *
 * Baseline, same run and same browser: the popup with an empty database, from navigation start
 * to its first-run view (the "Welcome" heading) — the same page doing everything except reading
 * and computing the data.
 */
import type { Page } from 'puppeteer';
import { defaultSettings } from '../../lib/model';
import { buildBenchData } from '../../lib/sample';
import { launchExtensionBrowser, seedDatabase } from '../e2e/harness';
import { prepareExtension } from '../e2e/support/build';
import { setExtensionToday } from '../e2e/support/clock';
import type { BenchRow } from './types';

const RUNS = 15;
const WARM_UP = 2;
const GAPS_MARK = 'gaps-shown';
const EMPTY_VIEW = '#welcome-heading';

/**
 * Records, in every new document, when a selector first matches (performance.now(), which
 * counts from navigation start). Text, not a function: see tests/e2e/support/database.ts.
 */
const RECORD_SELECTOR_TIME = (selector: string) => `
  (() => {
    const selector = ${JSON.stringify(selector)};
    new MutationObserver((_, observer) => {
      if (document.querySelector(selector)) {
        globalThis.__benchSeenAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  })();`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function openTimes(page: Page, url: string, readAt: () => Promise<number>) {
  const times: number[] = [];
  for (let run = 0; run < WARM_UP + RUNS; run++) {
    await page.goto(url, { waitUntil: 'load' });
    const time = await readAt();
    if (run >= WARM_UP) times.push(time);
  }
  return times;
}

export async function run(): Promise<BenchRow[]> {
  const ext = await launchExtensionBrowser({
    browser: 'chromium',
    headless: true,
    extensionDir: await prepareExtension('bench'),
  });
  try {
    const popupUrl = ext.extensionUrl('popup.html');
    const page = await ext.openExtensionPage('popup.html');
    await page.setViewport({ width: 420, height: 640 });

    const script = await page.evaluateOnNewDocument(RECORD_SELECTOR_TIME(EMPTY_VIEW));
    const emptyTimes = await openTimes(page, popupUrl, async () => {
      await page.waitForSelector(EMPTY_VIEW, { timeout: 10_000 });
      return page.evaluate(() => (globalThis as { __benchSeenAt?: number }).__benchSeenAt ?? NaN);
    });
    await page.removeScriptToEvaluateOnNewDocument(script.identifier);

    const data = buildBenchData({ students: 10, servicesPerStudent: 8, years: 3, seed: 1 });
    await setExtensionToday(page, data.asOf);
    await seedDatabase(page, {
      ...data,
      // Show the first student, as a parent who picked them would see.
      settings: { ...defaultSettings, currentStudentId: data.students[0]!.id, setupDone: true },
    });
    const seededTimes = await openTimes(page, popupUrl, async () => {
      await page.waitForFunction(
        (name: string) => performance.getEntriesByName(name).length > 0,
        { timeout: 30_000, polling: 20 },
        GAPS_MARK,
      );
      return page.evaluate(
        (name: string) => performance.getEntriesByName(name)[0]!.startTime,
        GAPS_MARK,
      );
    });
    if ([...emptyTimes, ...seededTimes].some((time) => !Number.isFinite(time))) {
      throw new Error('A popup open was not timed.');
    }
    return [
      {
        name: `popup: gaps shown, ${data.sessions.length} log entries (median of ${RUNS})`,
        value: Math.round(median(seededTimes) * 10) / 10,
        unit: 'ms',
        baseline: {
          name: 'empty database',
          value: Math.round(median(emptyTimes) * 10) / 10,
        },
        target: '≤ 150 ms',
      },
    ];
  } finally {
    await ext.close();
  }
}
