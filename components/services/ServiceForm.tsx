/**
 * One IEP service: what it is, how many minutes per day, week or month, how many sessions, who
 * provides it and where, the IEP's start and end dates, and, as the exception, whether the IEP
 * keeps the full minutes in weeks or months with days off (the default follows the calendar).
 */
import type { ComponentChildren } from 'preact';
import type { IsoDate } from '../../lib/dates';
import {
  newId,
  PERIODS,
  SERVICE_KIND_LABELS,
  SERVICE_KINDS,
  serviceSchema,
  type Period,
  type Service,
  type ServiceKind,
} from '../../lib/model';
import { parseWholeNumber, useSchemaForm } from '../../lib/ui/forms';
import {
  CheckboxField,
  DateField,
  NumberField,
  RadioGroup,
  SelectField,
  TextField,
} from '../ui/fields';
import { FormActions } from '../ui/FormActions';
import { capitalize } from '../../lib/text';

export interface ServiceFormProps {
  studentId: string;
  /** The service being edited; omit to add one. */
  initial?: Service | undefined;
  /** Dates a new service starts with, usually the school year's first and last day. */
  defaultDates: { startDate: IsoDate; endDate: IsoDate };
  onSave: (service: Service) => Promise<void> | void;
  submitLabel?: string;
  children?: ComponentChildren;
}

const PERIOD_LABELS: Record<Period, string> = { day: 'a day', week: 'a week', month: 'a month' };

const KIND_OPTIONS = SERVICE_KINDS.map((kind) => ({
  value: kind,
  label: capitalize(SERVICE_KIND_LABELS[kind]),
}));

export function ServiceForm(props: ServiceFormProps) {
  const { initial } = props;
  const form = useSchemaForm({
    initial: () => ({
      kind: (initial?.kind ?? '') as ServiceKind | '',
      label: initial?.label ?? '',
      minutes: initial ? String(initial.minutes) : '',
      period: (initial?.period ?? 'week') as Period,
      sessionsPerPeriod: initial?.sessionsPerPeriod ? String(initial.sessionsPerPeriod) : '',
      provider: initial?.provider ?? '',
      location: initial?.location ?? '',
      delivery: initial?.delivery ?? 'direct',
      startDate: initial?.startDate ?? props.defaultDates.startDate,
      endDate: initial?.endDate ?? props.defaultDates.endDate,
      prorate: initial?.prorate ?? true,
    }),
    schema: serviceSchema,
    toCandidate: (values) => ({
      ...values,
      id: initial?.id ?? newId(),
      studentId: props.studentId,
      kind: values.kind || undefined,
      minutes: parseWholeNumber(values.minutes),
      sessionsPerPeriod: parseWholeNumber(values.sessionsPerPeriod, null),
    }),
    onSave: props.onSave,
  });
  const { values, errors, set, field } = form;

  return (
    <form ref={form.formRef} onSubmit={form.submit} noValidate aria-label="IEP service">
      <div class="form-grid">
        <SelectField
          label="Service"
          required
          value={values.kind}
          onValue={(v) => set('kind', v)}
          options={KIND_OPTIONS}
          placeholder="Choose the service…"
          error={errors.kind}
        />
        <TextField
          label={values.kind === 'other' ? 'Service name' : 'Service name (optional)'}
          required={values.kind === 'other'}
          {...field('label')}
          hint="As the IEP writes it, if different."
        />
      </div>
      <fieldset>
        <legend>How much the IEP promises</legend>
        <div class="form-grid">
          <NumberField label="Minutes" required {...field('minutes')} />
          <SelectField
            label="Per"
            value={values.period}
            onValue={(v) => set('period', v)}
            options={PERIODS.map((p) => ({ value: p, label: PERIOD_LABELS[p] }))}
            error={errors.period}
          />
          <NumberField
            label="Sessions (optional)"
            {...field('sessionsPerPeriod')}
            hint={`How many sessions ${PERIOD_LABELS[values.period]}, if the IEP says.`}
          />
        </div>
        {values.period === 'day' ? null : (
          <CheckboxField
            label={`The IEP says the full minutes apply even in ${values.period}s with a holiday or snow day`}
            checked={!values.prorate}
            onChecked={(v) => set('prorate', !v)}
            hint={`Leave this unchecked unless the IEP says so: then a ${values.period} with days off expects fewer minutes, in proportion to the school days held.`}
          />
        )}
      </fieldset>
      <div class="form-grid">
        <TextField
          label="Provider (optional)"
          {...field('provider')}
          hint="The person or agency, e.g. the co-op's speech therapist."
        />
        <TextField
          label="Location (optional)"
          {...field('location')}
          hint="e.g. special education room, general classroom."
        />
      </div>
      <RadioGroup
        legend="Delivery"
        value={values.delivery}
        onValue={(v) => set('delivery', v)}
        options={[
          { value: 'direct', label: 'Direct (with your child)' },
          { value: 'consult', label: 'Consult (with staff)' },
        ]}
        error={errors.delivery}
      />
      <div class="form-grid">
        <DateField
          label="Starts"
          required
          {...field('startDate')}
          hint="The IEP's start date for this service."
        />
        <DateField
          label="Ends"
          required
          {...field('endDate')}
          hint="The IEP's end date (often a year later)."
        />
      </div>
      <FormActions form={form} submitLabel={props.submitLabel ?? 'Save service'}>
        {props.children}
      </FormActions>
    </form>
  );
}
