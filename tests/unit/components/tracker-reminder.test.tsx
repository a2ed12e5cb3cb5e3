// @vitest-environment happy-dom
/**
 * The tracker shell mounts the backup reminder with the page, so the reminder's count (every log
 * entry since the last backup: 40,000 after three years) starts after the page's own reads, also
 * when "today" is known only after the student choice (issue 15: the page's reads queued behind
 * the count, which the browser answers first).
 */
// Dexie's liveQuery needs IndexedDB as a global, not only passed to the database.
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, it, vi } from 'vitest';
import { openDatabase, saveStudent, type AdvocateDatabase } from '../../../lib/db';
import type { IsoDate } from '../../../lib/dates';
import { TrackerApp } from '../../../entrypoints/tracker/TrackerApp';
import { eventually } from '../../support/eventually';

/** In order: when the Gaps page's read started and answered, and when the reminder's started. */
const events: string[] = [];
let tellToday: (today: IsoDate) => void = () => {};

vi.mock('../../../lib/clock', () => ({
  getToday: () => new Promise<IsoDate>((resolve) => (tellToday = resolve)),
  onTodayOverrideChange: () => () => {},
}));
vi.mock('../../../lib/backup', async (original) => {
  const backup = await original<typeof import('../../../lib/backup')>();
  return {
    ...backup,
    readBackupReminder: (...args: Parameters<typeof backup.readBackupReminder>) => {
      events.push('reminder read');
      return backup.readBackupReminder(...args);
    },
  };
});
vi.mock('../../../lib/db', async (original) => {
  const db = await original<typeof import('../../../lib/db')>();
  return {
    ...db,
    loadGapsPageInputs: async (...args: Parameters<typeof db.loadGapsPageInputs>) => {
      events.push('page read');
      const inputs = await db.loadGapsPageInputs(...args);
      events.push('page answered');
      return inputs;
    },
  };
});

let db: AdvocateDatabase;
afterEach(() => {
  render(null, document.body);
  db?.close();
});

it("starts the backup reminder's count after the page's reads, when today comes last", async () => {
  db = openDatabase(`tracker-reminder-${Math.random()}`);
  await saveStudent(db, {
    id: 'stu',
    name: 'Sam',
    school: '',
    district: '',
    grade: '',
    homeAddress: '',
    calendarId: 'cal',
    createdAt: 0,
  });
  location.hash = '#/gaps';
  await act(() => render(<TrackerApp db={db} />, document.body));
  // The student choice is in (the picker names Sam) while today is not: the page waits.
  await eventually(async () => {
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    return document.querySelector('header')?.textContent?.includes('Sam');
  }, 'the student choice');
  // One task later: the shell's "every page query answered" check (a task after the commit)
  // has run by then, so a reminder mounted before the page would already have started.
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  await act(() => tellToday('2026-10-01' as IsoDate));
  await eventually(async () => {
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    return events.includes('reminder read') && events.includes('page answered');
  }, "the page's read and the reminder's");
  expect(events.slice(0, 3)).toEqual(['page read', 'page answered', 'reminder read']);
});
