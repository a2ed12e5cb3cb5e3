/**
 * The injectable "today" for extension pages and the background.
 *
 * Every page and the background ask `getToday()` for the calendar date instead of calling
 * `todayIso()` themselves, so a test or a demo can move the whole extension to another day:
 * `setTodayOverride('2027-03-01')` (or writing the ISO date to browser.storage.local under
 * "clock.today" from a test) makes every later `getToday()` answer that date, and
 * `setTodayOverride(null)` goes back to the real clock.
 *
 * This is a test and demo hook: the product's own UI never sets it. Pure modules (lib/gap,
 * lib/drafts, lib/deadlines, …) never read it: they take "today" as an argument. It exists only
 * in builds made with WXT_TEST_HOOKS=1 (`__TEST_HOOKS__`, wxt.config.ts): a production build has
 * no override, because it would move every legal deadline and lives in storage a content script
 * can write.
 */
import { browser } from 'wxt/browser';
import { isIsoDate, todayIso, type IsoDate } from './dates';

/**
 * Whether this build has the test hooks. Node tools (demo, bench: run through tsx, no Vite)
 * have no define and are test tooling, so they count as having them.
 */
const HOOKS = typeof __TEST_HOOKS__ === 'boolean' ? __TEST_HOOKS__ : true;

/** The browser.storage.local key that holds the override (an ISO date string). */
export const CLOCK_STORAGE_KEY = HOOKS ? 'clock.today' : '';

/** Today's calendar date: the override when one is set and valid, else the local clock's date. */
export async function getToday(): Promise<IsoDate> {
  if (!HOOKS) return todayIso();
  const stored = await browser.storage.local.get(CLOCK_STORAGE_KEY);
  const override = stored[CLOCK_STORAGE_KEY];
  return isIsoDate(override) ? override : todayIso();
}

/** Sets (an ISO date) or clears (null) the "today" override. Test and demo hook. */
export async function setTodayOverride(date: IsoDate | null): Promise<void> {
  if (!HOOKS) throw new Error('This build has no test hooks.');
  if (date === null) {
    await browser.storage.local.remove(CLOCK_STORAGE_KEY);
    return;
  }
  if (!isIsoDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  await browser.storage.local.set({ [CLOCK_STORAGE_KEY]: date });
}

/** Calls `listener` with the new "today" whenever the override is set or cleared. */
export function onTodayOverrideChange(listener: (today: IsoDate) => void): () => void {
  if (!HOOKS) return () => {};
  const handle = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' || !(CLOCK_STORAGE_KEY in changes)) return;
    void getToday().then(listener);
  };
  browser.storage.onChanged.addListener(handle);
  return () => browser.storage.onChanged.removeListener(handle);
}
