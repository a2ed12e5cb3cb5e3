/**
 * The letter page's choices around the letter's body: what the sender encloses (the letter's
 * "Enclosures:" line) and whom they copy (its "cc:" line). Names for the copies come from the
 * profile ("Your details" in the tracker). The chosen values (LetterExtrasValue, in the draft state
 * lib/letter/draft-state.ts) feed lib/drafts' DraftContextInput.
 */
import {
  CC_IDS,
  CC_LABELS,
  CC_NAME_FIELDS,
  ENCLOSURE_IDS,
  ENCLOSURE_LABELS,
} from '../../lib/drafts';
import type { LetterExtrasValue } from '../../lib/letter/draft-state';
import type { Profile } from '../../lib/model';
import { CheckboxField, TextField } from '../ui/fields';

/** Adds or removes one value, keeping the order of `all`. */
function toggled<T>(all: readonly T[], chosen: readonly T[], value: T, on: boolean): T[] {
  return all.filter((item) => (item === value ? on : chosen.includes(item)));
}

export function LetterExtras(props: {
  value: LetterExtrasValue;
  onChange: (value: LetterExtrasValue) => void;
  profile: Profile;
  /** False for the state complaint: OPI's complaint has its own copy line and attachments. */
  toDistrict: boolean;
  /** Whether the letter is addressed to the director (then the director is not offered). */
  toDirector: boolean;
}) {
  const { value, onChange, profile } = props;
  if (!props.toDistrict) return null;
  const ccChoices = CC_IDS.filter((id) => !(props.toDirector && id === 'director'));
  return (
    <>
      <fieldset class="plain field" data-testid="enclosures">
        <legend>What you are enclosing (optional)</legend>
        <p class="field-hint">The letter lists what you choose on an "Enclosures:" line.</p>
        {ENCLOSURE_IDS.map((id) => (
          <CheckboxField
            key={id}
            label={ENCLOSURE_LABELS[id]}
            checked={value.enclosures.includes(id)}
            onChecked={(on) =>
              onChange({ ...value, enclosures: toggled(ENCLOSURE_IDS, value.enclosures, id, on) })
            }
          />
        ))}
        {value.enclosures.includes('other') ? (
          <TextField
            label="What else you are enclosing"
            value={value.otherEnclosure}
            onValue={(otherEnclosure) => onChange({ ...value, otherEnclosure })}
            hint={'For example: "the speech therapist\'s e-mail of October 2".'}
          />
        ) : null}
      </fieldset>
      <fieldset class="plain field" data-testid="copies">
        <legend>Send a copy to (optional)</legend>
        <p class="field-hint">
          The letter gets a "cc:" line. Add or change the names under Your details in the tracker.
        </p>
        {ccChoices.map((id) => {
          const name = profile[CC_NAME_FIELDS[id]]?.trim();
          return (
            <CheckboxField
              key={id}
              label={name ? `${CC_LABELS[id]}: ${name}` : CC_LABELS[id]}
              hint={name ? undefined : 'No name saved yet: the letter shows a fill-in.'}
              checked={value.cc.includes(id)}
              onChecked={(on) => onChange({ ...value, cc: toggled(CC_IDS, value.cc, id, on) })}
            />
          );
        })}
      </fieldset>
    </>
  );
}
