/**
 * Reminders in the background: an alarm (daily, plus at browser start) checks the deadlines that
 * passed without a logged response and the one-year window (./check.ts, pure), and shows one
 * notification per new reminder. Clicking it opens the tracker's Letters page for that student.
 *
 * What was shown is kept in browser.storage.local ("reminders.notified": key → the day it was
 * shown) so no deadline is announced twice, across restarts too. Each finished check is noted
 * in browser.storage.session ("reminders.lastCheck", see LastCheck): the signal the e2e tests
 * wait for before they assert that a check showed nothing, or that nothing opened the database.
 *
 * Wire it from entrypoints/background.ts with `registerReminders(db)`: the listeners are added
 * synchronously, as an MV3 service worker must.
 */
import { browser } from 'wxt/browser';
import { getToday, CLOCK_STORAGE_KEY } from '../clock';
import {
  getSettings,
  listStudents,
  loadStudentData,
  saveSettings,
  type AdvocateDatabase,
} from '../db';
import { newReminders, notificationText, type Reminder, type StudentFollowUp } from './check';

export {
  dueReminders,
  newReminders,
  notificationText,
  type Reminder,
  type StudentFollowUp,
} from './check';

export const REMINDER_ALARM = 'follow-up-check';
export const NOTIFIED_STORAGE_KEY = 'reminders.notified';
const CHECK_EVERY_MINUTES = 24 * 60;
const NOTIFICATION_PREFIX = 'iep-reminder|';
/** Keep the record small: the most recent keys are the ones that can still come up. */
const MAX_NOTIFIED_KEYS = 1000;
/** Used when the manifest has no icon: a 48 px page-with-lines mark. */
const FALLBACK_ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAIAAADYYG7QAAAAXElEQVR4nO3VUQ3AIAxFUZzMB2bwr2KzQAINLTs3FXA+XtL29JHq2nEB0AroPRQQEBAQ0Cpo11sA+i8oOqD7QelGDVQOFB3Q/aB0owYqB4oOCAgICGgWlOGAyoE+5acar/7IsWkAAAAASUVORK5CYII=';

export type NotifiedRecord = Record<string, string>;

/** storage.session key of the last finished check (cleared with the browser session). */
export const LAST_CHECK_STORAGE_KEY = 'reminders.lastCheck';

/** What started a check. */
export type CheckReason = 'install' | 'startup' | 'alarm' | 'clock';

/** The last finished check: a test-visible signal, nothing reads it in the product. */
export interface LastCheck {
  /** Unique per check. */
  run: string;
  reason: CheckReason;
  /** ms since 1970, from this browser's clock. */
  startedAt: number;
  finishedAt: number;
  /** Notifications shown, or null when the check failed. */
  shown: number | null;
}

async function noteCheck(check: LastCheck): Promise<void> {
  await browser.storage.session
    .set({ [LAST_CHECK_STORAGE_KEY]: check })
    .catch((error: unknown) => console.warn('Could not note the reminder check', error));
}

async function readNotified(): Promise<NotifiedRecord> {
  const stored = await browser.storage.local.get(NOTIFIED_STORAGE_KEY);
  const value = stored[NOTIFIED_STORAGE_KEY];
  return value && typeof value === 'object' ? (value as NotifiedRecord) : {};
}

async function writeNotified(record: NotifiedRecord): Promise<void> {
  const entries = Object.entries(record);
  const kept = entries.length > MAX_NOTIFIED_KEYS ? entries.slice(-MAX_NOTIFIED_KEYS) : entries;
  await browser.storage.local.set({ [NOTIFIED_STORAGE_KEY]: Object.fromEntries(kept) });
}

async function loadFollowUps(db: AdvocateDatabase): Promise<StudentFollowUp[]> {
  const students = await listStudents(db);
  const data = await Promise.all(students.map((s) => loadStudentData(db, s.id)));
  return data.flatMap((d) =>
    d
      ? [{ student: d.student, letters: d.letters, sessions: d.sessions, calendar: d.calendar }]
      : [],
  );
}

