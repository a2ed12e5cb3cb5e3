/**
 * An extension reload or update while a compose is open: nothing may be thrown into the page,
 * the orphaned script's button goes away and the fresh script (re-injected by the background)
 * serves the compose again.
 */
import { BUTTON_TAG } from './support/compose-names';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionDirFor } from './support/build';
import {
  collectPageErrors,
  insertButtons,
  launchWithSample,
  normalize,
  pickerClosed,
  waitForButtons,
  waitForPicker,
  type ComposeBrowser,
} from './compose-support';

describe('extension reload with a compose open', () => {
  let ext: ComposeBrowser;

  beforeAll(async () => {
    ext = await launchWithSample();
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('throws nothing into the page and serves the compose again', async () => {
    const page = await ext.newPage();
    const errors = collectPageErrors(page);
    await page.goto(ext.fixtures.url('mail.google.com', '/compose.html'), { waitUntil: 'load' });
    await waitForButtons(page, 1);
    await page.click('div[g_editable="true"]');
    await page.keyboard.type('Before the update.');

    await page.evaluate(
      (tag: string) => document.querySelector(tag)!.setAttribute('data-old', ''),
      BUTTON_TAG,
    );

    // Install the same build again: Chrome treats it as an update of the running extension
    // (onInstalled "update"), which orphans the content script in the open tab; Firefox reloads
    // the temporary add-on the same way. (chrome.runtime.reload() leaves a pipe-loaded unpacked
    // extension disabled in this harness.)
    await ext.browser.installExtension(extensionDirFor(ext.browserName, process.env.E2E_BUILD_DIR));

    // The page keeps working while the old script is orphaned: typing, shortcuts, focus moves.
    await page.click('div[g_editable="true"]');
    await page.keyboard.type(' Still typing ;pwn ');
    await page.click('input[name="subjectbox"]');
    await page.click('div[g_editable="true"]');

    // The background puts a fresh content script in: the old button is gone, a new one works.
    await page.waitForFunction(
      (tag: string) =>
        document.querySelectorAll(tag).length === 1 &&
        !document.querySelector(tag)!.hasAttribute('data-old'),
      { timeout: 10_000 },
      BUTTON_TAG,
    );
    const [button] = await insertButtons(page);
    await button!.click();
    await waitForPicker(page);
    await page.keyboard.press('Escape');
    await pickerClosed(page);
    expect(
      normalize(await page.$eval('div[g_editable="true"]', (e) => e.textContent ?? '')),
    ).toMatch(/^Before the update\. Still typing/);
    expect(errors).toEqual([]);
  });
});
