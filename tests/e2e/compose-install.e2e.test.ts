/**
 * A new user with Gmail already open installs the extension and goes back to Gmail: the compose
 * they were writing gets the button and the picker inserts into it, without a reload (the
 * background injects the content script on install). The Gmail tab is opened before the
 * extension exists (the harness's beforeInstall), so nothing but the install can have put the
 * script there.
 *
 * The install's token is not pinned here: the content script took the install's own token when
 * it started, and pinning another one afterwards would only rename what later scripts place. The
 * test reads the token the install made, as the page's elements carry it.
 */
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAMES_STORAGE_KEY } from '../../lib/compose/background/names';
import { hostSelector, TOKEN_PATTERN } from '../../lib/compose/names';
import {
  collectPageErrors,
  expectedDraft,
  insertWithPicker,
  launchWithSample,
  normalize,
  paragraphTexts,
  type ComposeBrowser,
} from './compose-support';
import { eventually } from './harness';

const EDITOR = 'div[g_editable="true"]';

describe('mail tab open before the install', () => {
  let ext: ComposeBrowser;
  let gmail: Page;
  let errors: string[];

  beforeAll(async () => {
    ext = await launchWithSample({
      pinToken: false,
      beforeInstall: async (browser, fixtures) => {
        gmail = await browser.newPage();
        errors = collectPageErrors(gmail);
        await gmail.goto(fixtures.url('mail.google.com', '/compose.html'), { waitUntil: 'load' });
        await gmail.click(EDITOR);
        await gmail.keyboard.type('Hello Ms. Holt,');
      },
    });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('gets the button without a reload, and it inserts', async () => {
    const token = await eventually(
      () =>
        ext.evaluateInExtension(async (key: string) => {
          type Local = {
            storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
          };
          const api = (globalThis as unknown as { chrome: Local }).chrome;
          return (await api.storage.local.get(key))[key] as string | undefined;
        }, NAMES_STORAGE_KEY),
      "the install's token",
    );
    expect(token).toMatch(TOKEN_PATTERN);
    // The user comes back to the Gmail tab (the install opened the setup tab in front of it).
    await gmail.bringToFront();
    await gmail.waitForFunction(
      (tag: string) => document.querySelectorAll(tag).length === 1,
      { timeout: 10_000 },
      hostSelector(token, 'button'),
    );
    // The page was never reloaded: what the user typed before the install is still there.
    expect(normalize(await gmail.$eval(EDITOR, (e) => (e as HTMLElement).innerText))).toBe(
      'Hello Ms. Holt,',
    );

    await gmail.click(EDITOR);
    await gmail.keyboard.press('End');
    await insertWithPicker(gmail, 'service-concern', { token });
    const draft = expectedDraft('service-concern', 'paragraph');
    const lines = (await gmail.$eval(EDITOR, (e) => (e as HTMLElement).innerText))
      .split('\n')
      .map(normalize)
      .filter(Boolean);
    expect(lines[0]).toBe('Hello Ms. Holt,');
    expect(lines[1]).toBe(paragraphTexts(draft.blocks)[0]);
    expect(errors).toEqual([]);
  });
});
