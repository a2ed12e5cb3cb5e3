/**
 * Updates in a real browser:
 *   - a database exactly as the first release (schema version 1) left it, full of a family's
 *     records, is upgraded by the current release on update, with nothing lost or changed and
 *     the new indexes in place;
 *   - an update while the popup, the tracker and a compose window are open: the browser closes
 *     the extension's own pages (nothing half-written is kept or lost: every save is one
 *     transaction), reopening them shows every record, and the open compose is served by a
 *     fresh content script that inserts from the upgraded data.
 *
 * The update is installing the same build again (Chrome treats it as an update of the running
 * extension, onInstalled "update"); see compose-reload.e2e.test.ts for the compose details.
 *
 * Planting the old database races with everything in the extension that opens it: a Dexie open
 * that comes while the old database is being written waits, then upgrades it the moment the
 * test lets go (this test once saw version 20 where it had just written 10). So the old database
 * is planted only when nothing of ours can open it: the install's own work has finished (its
 * setup tab is showing, its reminder check noted itself), the daily reminder alarm is cleared
 * (the update sets it again), no page of ours is open, and the writing happens in a document of
 * the extension's origin that runs none of its code (an icon).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUTTON_TAG, pinComposeToken } from './support/compose-names';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupData } from '../../lib/backup';
import { DATABASE_NAME } from '../../lib/db';
import { SCHEMA_VERSION, schemaVersions } from '../../lib/db/schema';
import { realisticDataset } from '../unit/backup-fixtures';
import { insertButtons, pickerClosed, waitForButtons, waitForPicker } from './compose-support';
import { eventually, launchExtensionBrowser, readStore, type ExtensionBrowser } from './harness';
import { extensionDirFor } from './support/build';
import { clearReminderAlarm, waitForReminderCheck } from './support/reminders';

interface StoreShape {
  name: string;
  keyPath: string;
  indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
}

/** Dexie's store strings ("id, studentId, [serviceId+date]") as IndexedDB object stores. */
function storesOf(version: number): StoreShape[] {
  const stores = new Map<string, string>();
  for (const step of schemaVersions.filter((v) => v.version <= version))
    for (const [name, spec] of Object.entries(step.stores)) if (spec) stores.set(name, spec);
  return [...stores].map(([name, spec]) => {
    const [primary, ...indexes] = spec.split(',').map((part) => part.trim());
    return {
      name,
      keyPath: primary!,
      indexes: indexes.map((index) => {
        const bare = index.replace(/^[&*]/, '');
        const compound = /^\[(.+)\]$/.exec(bare);
        return {
          name: bare,
          keyPath: compound ? compound[1]!.split('+') : bare,
          unique: index.startsWith('&'),
          multiEntry: index.startsWith('*'),
        };
      }),
    };
  });
}

const TABLES = ['profile', 'settings', 'calendars', 'students', 'services', 'sessions', 'letters'];

function recordsOf(data: BackupData): Record<string, unknown[]> {
  return {
    profile: [data.profile],
    settings: data.settings ? [data.settings] : [],
    calendars: data.calendars,
    students: data.students,
    services: data.services,
    sessions: data.sessions,
    letters: data.letters,
  };
}

const byId = (rows: unknown[]) =>
  [...(rows as { id: string }[])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/**
 * Replaces the extension's database with one created as release 1 created it (Dexie stores
 * version N as IndexedDB version N × 10), holding `records`. Other connections close themselves
 * (Dexie closes on "versionchange").
 */
async function createOldDatabase(
  page: Page,
  version: number,
  stores: StoreShape[],
  records: Record<string, unknown[]>,
): Promise<void> {
  const error = await page.evaluate(
    async (
      name: string,
      idbVersion: number,
      shapes: StoreShape[],
      rows: Record<string, unknown[]>,
    ) => {
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      });
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name, idbVersion);
        request.onupgradeneeded = () => {
          for (const shape of shapes) {
            const store = request.result.createObjectStore(shape.name, { keyPath: shape.keyPath });
            for (const index of shape.indexes)
              store.createIndex(index.name, index.keyPath, {
                unique: index.unique,
                multiEntry: index.multiEntry,
              });
          }
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        const transaction = db.transaction(Object.keys(rows), 'readwrite');
        for (const [store, list] of Object.entries(rows))
          for (const row of list) transaction.objectStore(store).put(row);
        await new Promise<void>((resolve, reject) => {
          transaction.oncomplete = () => resolve();
          transaction.onerror = () => reject(transaction.error);
          transaction.onabort = () => reject(transaction.error);
        });
        return db.version === idbVersion ? null : `created version ${db.version}`;
      } catch (failure) {
        return String(failure);
      } finally {
        db.close();
      }
    },
    DATABASE_NAME,
    version * 10,
    stores,
    records,
  );
  if (error) throw new Error(`Could not create the version-${version} database: ${error}`);
}

/** The database's IndexedDB version and each store's index names, read without opening it anew. */
async function databaseShape(
  page: Page,
): Promise<{ version: number; indexes: Record<string, string[]> }> {
  return page.evaluate(async (name: string) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const indexes: Record<string, string[]> = {};
    const transaction = db.transaction(Array.from(db.objectStoreNames), 'readonly');
    for (const store of Array.from(db.objectStoreNames))
      indexes[store] = Array.from(transaction.objectStore(store).indexNames).sort();
    db.close();
    return { version: db.version, indexes };
  }, DATABASE_NAME);
}

/** The extension's tabs, from the browser's own list (Firefox tells Puppeteer of no closing). */
async function extensionTabs(ext: ExtensionBrowser): Promise<string[]> {
  return (await ext.tabUrls()).filter((url) => url.startsWith(ext.extensionOrigin));
}

