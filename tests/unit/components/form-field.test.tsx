// @vitest-environment happy-dom
/** useFormState's field(name): what a field component gets, and typing clears its message. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { useFormState, type FormState } from '../../../lib/ui/forms';
import { TextField } from '../../../components/ui/fields';

interface Values {
  name: string;
  school: string;
}

let container: HTMLElement | null = null;
afterEach(() => {
  if (container) render(null, container);
  container?.remove();
  container = null;
});

function mount(): { form: () => FormState<Values>; input: () => HTMLInputElement } {
  let latest: FormState<Values> | null = null;
  function NameForm() {
    const form = useFormState<Values>({ name: 'Maya', school: '' });
    latest = form;
    return <TextField label="Name" {...form.field('name')} />;
  }
  container = document.createElement('div');
  document.body.append(container);
  act(() => render(<NameForm />, container!));
  return { form: () => latest!, input: () => container!.querySelector('input')! };
}

describe('field(name)', () => {
  it('gives the value, a change handler and the message of that field', () => {
    const { form } = mount();
    const bound = form().field('name');
    expect(bound.value).toBe('Maya');
    expect(bound.error).toBeUndefined();
    act(() => form().setErrors({ name: 'Too short.', school: 'Required.' }));
    expect(form().field('name').error).toBe('Too short.');
  });

  it('typing sets the value and clears only that field’s message', () => {
    const { form, input } = mount();
    act(() => form().setErrors({ name: 'Too short.', school: 'Required.' }));
    expect(input().getAttribute('aria-invalid')).toBe('true');
    act(() => {
      input().value = 'Maya Rivera';
      input().dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(form().values.name).toBe('Maya Rivera');
    expect(form().errors).toEqual({ school: 'Required.' });
    expect(input().getAttribute('aria-invalid')).not.toBe('true');
  });
});
