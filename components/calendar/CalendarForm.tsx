/**
 * The school calendar: first and last day, which weekdays have school (five-day or four-day
 * week), and closed days or ranges (holidays, breaks, snow days), with one-click common breaks.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatShortDate, type IsoDate } from '../../lib/dates';
import { calendarSchema, newId, type SchoolCalendar } from '../../lib/model';
import { commonBreaks } from '../../lib/ui/common-breaks';
import { useSchemaForm } from '../../lib/ui/forms';
import { DateField, RadioGroup, TextField } from '../ui/fields';
import { FormActions } from '../ui/FormActions';

export interface CalendarFormProps {
  /** The calendar being edited, or a new one's starting values (id included). */
  initial: SchoolCalendar;
  onSave: (calendar: SchoolCalendar) => Promise<void> | void;
  submitLabel?: string;
  children?: ComponentChildren;
}

type WeekMode = 'five' | 'four' | 'custom';
const FIVE_DAYS = [1, 2, 3, 4, 5];
const FOUR_DAYS = [1, 2, 3, 4];

interface ClosureRow {
  key: string;
  label: string;
  start: IsoDate | '';
  end: IsoDate | '';
}

function weekModeOf(weekdays: number[]): WeekMode {
  const list = [...weekdays].sort().join(',');
  if (list === FIVE_DAYS.join(',')) return 'five';
  if (list === FOUR_DAYS.join(',')) return 'four';
  return 'custom';
}

export function CalendarForm(props: CalendarFormProps) {
  const { initial } = props;
  const form = useSchemaForm({
    initial: () => ({
      name: initial.name,
      firstDay: initial.firstDay,
      lastDay: initial.lastDay,
      weekMode: weekModeOf(initial.weekdays),
      closures: initial.closures.map((c): ClosureRow => ({
        key: newId(),
        label: c.label,
        start: c.start,
        end: c.end,
      })),
    }),
    schema: calendarSchema,
    toCandidate: (values) => ({
      id: initial.id,
      name: values.name,
      firstDay: values.firstDay,
      lastDay: values.lastDay,
      weekdays:
        values.weekMode === 'five'
          ? FIVE_DAYS
          : values.weekMode === 'four'
            ? FOUR_DAYS
            : initial.weekdays,
      // A single closed day needs only its first date.
      closures: values.closures.map((row) => ({
        label: row.label,
        start: row.start,
        end: row.end || row.start,
      })),
    }),
    onSave: (calendar) =>
      props.onSave({
        ...calendar,
        closures: [...calendar.closures].sort((a, b) => (a.start < b.start ? -1 : 1)),
      }),
  });
  const { values, errors, set, field } = form;
  const listRef = useRef<HTMLUListElement>(null);
  /** The row whose first field takes focus once rendered (a row the user just added). */
  const [focusRow, setFocusRow] = useState<string | null>(null);
  useEffect(() => {
    if (!focusRow) return;
    listRef.current?.querySelector<HTMLInputElement>(`[data-row="${focusRow}"] input`)?.focus();
    setFocusRow(null);
  }, [focusRow]);

  function setRow(index: number, patch: Partial<ClosureRow>) {
    set(
      'closures',
      values.closures.map((row, i) => (i === index ? { ...row, ...patch } : row)),
    );
    const fields = Object.keys(patch).map((field) => `closures.${index}.${field}`);
    if (fields.some((key) => key in errors)) {
      const next = { ...errors };
      for (const key of fields) delete next[key];
      form.setErrors(next);
    }
  }

  function addRows(rows: Omit<ClosureRow, 'key'>[], focusNew: boolean) {
    const added = rows.map((row) => ({ ...row, key: newId() }));
    // Messages are keyed by row index; appending keeps existing indexes valid.
    set('closures', [...values.closures, ...added]);
    if (focusNew && added[0]) setFocusRow(added[0].key);
  }

  function removeRow(index: number) {
    set(
      'closures',
      values.closures.filter((_, i) => i !== index),
    );
    // Row indexes shift, so row messages no longer match: drop them (they return on save).
    form.setErrors(
      Object.fromEntries(Object.entries(errors).filter(([key]) => !key.startsWith('closures.'))),
    );
  }

  const suggestions = values.firstDay
    ? commonBreaks(values.firstDay).filter(
        (b) => !values.closures.some((row) => row.label.trim() === b.label),
      )
    : [];

  return (
    <form ref={form.formRef} onSubmit={form.submit} noValidate aria-label="School calendar">
      <TextField
        label="Calendar name"
        required
        {...field('name')}
        hint="For example, the school's name and year."
      />
      <div class="form-grid">
        <DateField label="First day of school" required {...field('firstDay')} />
        <DateField label="Last day of school" required {...field('lastDay')} />
      </div>
      <RadioGroup
        legend="School week"
        value={values.weekMode}
        onValue={(v) => set('weekMode', v)}
        options={[
          { value: 'five', label: 'Five days (Monday–Friday)' },
          { value: 'four', label: 'Four days (Monday–Thursday)' },
          ...(weekModeOf(initial.weekdays) === 'custom'
            ? [{ value: 'custom' as const, label: 'As saved (other days)' }]
            : []),
        ]}
        error={errors.weekdays}
        layout="stack"
      />
      <fieldset>
        <legend>Days with no school</legend>
        <p class="field-hint">
          Holidays, breaks and snow days. For a single day, leave "Last day" empty.
        </p>
        {values.closures.length === 0 ? <p class="muted">No closed days yet.</p> : null}
        <ul class="closure-list" ref={listRef}>
          {values.closures.map((row, index) => (
            <li key={row.key} class="closure-row" data-row={row.key}>
              <TextField
                label="What"
                value={row.label}
                onValue={(v) => setRow(index, { label: v })}
                error={errors[`closures.${index}.label`]}
              />
              <DateField
                label="First day"
                value={row.start}
                onValue={(v) => setRow(index, { start: v })}
                error={errors[`closures.${index}.start`]}
              />
              <DateField
                label="Last day"
                value={row.end}
                onValue={(v) => setRow(index, { end: v })}
                error={errors[`closures.${index}.end`]}
              />
              <button
                type="button"
                class="link"
                aria-label={`Remove ${row.label || 'this closed day'}`}
                onClick={() => removeRow(index)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
        <div class="button-row">
          <button
            type="button"
            class="secondary"
            onClick={() => addRows([{ label: '', start: '', end: '' }], true)}
          >
            Add a closed day or range
          </button>
        </div>
        {suggestions.length > 0 ? (
          <div class="quick-add">
            <p class="field-hint">
              Quick add (usual dates: check them against your district's calendar):
            </p>
            <div class="button-row">
              {suggestions.map((b) => (
                <button
                  type="button"
                  class="secondary small"
                  key={b.label}
                  onClick={() => addRows([b], false)}
                >
                  + {b.label} ({formatShortDate(b.start)}
                  {b.end !== b.start ? ` – ${formatShortDate(b.end)}` : ''})
                </button>
              ))}
              {suggestions.length > 1 ? (
                <button type="button" class="link" onClick={() => addRows(suggestions, false)}>
                  Add all of these
                </button>
              ) : null}
            </div>
          </div>
        ) : null}
      </fieldset>
      <FormActions form={form} submitLabel={props.submitLabel ?? 'Save calendar'}>
        {props.children}
      </FormActions>
    </form>
  );
}
