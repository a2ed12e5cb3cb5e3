/**
 * The tracker's Backup page (tracker.html#/backup): save everything (or one student) as a backup
 * file, import a backup with a preview of what changes, and the reminder switch. All the rules
 * live in lib/backup; this page only asks and shows.
 */
import { useRef, useState } from 'preact/hooks';
import {
  IMPORT_MODES,
  IMPORT_MODE_LABELS,
  MAX_BACKUP_CHARS,
  backupFileName,
  countRecords,
  exportBackup,
  importBackup,
  markBackedUp,
  parseBackupText,
  previewImport,
  problemText,
  serializeBackup,
  type BackupDocument,
  type BackupProblem,
  type ImportMode,
  type ImportPreview as Preview,
} from '../../lib/backup';
import { getSettings, listStudents, saveSettings } from '../../lib/db';
import { useLiveQuery } from '../../lib/ui/live-query';
import type { TrackerRouteProps } from '../tracker/route-props';
import { downloadText } from '../correspondence/download';
import { CheckboxField, RadioGroup } from '../ui/fields';
import { StatusMessage, useStatus } from '../ui/status';
import { ImportPreview, previewSentence } from './ImportPreview';

const EVERYTHING = 'everything';
const JSON_TYPE = 'application/json';

/** "March 15, 2027 at 2:30 PM" in the browser's own time zone (a moment, not a calendar date). */
function formatMoment(ms: number): string {
  return new Date(ms).toLocaleString('en-US', { dateStyle: 'long', timeStyle: 'short' });
}

type ImportState =
  | { step: 'idle' }
  | { step: 'problems'; fileName: string; problems: BackupProblem[] }
  | { step: 'preview'; fileName: string; backup: BackupDocument; preview: Preview | null };

