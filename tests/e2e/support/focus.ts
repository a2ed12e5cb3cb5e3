/**
 * Firefox: Tab past a page's last control moves focus into the browser's own toolbar, as it does
 * for a person. Keys sent by the automation protocol still reach the page afterwards and move
 * focus inside it, but the page no longer has the window's focus (document.hasFocus() is false)
 * and widgets that need it, such as a date field's month/day/year segments, ignore typing. A
 * person's next Tab out of the toolbar gives the page its focus back; switching tabs does the
 * same here. Chromium's headless window has no toolbar, so this does nothing there.
 */
import type { Page } from 'puppeteer';

export async function restorePageFocus(page: Page): Promise<void> {
  if (await page.evaluate(() => document.hasFocus())) return;
  const other = await page.browser().newPage();
  await other.bringToFront();
  await page.bringToFront();
  await other.close();
}
