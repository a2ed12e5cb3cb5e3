/**
 * One browser (and fixture server) per e2e run, shared by the test files that do not need a
 * fresh install: launching one costs about 3 s of CPU in Chromium and 7 in Firefox, and most
 * files only need the installed extension, an empty database and a known "today".
 *
 *   beforeAll(async () => { ext = await sharedExtensionBrowser(); });
 *   afterAll(async () => { await ext?.close(); });   // closes the file's tabs; it stays open
 *
 * Every file gets the browser as a fresh launch leaves it once its install has settled (setup
 * tab closed, install reminder check finished): every tab closed but one blank one, every
 * object store of the database empty, storage.local and storage.session as they were after the
 * install (the test clock and the compose token with them), no notification showing, the daily
 * reminder alarm scheduled a minute ahead as at start-up, no permission overrides, and the
 * fixture server without added routes or recorded requests. `sharedExtensionBrowser` resets
 * and then checks all of that, failing loudly when any of it is not so: a file cannot see what
 * the file before it left.
 *
 * Files that install, reload or update the extension, need browser preferences of their own
 * (Firefox's dark mode) or record every request from launch on keep launchExtensionBrowser().
 * The browser is closed when the test process ends (Puppeteer closes the browsers it launched
 * on SIGTERM, which vitest sends its worker at the end of the run, and on exit).
 */
import type { Page } from 'puppeteer';
import { REMINDER_ALARM, LAST_CHECK_STORAGE_KEY } from '../../../lib/reminders/index';
import { CLOCK_STORAGE_KEY } from '../../../lib/clock';
import { launchExtensionBrowser, type ExtensionBrowser } from '../harness';
import { clearDatabaseInExtension, countRecordsInExtension } from './database';
import { waitForReminderCheck } from './reminders';

type StorageSnapshot = { local: Record<string, unknown>; session: Record<string, unknown> };

interface Shared {
  ext: ExtensionBrowser;
  /** storage.local and storage.session once the install settled. */
  baseline: StorageSnapshot;
  /** The daily reminder alarm's period, as the background created it. */
  alarmPeriod: number | undefined;
}

interface ExtensionApi {
  storage: Record<
    'local' | 'session',
    {
      get(keys: null): Promise<Record<string, unknown>>;
      set(items: object): Promise<void>;
      clear(): Promise<void>;
    }
  >;
  alarms: {
    get(name: string): Promise<{ periodInMinutes?: number } | undefined>;
    clearAll(): Promise<boolean>;
    create(name: string, info: { delayInMinutes: number; periodInMinutes?: number }): void;
  };
  notifications: {
    getAll(): Promise<Record<string, unknown>>;
    clear(id: string): Promise<boolean>;
  };
}

let shared: Promise<Shared> | undefined;

/**
 * The run's shared browser, reset to its state right after install and checked (see above).
 * Its close() closes the file's tabs instead of the browser; the next file's call resets the rest.
 */
export async function sharedExtensionBrowser(): Promise<ExtensionBrowser> {
  shared ??= launchShared().catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  const state = await shared;
  await reset(state);
  await expectPristine(state);
  // Closing the file's tabs stops its pages; the rest waits for the next file's reset.
  return {
    ...state.ext,
    close: async () => {
      await closeTabs(state.ext);
    },
  };
}

async function launchShared(): Promise<Shared> {
  const ext = await launchExtensionBrowser();
  try {
    await (await ext.waitForExtensionPage('tracker.html#/setup')).close();
    await waitForReminderCheck(ext, { reason: 'install' });
    const baseline = await readStorage(ext);
    const alarmPeriod = await ext.evaluateInExtension(
      async (name: string) =>
        (await (globalThis as unknown as { chrome: ExtensionApi }).chrome.alarms.get(name))
          ?.periodInMinutes,
      REMINDER_ALARM,
    );
    return { ext, baseline, alarmPeriod };
  } catch (error) {
    await ext.close();
    throw error;
  }
}

function readStorage(ext: ExtensionBrowser): Promise<StorageSnapshot> {
  return ext.evaluateInExtension(async () => {
    const { storage } = (globalThis as unknown as { chrome: ExtensionApi }).chrome;
    return { local: await storage.local.get(null), session: await storage.session.get(null) };
  });
}

