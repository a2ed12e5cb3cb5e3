/**
 * "Log what happened" for a service's periods with no record: which periods (all checked), what
 * happened (missed with a reason, or given as scheduled) and a note for each entry.
 */
import type { IsoDate } from '../../lib/dates';
import {
  formatMinutes,
  noRecordRequestSchema,
  periodLabel,
  type NoRecordRequest,
} from '../../lib/gap';
import {
  MISSED_REASON_LABELS,
  MISSED_REASONS,
  serviceName,
  type MissedReason,
} from '../../lib/model';
import { capitalize } from '../../lib/text';
import { useSchemaForm } from '../../lib/ui/forms';
import { FocusHeading } from '../ui/FocusHeading';
import { FormActions } from '../ui/FormActions';
import { RadioGroup, TextAreaField } from '../ui/fields';
import { UNIT_WORDS, type NoRecordActionsProps } from './no-record-shared';

export function NoRecordForm(
  props: NoRecordActionsProps & {
    /** What the parent chose before going back from the review: nothing typed is lost. */
    previous: NoRecordRequest | undefined;
    onCancel: () => void;
    onReview: (request: NoRecordRequest) => void;
  },
) {
  const { service, gap } = props;
  const unit = gap.period;
  const form = useSchemaForm({
    initial: () => ({
      periodStarts: props.previous?.periodStarts ?? gap.unaccountedPeriods.map((p) => p.start),
      status: props.previous?.status ?? ('missed' as 'missed' | 'delivered'),
      reason: (props.previous?.reason ?? '') as MissedReason | '',
      note: props.previous?.note ?? '',
    }),
    schema: noRecordRequestSchema,
    toCandidate: (values) => ({ ...values, reason: values.reason || null }),
    onSave: props.onReview,
  });
  const { values, errors, set, field } = form;
  const chosen = new Set(values.periodStarts);
  const toggle = (start: IsoDate, on: boolean) =>
    set(
      'periodStarts',
      gap.unaccountedPeriods.map((p) => p.start).filter((s) => (s === start ? on : chosen.has(s))),
    );
  const errorId = `${props.service.id}-periods-error`;

  return (
    <form
      ref={form.formRef}
      onSubmit={form.submit}
      noValidate
      class="no-record-form"
      aria-labelledby={`${service.id}-log-heading`}
    >
      <FocusHeading level={3} id={`${service.id}-log-heading`}>
        Log what happened: {serviceName(service)}
      </FocusHeading>
      <fieldset class="plain field" aria-describedby={errors.periodStarts ? errorId : undefined}>
        <legend>Which {UNIT_WORDS[unit]}</legend>
        {gap.unaccountedPeriods.map((period) => (
          <label class="choice" key={period.start}>
            <input
              type="checkbox"
              checked={chosen.has(period.start)}
              aria-invalid={errors.periodStarts ? 'true' : undefined}
              onChange={(event) => toggle(period.start, event.currentTarget.checked)}
            />
            <span>
              {periodLabel(period.start, unit)}: {formatMinutes(period.unaccounted)} with no record
              {period.regularEntries > 0 ? ` (of ${period.expected} expected)` : ''}
            </span>
          </label>
        ))}
        {errors.periodStarts ? (
          <p class="field-error" id={errorId}>
            {errors.periodStarts}
          </p>
        ) : null}
      </fieldset>
      <RadioGroup
        legend="What happened"
        value={values.status}
        onValue={(v) => set('status', v)}
        options={[
          { value: 'missed', label: 'The sessions were missed' },
          { value: 'delivered', label: 'The sessions were given as scheduled' },
        ]}
        layout="stack"
        error={errors.status}
      />
      {values.status === 'missed' ? (
        <RadioGroup
          legend="Why they were missed"
          value={values.reason}
          onValue={(v) => set('reason', v)}
          options={MISSED_REASONS.map((r) => ({
            value: r,
            label: capitalize(MISSED_REASON_LABELS[r]),
          }))}
          layout="grid"
          error={errors.reason}
          hint="The same reason goes on every entry; you can change any of them afterwards."
        />
      ) : null}
      <TextAreaField
        label="Note for each entry (optional)"
        {...field('note')}
        rows={2}
        hint="For example: what the school told you, and when."
      />
      <FormActions form={form} submitLabel="Review the entries">
        <button type="button" class="secondary" onClick={props.onCancel}>
          Cancel
        </button>
      </FormActions>
    </form>
  );
}
