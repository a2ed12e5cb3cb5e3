/**
 * The letter page's choices that shape the draft: which services, counted from when, the kind's
 * own inputs (components/draft-inputs) and the reply date. The draft itself comes from lib/drafts.
 */
import { serviceName, type Service } from '../../lib/model';
import { CheckboxField } from '../ui/fields';

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