/** Closes every page of ours and waits until the browser lists none. */
async function closeExtensionPages(ext: ExtensionBrowser): Promise<void> {
  for (const page of await ext.browser.pages()) {
    const href = await page.evaluate(() => location.href).catch(() => page.url());
    if (href.startsWith(ext.extensionOrigin)) await page.close();
  }
  await eventually(async () => {
    expect(await extensionTabs(ext)).toEqual([]);
    return true;
  }, 'every extension tab to close');
}

/**
 * Waits until nothing in the extension will open the database by itself: the install's setup
 * tab has opened and the install's reminder check has finished; then clears the daily alarm,
 * whose first check comes a minute after the install (the update creates it again).
 */
async function quietExtension(ext: ExtensionBrowser): Promise<void> {
  await ext.waitForExtensionPage('tracker.html#/setup');
  await waitForReminderCheck(ext, { reason: 'install' });
  await clearReminderAlarm(ext);
  await closeExtensionPages(ext);
}

/** A tab showing one of the extension's icons: its origin, none of its code. */
async function codeFreeExtensionPage(ext: ExtensionBrowser): Promise<Page> {
  const icons = (
    JSON.parse(
      readFileSync(
        join(extensionDirFor(ext.browserName, process.env.E2E_BUILD_DIR), 'manifest.json'),
        'utf8',
      ),
    ) as { icons: Record<string, string> }
  ).icons;
  return ext.openExtensionPage(Object.values(icons)[0]!);
}

/**
 * Installs the build again, as an update. Answers when it started (for waitForUpdateCheck).
 */
async function update(ext: ExtensionBrowser): Promise<number> {
  const since = Date.now();
  await ext.browser.installExtension(extensionDirFor(ext.browserName, process.env.E2E_BUILD_DIR));
  return since;
}

/**
 * Waits for the new background's install check (onInstalled "update"): it reads every student,
 * so the database is open, and upgraded, when it answers. (In Firefox this opens the harness's
 * extension page, see evaluateInExtension.)
 */
async function waitForUpdateCheck(ext: ExtensionBrowser, since: number): Promise<void> {
  await waitForReminderCheck(ext, { reason: 'install', since });
}

describe('updates keep every record', () => {
  let ext: ExtensionBrowser;
  const data = realisticDataset();
  const expected = recordsOf(data);

  beforeAll(async () => {
    ext = await launchExtensionBrowser();
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('upgrades a database left by release 1 (schema version 1) with nothing lost or changed', async () => {
    expect(SCHEMA_VERSION).toBeGreaterThan(1);
    await quietExtension(ext);
    const page = await codeFreeExtensionPage(ext);
    await createOldDatabase(page, 1, storesOf(1), expected);
    expect((await databaseShape(page)).version).toBe(10);
    await page.close();

    await waitForUpdateCheck(ext, await update(ext));
    const tracker = await ext.openExtensionPage('tracker.html#/log');
    await tracker.bringToFront();
    await tracker.waitForFunction(
      () => document.querySelectorAll('main table tbody tr').length > 0,
      {
        timeout: 15_000,
      },
    );

    const shape = await databaseShape(tracker);
    expect(shape.version).toBe(SCHEMA_VERSION * 10);
    for (const store of storesOf(SCHEMA_VERSION))
      expect(shape.indexes[store.name], store.name).toEqual(
        store.indexes.map((i) => i.name).sort(),
      );
    for (const table of TABLES)
      expect(byId(await readStore(tracker, table)), table).toEqual(byId(expected[table]!));
    await tracker.close();
  });

  it('an update with the popup, the tracker and a compose window open loses nothing', async () => {
    await ext.openExtensionPage('tracker.html#/students');
    await pinComposeToken(await ext.openExtensionPage('popup.html'));
    const compose = await ext.newPage();
    await compose.goto(ext.fixtures.url('mail.google.com', '/compose.html'), { waitUntil: 'load' });
    await waitForButtons(compose, 1);
    expect(await extensionTabs(ext)).toEqual(
      expect.arrayContaining([
        ext.extensionUrl('tracker.html#/students'),
        ext.extensionUrl('popup.html'),
      ]),
    );
    const since = await update(ext);
    // The browser closes the extension's own pages on an update… (read from the browser's tab
    // list: Firefox sends Puppeteer no 'close' event for them)
    await eventually(
      async () => {
        expect(await extensionTabs(ext)).toEqual([]);
        return true;
      },
      'the update to close the extension tabs',
      15_000,
    );
    await waitForUpdateCheck(ext, since);
    // …and reopening them shows every record.
    const reopened = await ext.openExtensionPage('tracker.html#/students');
    await reopened.bringToFront();
    await reopened.waitForFunction(
      (name: string) => (document.querySelector('main')?.textContent ?? '').includes(name),
      { timeout: 15_000 },
      data.students[0]!.name,
    );
    for (const table of TABLES)
      expect(byId(await readStore(reopened, table)), table).toEqual(byId(expected[table]!));
    await reopened.close();

    // The compose window stays open and is served by a fresh content script.
    await compose.bringToFront();
    await compose.waitForFunction(
      (tag: string) => document.querySelectorAll(tag).length === 1,
      { timeout: 15_000 },
      BUTTON_TAG,
    );
    const [button] = await insertButtons(compose);
    await button!.click();
    const picker = await waitForPicker(compose);
    await picker.waitForFunction(
      (name: string) => (document.body.textContent ?? '').includes(name),
      {},
      data.students[0]!.name,
    );
    await picker.page().keyboard.press('Escape');
    await pickerClosed(compose);
    await compose.close();
  });
});
