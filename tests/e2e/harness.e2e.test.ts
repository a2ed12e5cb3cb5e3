/**
 * The harness's own promises, checked in the real browser, so feature tests can rely on them:
 * the fixture server's routes and headers, axe finding real violations, database seeding, and
 * request collection covering pages and the service worker.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  clearDatabase,
  collectRequests,
  eventually,
  expectNoA11yViolations,
  needsSharedFixture,
  launchExtensionBrowser,
  readStore,
  seedDatabase,
  startFixtureServer,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';

const STRICT_CSP = "script-src 'self'; require-trusted-types-for 'script'; trusted-types 'none'";

const student = {
  id: 'student-harness',
  name: 'Harness Test',
  school: 'Lincoln Elementary',
  district: 'Helena',
  grade: '3',
  homeAddress: '',
  calendarId: 'calendar-harness',
  createdAt: 1,
};

describe('e2e harness', () => {
  let ext: ExtensionBrowser;
  let fixtures: FixtureServer;
  let fixtureRoot: string;

  beforeAll(async () => {
    fixtureRoot = mkdtempSync(join(tmpdir(), 'iep-fixtures-'));
    mkdirSync(join(fixtureRoot, 'example.com'));
    writeFileSync(
      join(fixtureRoot, 'example.com', 'strict.html'),
      '<!doctype html><html lang="en"><title>Strict</title><main><h1>Strict page</h1><button></button></main></html>',
    );
    writeFileSync(
      join(fixtureRoot, 'example.com', 'strict.html.headers.json'),
      JSON.stringify({ 'Content-Security-Policy': STRICT_CSP }),
    );
    writeFileSync(
      join(fixtureRoot, 'example.com', '_headers.json'),
      JSON.stringify({ 'X-Fixture-Host': 'example.com' }),
    );
    fixtures = await startFixtureServer({ root: fixtureRoot });
    ext = await launchExtensionBrowser({ fixtures });
  });
  afterAll(async () => {
    await ext?.close();
    await fixtures?.close();
    rmSync(fixtureRoot, { recursive: true, force: true });
  });

  it('serves a fixture with its own and its host-wide headers', async () => {
    const page = await ext.newPage();
    const response = await page.goto('https://example.com/strict.html', { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toBe(STRICT_CSP);
    expect(response?.headers()['x-fixture-host']).toBe('example.com');
    expect(await page.$eval('h1', (h1) => h1.textContent)).toBe('Strict page');
    await page.close();
  });

  it('finds real accessibility violations, even under a strict CSP with Trusted Types', async () => {
    const page = await ext.newPage();
    await page.goto('https://example.com/strict.html', { waitUntil: 'load' });
    const violations = await axeViolations(page);
    expect(violations.map((violation) => violation.id)).toContain('button-name');
    await expect(expectNoA11yViolations(page)).rejects.toThrow(/button-name/);
    await page.close();
  });

  it('serves npm bundles, harness pages and run-time routes, and records requests', async () => {
    fixtures.clearRequests();
    fixtures.serve('outlook.office.com', '/mail/', { body: '<title>Outlook</title>' });
    const page = await ext.newPage();
    const rooster = await page.goto('https://outlook.office.com/vendor/roosterjs.js');
    expect(rooster?.headers()['content-type']).toMatch(/javascript/);
    expect(await rooster?.text()).toContain('roosterjs');
    await page.goto('https://outlook.office.com/mail/', { waitUntil: 'load' });
    expect(await page.title()).toBe('Outlook');
    await page.goto('https://mail.google.com/__harness/plain-editor.html', { waitUntil: 'load' });
    expect(await page.$('[contenteditable="true"]')).not.toBeNull();
    const missing = await page.goto('https://mail.google.com/no-such-fixture.html');
    expect(missing?.status()).toBe(404);
    expect(fixtures.requests.map((request) => `${request.host}${request.path}`)).toEqual(
      expect.arrayContaining([
        'outlook.office.com/vendor/roosterjs.js',
        'outlook.office.com/mail/',
        'mail.google.com/__harness/plain-editor.html',
        'mail.google.com/no-such-fixture.html',
      ]),
    );
    await page.close();
  });

  const capture = needsSharedFixture('gmail/compose-new-message-2020.html');
  it.skipIf(capture.skip)(
    capture.title(
      'serves the captured Gmail compose page from ../shared/fixtures on mail.google.com',
    ),
    async () => {
      const page = await ext.newPage();
      await page.goto('https://mail.google.com/__shared/gmail/compose-new-message-2020.html', {
        waitUntil: 'load',
      });
      expect(await page.$('div[role="dialog"] [contenteditable="true"]')).not.toBeNull();
      await page.close();
    },
  );

  it('seeds, reads and clears the extension database, validating records first', async () => {
    const page = await ext.openExtensionPage('popup.html');
    const calendar = {
      id: 'calendar-harness',
      name: 'Helena 2025-26',
      firstDay: '2025-08-27',
      lastDay: '2026-06-05',
      weekdays: [1, 2, 3, 4, 5],
      closures: [],
    };
    expect(await seedDatabase(page, { calendar, students: [student] })).toEqual({
      calendars: 1,
      students: 1,
    });
    expect(await readStore(page, 'students')).toEqual([student]);
    // A reload shows the seeded data (the popup reads on load), in every browser.
    await seedDatabase(page, { students: [student] }, { reload: true });
    await page.waitForFunction(() => document.body.innerText.includes('Harness Test'), {
      polling: 50,
    });
    await expect(seedDatabase(page, { students: [{ ...student, name: '' }] })).rejects.toThrow(
      /students\[0\] is not valid: name: Your child's name is required/,
    );
    await clearDatabase(page);
    expect(await readStore(page, 'students')).toEqual([]);
    expect(await readStore(page, 'calendars')).toEqual([]);
    await page.close();
  });

  it('collects network requests from extension pages and the service worker', async () => {
    // The product's own pages may not fetch anything (its CSP allows only 'self'), so a probe
    // extension with no CSP of its own stands in for "an extension that makes requests".
    const probeDir = join(fixtureRoot, 'probe-extension');
    mkdirSync(probeDir);
    writeFileSync(
      join(probeDir, 'manifest.json'),
      JSON.stringify({
        manifest_version: 3,
        name: 'Harness probe',
        version: '1.0',
        // Chromium runs the service worker, Firefox the background script.
        background: { service_worker: 'background.js', scripts: ['background.js'] },
        host_permissions: ['https://example.com/*'],
        browser_specific_settings: { gecko: { id: 'harness-probe@example.org' } },
      }),
    );
    writeFileSync(join(probeDir, 'background.js'), '// Nothing at start-up.\n');
    writeFileSync(
      join(probeDir, 'page.html'),
      '<!doctype html><html lang="en"><title>Probe</title><h1>Probe</h1></html>',
    );
    const probe = await launchExtensionBrowser({ fixtures, extensionDir: probeDir });
    try {
      const collector = await collectRequests(probe.browser);
      const page = await probe.openExtensionPage('page.html');
      await page.evaluate(() => fetch('https://example.com/from-page').catch(() => null));
      if (probe.browserName === 'chromium') {
        const worker = await probe.serviceWorker();
        expect(worker).not.toBeNull();
        await worker!.evaluate(() => fetch('https://example.com/from-worker').catch(() => null));
      }
      // Request events can arrive just after the fetch settles: wait for each to be recorded.
      const recorded = (list: () => Promise<string[]> | string[], entry: string) =>
        eventually(async () => {
          expect(await list()).toContain(entry);
          return true;
        }, `${entry} to be recorded`);
      const fromExtension = async () =>
        (await collector.networkRequestsFrom(probe.extensionOrigin)).map((r) => r.url);
      await recorded(fromExtension, 'https://example.com/from-page');
      if (probe.browserName === 'chromium') {
        await recorded(fromExtension, 'https://example.com/from-worker');
        // Chromium also reports the extension's own files; they are not network requests.
        expect(collector.requests.some((r) => r.url.startsWith(probe.extensionOrigin))).toBe(true);
      } else {
        // Firefox reports no requests of the background page over BiDi; the fixture proxy,
        // which every host goes through, records them, and refuses hosts that are not fixtures.
        await page.evaluate(async () => {
          type Runtime = { runtime: { getBackgroundPage(): Promise<typeof globalThis> } };
          const background = await (
            globalThis as unknown as { browser: Runtime }
          ).browser.runtime.getBackgroundPage();
          await background.fetch('https://example.com/from-background').catch(() => null);
          await background.fetch('https://tracker.invalid/beacon').catch(() => null);
        });
        const seen = () => fixtures.requests.map((r) => `${r.method} ${r.host}${r.path}`);
        await recorded(seen, 'GET example.com/from-background');
        await recorded(seen, 'CONNECT tracker.invalid');
      }
      expect(
        (await collector.networkRequests()).every((r) => !r.url.startsWith(probe.extensionOrigin)),
      ).toBe(true);
      await collector.stop();
    } finally {
      await probe.close();
    }
  });
});
