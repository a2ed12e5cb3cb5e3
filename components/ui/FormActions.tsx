/** The end of a form: why a save failed (if it did), the submit button and extra buttons. */
import type { ComponentChildren } from 'preact';
import type { SchemaForm } from '../../lib/ui/forms';

export function FormActions(props: {
  form: Pick<SchemaForm<object>, 'saveError' | 'saving'>;
  submitLabel: string;
  children?: ComponentChildren;
}) {
  const { saveError, saving } = props.form;
  return (
    <>
      {saveError ? (
        <p class="notice danger" role="alert">
          Could not save: {saveError}
        </p>
      ) : null}
      <div class="button-row">
        <button type="submit" disabled={saving}>
          {props.submitLabel}
        </button>
        {props.children}
      </div>
    </>
  );
}
