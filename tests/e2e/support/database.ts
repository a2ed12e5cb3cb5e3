/**
 * Seeds and reads the extension's IndexedDB from an extension page with raw IndexedDB (no
 * Dexie in the test process), in one transaction, fast enough for 40,000 log entries.
 *
 * The database is opened WITHOUT a version, after the page's own Dexie created it with the real
 * schema: if it does not exist yet, the open is aborted (so no empty database is left behind)
 * and tried again until the page creates it. Pages read their data on load, so reload (or navigate)
 * after seeding to see it: pass `{ reload: true }`.
 */
import type { Page } from 'puppeteer';
import type { ExtensionBrowser } from '../harness';
import { DATABASE_NAME } from '../../../lib/db/index';
import * as model from '../../../lib/model/index';
import { eventually } from '../../support/eventually';
import { reloadExtensionPage } from './reload';
import type { z } from '../../../lib/model/zod';

export interface SeedData {
  profile?: model.Profile;
  settings?: model.Settings;
  /** One calendar (as lib/sample's buildSampleData returns it) … */
  calendar?: model.SchoolCalendar;
  /** … or several. */
  calendars?: model.SchoolCalendar[];
  students?: model.Student[];
  services?: model.Service[];
  sessions?: model.SessionEntry[];
  letters?: model.Letter[];
  /** The district's own service logs as an import stores them (issue 11): its rows … */
  districtRecords?: model.DistrictRecord[];
  /** … and the files they came from. */
  districtImports?: model.DistrictImport[];
}

export interface SeedOptions {
  /** Validate every record with the lib/model schemas first (default true). */
  validate?: boolean;
  /** Reload the page afterwards and wait for it to load (default false). */
  reload?: boolean;
  /** How long to wait for the page to create the database (default 10 s). */
  timeoutMs?: number;
}

/** The object stores' records, keyed by store name. */
export type StoreRecords = Record<string, unknown[]>;

const STORE_SCHEMAS: Record<string, z.ZodType> = {
  profile: model.profileSchema,
  settings: model.settingsSchema,
  calendars: model.calendarSchema,
  students: model.studentSchema,
  services: model.serviceSchema,
  sessions: model.sessionEntrySchema,
  letters: model.letterSchema,
  districtRecords: model.districtRecordSchema,
  districtImports: model.districtImportSchema,
};

function toStoreRecords(data: SeedData): StoreRecords {
  const records: StoreRecords = {
    profile: data.profile ? [data.profile] : [],
    settings: data.settings ? [data.settings] : [],
    calendars: [...(data.calendar ? [data.calendar] : []), ...(data.calendars ?? [])],
    students: data.students ?? [],
    services: data.services ?? [],
    sessions: data.sessions ?? [],
    letters: data.letters ?? [],
    districtRecords: data.districtRecords ?? [],
    districtImports: data.districtImports ?? [],
  };
  return Object.fromEntries(Object.entries(records).filter(([, list]) => list.length > 0));
}

/** Validates every record with its lib/model schema and returns the parsed records (defaults filled). */
function validateRecords(records: StoreRecords): StoreRecords {
  return Object.fromEntries(
    Object.entries(records).map(([store, list]) => [
      store,
      list.map((record, index) => {
        const parsed = STORE_SCHEMAS[store]!.safeParse(record);
        if (parsed.success) return parsed.data;
        const issue = parsed.error.issues[0];
        throw new Error(
          `seedDatabase: ${store}[${index}] is not valid: ${issue?.path.join('.')}: ${issue?.message}`,
        );
      }),
    ]),
  );
}

type Operation =
  | { kind: 'seed'; records: StoreRecords }
  | { kind: 'clear' }
  | { kind: 'count' }
  | { kind: 'read'; store: string };

/**
 * Runs one operation in the page, once the page's Dexie has created the database (retried with
 * the shared `eventually` until then). Everything in the page happens inside one function
 * passed to page.evaluate: extension pages forbid eval, so no code can be sent as text.
 */
async function inPage<T>(page: Page, operation: Operation, timeoutMs = 10_000): Promise<T> {
  const evaluate: Evaluate = (fn, ...args) =>
    (page.evaluate as unknown as Evaluate).call(page, fn, ...args);
  return inContext<T>({ evaluate, where: page.url() }, operation, timeoutMs);
}

/**
 * The same in the extension's own context (`ExtensionBrowser.evaluateInExtension`: the service
 * worker in Chromium, the harness's extension page in Firefox), which shares the pages' database:
 * no page of the test's needs to be open.
 */
function inExtension<T>(ext: ExtensionBrowser, operation: Operation): Promise<T> {
  const evaluate: Evaluate = (fn, ...args) =>
    (ext.evaluateInExtension as unknown as Evaluate)(fn, ...args);
  return inContext<T>({ evaluate, where: 'the extension' }, operation, 10_000);
}

type Evaluate = (fn: (...args: never[]) => unknown, ...args: unknown[]) => Promise<unknown>;

