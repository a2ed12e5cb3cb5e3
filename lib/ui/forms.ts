/**
 * Form glue: validate what the user typed with a zod schema from lib/model and turn the issues
 * into one plain message per field, keyed by the field's path ("endDate", "closures.2.end").
 * Form state keeps the raw text the user typed, so a failed check never loses anything.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { z } from '../model/zod';

export type FieldErrors = Record<string, string>;

export type Validation<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/**
 * Plain words for zod's built-in checks. Messages written in lib/model win over these: zod uses a
 * per-parse error map only when the schema gave none.
 */
function plainMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'number') return 'Enter a number.';
      if (issue.expected === 'int') return 'Use a whole number.';
      return 'This is required.';
    case 'too_small':
      return `Must be at least ${String(issue.minimum)}.`;
    case 'too_big':
      return issue.origin === 'string'
        ? `Must be ${String(issue.maximum)} characters or fewer.`
        : `Must be at most ${String(issue.maximum)}.`;
    case 'invalid_value':
      return 'Pick one of the choices.';
    default:
      return undefined;
  }
}

/** Validates with the schema; on failure, the first message for each field path. */
export function validate<S extends z.ZodType>(schema: S, value: unknown): Validation<z.output<S>> {
  const result = schema.safeParse(value, { error: plainMessage });
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join('.') || 'form';
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}

/**
 * A whole number from a text field, or NaN for text that is not one (zod then says "Enter a
 * number."). Empty text is NaN too unless `emptyAs` is given.
 */
export function parseWholeNumber(raw: string, emptyAs?: number | null): number | null {
  const text = raw.trim();
  if (text === '') return emptyAs === undefined ? Number.NaN : emptyAs;
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
}

export interface FormState<V extends object> {
  values: V;
  errors: FieldErrors;
  /** Sets one field and clears its message (the user is fixing it). */
  set: <K extends keyof V & string>(name: K, value: V[K]) => void;
  setValues: (values: V) => void;
  setErrors: (errors: FieldErrors) => void;
  /**
   * One field's value, change handler (`set`) and message, to spread on a field component:
   * `<TextField label="Name" {...field('name')} />`.
   */
  field: <K extends keyof V & string>(name: K) => BoundField<V[K]>;
}

/** What `field(name)` gives a field component. */
export interface BoundField<T> {
  value: T;
  onValue: (value: T) => void;
  error: string | undefined;
}

/**
 * The named text fields of a record as form values: each field's value, or '' where the record
 * is absent or has none (a new record's form starts blank).
 */
export function textValues<R extends object, K extends keyof R & string>(
  record: R | null | undefined,
  names: readonly K[],
): { [P in K]: NonNullable<R[P]> | '' } {
  return Object.fromEntries(names.map((name) => [name, record?.[name] ?? ''])) as {
    [P in K]: NonNullable<R[P]> | '';
  };
}

/** Raw form values plus field messages. */
export function useFormState<V extends object>(initial: V | (() => V)): FormState<V> {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const set: FormState<V>['set'] = (name, value) => {
    setValues((current) => ({ ...current, [name]: value }));
    setErrors((current) => {
      if (!(name in current)) return current;
      const next = { ...current };
      delete next[name];
      return next;
    });
  };
  return {
    values,
    errors,
    set,
    setValues,
    setErrors,
    field: (name) => ({
      value: values[name],
      onValue: (value) => set(name, value),
      error: errors[name],
    }),
  };
}

/** Moves focus to the first invalid control inside a form, so keyboard users land on it. */
export function focusFirstInvalid(form: HTMLElement | null): void {
  const first = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  first?.focus();
}

export interface SchemaForm<V extends object> extends FormState<V> {
  formRef: { current: HTMLFormElement | null };
  /** Why the last save failed (the database refused it), or "". */
  saveError: string;
  saving: boolean;
  /** The form's onSubmit: validates, shows messages next to fields, or saves. */
  submit: (event?: Event) => Promise<void>;
}

/**
 * A form whose raw values become a record through `toCandidate`, are checked by `schema`, and are
 * handed to `onSave` only when valid. Messages land next to their fields and focus moves to the
 * first one; a failed save keeps everything typed and shows why.
 */
export function useSchemaForm<V extends object, S extends z.ZodType>(options: {
  initial: V | (() => V);
  schema: S;
  toCandidate: (values: V) => unknown;
  onSave: (data: z.output<S>) => Promise<void> | void;
  /**
   * zod runs a schema's whole-record rules only once every field parses, so a form can name the
   * ones the user should see in the same round (for example "pick a reason" next to "enter a
   * number"). They only add messages for fields the schema did not already flag.
   */
  sameRoundChecks?: (values: V) => FieldErrors;
}): SchemaForm<V> {
  const form = useFormState<V>(options.initial);
  const formRef = useRef<HTMLFormElement>(null);
  const [saveError, setSaveError] = useState('');
  const [saving, setSaving] = useState(false);
  // Bumped on each failed check; the effect runs after the messages are rendered.
  const [failedChecks, setFailedChecks] = useState(0);
  useEffect(() => {
    if (failedChecks > 0) focusFirstInvalid(formRef.current);
  }, [failedChecks]);

  async function submit(event?: Event) {
    event?.preventDefault();
    const result = validate(options.schema, options.toCandidate(form.values));
    if (!result.ok) {
      form.setErrors({ ...options.sameRoundChecks?.(form.values), ...result.errors });
      setFailedChecks((n) => n + 1);
      return;
    }
    form.setErrors({});
    setSaveError('');
    setSaving(true);
    try {
      await options.onSave(result.data);
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  }

  return { ...form, formRef, saveError, saving, submit };
}
