/**
 * "Read from the IEP": choose the IEP's PDF or paste its text, check what was read in the confirm
 * step (ConfirmStage.tsx), then "Add these services" saves them in one transaction (lib/db
 * saveServices). Nothing is saved before that. pdf.js is loaded only when a PDF is chosen
 * (lib/iep-import/pdf.ts).
 */
import { useRef, useState } from 'preact/hooks';
import type { IsoDate } from '../../lib/dates';
import type { AdvocateDatabase } from '../../lib/db';
import { saveServices } from '../../lib/db/services-import';
import { readIepItems, readIepText, type IepReading } from '../../lib/iep-import';
import {
  checkRow,
  rowFromDraft,
  schoolWeeksOf,
  type ConfirmRow,
} from '../../lib/iep-import/confirm';
import type { PdfProblem } from '../../lib/iep-import/pdf';
import { describeStop } from '../../lib/iep-import/pdf-text';
import {
  initialChoices,
  studentOffers,
  studentWithOffers,
  type OfferField,
} from '../../lib/iep-import/student-offers';
import type { SchoolCalendar, Student } from '../../lib/model';
import type { FieldErrors } from '../../lib/ui/forms';
import { FocusHeading } from '../ui/FocusHeading';
import { TextAreaField } from '../ui/fields';
import { ConfirmStage, type ConfirmStageData } from './ConfirmStage';
import './iep-import.css';

export interface IepImportProps {
  db: AdvocateDatabase;
  student: Student;
  calendar: SchoolCalendar | null;
  today: IsoDate;
  /** After "Add these services": how many were added. */
  onAdded: (count: number) => void;
  /** Closes the panel; `manual` when the parent chose to type the services in instead. */
  onClose: (manual: boolean) => void;
}

const PROBLEM_MESSAGES: Record<PdfProblem, string> = {
  'too-big': 'This file is over 50 MB, too big to be an IEP. Choose the IEP’s PDF file.',
  'not-pdf': 'This file is not a PDF. Choose the IEP’s PDF file, or paste its text below.',
  password:
    'This PDF is locked with a password. Open it, print it to a new PDF without the password, or paste its text below.',
  'too-slow':
    'Reading this PDF took too long, so we stopped. Try again, or paste the text of the services page below.',
  broken:
    'This PDF could not be read: it may be damaged. Try another copy, or paste the text of the services page below.',
};

type Stage =
  | { name: 'choose'; problem?: string }
  | { name: 'reading'; fileName: string }
  | { name: 'scanned' }
  | ({ name: 'confirm' } & ConfirmStageData);

