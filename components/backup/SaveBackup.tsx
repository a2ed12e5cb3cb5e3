/**
 * The Backup page's "Save a backup file" card: everything or one student, saved as a download;
 * a whole backup is remembered as the last one (lib/backup markBackedUp).
 */
import { useState } from 'preact/hooks';
import {
  backupFileName,
  countRecords,
  exportBackup,
  markBackedUp,
  serializeBackup,
} from '../../lib/backup';
import type { IsoDate } from '../../lib/dates';
import type { AdvocateDatabase } from '../../lib/db';
import type { Student } from '../../lib/model';
import { downloadText } from '../correspondence/download';
import { RadioGroup } from '../ui/fields';

const EVERYTHING = 'everything';
const JSON_TYPE = 'application/json';

/** "March 15, 2027 at 2:30 PM" in the browser's own time zone (a moment, not a calendar date). */
function formatMoment(ms: number): string {
  return new Date(ms).toLocaleString('en-US', { dateStyle: 'long', timeStyle: 'short' });
}

export interface SaveBackupProps {
  db: AdvocateDatabase;
  today: IsoDate;
  students: readonly Student[];
  /** When the last whole backup was saved (ms), or null. */
  lastBackupAt: number | null;
  /** Says what happened in the page's status line. */
  announce: (message: string) => void;
}

export function SaveBackup(props: SaveBackupProps) {
  const { db, today, students, announce } = props;
  const [scope, setScope] = useState<string>(EVERYTHING);

  async function saveBackup() {
    const now = Date.now();
    const student = students.find((s) => s.id === scope);
    try {
      const backup = await exportBackup(db, { studentId: student?.id ?? null, now });
      const name = backupFileName(today, student?.name);
      downloadText(name, serializeBackup(backup), JSON_TYPE);
      // Only a whole backup means nothing is left unsaved.
      if (!student) await markBackedUp(db, now);
      announce(`Saved ${name} with ${countRecords(backup).toLocaleString('en-US')} records.`);
    } catch (error) {
      announce(
        `The backup could not be made: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  const scopeOptions = [
    { value: EVERYTHING, label: 'Everything (all students, letters and your details)' },
    ...students.map((s) => ({ value: s.id, label: `Only ${s.name}` })),
  ];

  return (
    <section class="card" aria-labelledby="backup-save-heading">
      <h2 id="backup-save-heading">Save a backup file</h2>
      <p>
        A backup is one file with your records. Your browser saves it to your computer: nothing is
        sent anywhere. Keep a copy somewhere safe, such as a USB stick or your own e-mail.
      </p>
      <p class="notice warn" data-testid="backup-not-encrypted">
        The backup file is not encrypted. Anyone who gets the file can read everything in it,
        including your child's name and services. Keep it where only you can open it.
      </p>
      <RadioGroup
        legend="What to save"
        value={scope}
        onValue={setScope}
        options={scopeOptions}
        layout="stack"
      />
      <p class="button-row">
        <button type="button" onClick={() => void saveBackup()}>
          Save backup file
        </button>
      </p>
      <p class="small muted" data-testid="last-backup">
        {props.lastBackupAt === null
          ? 'No backup file has been saved yet.'
          : `Last backup of everything: ${formatMoment(props.lastBackupAt)}.`}
      </p>
    </section>
  );
}
