/**
 * Labelled form controls. Each shows its hint and its error message right below the control and
 * links both with aria-describedby; an error also sets aria-invalid. Values are the raw text the
 * user typed (numbers too), so nothing is lost when a check fails.
 */
import type { ComponentChildren, JSX } from 'preact';
import { useId } from 'preact/hooks';

interface FieldProps {
  label: string;
  /** Plain message from validation; shown next to the control. */
  error?: string | undefined;
  hint?: ComponentChildren;
  required?: boolean;
  /** Extra classes on the wrapper, for layout. */
  class?: string;
}

/** ids for the hint and error of one control, and the attributes that link them. */
function useDescribedBy(error: string | undefined, hint: ComponentChildren) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return {
    id,
    hintId,
    errorId,
    controlProps: {
      id,
      'aria-describedby': describedBy,
      'aria-invalid': error ? ('true' as const) : undefined,
    },
  };
}

function Messages(props: {
  hint: ComponentChildren;
  hintId: string | undefined;
  error: string | undefined;
  errorId: string | undefined;
}) {
  return (
    <>
      {props.hint ? (
        <p class="field-hint" id={props.hintId}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p class="field-error" id={props.errorId}>
          {props.error}
        </p>
      ) : null}
    </>
  );
}

/** Wrapper, label, hint and message of a labelled control; the control itself is `children`. */
function Field(
  props: FieldProps & { ids: ReturnType<typeof useDescribedBy>; children: ComponentChildren },
) {
  const { ids } = props;
  return (
    <div class={['field', props.class].filter(Boolean).join(' ')}>
      <label for={ids.id}>
        {props.label}
        {props.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {props.children}
      <Messages hint={props.hint} hintId={ids.hintId} error={props.error} errorId={ids.errorId} />
    </div>
  );
}

type InputAttributes = Omit<
  JSX.InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onInput' | 'label' | 'class' | 'type'
>;

export interface TextFieldProps extends FieldProps {
  value: string;
  onValue: (value: string) => void;
  type?: 'text' | 'email' | 'tel' | 'date';
  /** Any other input attribute (autoComplete, inputMode, name, data-testid, …). */
  inputProps?: InputAttributes;
}

export function TextField(props: TextFieldProps) {
  const ids = useDescribedBy(props.error, props.hint);
  return (
    <Field {...props} ids={ids}>
      <input
        {...props.inputProps}
        {...ids.controlProps}
        type={props.type ?? 'text'}
        value={props.value}
        required={props.required}
        onInput={(event) => props.onValue(event.currentTarget.value)}
      />
    </Field>
  );
}

/** A date picker whose value is an ISO calendar date ("2026-10-28") or "". */
export function DateField(props: Omit<TextFieldProps, 'type'>) {
  return <TextField {...props} type="date" />;
}

/**
 * Whole numbers typed as text (inputMode numeric): a text input keeps "12a" so the message can
 * point at it, where a number input would silently empty it.
 */
export function NumberField(props: Omit<TextFieldProps, 'type'>) {
  return (
    <TextField
      {...props}
      inputProps={{ inputMode: 'numeric', autoComplete: 'off', ...props.inputProps }}
    />
  );
}

export interface TextAreaFieldProps extends FieldProps {
  value: string;
  onValue: (value: string) => void;
  rows?: number;
}

export function TextAreaField(props: TextAreaFieldProps) {
  const ids = useDescribedBy(props.error, props.hint);
  return (
    <Field {...props} ids={ids}>
      <textarea
        {...ids.controlProps}
        rows={props.rows ?? 3}
        value={props.value}
        onInput={(event) => props.onValue(event.currentTarget.value)}
      />
    </Field>
  );
}

export interface Option<V extends string = string> {
  value: V;
  label: string;
}

export interface SelectFieldProps<V extends string> extends FieldProps {
  value: V;
  onValue: (value: V) => void;
  options: readonly Option<V>[];
  /** Shown first with the value "", for "choose one" prompts and "all" filters. */
  placeholder?: string;
  selectProps?: Omit<JSX.SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'class'>;
}

export function SelectField<V extends string>(props: SelectFieldProps<V>) {
  const ids = useDescribedBy(props.error, props.hint);
  return (
    <Field {...props} ids={ids}>
      <select
        {...props.selectProps}
        {...ids.controlProps}
        value={props.value}
        required={props.required}
        onChange={(event) => props.onValue(event.currentTarget.value as V)}
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export interface CheckboxFieldProps {
  label: ComponentChildren;
  checked: boolean;
  onChecked: (checked: boolean) => void;
  hint?: ComponentChildren;
  error?: string | undefined;
  inputProps?: Omit<InputAttributes, 'checked' | 'onChange'>;
}

export function CheckboxField(props: CheckboxFieldProps) {
  const ids = useDescribedBy(props.error, props.hint);
  return (
    <div class="field">
      <label class="choice" for={ids.id}>
        <input
          {...props.inputProps}
          {...ids.controlProps}
          type="checkbox"
          checked={props.checked}
          onChange={(event) => props.onChecked(event.currentTarget.checked)}
        />
        <span>{props.label}</span>
      </label>
      <Messages hint={props.hint} hintId={ids.hintId} error={props.error} errorId={ids.errorId} />
    </div>
  );
}

export interface RadioGroupProps<V extends string> {
  legend: string;
  value: V | '';
  onValue: (value: V) => void;
  options: readonly Option<V>[];
  error?: string | undefined;
  hint?: ComponentChildren;
  /** "inline" puts the choices on one line; "grid" in columns. */
  layout?: 'inline' | 'grid' | 'stack';
  /** Shared name of the radios; defaults to a unique id. */
  name?: string;
  /** Hide the legend visually (it is still read by screen readers). */
  hideLegend?: boolean;
}

/** Radio buttons in a fieldset: one click per choice, arrow keys move between them. */
export function RadioGroup<V extends string>(props: RadioGroupProps<V>) {
  const ids = useDescribedBy(props.error, props.hint);
  const name = props.name ?? ids.id;
  const layout = props.layout ?? 'inline';
  return (
    <fieldset class="plain field" aria-describedby={ids.controlProps['aria-describedby']}>
      <legend class={props.hideLegend ? 'visually-hidden' : undefined}>{props.legend}</legend>
      <div class={layout === 'inline' ? 'choices-inline' : layout === 'grid' ? 'choices-grid' : ''}>
        {props.options.map((option) => (
          <label class="choice" key={option.value}>
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={props.value === option.value}
              aria-invalid={ids.controlProps['aria-invalid']}
              aria-describedby={ids.errorId}
              onChange={() => props.onValue(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      <Messages hint={props.hint} hintId={ids.hintId} error={props.error} errorId={ids.errorId} />
    </fieldset>
  );
}
