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
 */
import { BUTTON_TAG, pinComposeToken } from './support/compose-names';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupData } from '../../lib/backup';
import { DATABASE_NAME } from '../../lib/db';
import { SCHEMA_VERSION, schemaVersions } from '../../lib/db/schema';
import { realisticDataset } from '../unit/backup-fixtures';
import { insertButtons, pickerClosed, waitForButtons, waitForPicker } from './compose-support';
import { launchExtensionBrowser, readStore, type ExtensionBrowser } from './harness';
import { extensionDirFor } from './support/build';

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

async function closeExtensionPages(ext: ExtensionBrowser, except?: Page): Promise<void> {
  for (const page of await ext.browser.pages())
    if (page !== except && page.url().startsWith(ext.extensionOrigin)) await page.close();
}

async function update(ext: ExtensionBrowser): Promise<void> {
  await ext.browser.installExtension(extensionDirFor(ext.browserName, process.env.E2E_BUILD_DIR));
  // The new service worker starts; give onInstalled ("update") a moment.
  await new Promise((settle) => setTimeout(settle, 500));
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
    const page = await ext.openExtensionPage('picker.html');
    await closeExtensionPages(ext, page);
    await createOldDatabase(page, 1, storesOf(1), expected);
    expect((await databaseShape(page)).version).toBe(10);
    await page.close();

    await update(ext);
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
    const extensionTabs = async () =>
      (await ext.tabUrls()).filter((url) => url.startsWith(ext.extensionOrigin));
    expect(await extensionTabs()).toEqual(
      expect.arrayContaining([
        ext.extensionUrl('tracker.html#/students'),
        ext.extensionUrl('popup.html'),
      ]),
    );
    await update(ext);
    // The browser closes the extension's own pages on an update… (read from the browser's tab
    // list: Firefox sends Puppeteer no 'close' event for them)
    await expect.poll(extensionTabs, { timeout: 15_000 }).toEqual([]);
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
