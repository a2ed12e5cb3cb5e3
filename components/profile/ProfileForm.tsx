/**
 * The parent's profile, used by letters: name and contact details, district, the special
 * education director, and the people a letter may be copied to (principal, case manager,
 * cooperative director). Every field is optional.
 */
import type { ComponentChildren } from 'preact';
import { profileSchema, type Profile } from '../../lib/model';
import { useSchemaForm } from '../../lib/ui/forms';
import { TextAreaField, TextField } from '../ui/fields';
import { FormActions } from '../ui/FormActions';

export interface ProfileFormProps {
  initial: Profile;
  onSave: (profile: Profile) => Promise<void> | void;
  submitLabel?: string;
  children?: ComponentChildren;
}

type TextKey = Exclude<keyof Profile, 'id'>;

export function ProfileForm(props: ProfileFormProps) {
  const form = useSchemaForm({
    initial: () => ({ ...props.initial }),
    schema: profileSchema,
    toCandidate: (values) => ({ ...values, id: 'profile' }),
    onSave: props.onSave,
  });
  const { values, errors, set, field } = form;
  const text = (
    key: TextKey,
    label: string,
    extra: { type?: 'email' | 'tel'; hint?: string; autoComplete?: string } = {},
  ) => (
    <TextField
      label={label}
      type={extra.type ?? 'text'}
      value={values[key]}
      onValue={(v) => set(key, v)}
      error={errors[key]}
      hint={extra.hint}
      inputProps={extra.autoComplete ? { autoComplete: extra.autoComplete } : undefined}
    />
  );

  return (
    <form ref={form.formRef} onSubmit={form.submit} noValidate aria-label="Your details">
      <fieldset>
        <legend>You</legend>
        <div class="form-grid">
          {text('parentName', 'Your name', { autoComplete: 'name' })}
          {text('email', 'Your e-mail', { type: 'email', autoComplete: 'email' })}
          {text('phone', 'Your phone', { type: 'tel', autoComplete: 'tel' })}
        </div>
        <TextAreaField label="Your mailing address" rows={2} {...field('address')} />
      </fieldset>
      <fieldset>
        <legend>The school district</legend>
        <div class="form-grid">
          {text('district', 'District')}
          {text('directorName', 'Special education director')}
          {text('directorEmail', "Director's e-mail", { type: 'email' })}
        </div>
        <p class="field-hint">Letters are addressed to the director. You can fill this in later.</p>
      </fieldset>
      <fieldset>
        <legend>People you may copy on letters (optional)</legend>
        <div class="form-grid">
          {text('principalName', 'Principal')}
          {text('caseManagerName', 'Case manager')}
          {text('coopName', 'Special education cooperative', {
            hint: 'If itinerant providers come from a cooperative.',
          })}
          {text('coopDirectorName', "Cooperative's director")}
        </div>
        <p class="field-hint">
          On the letter page you choose whom to copy ("cc:"); the letter uses these names.
        </p>
      </fieldset>
      <FormActions form={form} submitLabel={props.submitLabel ?? 'Save'}>
        {props.children}
      </FormActions>
    </form>
  );
}
