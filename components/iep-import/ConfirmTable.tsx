/**
 * The confirm table: one row per service the reader found, every field editable, the text it
 * came from beside it, rows the reader was unsure of marked in words (not only colour).
 */
import { useId } from 'preact/hooks';
import type { JSX } from 'preact';
import type { ConfirmRow } from '../../lib/iep-import/confirm';
import { PERIODS, SERVICE_KINDS, SERVICE_KIND_LABELS, type Period } from '../../lib/model';
import type { FieldErrors } from '../../lib/ui/forms';
import { capitalize } from '../../lib/text';

const PERIOD_LABELS: Record<Period, string> = { day: 'a day', week: 'a week', month: 'a month' };

type Editable = Exclude<keyof ConfirmRow, 'key' | 'draft' | 'include'>;

interface ControlProps {
  row: ConfirmRow;
  field: Editable;
  label: string;
  errors: FieldErrors | undefined;
  onChange: (field: Editable, value: string) => void;
}

/** A labelled control in a table cell, with its error below it (linked by aria-describedby). */
function Control(
  props: ControlProps & {
    as?: 'input' | 'select';
    type?: string;
    inputMode?: JSX.HTMLAttributes['inputMode'];
    options?: readonly { value: string; label: string }[];
    class?: string;
  },
) {
  const id = useId();
  const error = props.errors?.[props.field];
  const value = String(props.row[props.field]);
  const common = {
    id,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
    'data-field': props.field,
    class: props.class,
  };
  return (
    <div class="iep-control">
      <label for={id}>{props.label}</label>
      {props.as === 'select' ? (
        <select
          {...common}
          value={value}
          onChange={(event) => props.onChange(props.field, event.currentTarget.value)}
        >
          {props.options?.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          inputMode={props.inputMode}
          value={value}
          onInput={(event) => props.onChange(props.field, event.currentTarget.value)}
        />
      )}
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

const KIND_OPTIONS = [
  { value: '', label: 'Choose…' },
  ...SERVICE_KINDS.map((kind) => ({ value: kind, label: capitalize(SERVICE_KIND_LABELS[kind]) })),
];
const PERIOD_OPTIONS = PERIODS.map((p) => ({ value: p, label: PERIOD_LABELS[p] }));
const DELIVERY_OPTIONS = [
  { value: 'direct', label: 'Direct (with your child)' },
  { value: 'consult', label: 'Consult (with staff)' },
];

export interface ConfirmTableProps {
  rows: readonly ConfirmRow[];
  errors: Record<string, FieldErrors>;
  onChange: (key: string, patch: Partial<ConfirmRow>) => void;
}

export function ConfirmTable(props: ConfirmTableProps) {
  return (
    <div class="table-wrap iep-confirm" role="region" aria-label="Services found" tabIndex={0}>
      <table>
        <caption class="visually-hidden">
          Services found in the IEP. Check each one; rows marked “Check this” need a look.
        </caption>
        <thead>
          <tr>
            <th scope="col">Add?</th>
            <th scope="col">Service</th>
            <th scope="col">How much</th>
            <th scope="col">Who and where</th>
            <th scope="col">Dates</th>
            <th scope="col">From the IEP</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row, index) => {
            const errors = props.errors[row.key];
            const name = row.label || `row ${index + 1}`;
            const control = (field: Editable, label: string) => ({
              row,
              field,
              label,
              errors,
              onChange: (f: Editable, value: string) => props.onChange(row.key, { [f]: value }),
            });
            const unsure = !row.draft.sure;
            return (
              <tr
                key={row.key}
                class={[unsure ? 'unsure' : '', row.include ? '' : 'left-out'].join(' ').trim()}
                data-testid="iep-row"
              >
                <td>
                  <label class="iep-include">
                    <input
                      type="checkbox"
                      checked={row.include}
                      onChange={(event) =>
                        props.onChange(row.key, { include: event.currentTarget.checked })
                      }
                      aria-label={`Add ${name}`}
                    />
                    <span aria-hidden="true">Add</span>
                  </label>
                  {unsure ? <p class="iep-flag">Check this</p> : null}
                </td>
                <td>
                  <Control {...control('kind', 'Kind')} as="select" options={KIND_OPTIONS} />
                  <Control {...control('label', 'Name on the IEP')} />
                </td>
                <td>
                  <div class="iep-amount">
                    <Control
                      {...control('minutes', 'Minutes')}
                      inputMode="numeric"
                      class="iep-number"
                    />
                    <Control {...control('period', 'Per')} as="select" options={PERIOD_OPTIONS} />
                    <Control
                      {...control('sessions', 'Sessions')}
                      inputMode="numeric"
                      class="iep-number"
                    />
                  </div>
                  <Control
                    {...control('delivery', 'Direct or consult')}
                    as="select"
                    options={DELIVERY_OPTIONS}
                  />
                </td>
                <td>
                  <Control {...control('provider', 'Provider')} />
                  <Control {...control('location', 'Location')} />
                </td>
                <td>
                  <Control {...control('startDate', 'Starts')} type="date" />
                  <Control {...control('endDate', 'Ends')} type="date" />
                </td>
                <td class="iep-source">
                  <p class="small muted">Page {row.draft.page}:</p>
                  <pre>{row.draft.source}</pre>
                  {row.draft.notes.length > 0 ? (
                    <ul class="iep-notes">
                      {row.draft.notes.map((note) => (
                        <li key={note}>{note}</li>
                      ))}
                    </ul>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
