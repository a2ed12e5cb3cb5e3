/**
 * Logs one session (or edits a logged one). Built for speed: the date defaults to today, the
 * service and its scheduled minutes default from the IEP, and the common cases take three clicks
 * or fewer: Save for a delivered session; Missed, a reason, Save for a missed one.
 */
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import type { IsoDate } from '../../lib/dates';
import {
  freshSessionValues,
  sessionCandidate,
  sessionDateNote,
  sessionValuesOf,
  withService,
  withStatus,
} from '../../lib/log/session-form';
import {
  MISSED_REASON_LABELS,
  MISSED_REASONS,
  newId,
  serviceName,
  sessionEntrySchema,
  type SchoolCalendar,
  type Service,
  type SessionEntry,
  type SessionStatus,
} from '../../lib/model';
import { capitalize } from '../../lib/text';
import { useSchemaForm, type FieldErrors } from '../../lib/ui/forms';
import {
  CheckboxField,
  DateField,
  NumberField,
  RadioGroup,
  SelectField,
  TextAreaField,
} from '../ui/fields';
import { FormActions } from '../ui/FormActions';

export interface SessionFormProps {
  studentId: string;
  /** The student's services (at least one). */
  services: Service[];
  today: IsoDate;
  /** For a hint when the date is not a school day. */
  calendar?: SchoolCalendar | null | undefined;
  /** The entry being edited; omit to log a new one. */
  initial?: SessionEntry | undefined;
  /** The service a new entry starts with (default: the first). */
  defaultServiceId?: string | undefined;
  /** Writes the valid entry. A new-entry form then resets to its defaults for the next one. */
  onSave: (entry: SessionEntry) => Promise<void> | void;
  submitLabel?: string;
  /** Tighter layout for the popup. */
  compact?: boolean;
  children?: ComponentChildren;
}

const STATUS_OPTIONS: { value: SessionStatus; label: string }[] = [
  { value: 'delivered', label: 'Delivered' },
  { value: 'partial', label: 'Partial' },
  { value: 'missed', label: 'Missed' },
];

const REASON_OPTIONS = MISSED_REASONS.map((reason) => ({
  value: reason,
  label: capitalize(MISSED_REASON_LABELS[reason]),
}));

/** Same words as sessionEntrySchema's rule, shown with the other messages in one round. */
const REASON_REQUIRED = 'Pick a reason for the missed minutes.';

function freshValues(props: SessionFormProps, serviceId?: string) {
  return freshSessionValues(props.services, props.today, serviceId ?? props.defaultServiceId);
}

export function SessionForm(props: SessionFormProps) {
  const { initial, services } = props;
  const form = useSchemaForm({
    initial: () => (initial ? sessionValuesOf(initial) : freshValues(props)),
    schema: sessionEntrySchema,
    toCandidate: (values) =>
      sessionCandidate(values, {
        id: initial?.id ?? newId(),
        studentId: props.studentId,
        createdAt: initial?.createdAt ?? Date.now(),
      }),
    sameRoundChecks: (values): FieldErrors =>
      values.status !== 'delivered' && !values.reason ? { reason: REASON_REQUIRED } : {},
    onSave: async (entry) => {
      await props.onSave(entry);
      // Ready for the next entry: same service, today, delivered.
      if (!initial) form.setValues(freshValues(props, entry.serviceId));
    },
  });
  const { values, errors, set, field } = form;

  function chooseService(serviceId: string) {
    form.setValues(withService(values, services, serviceId));
    form.setErrors({});
  }

  function chooseStatus(status: SessionStatus) {
    form.setValues(withStatus(values, status));
    form.setErrors({});
  }

  function setScheduled(raw: string) {
    const followDelivered =
      values.status === 'delivered' && values.minutesDelivered === values.scheduledMinutes;
    set('scheduledMinutes', raw);
    if (followDelivered) set('minutesDelivered', raw);
  }

  const service = services.find((s) => s.id === values.serviceId);
  // A new entry always names one of the services shown (they can change while the form is open).
  useEffect(() => {
    if (!initial && !service && services[0]) chooseService(services[0].id);
  });
  const dateHint = sessionDateNote(props.calendar, service, values.date);
  const shortfall = values.status !== 'delivered';
  const noteField = (
    <TextAreaField
      label="Note (optional)"
      rows={2}
      {...field('note')}
      hint={props.compact ? undefined : 'What you were told, who told you, and when.'}
    />
  );

  return (
    <form
      ref={form.formRef}
      onSubmit={form.submit}
      noValidate
      aria-label={initial ? 'Edit log entry' : 'Log a session'}
      class={props.compact ? 'session-form compact' : 'session-form'}
    >
      <div class="form-grid">
        {services.length > 1 || !service ? (
          <SelectField
            label="Service"
            value={values.serviceId}
            onValue={chooseService}
            options={services.map((s) => ({ value: s.id, label: capitalize(serviceName(s)) }))}
            placeholder={service ? undefined : 'Choose the service…'}
            error={errors.serviceId}
          />
        ) : (
          <p class="field">
            <span class="field-label">Service</span>
            <span>{capitalize(serviceName(service))}</span>
          </p>
        )}
        <DateField label="Date" {...field('date')} hint={dateHint} />
      </div>
      <RadioGroup
        legend="What happened"
        value={values.status}
        onValue={chooseStatus}
        options={STATUS_OPTIONS}
        error={errors.status}
      />
      <div class="form-grid minutes-row">
        <NumberField
          label="Scheduled minutes"
          value={values.scheduledMinutes}
          onValue={setScheduled}
          error={errors.scheduledMinutes}
        />
        {values.status !== 'missed' ? (
          <NumberField
            label="Minutes given"
            {...field('minutesDelivered')}
            hint={values.status === 'partial' ? 'Fewer than scheduled.' : undefined}
          />
        ) : null}
      </div>
      {shortfall ? (
        <RadioGroup
          legend="Why were minutes missed?"
          value={values.reason}
          onValue={(v) => set('reason', v)}
          options={REASON_OPTIONS}
          error={errors.reason}
          layout="grid"
          hint={
            values.reason === 'student-absent'
              ? 'Minutes missed when your child was absent are tracked but not owed.'
              : undefined
          }
        />
      ) : null}
      <CheckboxField
        label="This was a make-up session"
        checked={values.makeUp}
        onChecked={(v) => set('makeUp', v)}
        hint={props.compact ? undefined : 'Extra time given to make up for missed minutes.'}
      />
      {props.compact ? (
        // The same textarea stays mounted while typing, so focus is never lost.
        <details class="note-toggle" open={Boolean(values.note || errors.note)}>
          <summary>Add a note</summary>
          {noteField}
        </details>
      ) : (
        noteField
      )}
      <FormActions
        form={form}
        submitLabel={props.submitLabel ?? (initial ? 'Save changes' : 'Log session')}
      >
        {props.children}
      </FormActions>
    </form>
  );
}
