/**
 * Small page actions for the trust e2e tests (backup, privacy, XSS): click by visible text and
 * read the files a page downloads.
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

/**
 * Keeps every Blob the page turns into a download link (lib's downloads go through
 * URL.createObjectURL), so a test can read the file without touching the file system.
 */
export async function captureDownloads(page: Page): Promise<void> {
  await page.evaluate(() => {
    const scope = window as unknown as { __downloads: Blob[] };
    scope.__downloads = [];
    const original = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      if (blob instanceof Blob) scope.__downloads.push(blob);
      return original(blob);
    };
  });
}

/**
 * The text of the last file downloaded since captureDownloads, once there is one. Lone
 * surrogates are made well-formed for the trip to Node.
 */
export async function lastDownload(page: Page): Promise<string> {
  await page.waitForFunction(
    () => (window as unknown as { __downloads: Blob[] }).__downloads.length > 0,
  );
  return page.evaluate(async () => {
    const list = (window as unknown as { __downloads: Blob[] }).__downloads;
    const text = await list[list.length - 1]!.text();
    return (text as unknown as { toWellFormed(): string }).toWellFormed();
  });
}
