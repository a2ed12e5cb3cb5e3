/**
 * Small page actions for the trust e2e tests (backup, privacy, XSS): click by visible text and
 * read the files a page downloads (./support/downloads.ts).
 *
 * Two things learned the hard way in this Chromium:
 *   - puppeteer's P-selectors (::-p-text, ::-p-aria) hang or crash extension pages, so elements
 *     are found with a function in the page instead;
 *   - a tab in the background runs no animation frames, which clicks and waits rely on: bring
 *     the page to the front first (the first-run setup tab opens over it on install).
 */
import type { Page } from 'puppeteer';

/** Clicks the element matching `selector` whose trimmed text is exactly `text`. */
export async function clickText(page: Page, selector: string, text: string): Promise<void> {
  const handle = await page.waitForFunction(
    // false, not null, while waiting: Firefox (WebDriver BiDi) fails on a null result.
    (sel: string, wanted: string) =>
      Array.from(document.querySelectorAll(sel)).find((el) => el.textContent?.trim() === wanted) ??
      false,
    {},
    selector,
    text,
  );
  const element = handle.asElement();
  if (!element) throw new Error(`No ${selector} with the text "${text}".`);
  await (element as unknown as { click(): Promise<void> }).click();
}

/** Downloads: one helper for every test, in ./support/downloads.ts (kept importable from here). */
export { captureDownloads, lastDownload } from './support/downloads';
