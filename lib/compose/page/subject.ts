/**
 * Fills an empty subject field with the draft's subject. The value is set with the input's own
 * setter and announced with `input` and `change` events, which is what frameworks that keep the
 * value in their own state (React in Outlook) listen for. A subject the user already typed, or a
 * reply's "Re: …", is never replaced.
 */
export function fillSubjectIfEmpty(
  field: HTMLInputElement | null,
  subject: string | null,
): boolean {
  if (!field || !subject || field.value.trim() !== '' || field.disabled || field.readOnly)
    return false;
  field.value = subject;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
}