/** Closes every tab but a new blank one; answers that one. */
async function closeTabs(ext: ExtensionBrowser): Promise<Page> {
  const blank = await ext.browser.newPage();
  for (const page of await ext.browser.pages()) {
    // Firefox may still list tabs it has closed: closing those again fails, harmlessly.
    if (page !== blank) await page.close().catch(() => {});
  }
  return blank;
}

/**
 * Everything runs in the extension's own context (`evaluateInExtension`), not in a page of the
 * test's: in Firefox that context is one extension page, opened once per reset and closed with
 * the other tabs at the end of `expectPristine`.
 */
async function reset({ ext, baseline, alarmPeriod }: Shared): Promise<void> {
  // First, so the daily alarm cannot start a check in the middle of the reset.
  await ext.evaluateInExtension(() =>
    (globalThis as unknown as { chrome: ExtensionApi }).chrome.alarms.clearAll(),
  );
  // Before the database is emptied, so no page of the last file's writes to it afterwards.
  await closeTabs(ext);
  await ext.browser.defaultBrowserContext().clearPermissionOverrides();
  ext.fixtures.clearRoutes();
  await clearDatabaseInExtension(ext);
  const since = Date.now();
  const clockWasSet = await ext.evaluateInExtension(
    async (snapshot: StorageSnapshot, clockKey: string) => {
      const { storage } = (globalThis as unknown as { chrome: ExtensionApi }).chrome;
      const clockWasSet = clockKey in (await storage.local.get(null));
      await storage.local.clear();
      await storage.local.set(snapshot.local);
      return clockWasSet;
    },
    baseline,
    CLOCK_STORAGE_KEY,
  );
  // Moving the clock back starts a reminder check (lib/reminders): let it finish before
  // storage.session (where it notes itself) is put back and the next file seeds its data.
  if (clockWasSet) await waitForReminderCheck(ext, { reason: 'clock', since });
  await ext.evaluateInExtension(
    async (snapshot: StorageSnapshot, alarm: string, period: number | undefined) => {
      const { storage, alarms, notifications } = (globalThis as unknown as { chrome: ExtensionApi })
        .chrome;
      await storage.session.clear();
      await storage.session.set(snapshot.session);
      alarms.create(alarm, { delayInMinutes: 1, periodInMinutes: period });
      for (const id of Object.keys(await notifications.getAll())) await notifications.clear(id);
    },
    baseline,
    REMINDER_ALARM,
    alarmPeriod,
  );
  ext.fixtures.clearRequests();
}

/** Fails loudly unless the browser is as a fresh launch leaves it (see the file's comment). */
async function expectPristine({ ext, baseline }: Shared): Promise<void> {
  const problems: string[] = [];
  for (const [store, count] of Object.entries(await countRecordsInExtension(ext)))
    if (count > 0) problems.push(`database store "${store}" holds ${count} records`);
  const storage = await readStorage(ext);
  // The reminder check's own note may be newer than the baseline's: it is the only key that may differ.
  const withoutCheckNote = ({ [LAST_CHECK_STORAGE_KEY]: _, ...rest }: Record<string, unknown>) =>
    rest;
  if (JSON.stringify(storage.local) !== JSON.stringify(baseline.local))
    problems.push(`storage.local is ${JSON.stringify(storage.local)}`);
  if (
    JSON.stringify(withoutCheckNote(storage.session)) !==
    JSON.stringify(withoutCheckNote(baseline.session))
  )
    problems.push(`storage.session is ${JSON.stringify(storage.session)}`);
  const notifications = await ext.evaluateInExtension(async () =>
    Object.keys(
      await (globalThis as unknown as { chrome: ExtensionApi }).chrome.notifications.getAll(),
    ),
  );
  if (notifications.length) problems.push(`notifications showing: ${notifications.join(', ')}`);
  await closeTabs(ext);
  const tabs = await ext.tabUrls();
  if (tabs.length !== 1 || tabs[0] !== 'about:blank')
    problems.push(`tabs open: ${tabs.join(', ')}`);
  if (ext.fixtures.requests.length)
    problems.push(`${ext.fixtures.requests.length} fixture requests recorded`);
  if (problems.length)
    throw new Error(`The shared browser was not reset between files:\n  ${problems.join('\n  ')}`);
}
