/**
 * The backup reminder (lib/backup/reminder.ts): after 30 days of entries that exist only in this
 * browser, a short notice with a link to the Backup page and a way to turn reminders off. Shows
 * nothing otherwise. Live: saving a backup in any tab hides it.
 */
import { readBackupReminder } from '../../lib/backup';
import { saveSettings, type AdvocateDatabase } from '../../lib/db';
import { useLiveQuery } from '../../lib/ui/live-query';

export function BackupReminderNotice(props: {
  db: AdvocateDatabase;
  /** Milliseconds since 1970 (injectable for tests); the clock by default. */
  now?: number;
  /** Where "Save a backup" goes (the tracker's Backup route). */
  backupHref?: string;
}) {
  const { db } = props;
  // After the page's own reads: the reminder counts every entry since the last backup (40,000
  // after three years of a caseload), and the page's reads would wait behind that count.
  const reminder = useLiveQuery(
    () => readBackupReminder(db, props.now ?? Date.now()),
    [db, props.now],
    { afterPageReads: true },
  );
  if (!reminder?.due) return null;
  const since =
    reminder.lastBackupAt === null
      ? `You started ${reminder.daysUnsaved} days ago and have not saved a backup file yet`
      : `Your last backup file is ${reminder.daysUnsaved} days old`;
  const entries = `${reminder.entriesSinceBackup} ${reminder.entriesSinceBackup === 1 ? 'entry' : 'entries'}`;
  return (
    <aside class="notice warn backup-reminder" aria-label="Backup reminder">
      <p>
        {since}, and you added {entries} since. Your records live only in this browser: a backup
        file keeps them safe if the browser is reset or the computer is replaced.
      </p>
      <p class="button-row">
        <a class="button" href={props.backupHref ?? '#/backup'}>
          Save a backup
        </a>
        <button
          type="button"
          class="link"
          onClick={() => void saveSettings(db, { backupReminders: false })}
        >
          Turn off backup reminders
        </button>
      </p>
    </aside>
  );
}
