import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkReminders, LAST_CHECK_STORAGE_KEY, type LastCheck } from '../../lib/reminders';
import {
  dueReminders,
  newReminders,
  notificationText,
  type StudentFollowUp,
} from '../../lib/reminders/check';
import { freshDatabase } from './backup-fixtures';
import { letterSchema, sessionEntrySchema, type Letter } from '../../lib/model';

const student = { id: 'student-1', name: 'Sam' };

function sent(fields: Partial<Letter> & Pick<Letter, 'id' | 'kind' | 'sentDate'>): Letter {
  return letterSchema.parse({
    studentId: student.id,
    subject: 'Missed speech therapy',
    status: 'sent',
    createdAt: 1,
    ...fields,
  });
}

const concern = sent({
  id: 'concern',
  kind: 'service-concern',
  sentDate: '2026-10-05',
  requestedResponseDate: '2026-10-19',
});
const complaint = sent({ id: 'complaint', kind: 'state-complaint', sentDate: '2026-11-02' });
const oldMiss = sessionEntrySchema.parse({
  id: 'miss',
  studentId: student.id,
  serviceId: 'speech',
  date: '2026-01-12',
  status: 'missed',
  minutesDelivered: 0,
  scheduledMinutes: 30,
  reason: 'weather-travel',
  createdAt: 1,
});

function follow(letters: Letter[], sessions = [oldMiss]): StudentFollowUp[] {
  return [{ student, letters, sessions, calendar: null }];
}

describe('due reminders', () => {
  it('is quiet while every deadline is ahead', () => {
    expect(dueReminders(follow([concern], []), '2026-10-19')).toEqual([]);
  });

  it('reminds the day after the asked-for reply date, with the next step', () => {
    const [reminder] = dueReminders(follow([concern], []), '2026-10-20');
    expect(reminder).toMatchObject({
      key: 'deadline:concern:requested-response:2026-10-19',
      studentId: 'student-1',
      title: 'No reply logged to “Missed speech therapy” (asked by October 19, 2026)',
    });
    expect(reminder!.nextSteps.map((s) => s.draftKind)).toEqual([
      'compensatory-services',
      'pwn-request',
    ]);
    expect(reminder!.message).toMatch(/^Sam: Ask in writing for a plan to make up/);
  });

  it("notifications leave out the child's name and the letter's subject unless turned on", () => {
    const [reminder] = dueReminders(follow([concern], []), '2026-10-20');
    const quiet = notificationText(reminder!, false);
    expect(quiet.title).toBe('No reply logged to your letter (asked by October 19, 2026)');
    expect(quiet.message).toMatch(/^Ask in writing for a plan to make up/);
    expect(JSON.stringify(quiet)).not.toMatch(/Sam|Missed speech therapy/);
    expect(notificationText(reminder!, true)).toEqual({
      title: reminder!.title,
      message: reminder!.message,
    });
    const [oneYear] = dueReminders(follow([]), '2026-11-10');
    expect(notificationText(oneYear!, false).message).not.toContain('Sam');
  });

  it('stops once a response is logged', () => {
    const answered = { ...concern, responseDate: '2026-10-25' };
    expect(dueReminders(follow([answered], []), '2026-11-01')).toEqual([]);
  });

  it("reminds when OPI's 60 days pass, not when Early Assistance ends", () => {
    // Nov 2, 2026 + 60 days = Jan 1, 2027; Early Assistance ended Nov 25.
    expect(dueReminders(follow([complaint], []), '2027-01-01')).toEqual([]);
    const [reminder] = dueReminders(follow([complaint], []), '2027-01-02');
    expect(reminder!.title).toBe("OPI's decision on your complaint was due January 1, 2027");
    expect(reminder!.nextSteps[0]!.draftKind).toBeNull();
  });

  it('warns about missed sessions 300 days old with no complaint filed', () => {
    // Jan 12, 2026 + 300 days: 19+28+31+30+31+30+31+31+30+31 = 292 to Oct 31, so Nov 8, 2026.
    expect(dueReminders(follow([]), '2026-11-07')).toEqual([]);
    const [reminder] = dueReminders(follow([]), '2026-11-08');
    expect(reminder).toMatchObject({
      key: 'one-year:student-1:2026-01-12',
      title: 'Missed sessions are nearing the one-year limit',
    });
    expect(reminder!.message).toContain('OPI receives it by January 12, 2027');
    // A complaint sent within the year covers the session.
    expect(dueReminders(follow([complaint]), '2026-11-08')).toEqual([]);
  });

  it('does not repeat what was already shown', () => {
    const due = dueReminders(follow([concern]), '2026-11-08');
    expect(due).toHaveLength(2);
    const shown = new Set([due[0]!.key]);
    expect(newReminders(follow([concern]), '2026-11-09', shown).map((r) => r.key)).toEqual([
      due[1]!.key,
    ]);
  });
});

describe('checkReminders notes each finished check (the signal e2e tests wait for)', () => {
  afterEach(() => fakeBrowser.reset());

  it('in storage.session: a new run id, the reason and what it showed', async () => {
    const db = freshDatabase();
    const before = Date.now();
    expect(await checkReminders(db, 'clock')).toEqual([]);
    const first = (await fakeBrowser.storage.session.get(LAST_CHECK_STORAGE_KEY))[
      LAST_CHECK_STORAGE_KEY
    ] as LastCheck;
    expect(first).toMatchObject({ reason: 'clock', shown: 0 });
    expect(first.startedAt).toBeGreaterThanOrEqual(before);
    expect(first.finishedAt).toBeGreaterThanOrEqual(first.startedAt);

    await checkReminders(db, 'alarm');
    const second = (await fakeBrowser.storage.session.get(LAST_CHECK_STORAGE_KEY))[
      LAST_CHECK_STORAGE_KEY
    ] as LastCheck;
    expect(second.reason).toBe('alarm');
    expect(second.run).not.toBe(first.run);
    db.close();
  });

  it('also when the check fails, with nothing shown', async () => {
    const db = freshDatabase();
    db.close({ disableAutoOpen: true });
    await expect(checkReminders(db, 'startup')).rejects.toThrow();
    const noted = (await fakeBrowser.storage.session.get(LAST_CHECK_STORAGE_KEY))[
      LAST_CHECK_STORAGE_KEY
    ] as LastCheck;
    expect(noted).toMatchObject({ reason: 'startup', shown: null });
  });
});
