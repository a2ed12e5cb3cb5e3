/** The fields that say how a letter went out: when, to whom, how, and the reply date it asked. */
import { SEND_METHODS, type Letter } from '../../lib/model';
import type { FieldErrors } from '../../lib/ui/forms';
import { DateField, RadioGroup, TextField } from '../ui/fields';
import { METHOD_LABELS } from './letter-records';

export interface SendingValues {
  sentDate: string;
  to: string;
  method: Letter['method'] | '';
  requestedResponseDate: string;
}

export function SendingFields(props: {
  values: SendingValues;
  errors: FieldErrors;
  /** Sets one field (the form's own `set`, which clears that field's message). */
  set: (name: keyof SendingValues, value: SendingValues[keyof SendingValues]) => void;
  /** A sent letter needs its date; a draft does not. */
  sentDateRequired: boolean;
  toHint?: string;
}) {
  const { values, errors, set } = props;
  return (
    <>
      <div class="form-grid">
        <DateField
          label="Date sent"
          value={values.sentDate}
          onValue={(v) => set('sentDate', v)}
          error={errors.sentDate}
          required={props.sentDateRequired}
        />
        <TextField
          label="Sent to"
          value={values.to}
          onValue={(v) => set('to', v)}
          error={errors.to}
          hint={props.toHint}
        />
      </div>
      <RadioGroup
        legend="How it was sent"
        value={values.method ?? ''}
        onValue={(v) => set('method', v)}
        options={SEND_METHODS.map((m) => ({ value: m, label: METHOD_LABELS[m] }))}
        error={errors.method}
      />
      <DateField
        label="Reply asked for by (optional)"
        value={values.requestedResponseDate}
        onValue={(v) => set('requestedResponseDate', v)}
        error={errors.requestedResponseDate}
        hint="The date your letter asked the district to answer by, if it gave one."
      />
    </>
  );
}
