/**
 * Logs one session (or edits a logged one). Built for speed: the date defaults to today, the
 * service and its scheduled minutes default from the IEP, and the common cases take three clicks
 * or fewer: Save for a delivered session; Missed, a reason, Save for a missed one.
 */
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { closureOn, isSchoolDay } from '../../lib/calendar';
import { formatShortDate, isIsoDate, type IsoDate } from '../../lib/dates';
import { defaultScheduledMinutes } from '../../lib/gap';
import {
  MISSED_REASON_LABELS,
  MISSED_REASONS,
  newId,
  serviceName,
  sessionEntrySchema,
  type MissedReason,
  type SchoolCalendar,
  type Service,
  type SessionEntry,
  type SessionStatus,
} from '../../lib/model';
import { parseWholeNumber, useSchemaForm, type FieldErrors } from '../../lib/ui/forms';
import {
  CheckboxField,
  DateField,
  NumberField,
  RadioGroup,
  SelectField,
  TextAreaField,
} from '../ui/fields';
import { FormActions } from '../ui/FormActions';
import { capitalize } from '../../lib/text';

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

interface SessionValues {
  serviceId: string;
  date: IsoDate | '';
  status: SessionStatus;
  scheduledMinutes: string;
  minutesDelivered: string;
  reason: MissedReason | '';
  makeUp: boolean;
  note: string;
}

function scheduledFor(services: Service[], serviceId: string): string {
  const service = services.find((s) => s.id === serviceId);
  return service ? String(defaultScheduledMinutes(service)) : '';
}

function freshValues(props: SessionFormProps, serviceId?: string): SessionValues {
  const id = serviceId ?? props.defaultServiceId ?? props.services[0]?.id ?? '';
  const scheduled = scheduledFor(props.services, id);
  return {
    serviceId: id,
    date: props.today,
    status: 'delivered',
    scheduledMinutes: scheduled,
    minutesDelivered: scheduled,
    reason: '',
    makeUp: false,
    note: '',
  };
}

function valuesOf(entry: SessionEntry): SessionValues {
  return {
    serviceId: entry.serviceId,
    date: entry.date,
    status: entry.status,
    scheduledMinutes: String(entry.scheduledMinutes),
    minutesDelivered: String(entry.minutesDelivered),
    reason: entry.reason ?? '',
    makeUp: entry.makeUp,
    note: entry.note,
  };
}

export function SessionForm(props: SessionFormProps) {
  const { initial, services } = props;
  const form = useSchemaForm({
    initial: () => (initial ? valuesOf(initial) : freshValues(props)),
    schema: sessionEntrySchema,
    toCandidate: (values) => ({
      id: initial?.id ?? newId(),
      studentId: props.studentId,
      serviceId: values.serviceId || undefined,
      date: values.date,
      status: values.status,
      scheduledMinutes: parseWholeNumber(values.scheduledMinutes),
      minutesDelivered: values.status === 'missed' ? 0 : parseWholeNumber(values.minutesDelivered),
      reason: values.status === 'delivered' ? null : values.reason || null,
      makeUp: values.makeUp,
      note: values.note,
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
  const { values, errors, set } = form;

  function chooseService(serviceId: string) {
    const scheduled = scheduledFor(services, serviceId);
    form.setValues({
      ...values,
      serviceId,
      scheduledMinutes: scheduled,
      minutesDelivered: values.status === 'delivered' ? scheduled : values.minutesDelivered,
    });
    form.setErrors({});
  }

  function chooseStatus(status: SessionStatus) {
    form.setValues({
      ...values,
      status,
      minutesDelivered:
        status === 'delivered' ? values.scheduledMinutes : status === 'missed' ? '0' : '',
      reason: status === 'delivered' ? '' : values.reason,
    });
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
  const dateHint = dateNote(props.calendar, service, values.date);
  const shortfall = values.status !== 'delivered';
  const noteField = (
    <TextAreaField
      label="Note (optional)"
      rows={2}
      value={values.note}
      onValue={(v) => set('note', v)}
      error={errors.note}
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
        <DateField
          label="Date"
          value={values.date}
          onValue={(v) => set('date', v)}
          error={errors.date}
          hint={dateHint}
        />
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
            value={values.minutesDelivered}
            onValue={(v) => set('minutesDelivered', v)}
            error={errors.minutesDelivered}
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

/** A gentle note when the date is unusual; the entry is still allowed (a make-up, say). */
function dateNote(
  calendar: SchoolCalendar | null | undefined,
  service: Service | undefined,
  date: string,
): string | undefined {
  if (!isIsoDate(date)) return undefined;
  if (service && (date < service.startDate || date > service.endDate)) {
    return `Outside this service's dates (${formatShortDate(service.startDate)} to ${formatShortDate(service.endDate)}).`;
  }
  if (calendar && !isSchoolDay(calendar, date)) {
    const closure = closureOn(calendar, date);
    return closure
      ? `No school that day (${closure.label || 'closed'}).`
      : 'Not a school day on your calendar.';
  }
  return undefined;
}
