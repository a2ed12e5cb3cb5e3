import { describe, expect, it } from 'vitest';
import {
  BACKUP_REMINDER_DAYS,
  backupReminderFor,
  exportBackup,
  markBackedUp,
  readBackupReminder,
} from '../../lib/backup';
import { saveSettings } from '../../lib/db';
import { fillDatabase, freshDatabase, realisticDataset } from './backup-fixtures';

const DAY = 86_400_000;
const T = Date.UTC(2026, 9, 1, 12);

describe('backup reminder rule', () => {
  const on = { backupReminders: true, lastBackupAt: T };

  it('is due 30 days after the last backup when something was added since', () => {
    const at = (days: number, entries: number) =>
      backupReminderFor({
        settings: on,
        entriesSinceBackup: entries,
        oldestUnsavedAt: T + DAY,
        now: T + days * DAY,
      });
    expect(at(BACKUP_REMINDER_DAYS - 1, 40).due).toBe(false);
    expect(at(BACKUP_REMINDER_DAYS, 40)).toEqual({
      due: true,
      entriesSinceBackup: 40,
      daysUnsaved: 30,
      lastBackupAt: T,
      remindersOn: true,
    });
    expect(at(90, 0).due).toBe(false);
  });

  it('counts from the oldest unsaved entry when there was never a backup', () => {
    const settings = { backupReminders: true, lastBackupAt: null };
    expect(
      backupReminderFor({ settings, entriesSinceBackup: 3, oldestUnsavedAt: T, now: T + 29 * DAY })
        .due,
    ).toBe(false);
    expect(
      backupReminderFor({ settings, entriesSinceBackup: 3, oldestUnsavedAt: T, now: T + 31 * DAY })
        .due,
    ).toBe(true);
    expect(
      backupReminderFor({ settings, entriesSinceBackup: 0, oldestUnsavedAt: null, now: T })
        .daysUnsaved,
    ).toBe(0);
  });

  it('never shows when turned off', () => {
    const off = { backupReminders: false, lastBackupAt: null };
    expect(
      backupReminderFor({
        settings: off,
        entriesSinceBackup: 500,
        oldestUnsavedAt: T,
        now: T + 400 * DAY,
      }).due,
    ).toBe(false);
  });
});

describe('backup reminder from the database', () => {
  it('counts log entries, letters and students added after the last backup', async () => {
    const db = freshDatabase();
    const data = realisticDataset({ until: '2026-10-30' });
    await fillDatabase(db, data);
    const lastBackupAt = data.sessions[50]!.createdAt;
    await saveSettings(db, { lastBackupAt });
    const expected = [...data.sessions, ...data.letters, ...data.students].filter(
      (r) => r.createdAt > lastBackupAt,
    );
    const oldest = Math.min(...expected.map((r) => r.createdAt));
    const now = Math.max(...expected.map((r) => r.createdAt)) + 45 * DAY;

    const reminder = await readBackupReminder(db, now);
    expect(reminder.entriesSinceBackup).toBe(expected.length);
    expect(reminder.entriesSinceBackup).toBeGreaterThan(10);
    expect(reminder.due).toBe(true);

    // Saving a backup file resets it; turning reminders off hides it.
    await exportBackup(db, { now });
    await markBackedUp(db, now);
    expect(await readBackupReminder(db, now + 40 * DAY)).toMatchObject({
      due: false,
      entriesSinceBackup: 0,
      lastBackupAt: now,
    });
    await saveSettings(db, { lastBackupAt, backupReminders: false });
    expect((await readBackupReminder(db, now)).due).toBe(false);
    expect(oldest).toBeGreaterThan(lastBackupAt);
  });

  it('counts every entry, letter and student before the first backup file', async () => {
    const db = freshDatabase();
    const data = realisticDataset({ until: '2026-10-30' });
    await fillDatabase(db, data);
    await saveSettings(db, { lastBackupAt: null });
    const all = [...data.sessions, ...data.letters, ...data.students];
    const oldest = Math.min(...all.map((r) => r.createdAt));

    const reminder = await readBackupReminder(db, oldest + 45 * DAY);
    expect(reminder).toMatchObject({
      due: true,
      entriesSinceBackup: all.length,
      daysUnsaved: 45,
      lastBackupAt: null,
    });
  });
});
