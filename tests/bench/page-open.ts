/**
 * Time to a page's first useful screen with the bench data set (10 students × 8 services × 3
 * school years, about 40,000 log entries) against the same page with an empty database, same
 * run, same browser. Not a bench module itself (no `run`): popup.ts, tracker.ts and letter.ts
 * call it, once per browser.
 *
 * Each time is from navigation start (performance.now() counts from it) to the moment a CSS
 * selector first matches, seen by a MutationObserver installed before the page's own scripts
 * run (Chromium; in Firefox an in-page mutation poll from DOMContentLoaded), or to a performance
 * mark the page sets. Median over RUNS opens, after WARM_UP opens.
 */
import type { Page } from 'puppeteer';
import type { BenchData } from '../../lib/sample';
import { launchExtensionBrowser } from '../e2e/harness';
import { prepareExtension, type BrowserName } from '../e2e/support/build';
import { setExtensionToday } from '../e2e/support/clock';
import type { DistrictRecord } from '../../lib/model';
import { seedDistrictRecords } from '../e2e/support/database';
import { benchDataSet, seedBenchData } from './seed';
import type { BenchRow } from './types';

export const RUNS = 15;
export const WARM_UP = 2;
const SEEN_AT = '__benchSeenAt';

/** When the page is "shown": a selector first matching, or a performance mark. */
export type ShownSignal = { selector: string } | { mark: string };

export interface PageOpen {
  /** The row's name, before ", N log entries (median of M)". */
  label: string;
  /** Extension page path, for example "tracker.html#/gaps"; may depend on the data set. */
  path: (data: BenchData) => string;
  /** What the page shows first with an empty database (its baseline). */
  empty: ShownSignal;
  /** What it shows once the data is read and worked out. */
  seeded: ShownSignal;
  /** The goal, for example "≤ 1.25 × empty" (information only). */
  target: string;
  /**
   * District records to add to the seeded database before this page's seeded opens (kept for
   * the pages after it): list such a page last.
   */
  extra?: (data: BenchData) => DistrictRecord[];
}

/** Text, not a function: see tests/e2e/support/database.ts. */
const recordSelectorTime = (selector: string) => `
  (() => {
    const selector = ${JSON.stringify(selector)};
    new MutationObserver((_, observer) => {
      if (document.querySelector(selector)) {
        globalThis.${SEEN_AT} = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  })();`;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function openTimes(page: Page, url: string, signal: ShownSignal): Promise<number[]> {
  const script =
    'selector' in signal
      ? await page.evaluateOnNewDocument(recordSelectorTime(signal.selector))
      : null;
  const times: number[] = [];
  try {
    for (let run = 0; run < WARM_UP + RUNS; run++) {
      // about:blank between opens: a hash-only change would not load the page again.
      await page.goto('about:blank');
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      let time: unknown;
      if ('selector' in signal) {
        // Firefox runs no preload script in extension pages: there an in-page mutation poll
        // started at DOMContentLoaded gives the time (late only if the view was already there).
        const polled = await page.waitForFunction(
          (selector: string) => (document.querySelector(selector) ? performance.now() : false),
          { timeout: 30_000, polling: 'mutation' },
          signal.selector,
        );
        const recorded = await page.evaluate(
          (key: string) => (globalThis as Record<string, unknown>)[key],
          SEEN_AT,
        );
        time = typeof recorded === 'number' ? recorded : await polled.jsonValue();
      } else {
        await page.waitForFunction(
          (name: string) => performance.getEntriesByName(name).length > 0,
          { timeout: 30_000, polling: 20 },
          signal.mark,
        );
        time = await page.evaluate(
          (name: string) => performance.getEntriesByName(name)[0]!.startTime,
          signal.mark,
        );
      }
      if (typeof time !== 'number' || !Number.isFinite(time))
        throw new Error(`An open of ${url} was not timed.`);
      if (run >= WARM_UP) times.push(time);
    }
  } finally {
    if (script) await page.removeScriptToEvaluateOnNewDocument(script.identifier);
  }
  return times;
}

export const round = (ms: number) => Math.round(ms * 10) / 10;

/** Opens each page empty, seeds the data set, opens each again; one row per page. */
export async function benchPageOpens(browser: BrowserName, pages: PageOpen[]): Promise<BenchRow[]> {
  const ext = await launchExtensionBrowser({
    browser,
    headless: true,
    extensionDir: await prepareExtension(`bench-${browser}`, browser),
  });
  try {
    const data = benchDataSet();
    const page = await ext.openExtensionPage('popup.html');
    await page.setViewport({ width: 1000, height: 800 });
    const empty: number[] = [];
    for (const open of pages)
      empty.push(median(await openTimes(page, ext.extensionUrl(open.path(data)), open.empty)));

    await page.goto(ext.extensionUrl('popup.html'), { waitUntil: 'load' });
    await setExtensionToday(page, data.asOf);
    await seedBenchData(page, data);
    const rows: BenchRow[] = [];
    for (const [index, open] of pages.entries()) {
      if (open.extra) await seedDistrictRecords(page, open.extra(data), 120_000);
      const seeded = median(await openTimes(page, ext.extensionUrl(open.path(data)), open.seeded));
      rows.push({
        name: `${browser}: ${open.label}, ${data.sessions.length} log entries (median of ${RUNS})`,
        value: round(seeded),
        unit: 'ms',
        baseline: { name: 'empty database', value: round(empty[index]!) },
        target: open.target,
      });
    }
    return rows;
  } finally {
    await ext.close();
  }
}

/**
 * `measure` in Chromium, then Firefox. One browser failing does not lose the other's rows: its
 * error is printed, and thrown only when neither browser gave a row.
 */
export async function inEachBrowser(
  measure: (browser: BrowserName) => Promise<BenchRow[]>,
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const failures: unknown[] = [];
  for (const browser of ['chromium', 'firefox'] as const) {
    try {
      rows.push(...(await measure(browser)));
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length) console.error('bench: measuring failed:', ...failures);
  if (rows.length === 0) throw failures[0];
  return rows;
}

/** benchPageOpens in Chromium, then Firefox (inEachBrowser). */
export function benchEachBrowser(pages: PageOpen[]): Promise<BenchRow[]> {
  return inEachBrowser((browser) => benchPageOpens(browser, pages));
}