async function inContext<T>(
  context: { evaluate: Evaluate; where: string },
  operation: Operation,
  timeoutMs: number,
): Promise<T> {
  const result = await eventually(
    () => attempt(context.evaluate, operation),
    `database "${DATABASE_NAME}" to exist (${context.where})`,
    timeoutMs,
  );
  if ('error' in result) throw new Error(`IndexedDB in ${context.where}: ${result.error}`);
  return result.value as T;
}

/** One try: undefined when the database does not exist yet. */
async function attempt(
  evaluate: Evaluate,
  operation: Operation,
): Promise<{ value: unknown } | { error: string } | undefined> {
  const result = (await evaluate(
    async (name: string, op: Operation) => {
      // No named inner functions here: tsx/esbuild would wrap them in a helper the page lacks.
      const db = await new Promise<IDBDatabase | null>((resolve, reject) => {
        const request = indexedDB.open(name);
        // Never create the database here: only the page's Dexie knows the schema.
        request.onupgradeneeded = () => request.transaction?.abort();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () =>
          request.error?.name === 'AbortError' ? resolve(null) : reject(request.error);
      });
      if (!db) return { missing: true as const };
      try {
        const stores =
          op.kind === 'seed'
            ? Object.keys(op.records)
            : op.kind === 'read'
              ? [op.store]
              : Array.from(db.objectStoreNames);
        const missing = stores.filter((store) => !db.objectStoreNames.contains(store));
        if (missing.length) return { error: `no object store named ${missing.join(', ')}.` };
        if (stores.length === 0) return { value: null };
        // The gap caches are derived from the other stores: raw writes bypass the app's emptying
        // of them (lib/db/gap-cache.ts), so a seed empties them here, in the same transaction.
        const derived =
          op.kind === 'seed'
            ? ['gapCache', 'gapViews'].filter((store) => db.objectStoreNames.contains(store))
            : [];
        const transaction = db.transaction(
          [...stores, ...derived],
          op.kind === 'read' || op.kind === 'count' ? 'readonly' : 'readwrite',
        );
        for (const store of derived) transaction.objectStore(store).clear();
        const done = new Promise<void>((resolve, reject) => {
          transaction.oncomplete = () => resolve();
          transaction.onerror = () => reject(transaction.error);
          transaction.onabort = () =>
            reject(transaction.error ?? new Error('Transaction aborted.'));
        });
        if (op.kind === 'read') {
          const request = transaction.objectStore(op.store).getAll();
          await done;
          return { value: request.result };
        }
        if (op.kind === 'count') {
          const counts = stores.map((store) => transaction.objectStore(store).count());
          await done;
          return {
            value: Object.fromEntries(stores.map((store, i) => [store, counts[i]!.result])),
          };
        }
        for (const store of stores) {
          const objectStore = transaction.objectStore(store);
          if (op.kind === 'clear') objectStore.clear();
          else for (const record of op.records[store]!) objectStore.put(record);
        }
        await done;
        return { value: null };
      } catch (error) {
        return { error: error instanceof Error ? error.message : String(error) };
      } finally {
        db.close();
      }
    },
    DATABASE_NAME,
    operation,
  )) as { missing: true } | { value: unknown } | { error: string };
  return 'missing' in result ? undefined : result;
}

/**
 * Writes the records in one transaction (existing records with the same id are replaced).
 * Returns how many records each store received.
 */
export async function seedDatabase(
  page: Page,
  data: SeedData,
  options: SeedOptions = {},
): Promise<Record<string, number>> {
  const given = toStoreRecords(data);
  const records = options.validate === false ? given : validateRecords(given);
  await inPage(page, { kind: 'seed', records }, options.timeoutMs);
  if (options.reload) await reloadExtensionPage(page);
  return Object.fromEntries(Object.entries(records).map(([store, list]) => [store, list.length]));
}

/**
 * Adds the district's own records (issue 11) to the database, validated, as an import stores
 * them, without their import: the bench's district variant.
 */
export async function seedDistrictRecords(
  page: Page,
  records: model.DistrictRecord[],
  timeoutMs?: number,
): Promise<void> {
  await seedDatabase(page, { districtRecords: records }, timeoutMs ? { timeoutMs } : {});
}

/** Empties every object store of the extension's database in one transaction. */
export async function clearDatabase(page: Page, options: { timeoutMs?: number } = {}) {
  await inPage(page, { kind: 'clear' }, options.timeoutMs);
}

/**
 * Empties every object store from the extension's own context (see `inExtension`), for resets
 * between test files that should not open a page for it.
 */
export async function clearDatabaseInExtension(ext: ExtensionBrowser): Promise<void> {
  await inExtension(ext, { kind: 'clear' });
}

/** How many records each object store holds, read from the extension's own context. */
export function countRecordsInExtension(ext: ExtensionBrowser): Promise<Record<string, number>> {
  return inExtension(ext, { kind: 'count' });
}

/** Every record of one object store (for assertions on what the UI saved). */
export async function readStore<T = unknown>(
  page: Page,
  store: string,
  options: { timeoutMs?: number } = {},
): Promise<T[]> {
  return inPage<T[]>(page, { kind: 'read', store }, options.timeoutMs);
}
