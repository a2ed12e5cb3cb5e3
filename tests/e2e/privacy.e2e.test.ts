/**
 * Privacy, proven: every request of every page, frame and worker is recorded during a full run
 * — the popup, every tracker route, the letter page, the evidence report, a backup download,
 * and inserting a paragraph through the picker in Gmail and in Outlook — and the extension must
 * have made none. The only network traffic allowed is the fixture pages loading their own files
 * (each one a real file the fixture server has), so a content script sending anything from the
 * host page would show up as an unknown path.
 */
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_IDS } from '../../lib/sample';
import {
  SAMPLE,
  TODAY,
  insertWithPicker,
  openFixture,
  waitForButtons,
  type ComposeBrowser,
} from './compose-support';
import {
  collectRequests,
  launchExtensionBrowser,
  seedDatabase,
  type RequestCollector,
} from './harness';
import { clickText } from './page-actions';
import { setExtensionToday } from './support/clock';
import { pinComposeToken } from './support/compose-names';

const TRACKER_ROUTES = [
  ['/gaps', 'Gaps'],
  ['/log', 'Session log'],
  ['/letters', 'Letters'],
  ['/services', 'Services'],
  ['/students', 'Students'],
  ['/calendar', 'School calendar'],
  ['/profile', 'Your details'],
  ['/backup', 'Backup'],
] as const;

const LETTER_KINDS = ['service-concern', 'compensatory-services', 'state-complaint'];

describe('privacy: the extension makes no network requests', () => {
  let ext: ComposeBrowser;
  let collector: RequestCollector;

  beforeAll(async () => {
    const launched = await launchExtensionBrowser();
    // Recording starts before any page of ours opens (the service worker is already running).
    collector = await collectRequests(launched.browser);
    const extensionPage = await launched.openExtensionPage('popup.html');
    await seedDatabase(extensionPage, SAMPLE);
    await setExtensionToday(extensionPage, TODAY);
    await pinComposeToken(extensionPage);
    ext = Object.assign(launched, { extensionPage });
  });
  afterAll(async () => {
    await collector?.stop();
    await ext?.close();
  });

  async function open(path: string, waitFor: string): Promise<Page> {
    const page = await ext.openExtensionPage(path, { waitFor });
    await page.bringToFront();
    return page;
  }

  it('the popup', async () => {
    const popup = await open('popup.html', '[data-testid="gap-cards"][data-ready="true"]');
    await popup.close();
  });

  it('every tracker route, and saving a backup file', async () => {
    const tracker = await open('tracker.html#/gaps', 'main h1');
    for (const [path, title] of TRACKER_ROUTES) {
      await tracker.evaluate((hash: string) => (location.hash = hash), path);
      await tracker.waitForFunction(
        (text: string) => document.querySelector('main h1')?.textContent === text,
        {},
        title,
      );
    }
    await clickText(tracker, 'button', 'Save backup file');
    await tracker.waitForFunction(() =>
      (document.querySelector('[data-testid="backup-status"]')?.textContent ?? '').startsWith(
        'Saved ',
      ),
    );
    await tracker.close();
  });

  it('the letter page for several kinds, and the evidence report', async () => {
    for (const kind of LETTER_KINDS) {
      const letter = await open(
        `letter.html?student=${SAMPLE_IDS.student}&kind=${kind}`,
        '[data-testid=letter-editor] p',
      );
      await letter.close();
    }
    const report = await open(
      `report.html?student=${SAMPLE_IDS.student}`,
      '[data-testid=evidence-report]',
    );
    await report.close();
  });

  it('inserting a paragraph through the picker in Gmail and in Outlook', async () => {
    for (const host of ['mail.google.com', 'outlook.office.com']) {
      const { page } = await openFixture(ext, host, '/compose.html');
      await page.bringToFront();
      await waitForButtons(page, 1);
      await insertWithPicker(page, 'service-concern');
      await page.close();
    }
  });

  it('made no request from the extension; pages loaded only their own files', async () => {
    const everything = await collector.networkRequests();
    const fromExtension = await collector.networkRequestsFrom(ext.extensionOrigin);
    const fromWorkers = everything.filter((r) => r.targetType !== 'page');
    const fixtureHosts = new Set(ext.fixtures.hosts);
    const elsewhere = everything.filter((r) => !fixtureHosts.has(new URL(r.url).host));
    // Every request the fixture server saw was for a file it has (a beacon would be a 404).
    const unknownPaths = ext.fixtures.requests.filter(
      (r) => r.method !== 'CONNECT' && r.status !== 200 && r.status !== 304,
    );
    console.log(
      `privacy: ${collector.requests.length} requests seen in all, ${everything.length} over the network (fixture pages' own files); by the extension: ${fromExtension.length}`,
    );
    expect(fromExtension).toEqual([]);
    expect(fromWorkers).toEqual([]);
    expect(elsewhere).toEqual([]);
    expect(unknownPaths.map((r) => `${r.status} ${r.url}`)).toEqual([]);
    // No connection to any other host was even attempted. Firefox sends every host through the
    // fixture proxy, which records them all, the extension's background page included (its
    // requests are not reported over WebDriver BiDi); Chromium resolves no other host.
    const refused = ext.fixtures.requests.filter((r) => r.method === 'CONNECT' && r.status !== 200);
    expect(refused.map((r) => r.host)).toEqual([]);
    // The run did load fixture pages over the network, so the recorder was working.
    expect(everything.filter((r) => r.url.includes('/compose.html')).length).toBe(2);
    // And it saw the extension's own contexts: Chromium reports their files loading
    // (chrome-extension://…, not network); Firefox reports none of those, but its proxy carried
    // every page's traffic.
    if (ext.browserName === 'chromium')
      expect(collector.requests.some((r) => r.url.startsWith(ext.extensionOrigin))).toBe(true);
    else expect(ext.fixtures.requests.some((r) => r.method === 'CONNECT')).toBe(true);
  });
});
