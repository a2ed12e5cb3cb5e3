/**
 * Moves the extension to another "today" from an extension page, through lib/clock's override in
 * storage.local (pages and the background read it with getToday()). Used by the demo and the
 * bench; e2e tests may use it too.
 */
import type { Page } from 'puppeteer';
import { CLOCK_STORAGE_KEY } from '../../../lib/clock';
import type { IsoDate } from '../../../lib/dates';

export async function setExtensionToday(page: Page, today: IsoDate | null): Promise<void> {
  await page.evaluate(
    async (key: string, date: string | null) => {
      type Local = { set(items: object): Promise<void>; remove(key: string): Promise<void> };
      type Api = { storage: { local: Local } };
      const scope = globalThis as unknown as { browser?: Api; chrome?: Api };
      const local = (scope.browser ?? scope.chrome)!.storage.local;
      await (date === null ? local.remove(key) : local.set({ [key]: date }));
    },
    CLOCK_STORAGE_KEY,
    today,
  );
}
