/**
 * Privacy, proven: every request of every page, frame and worker is recorded while each surface
 * is used — the popup, every tracker route and a backup download, the letter page, the evidence
 * report, and inserting a paragraph through the picker in Gmail and in Outlook — and each
 * surface's record is checked: the extension made none, and the only network traffic is the
 * fixture pages loading their own files (each one a real file the fixture server has), so a
 * content script sending anything from the host page would show up as an unknown path.
 *
 * A surface's record ends at a marker: a request the test makes from a web page after the
 * surface is done, once the recorder (and the fixture server) have it. Everything the surface
 * started before it is recorded by then, so "nothing" is read from a record known to be complete.
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
  eventually,
  launchExtensionBrowser,
  seedDatabase,
  type RecordedRequest,
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

const PROBE = '/__privacy/markers.html';
const MARKER = '/__privacy/surface-done';

interface Surface {
  name: string;
  /** Opens it in an extension page (else in a mail page). */
  extension: boolean;
  use(): Promise<void>;
}

describe('privacy: the extension makes no network requests', () => {
  let ext: ComposeBrowser;
  let collector: RequestCollector;
  let probe: Page;

  beforeAll(async () => {
    const launched = await launchExtensionBrowser();
    // Recording starts before any page of ours opens (the service worker is already running).
    collector = await collectRequests(launched.browser);
    const extensionPage = await launched.openExtensionPage('popup.html');
    await seedDatabase(extensionPage, SAMPLE);
    await setExtensionToday(extensionPage, TODAY);
    await pinComposeToken(extensionPage);
    ext = Object.assign(launched, { extensionPage });
    // The page that sends the markers: a plain web page, none of the extension's.
    launched.fixtures.serve('example.com', MARKER, { body: 'ok', contentType: 'text/plain' });
    launched.fixtures.serve('example.com', PROBE, {
      // No favicon: the browser would ask the server for one.
      body: '<!doctype html><html lang="en"><title>Markers</title><link rel="icon" href="data:,"></html>',
    });
    probe = await ext.newPage();
    await probe.goto(ext.fixtures.url('example.com', PROBE), { waitUntil: 'load' });
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

  const surfaces: Surface[] = [
    {
      name: 'the popup',
      extension: true,
      use: async () => {
        const popup = await open('popup.html', '[data-testid="gap-cards"][data-ready="true"]');
        await popup.close();
      },
    },
    {
      name: 'every tracker route, and saving a backup file',
      extension: true,
      use: async () => {
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
      },
    },
    {
      name: `the letter page (${LETTER_KINDS.join(', ')})`,
      extension: true,
      use: async () => {
        for (const kind of LETTER_KINDS) {
          const letter = await open(
            `letter.html?student=${SAMPLE_IDS.student}&kind=${kind}`,
            '[data-testid=letter-editor] p',
          );
          await letter.close();
        }
      },
    },
    {
      name: 'the evidence report',
      extension: true,
      use: async () => {
        const report = await open(
          `report.html?student=${SAMPLE_IDS.student}`,
          '[data-testid=evidence-report]',
        );
        await report.close();
      },
    },
    ...['mail.google.com', 'outlook.office.com'].map((host) => ({
      name: `inserting a paragraph through the picker in ${host}`,
      extension: false,
      use: async () => {
        const { page } = await openFixture(ext, host, '/compose.html');
        await page.bringToFront();
        await waitForButtons(page, 1);
        await insertWithPicker(page, 'service-concern');
        await page.close();
      },
    })),
  ];

  /**
   * Uses one surface, then sends a marker from the probe page and waits until both the
   * recorder and the fixture server have it: the surface's stretch of each record is complete.
   */
  async function record(surface: Surface, index: number) {
    const from = collector.requests.length;
    const served = ext.fixtures.requests.length;
    await surface.use();
    const marker = ext.fixtures.url('example.com', `${MARKER}?after=${index}`);
    await probe.evaluate((url: string) => fetch(url).then((r) => r.text()), marker);
    const to = await eventually(() => {
      const at = collector.requests.findIndex((r, i) => i >= from && r.url === marker);
      const onServer = ext.fixtures.requests.some((r, i) => i >= served && r.url === marker);
      return at >= 0 && onServer ? at : undefined;
    }, `the marker after ${surface.name} to be recorded`);
    const onServer = ext.fixtures.requests
      .slice(served)
      .filter((r) => !r.url.startsWith(ext.fixtures.url('example.com', MARKER)));
    return {
      network: await collector.networkRequests({ from, to }),
      fromExtension: await collector.networkRequestsFrom(ext.extensionOrigin, { from, to }),
      /** Chromium reports the extension's own files loading (chrome-extension://, not network). */
      extensionFiles: collector.requests
        .slice(from, to)
        .filter((r) => r.url.startsWith(ext.extensionOrigin)).length,
      onServer,
    };
  }

  it('records each surface: no request from the extension, mail pages load only their files', async () => {
    const fixtureHosts = new Set(ext.fixtures.hosts);
    const summary: string[] = [];
    for (const [index, surface] of surfaces.entries()) {
      const seen = await record(surface, index);
      const where = surface.name;
      expect.soft(seen.fromExtension, `${where}: requests by the extension`).toEqual([]);
      expect
        .soft(
          seen.network.filter((r) => r.targetType !== 'page'),
          `${where}: requests by workers`,
        )
        .toEqual([]);
      expect
        .soft(
          seen.network.filter((r) => !fixtureHosts.has(new URL(r.url).host)),
          `${where}: requests to other hosts`,
        )
        .toEqual([]);
      // Every request the fixture server saw was for a file it has (a beacon would be a 404).
      const unknown = (r: RecordedRequest) =>
        r.method !== 'CONNECT' && r.status !== 200 && r.status !== 304;
      expect
        .soft(
          seen.onServer.filter(unknown).map((r) => `${r.status} ${r.url}`),
          `${where}: requests for files the fixtures do not have`,
        )
        .toEqual([]);
      // No connection to any other host was even attempted. Firefox sends every host through
      // the fixture proxy, which records them all, the extension's background page included
      // (its requests are not reported over WebDriver BiDi); Chromium resolves no other host.
      expect
        .soft(
          seen.onServer
            .filter((r) => r.method === 'CONNECT' && r.status !== 200)
            .map((r) => r.host),
          `${where}: connections refused by the fixture proxy`,
        )
        .toEqual([]);
      // The recorder was working for this surface: the mail page's own file came over the
      // network; Chromium also reports the extension's own files loading (Firefox reports none
      // of those, but its proxy carried every page's traffic and the marker came through).
      if (!surface.extension)
        expect
          .soft(
            seen.network.filter((r) => r.url.includes('/compose.html')).length,
            `${where}: the compose page loaded`,
          )
          .toBe(1);
      else if (ext.browserName === 'chromium')
        expect.soft(seen.extensionFiles, `${where}: extension files seen`).toBeGreaterThan(0);
      summary.push(
        `${where}: ${seen.network.length} network requests (${seen.fromExtension.length} by the extension)`,
      );
    }
    console.log(`privacy (${ext.browserName}):\n  ${summary.join('\n  ')}`);
  });
});
