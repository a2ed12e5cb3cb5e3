/**
 * "Mark as sent": the date, to whom and how, saved into the correspondence log; then the deadlines
 * that follow from it. Used by the letter page and by the Letters list for drafts.
 */
import { useEffect, useRef } from 'preact/hooks';
import { formatLongDate, type IsoDate } from '../../lib/dates';
import { letterDeadlines } from '../../lib/deadlines';
import type { Letter, SchoolCalendar } from '../../lib/model';
import { useSchemaForm } from '../../lib/ui/forms';
import { FormActions } from '../ui/FormActions';
import { recordedLetterSchema, relativeDays } from './letter-records';
import { SendingFields, type SendingValues } from './SendingFields';

export interface SendFormProps {
  /** The letter as it will be saved (a draft, or already saved). */
  letter: Letter;
  today: IsoDate;
  defaultTo: string;
  onSent: (letter: Letter) => Promise<void>;
  onCancel?: () => void;
  /** The heading level the form's title takes on its page. */
  headingLevel?: 2 | 3;
}

export function SendForm(props: SendFormProps) {
  const { letter } = props;
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const form = useSchemaForm({
    initial: (): SendingValues => ({
      sentDate: letter.sentDate ?? props.today,
      to: letter.to || props.defaultTo,
      method: letter.method ?? '',
      requestedResponseDate: letter.requestedResponseDate ?? '',
    }),
    schema: recordedLetterSchema(props.today),
    toCandidate: (raw: SendingValues) => ({
      ...letter,
      status: 'sent',
      sentDate: raw.sentDate || null,
      to: raw.to,
      method: raw.method === '' ? null : raw.method,
      requestedResponseDate: raw.requestedResponseDate || null,
    }),
    onSave: props.onSent,
  });
  const { values, errors, set } = form;
  const headingId = `send-heading-${letter.id}`;
  return (
    <form
      class="card send-form"
      ref={form.formRef}
      onSubmit={form.submit}
      noValidate
      aria-labelledby={headingId}
      data-testid="send-form"
    >
      <Heading id={headingId} tabIndex={-1} ref={headingRef}>
        Record it as sent
      </Heading>
      <SendingFields
        values={values}
        errors={errors}
        set={(name, value) => set(name, value)}
        sentDateRequired
      />
      <FormActions form={form} submitLabel="Save as sent">
        {props.onCancel ? (
          <button type="button" class="secondary" onClick={props.onCancel}>
            Cancel
          </button>
        ) : null}
      </FormActions>
    </form>
  );
}

/** What follows from a sent letter, in plain words: each deadline with its date. */
export function DeadlinesAfterSending(props: {
  letter: Letter;
  today: IsoDate;
  calendar: SchoolCalendar | null;
}) {
  const deadlines = letterDeadlines(props.letter, props.today, props.calendar);
  if (deadlines.length === 0) {
    return (
      <p data-testid="sent-deadlines">
        Saved as sent on {formatLongDate(props.letter.sentDate ?? props.today)}. No deadline follows
        from this letter by itself; log the reply in the tracker's Letters page when it comes.
      </p>
    );
  }
  return (
    <div data-testid="sent-deadlines">
      <p>Saved as sent on {formatLongDate(props.letter.sentDate ?? props.today)}. What follows:</p>
      <ul>
        {deadlines.map((d) => (
          <li key={d.id} data-testid="sent-deadline" data-rule={d.rule} data-due={d.due}>
            <strong>{d.label}:</strong> {formatLongDate(d.due)} ({relativeDays(d.daysLeft)}).{' '}
            <span class="small">{d.how}</span>
          </li>
        ))}
      </ul>
      <p class="small muted">
        The extension reminds you if a deadline passes with no reply logged.
      </p>
    </div>
  );
}
