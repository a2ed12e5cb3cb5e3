/**
 * The tracker's Backup page (tracker.html#/backup): save everything (or one student) as a backup
 * file (./SaveBackup.tsx), import a backup with a preview of what changes, and the reminder
 * switch. All the rules live in lib/backup; this page only asks and shows.
 */
import { useRef, useState } from 'preact/hooks';
import {
  IMPORT_MODES,
  IMPORT_MODE_LABELS,
  MAX_BACKUP_CHARS,
  importBackup,
  parseBackupText,
  previewImport,
  problemText,
  type BackupDocument,
  type BackupProblem,
  type ImportMode,
  type ImportPreview as Preview,
} from '../../lib/backup';
import { getSettings, listStudents, saveSettings } from '../../lib/db';
import { useLiveQuery } from '../../lib/ui/live-query';
import type { TrackerRouteProps } from '../tracker/route-props';
import { CheckboxField, RadioGroup } from '../ui/fields';
import { StatusMessage, useStatus } from '../ui/status';
import { ImportPreview, previewSentence } from './ImportPreview';
import { SaveBackup } from './SaveBackup';

type ImportState =
  | { step: 'idle' }
  | { step: 'problems'; fileName: string; problems: BackupProblem[] }
  | { step: 'preview'; fileName: string; backup: BackupDocument; preview: Preview | null };

export function BackupPage(props: TrackerRouteProps) {
  const { db, today } = props;
  const students = useLiveQuery(() => listStudents(db), [db]);
  const settings = useLiveQuery(() => getSettings(db), [db]);
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

  const fileErrorId = 'backup-file-problems';

  return (
    <>
      <SaveBackup
        db={db}
        today={today}
        students={students}
        lastBackupAt={settings.lastBackupAt}
        announce={announce}
      />

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