export function IepImport(props: IepImportProps) {
  const { student, calendar } = props;
  const [stage, setStage] = useState<Stage>({ name: 'choose' });
  const [pasted, setPasted] = useState('');
  const [errors, setErrors] = useState<Record<string, FieldErrors>>({});
  const [use, setUse] = useState<Partial<Record<OfferField, boolean>>>({});
  const [saving, setSaving] = useState(false);
  const [saveProblem, setSaveProblem] = useState('');
  const fileRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  const options = { schoolWeeks: schoolWeeksOf(calendar), calendarKnown: calendar !== null };
  const fallbackDates = calendar
    ? { startDate: calendar.firstDay, endDate: calendar.lastDay }
    : { startDate: props.today, endDate: props.today };

  function show(reading: IepReading, stopped: string | null = null) {
    if (!reading.hasText) {
      setStage({ name: 'scanned' });
      return;
    }
    const start = reading.details.startDate?.value;
    const end = reading.details.reviewDate?.value;
    const fallback = {
      startDate: start ?? fallbackDates.startDate,
      endDate: end ?? fallbackDates.endDate,
    };
    const rows = reading.services.map((draft, i) => rowFromDraft(draft, i, fallback));
    // Offer the printed name, school and dates; fill an empty field, never replace one unasked.
    setUse(initialChoices(studentOffers(reading.details, student)));
    setErrors({});
    setStage({ name: 'confirm', reading, rows, stopped });
  }

  async function readFile(file: File) {
    setStage({ name: 'reading', fileName: file.name });
    try {
      const { readPdfFile } = await import('../../lib/iep-import/pdf');
      const text = await readPdfFile(file);
      const reading = readIepItems(text.items, options);
      // Out of time before any text: not a scan, just slow.
      if (!reading.hasText && text.stop === 'time-limit')
        setStage({ name: 'choose', problem: PROBLEM_MESSAGES['too-slow'] });
      else show(reading, describeStop(text));
    } catch (error) {
      const problem = (error as { problem?: PdfProblem }).problem ?? 'broken';
      setStage({ name: 'choose', problem: PROBLEM_MESSAGES[problem] });
    }
  }

  function readPaste() {
    if (pasted.trim() === '') {
      setStage({ name: 'choose', problem: 'Paste the text of the IEP’s services page first.' });
      return;
    }
    show(readIepText(pasted, options));
  }

  async function addServices(rows: ConfirmRow[], reading: IepReading) {
    setSaveProblem('');
    const chosen = rows.filter((r) => r.include);
    const nextErrors: Record<string, FieldErrors> = {};
    const services: unknown[] = [];
    for (const row of chosen) {
      const check = checkRow(row, student.id);
      if (check.ok) services.push(check.service);
      else nextErrors[row.key] = check.errors;
    }
    setErrors(nextErrors);
    if (Object.keys(nextErrors).length > 0) {
      const count = Object.keys(nextErrors).length;
      setSaveProblem(
        `${count === 1 ? 'One row needs' : `${count} rows need`} a fix before anything is saved: see the messages in the table.`,
      );
      requestAnimationFrame(() =>
        tableRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    if (services.length === 0) {
      setSaveProblem('No rows are ticked “Add”. Tick the services to add, or cancel.');
      return;
    }
    const updated = studentWithOffers(student, studentOffers(reading.details, student), use);
    setSaving(true);
    try {
      // The services and the ticked student fields in one transaction.
      await saveServices(props.db, services, updated ?? undefined);
      props.onAdded(services.length);
    } catch {
      setSaveProblem('The services could not be saved. Nothing was changed; try again.');
    } finally {
      setSaving(false);
    }
  }

  return (
    <section class="card iep-import" aria-labelledby="iep-import-heading">
      <FocusHeading id="iep-import-heading">Read the services from the IEP</FocusHeading>

      {stage.name === 'choose' ? (
        <>
          <p>
            Choose the IEP as a PDF file (the one the school sent), or paste the text of its
            services page. It is read here, in this browser: nothing is sent anywhere. You check
            every service before anything is saved.
          </p>
          {stage.problem ? (
            <p class="notice danger" role="alert" data-testid="iep-problem">
              {stage.problem}
            </p>
          ) : null}
          <div class="field">
            <label for="iep-file">The IEP’s PDF file</label>
            <input
              id="iep-file"
              ref={fileRef}
              type="file"
              accept="application/pdf,.pdf"
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                event.currentTarget.value = '';
                if (file) void readFile(file);
              }}
            />
          </div>
          <TextAreaField
            label="Or paste the text of the IEP’s services page"
            value={pasted}
            onValue={setPasted}
            rows={6}
            hint="Select the services table in the PDF, copy it, and paste it here."
          />
          <div class="button-row">
            <button type="button" onClick={readPaste}>
              Read the pasted text
            </button>
            <button type="button" class="secondary" onClick={() => props.onClose(false)}>
              Cancel
            </button>
          </div>
        </>
      ) : null}

      {stage.name === 'reading' ? (
        <p role="status" data-testid="iep-reading">
          Reading {stage.fileName}…
        </p>
      ) : null}

      {stage.name === 'scanned' ? (
        <div data-testid="iep-scanned">
          <p class="notice warn" role="alert">
            This PDF has no text in it: it is probably a scan (a picture of the pages). The tracker
            cannot read pictures, and it does not send your IEP anywhere to be read.
          </p>
          <p>
            You can type the services in from the IEP instead. If you have the IEP as a document or
            an e-mail, you can also paste its text.
          </p>
          <div class="button-row">
            <button type="button" onClick={() => props.onClose(true)}>
              Enter the services by hand
            </button>
            <button type="button" class="secondary" onClick={() => setStage({ name: 'choose' })}>
              Try another file or paste
            </button>
          </div>
        </div>
      ) : null}

      {stage.name === 'confirm' ? (
        <ConfirmStage
          stage={stage}
          student={student}
          errors={errors}
          use={use}
          saving={saving}
          saveProblem={saveProblem}
          tableRef={tableRef}
          onUse={(field, value) => setUse({ ...use, [field]: value })}
          onRows={(rows) => setStage({ ...stage, rows })}
          onAdd={() => void addServices(stage.rows, stage.reading)}
          onBack={() => setStage({ name: 'choose' })}
          onManual={() => props.onClose(true)}
          onCancel={() => props.onClose(false)}
        />
      ) : null}
    </section>
  );
}
