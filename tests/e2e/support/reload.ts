/**
 * Reloads an extension page and waits for the new document to finish loading, in Chromium and
 * Firefox alike (Firefox reports no navigation events for moz-extension pages, so
 * `page.reload()` never settles there): a token left in the old document tells the new one apart.
 */
import type { Page } from 'puppeteer';

export async function reloadExtensionPage(page: Page, { timeout = 20_000 } = {}): Promise<void> {
  const token = `${Date.now()}-${Math.random()}`;
  await page.evaluate((value: string) => {
    (window as unknown as { __harnessReload?: string }).__harnessReload = value;
    // After this evaluation has answered, so the answer is not lost with the old document.
    setTimeout(() => location.reload(), 0);
  }, token);
  await page.waitForFunction(
    (value: string) =>
      (window as unknown as { __harnessReload?: string }).__harnessReload !== value &&
      document.readyState === 'complete',
    { timeout, polling: 50 },
    token,
  );
}