function iconUrl(): string {
  const icons = browser.runtime.getManifest().icons ?? {};
  const largest = Object.keys(icons)
    .map(Number)
    .sort((a, b) => b - a)[0];
  return largest
    ? browser.runtime.getURL(icons[largest] as Parameters<typeof browser.runtime.getURL>[0])
    : FALLBACK_ICON;
}

async function show(reminder: Reminder, showName: boolean): Promise<void> {
  await browser.notifications.create(
    `${NOTIFICATION_PREFIX}${reminder.studentId}|${reminder.key}`,
    {
      type: 'basic',
      iconUrl: iconUrl(),
      ...notificationText(reminder, showName),
    },
  );
}

/**
 * Checks once and shows what is new. Returns the reminders shown. Runs one at a time (the alarm
 * and browser start can fire together), so nothing is shown twice. When it has finished, it
 * notes itself in storage.session (LAST_CHECK_STORAGE_KEY), failed or not.
 */
let running: Promise<Reminder[]> = Promise.resolve([]);
export function checkReminders(
  db: AdvocateDatabase,
  reason: CheckReason = 'alarm',
): Promise<Reminder[]> {
  let startedAt = 0;
  running = running
    .catch(() => [])
    .then(async () => {
      startedAt = Date.now();
      const [today, notified, followUps, settings] = await Promise.all([
        getToday(),
        readNotified(),
        loadFollowUps(db),
        getSettings(db),
      ]);
      const fresh = newReminders(followUps, today, new Set(Object.keys(notified)));
      for (const reminder of fresh) {
        // Record first: a notification that fails to show (notifications blocked) is not retried
        // every day; the Letters page shows the same overdue deadlines anyway.
        notified[reminder.key] = today;
        try {
          await show(reminder, settings.namesInNotifications);
        } catch (error) {
          console.warn('Could not show a reminder', error);
        }
      }
      if (fresh.length > 0) await writeNotified(notified);
      return fresh;
    })
    .then(
      async (fresh) => {
        await noteCheck(lastCheck(reason, startedAt, fresh.length));
        return fresh;
      },
      async (error: unknown) => {
        await noteCheck(lastCheck(reason, startedAt, null));
        throw error;
      },
    );
  return running;
}

function lastCheck(reason: CheckReason, startedAt: number, shown: number | null): LastCheck {
  return { run: crypto.randomUUID(), reason, startedAt, finishedAt: Date.now(), shown };
}

async function openLetters(db: AdvocateDatabase, studentId: string): Promise<void> {
  const settings = await getSettings(db);
  if (studentId && settings.currentStudentId !== studentId) {
    const student = await db.students.get(studentId);
    if (student) await saveSettings(db, { currentStudentId: studentId });
  }
  await browser.tabs.create({ url: browser.runtime.getURL('/tracker.html#/letters') });
}

export function registerReminders(db: AdvocateDatabase): void {
  const check = (reason: CheckReason) =>
    void checkReminders(db, reason).catch((e) => console.warn('Reminder check failed', e));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REMINDER_ALARM) check('alarm');
  });
  browser.runtime.onStartup.addListener(() => check('startup'));
  browser.runtime.onInstalled.addListener(() => check('install'));
  // The "today" override (lib/clock, a test and demo hook) moves the day: check again.
  if (__TEST_HOOKS__) {
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && CLOCK_STORAGE_KEY in changes) check('clock');
    });
  }
  browser.notifications.onClicked.addListener((id) => {
    if (!id.startsWith(NOTIFICATION_PREFIX)) return;
    const studentId = id.slice(NOTIFICATION_PREFIX.length).split('|')[0] ?? '';
    void browser.notifications.clear(id);
    void openLetters(db, studentId);
  });

  void browser.alarms.get(REMINDER_ALARM).then((alarm) => {
    if (!alarm) {
      void browser.alarms.create(REMINDER_ALARM, {
        delayInMinutes: 1,
        periodInMinutes: CHECK_EVERY_MINUTES,
      });
    }
  });
}
