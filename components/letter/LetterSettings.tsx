/**
 * The letter page's first column, "Choose the letter": the kind, the format, the services, where
 * counting starts, the kind's own inputs, the reply date, enclosures and copies. Each change goes
 * to the draft state (lib/letter/draft-state.ts).
 */
import type { IsoDate } from '../../lib/dates';
import { draftKinds } from '../../lib/drafts';
import type { LetterForm } from '../../lib/letter/draft-state';
import type { Profile, Service } from '../../lib/model';
import { reportPageUrl } from '../correspondence/letter-records';
import { KindInputs } from '../draft-inputs/KindInputs';
import { DateField, RadioGroup, SelectField } from '../ui/fields';
import { ServiceChoices } from './draft-settings';
import { LetterExtras } from './LetterExtras';
import type { LetterDraft } from './use-letter-draft';

const FORMS: { value: LetterForm; label: string }[] = [
  { value: 'document', label: 'Printed letter' },
  { value: 'message', label: 'E-mail' },
];

export function LetterSettings(props: {
  draft: LetterDraft;
  studentId: string;
  services: readonly Service[];
  profile: Profile;
  today: IsoDate;
}) {
  const { draft, services, today } = props;
  const { dispatch, kind, draftContext, rendered } = draft;
  const { settings } = draft.state;
  return (
    <section class="letter-settings no-print" aria-labelledby="settings-heading">
      <h2 id="settings-heading">1. Choose the letter</h2>
      <SelectField
        label="Kind of letter"
        value={settings.kindId}
        onValue={(kindId) => dispatch({ type: 'kind', kindId })}
        options={draftKinds.map((k) => ({ value: k.id, label: k.title }))}
        hint={kind.description}
      />
      <RadioGroup
        legend="Format"
        value={settings.form}
        onValue={(form) => dispatch({ type: 'form', form })}
        options={FORMS}
        layout="inline"
      />
      <ServiceChoices
        services={services}
        chosen={draft.chosenIds}
        onChange={(serviceIds) => dispatch({ type: 'services', serviceIds })}
      />
      <DateField
        label="Count missed minutes from (optional)"
        value={settings.countFrom}
        onValue={(date) => dispatch({ type: 'countFrom', date })}
        hint="Leave empty to count from the start of each service. The count always runs to today."
      />
      <KindInputs
        inputs={kind.inputs}
        values={settings.inputs}
        services={services}
        letters={draftContext.letters.map((l) => l.letter)}
        today={today}
        onChange={(id, value) => dispatch({ type: 'input', id, value })}
      />
      <DateField
        label="Ask for a reply by"
        value={settings.responseDate || draftContext.responseDate || ''}
        onValue={(date) => dispatch({ type: 'responseDate', date })}
        hint="Suggested: 10 school days from today."
      />
      <LetterExtras
        value={settings.extras}
        onChange={(extras) => dispatch({ type: 'extras', extras })}
        profile={props.profile}
        toDistrict={rendered.recipient !== 'opi'}
        toDirector={rendered.recipient === 'district'}
      />
      <p class="small">
        <a href={reportPageUrl(props.studentId)}>Open the evidence report</a> ·{' '}
        <a href="/tracker.html#/letters">Letters and deadlines</a>
      </p>
    </section>
  );
}
