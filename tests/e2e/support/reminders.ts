/**
 * The background's reminder check, seen from a test: lib/reminders notes every finished check
 * in storage.session (LAST_CHECK_STORAGE_KEY). A test that wants to show a check did NOT do
 * something (no notification, no database opened afterwards) waits for that note first.
 *
 *   const since = Date.now();
 *   await fireTheAlarm();
 *   await waitForReminderCheck(ext, { reason: 'alarm', since });
 *   expect(await shownNotifications()).not.toContain(id);
 */
import {
  LAST_CHECK_STORAGE_KEY,
  REMINDER_ALARM,
  type CheckReason,
  type LastCheck,
} from '../../../lib/reminders/index';
import { eventually } from '../../support/eventually';
import type { ExtensionBrowser } from '../harness';

/** The last finished check, if any since the extension started. */
export function lastReminderCheck(ext: ExtensionBrowser): Promise<LastCheck | undefined> {
  return ext.evaluateInExtension(async (key: string) => {
    type Session = { get(key: string): Promise<Record<string, unknown>> };
    type Api = { storage: { session: Session } };
    const scope = globalThis as unknown as { browser?: Api; chrome?: Api };
    const stored = await (scope.browser ?? scope.chrome)!.storage.session.get(key);
    return stored[key] as LastCheck | undefined;
  }, LAST_CHECK_STORAGE_KEY);
}

/**
 * Waits until a check started by `reason` (any, if not given) has finished, one that started
 * at or after `since`: Date.now() here, taken before the test triggered the check (the browser
 * runs on this machine's clock; no browser call is needed to read it, which in Firefox would
 * open an extension page). Checks run one at a time, so when it answers, that check's work
 * (notifications, database reads) is done.
 */
export function waitForReminderCheck(
  ext: ExtensionBrowser,
  {
    reason,
    since = 0,
    timeout = 15_000,
  }: { reason?: CheckReason; since?: number; timeout?: number },
): Promise<LastCheck> {
  return eventually(
    async () => {
      const check = await lastReminderCheck(ext);
      return check && (!reason || check.reason === reason) && check.startedAt >= since
        ? check
        : undefined;
    },
    `a reminder check${reason ? ` (${reason})` : ''} started at or after ${since}`,
    timeout,
  );
}

/**
 * Clears the daily reminder alarm, whose first check comes a minute after the install: for a
 * test that must know nothing opens the database for a while. The next start or update of the
 * background creates it again (lib/reminders registerReminders).
 */
export async function clearReminderAlarm(ext: ExtensionBrowser): Promise<void> {
  await ext.evaluateInExtension(async (name: string) => {
    type Api = { alarms: { clear(name: string): Promise<boolean> } };
    const scope = globalThis as unknown as { browser?: Api; chrome?: Api };
    await (scope.browser ?? scope.chrome)!.alarms.clear(name);
  }, REMINDER_ALARM);
}
