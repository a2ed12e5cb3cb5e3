/**
 * The fields a draft kind asks for beyond the tracker's data (lib/drafts `InputField`), shared by
 * the letter page and the compose picker. Required fields come first and are marked; each field's
 * wrapper carries `draft-input-<id>` so pages and tests can find it without its label.
 */
import type { IsoDate } from '../../lib/dates';
import { letterOptions, type InputField } from '../../lib/drafts';
import { serviceName, type Letter, type Service } from '../../lib/model';
import { kindTitle } from '../correspondence/letter-records';
import { DateField, SelectField, TextAreaField, TextField } from '../ui/fields';

/** The inputs with the required ones first, each group in the kind's own order. */
export function requiredFirst(inputs: readonly InputField[]): InputField[] {
  return [...inputs.filter((i) => i.required), ...inputs.filter((i) => !i.required)];
}

export function KindInputs(props: {
  inputs: readonly InputField[];
  values: Readonly<Record<string, string>>;
  services: readonly Service[];
  /** The sent letters a "letter" input chooses from (overdue replies first). */
  letters: readonly Letter[];
  today: IsoDate;
  onChange: (id: string, value: string) => void;
  /** Rows of the text areas (the picker has less room than the letter page). */
  rows?: number;
}) {
  const letters = letterOptions(props.letters, props.today, kindTitle);
  return (
    <>
      {requiredFirst(props.inputs).map((input) => {
        const common = {
          label: input.label,
          value: props.values[input.id] ?? '',
          onValue: (value: string) => props.onChange(input.id, value),
          hint: input.help,
          required: input.required,
          class: `draft-input-${input.id}`,
        };
        switch (input.type) {
          case 'date':
            return <DateField key={input.id} {...common} />;
          case 'textarea':
            return <TextAreaField key={input.id} {...common} rows={props.rows ?? 3} />;
          case 'service':
            return (
              <SelectField
                key={input.id}
                {...common}
                placeholder="Choose a service"
                options={props.services.map((s) => ({ value: s.id, label: serviceName(s) }))}
              />
            );
          case 'letter':
            return (
              <SelectField
                key={input.id}
                {...common}
                placeholder={
                  letters.length > 0 ? 'Choose a letter' : 'No sent letters without a reply'
                }
                options={letters}
              />
            );
          case 'select':
            return (
              <SelectField
                key={input.id}
                {...common}
                placeholder="Choose one"
                options={input.options ?? []}
              />
            );
          default:
            return <TextField key={input.id} {...common} />;
        }
      })}
    </>
  );
}
