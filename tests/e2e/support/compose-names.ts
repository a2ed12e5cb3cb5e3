/**
 * Our elements in a page carry the install's random token (lib/compose/names.ts), kept in
 * storage.local by the background. Tests pin it to a known token, the way a real install keeps
 * its own, so they can find the hosts; the token is as meaningless as a random one.
 */
import type { Page } from 'puppeteer';
import { NAMES_STORAGE_KEY } from '../../../lib/compose/background/names';
import { hostSelector } from '../../../lib/compose/names';

export const TEST_TOKEN = 'qzvkxwjpmfbhtlyr';
/** Selector of our button hosts (a <span> marked with the token). */
export const BUTTON_TAG = hostSelector(TEST_TOKEN, 'button');
/** Selector of the picker host (a <div> marked with the token). */
export const PICKER_TAG = hostSelector(TEST_TOKEN, 'picker');

/** Pins the install's token from an extension page, before any mail page opens. */
export async function pinComposeToken(extensionPage: Page): Promise<void> {
  await extensionPage.evaluate(
    async (key: string, token: string) => {
      type Api = { storage: { local: { set(items: object): Promise<void> } } };
      const scope = globalThis as unknown as { browser?: Api; chrome?: Api };
      await (scope.browser ?? scope.chrome)!.storage.local.set({ [key]: token });
    },
    NAMES_STORAGE_KEY,
    TEST_TOKEN,
  );
}
