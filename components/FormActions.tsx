/** The end of a form: why a save failed (if it did), the submit button and extra buttons. */
import type { ComponentChildren } from 'preact';

export function FormActions(props: {
  saveError: string;
  saving?: boolean;
  submitLabel: string;
  children?: ComponentChildren;
}) {
  return (
    <>
      {props.saveError ? (
        <p class="notice danger" role="alert">
          Could not save: {props.saveError}
        </p>
      ) : null}
      <div class="button-row">
        <button type="submit" disabled={props.saving}>
          {props.submitLabel}
        </button>
        {props.children}
      </div>
    </>
  );
}