export function BackupPage(props: TrackerRouteProps) {
  const { db, today } = props;
  const students = useLiveQuery(() => listStudents(db), [db]);
  const settings = useLiveQuery(() => getSettings(db), [db]);
  const [scope, setScope] = useState<string>(EVERYTHING);
  const [mode, setMode] = useState<ImportMode>('merge-skip');
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const [confirmReplace, setConfirmReplace] = useState(false);
  // Each preview counts against the database; only the latest asked for may be shown (a mode
  // chosen while the file's first preview is still counting must not be overwritten by it).
  const latestPreview = useRef(0);
  const [busy, setBusy] = useState(false);
  const [fileKey, setFileKey] = useState(0);
  const [status, announce] = useStatus(12_000);

  if (students === undefined || settings === undefined) return <p>Loading…</p>;

  async function saveBackup() {
    const now = Date.now();
    const student = students?.find((s) => s.id === scope);
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

  async function showPreview(fileName: string, backup: BackupDocument, nextMode: ImportMode) {
    const request = ++latestPreview.current;
    setState({ step: 'preview', fileName, backup, preview: null });
    const result = await previewImport(db, backup, nextMode);
    if (request !== latestPreview.current) return;
    setState(
      result.ok
        ? { step: 'preview', fileName, backup, preview: result.preview }
        : { step: 'problems', fileName, problems: result.problems },
    );
  }

  async function chooseFile(file: File | undefined) {
    latestPreview.current++; // a preview of the file chosen before is no longer wanted
    setConfirmReplace(false);
    if (!file) return setState({ step: 'idle' });
    if (file.size > MAX_BACKUP_CHARS) {
      return setState({
        step: 'problems',
        fileName: file.name,
        problems: [
          { where: 'The file', message: 'It is larger than any backup of this extension.' },
        ],
      });
    }
    const parsed = parseBackupText(await file.text());
    if (!parsed.ok)
      return setState({ step: 'problems', fileName: file.name, problems: parsed.problems });
    await showPreview(file.name, parsed.backup, mode);
  }

  async function runImport() {
    if (state.step !== 'preview') return;
    setBusy(true);
    try {
      const result = await importBackup(db, state.backup, mode);
      if (!result.ok)
        return setState({ step: 'problems', fileName: state.fileName, problems: result.problems });
      setState({ step: 'idle' });
      setConfirmReplace(false);
      setFileKey((key) => key + 1);
      announce(
        `Imported ${state.fileName}. ${previewSentence(result.preview)
          .replace(/^Adds/, 'Added')
          .replace(/^Removes/, 'Removed')}`,
      );
    } finally {
      setBusy(false);
    }
  }

  const scopeOptions = [
    { value: EVERYTHING, label: 'Everything (all students, letters and your details)' },
    ...students.map((s) => ({ value: s.id, label: `Only ${s.name}` })),
  ];
  const fileErrorId = 'backup-file-problems';

  return (
    <>
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
          {settings.lastBackupAt === null
            ? 'No backup file has been saved yet.'
            : `Last backup of everything: ${formatMoment(settings.lastBackupAt)}.`}
        </p>
      </section>

      <section class="card" aria-labelledby="backup-restore-heading">
        <h2 id="backup-restore-heading">Restore from a backup file</h2>
        <div class="field">
          <label for="backup-file">Import backup</label>
          <input
            key={fileKey}
            id="backup-file"
            type="file"
            accept=".json,application/json"
            aria-describedby={`backup-file-hint${state.step === 'problems' ? ` ${fileErrorId}` : ''}`}
            aria-invalid={state.step === 'problems' ? 'true' : undefined}
            onChange={(event) => void chooseFile(event.currentTarget.files?.[0])}
          />
          <p class="field-hint" id="backup-file-hint">
            Choose a file saved with “Save backup file”. Nothing changes until you press Import.
          </p>
        </div>

        {state.step === 'problems' ? (
          <div class="notice danger" role="alert" id={fileErrorId}>
            <p>
              Nothing was imported from {state.fileName}.{' '}
              {state.problems.length === 1
                ? 'This needs fixing first:'
                : `These ${state.problems.length} things need fixing first:`}
            </p>
            <ul data-testid="import-problems">
              {state.problems.map((problem, index) => (
                <li key={index}>{problemText(problem)}</li>
              ))}
            </ul>
          </div>
        ) : null}

        {state.step === 'preview' ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void runImport();
            }}
          >
            <RadioGroup
              legend="How to import"
              value={mode}
              onValue={(next) => {
                setMode(next);
                setConfirmReplace(false);
                void showPreview(state.fileName, state.backup, next);
              }}
              options={IMPORT_MODES.map((value) => ({ value, label: IMPORT_MODE_LABELS[value] }))}
              layout="stack"
            />
            {state.preview ? <ImportPreview preview={state.preview} /> : <p>Counting…</p>}
            {mode === 'replace-all' ? (
              <CheckboxField
                label="I understand: everything now in this browser is removed first."
                checked={confirmReplace}
                onChecked={setConfirmReplace}
              />
            ) : null}
            <p class="button-row">
              <button
                type="submit"
                disabled={busy || !state.preview || (mode === 'replace-all' && !confirmReplace)}
              >
                Import
              </button>
              <button
                type="button"
                class="secondary"
                onClick={() => {
                  setState({ step: 'idle' });
                  setFileKey((key) => key + 1);
                }}
              >
                Cancel
              </button>
            </p>
          </form>
        ) : null}
        <StatusMessage message={status} testId="backup-status" />
      </section>

      <section class="card" aria-labelledby="backup-reminder-heading">
        <h2 id="backup-reminder-heading">Reminders</h2>
        <CheckboxField
          label="Remind me to save a backup when 30 days of new entries are only in this browser"
          checked={settings.backupReminders}
          onChecked={(checked) => void saveSettings(db, { backupReminders: checked })}
        />
        <CheckboxField
          label="Show my child's name in deadline reminders (others may see them on a locked screen)"
          checked={settings.namesInNotifications}
          onChecked={(checked) => void saveSettings(db, { namesInNotifications: checked })}
        />
      </section>
    </>
  );
}
