/**
 * The letter page's choices that shape the draft: which services, counted from when, the kind's
 * own inputs and the reply date. The draft itself comes from lib/drafts.
 */
import { startOfMonth, startOfWeek, type IsoDate } from '../../lib/dates';
import { letterOptions, type InputField } from '../../lib/drafts';
import { serviceName, type Letter, type Service } from '../../lib/model';
import { kindTitle } from '../../components/correspondence/letter-records';
import {
  CheckboxField,
  DateField,
  SelectField,
  TextAreaField,
  TextField,
} from '../../components/fields';

/**
 * Counts a service only from the period (week or month, or the day) containing `from`: its start
 * date moves there, so the draft's totals and "from … to …" cover only that stretch.
 */
export function countServicesFrom(services: readonly Service[], from: IsoDate | null): Service[] {
  if (!from) return [...services];
  return services.map((service) => {
    const start =
      service.period === 'week'
        ? startOfWeek(from)
        : service.period === 'month'
          ? startOfMonth(from)
          : from;
    return start > service.startDate ? { ...service, startDate: start } : service;
  });
}

export function ServiceChoices(props: {
  services: readonly Service[];
  chosen: readonly string[];
  onChange: (ids: string[]) => void;
}) {
  if (props.services.length === 0) {
    return <p class="muted small">No services are recorded for this student yet.</p>;
  }
  return (
    <fieldset class="plain field">
      <legend>Services the letter is about</legend>
      {props.services.map((service) => (
        <CheckboxField
          key={service.id}
          label={serviceName(service)}
          checked={props.chosen.includes(service.id)}
          onChecked={(checked) =>
            props.onChange(
              checked
                ? [...props.chosen, service.id]
                : props.chosen.filter((id) => id !== service.id),
            )
          }
        />
      ))}
    </fieldset>
  );
}

/** The fields a draft kind asks for beyond the tracker's data. */
export function KindInputs(props: {
  inputs: readonly InputField[];
  values: Readonly<Record<string, string>>;
  services: readonly Service[];
  /** The sent letters a "letter" input chooses from (overdue replies first). */
  letters: readonly Letter[];
  today: IsoDate;
  onChange: (id: string, value: string) => void;
}) {
  const letters = letterOptions(props.letters, props.today, kindTitle);
  return (
    <>
      {props.inputs.map((input) => {
        const common = {
          label: input.label,
          value: props.values[input.id] ?? '',
          onValue: (value: string) => props.onChange(input.id, value),
          hint: input.help,
        };
        switch (input.type) {
          case 'date':
            return <DateField key={input.id} {...common} />;
          case 'textarea':
            return <TextAreaField key={input.id} {...common} rows={3} />;
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
