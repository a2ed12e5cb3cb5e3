/**
 * Records or edits one letter in the correspondence log: what kind, for which student, when and
 * how it was sent and to whom, notes, and the reply when it comes. Checked with letterSchema (and
 * the cross-field rules in ./letter-records.ts); messages appear next to their fields.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { IsoDate } from '../../lib/dates';
import { newId, type Letter, type Student } from '../../lib/model';
import { textValues, useSchemaForm } from '../../lib/ui/forms';
import { DateField, RadioGroup, SelectField, TextAreaField, TextField } from '../ui/fields';
import { SendingFields } from './SendingFields';
import { FormActions } from '../ui/FormActions';
import { KIND_OPTIONS, recordedLetterSchema } from './letter-records';

interface RawLetter {
  studentId: string;
  kind: string;
  subject: string;
  status: Letter['status'];
  sentDate: string;
  to: string;
  method: Letter['method'] | '';
  requestedResponseDate: string;
  notes: string;
  responseDate: string;
  responseSummary: string;
}

function toRaw(letter: Letter | null, studentId: string): RawLetter {
  return {
    studentId: letter?.studentId ?? studentId,
    status: letter?.status ?? 'sent',
    ...textValues(letter, [
      'kind',
      'subject',
      'sentDate',
      'to',
      'method',
      'requestedResponseDate',
      'notes',
      'responseDate',
      'responseSummary',
    ]),
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

export interface LetterRecordFormProps {
  /** The letter to edit, or null to record a new one. */
  letter: Letter | null;
  students: readonly Student[];
  studentId: string;
  today: IsoDate;
  onSave: (letter: Letter) => Promise<void>;
  onCancel: () => void;
}

export function LetterRecordForm(props: LetterRecordFormProps) {
  const { letter } = props;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const form = useSchemaForm({
    initial: () => toRaw(letter, props.studentId),
    schema: recordedLetterSchema(props.today),
    toCandidate: (raw: RawLetter) => ({
      ...letter,
      id: letter?.id ?? newId(),
      createdAt: letter?.createdAt ?? Date.now(),
      studentId: raw.studentId,
      kind: raw.kind,
      subject: raw.subject,
      status: raw.status,
      sentDate: orNull(raw.sentDate),
      to: raw.to,
      method: raw.method === '' ? null : raw.method,
      requestedResponseDate: orNull(raw.requestedResponseDate),
      notes: raw.notes,
      responseDate: orNull(raw.responseDate),
      responseSummary: raw.responseSummary,
    }),
    onSave: props.onSave,
  });
  const { values, errors, set, field } = form;
  const sent = values.status === 'sent';

  return (
    <form
      class="card letter-record-form"
      ref={form.formRef}
      onSubmit={form.submit}
      noValidate
      aria-labelledby="letter-record-heading"
      data-testid="letter-record-form"
    >
      <h3 id="letter-record-heading" tabIndex={-1} ref={headingRef}>
        {letter ? 'Edit letter' : 'Record a letter'}
      </h3>
      <div class="form-grid">
        {props.students.length > 1 ? (
          <SelectField
            label="Student"
            value={values.studentId}
            onValue={(v) => set('studentId', v)}
            options={props.students.map((s) => ({ value: s.id, label: s.name }))}
            error={errors.studentId}
            required
          />
        ) : null}
        <SelectField
          label="Kind of letter"
          value={values.kind}
          onValue={(v) => set('kind', v)}
          options={KIND_OPTIONS}
          placeholder="Choose one"
          error={errors.kind ? 'Pick the kind of letter.' : undefined}
          required
        />
        <TextField
          label="Subject"
          {...field('subject')}
          hint="The subject line or a few words, so you can find it later."
        />
      </div>
      <RadioGroup
        legend="Status"
        value={values.status}
        onValue={(v) => set('status', v)}
        options={[
          { value: 'sent', label: 'Sent' },
          { value: 'draft', label: 'Not sent yet (draft)' },
        ]}
        error={errors.status}
      />
      <SendingFields
        values={values}
        errors={errors}
        set={(name, value) => set(name, value)}
        sentDateRequired={sent}
        toHint="For example: the special education director, OPI Dispute Resolution."
      />
      <TextAreaField label="Notes" {...field('notes')} />
      <fieldset class="plain">
        <legend>The reply</legend>
        <p class="field-hint">Fill this in when an answer comes. It stops the reminders.</p>
        <DateField label="Date of the reply" {...field('responseDate')} />
        <TextAreaField label="What the reply said" {...field('responseSummary')} rows={3} />
      </fieldset>
      <FormActions form={form} submitLabel={letter ? 'Save changes' : 'Save letter'}>
        <button type="button" class="secondary" onClick={props.onCancel}>
          Cancel
        </button>
      </FormActions>
    </form>
  );
}
