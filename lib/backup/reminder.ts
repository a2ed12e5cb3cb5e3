/**
 * The backup reminder: after a month of history that exists only in this browser, suggest saving
 * a backup file. Turned off with settings.backupReminders.
 */
import type { AdvocateDatabase } from '../db';
import { getSettings } from '../db';
import type { Settings } from '../model';

export const BACKUP_REMINDER_DAYS = 30;
const DAY_MS = 86_400_000;

export interface BackupReminder {
  /** Show the reminder now. */
  due: boolean;
  /** Entries (log entries, letters, students) added since the last backup file. */
  entriesSinceBackup: number;
  /** Whole days since the last backup file, or since the first entry if there was none. */
  daysUnsaved: number;
  /** When the last backup file was saved (ms since 1970), or null if never. */
  lastBackupAt: number | null;
  remindersOn: boolean;
}

/**
 * The rule, as a pure function: reminders on, something added since the last backup, and at
 * least 30 days since that backup (or, with none yet, since the oldest unsaved entry).
 */
export function backupReminderFor(input: {
  settings: Pick<Settings, 'backupReminders' | 'lastBackupAt'>;
  entriesSinceBackup: number;
  /** createdAt of the oldest entry added since the last backup, if any. */
  oldestUnsavedAt: number | null;
  now: number;
}): BackupReminder {
  const { settings, entriesSinceBackup, oldestUnsavedAt, now } = input;
  const since = settings.lastBackupAt ?? oldestUnsavedAt;
  const daysUnsaved = since === null ? 0 : Math.max(0, Math.floor((now - since) / DAY_MS));
  return {
    due: settings.backupReminders && entriesSinceBackup > 0 && daysUnsaved >= BACKUP_REMINDER_DAYS,
    entriesSinceBackup,
    daysUnsaved,
    lastBackupAt: settings.lastBackupAt,
    remindersOn: settings.backupReminders,
  };
}

/**
 * Reads what the rule needs through the createdAt indexes (schema version 2), or before the first
 * backup file through the tables' own counts: no record is read whole.
 */
export async function readBackupReminder(
  db: AdvocateDatabase,
  now: number,
): Promise<BackupReminder> {
  return db.transaction('r', [db.settings, db.sessions, db.letters, db.students], async () => {
    const settings = await getSettings(db);
    const after = settings.lastBackupAt;
    let entries = 0;
    let oldest: number | null = null;
    for (const table of [db.sessions, db.letters, db.students]) {
      const added = table.where('createdAt').above(after ?? -1);
      // Never backed up: every record counts (createdAt is never negative), and counting the
      // table walks its keys alone, where counting an index range also looks up each record.
      // In Chromium that index count took about 260 ms with 40,000 log entries, and the tracker
      // page's own reads waited behind it (docs/ui.md, "Speed of the tracker").
      entries += after === null ? await table.count() : await added.count();
      const first = await added.first();
      if (first && (oldest === null || first.createdAt < oldest)) oldest = first.createdAt;
    }
    return backupReminderFor({
      settings,
      entriesSinceBackup: entries,
      oldestUnsavedAt: oldest,
      now,
    });
  });
}
