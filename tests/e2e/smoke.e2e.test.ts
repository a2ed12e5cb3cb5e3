import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoA11yViolations,
  launchExtensionBrowser,
  sendRuntimeMessage,
  type ExtensionBrowser,
} from './harness';

describe('smoke: the extension in a real browser', () => {
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    ext = await launchExtensionBrowser();
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('loads with an extension id and origin', () => {
    // Chromium's 32 letters a-p, or Firefox's add-on ID in its {GUID} form (wxt.config.ts).
    expect(ext.extensionId).toMatch(/^[a-p]{32}$|^\{[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\}$/);
    expect(ext.extensionOrigin).toMatch(/^(chrome|moz)-extension:\/\/[\w-]+$/);
  });

  it('opens the setup tab on first install', async () => {
    const setup = await ext.waitForExtensionPage('tracker.html#/setup');
    expect(await setup.evaluate(() => location.hash)).toBe('#/setup');
  });

  it('the background answers a ping sent from an extension page', async () => {
    const page = await ext.openExtensionPage('popup.html');
    expect(await sendRuntimeMessage(page, { type: 'ping', payload: {} })).toEqual({
      ok: true,
      value: { ok: true },
    });
    // The protocol rejects unknown messages with a reason instead of throwing.
    expect(await sendRuntimeMessage(page, { type: 'no-such-message', payload: {} })).toEqual({
      ok: false,
      error: 'Unknown message type: no-such-message',
    });
    await page.close();
  });

  it('the popup has no serious or critical accessibility violations', async () => {
    const page = await ext.openExtensionPage('popup.html');
    expect(await page.title()).toBe('Montana IEP Advocate');
    await expectNoA11yViolations(page);
    await page.close();
  });

  it('the fixture server answers on the real mail host name over HTTPS', async () => {
    ext.fixtures.clearRequests();
    const page = await ext.newPage();
    const response = await page.goto('https://mail.google.com/', { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).host).toBe('mail.google.com');
    expect(await page.evaluate(() => location.protocol)).toBe('https:');
    expect(ext.fixtures.requests.map((r) => [r.host, r.path])).toContainEqual([
      'mail.google.com',
      '/',
    ]);
    await page.close();
  });
});
