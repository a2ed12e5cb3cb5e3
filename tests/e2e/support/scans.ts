/**
 * Our content script's "look finished" signal (lib/compose/detection.ts, scannedEvent, test builds only: 'start'
 * after the start-up scan, 'focus' after each focus), recorded in the page from its first
 * instant so none is missed. A test that checks a page got NOTHING from us waits for the look
 * that could have added something, then checks once: no fixed sleep before "expect nothing".
 *
 *   await recordScans(page);                       // before page.goto
 *   await page.goto(url);
 *   await waitForScan(page, 'start');
 *   await afterScan(page, 'focus', () => page.focus('input[type="search"]'));
 *   expect(await ourElements(page)).toBe(0);
 */
import type { Page } from 'puppeteer';
import { scannedEvent } from '../../../lib/compose/detection';
import { TEST_TOKEN } from './compose-names';
import { eventually } from '../../support/eventually';

type Look = 'start' | 'focus';
const RECORD = '__iepAdvocateScans';

/** Records every signal of the pages `page` loads from now on (call before goto). */
export async function recordScans(page: Page): Promise<void> {
  await page.evaluateOnNewDocument(
    (type: string, record: string) => {
      const looks: string[] = [];
      Object.defineProperty(window, record, { value: looks });
      window.addEventListener(type, (event) => looks.push(String((event as CustomEvent).detail)), {
        capture: true,
      });
    },
    scannedEvent(TEST_TOKEN),
    RECORD,
  );
}

/** The looks seen so far in the current document, oldest first. */
export function scansSeen(page: Page): Promise<string[]> {
  return page.evaluate((record: string) => {
    const looks = (window as unknown as Record<string, string[] | undefined>)[record];
    if (!looks) throw new Error('Scans are not recorded in this page: call recordScans first.');
    return [...looks];
  }, RECORD);
}

const count = async (page: Page, look: Look) =>
  (await scansSeen(page)).filter((seen) => seen === look).length;

/** Waits until our content script has finished at least `times` looks of this kind. */
export async function waitForScan(page: Page, look: Look, times = 1): Promise<void> {
  await eventually(
    async () => (await count(page, look)) >= times,
    `our content script's ${look} scan in ${page.url()}`,
  );
}

/** Runs `action` (which moves focus, say) and waits for the look it causes to finish. */
export async function afterScan(page: Page, look: Look, action: () => Promise<unknown>) {
  const before = await count(page, look);
  await action();
  await waitForScan(page, look, before + 1);
}
