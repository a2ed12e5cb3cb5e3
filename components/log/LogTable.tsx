/**
 * The Log page's table: sortable column headers (`LogTable`) and bodies of rows (`LogRows`, one
 * per chunk of the log the page has read), one row per entry with Edit and Delete, and the entry
 * being edited shown as its form in place of its row.
 */
import type { ComponentChildren } from 'preact';
import { ConfirmButton } from '../ui/ConfirmButton';
import { FocusHeading } from '../ui/FocusHeading';
import { formatShortDate } from '../../lib/dates';
import { missedMinutes } from '../../lib/gap';
import { nextLogSort, type LogSort, type LogSortKey } from '../../lib/log/filter';
import { MISSED_REASON_LABELS, type SessionEntry } from '../../lib/model';
import { capitalize } from '../../lib/text';
import { ActionsHeader } from '../ui/ActionsHeader';

export interface LogTableProps {
  sort: LogSort;
  onSort: (sort: LogSort) => void;
  /** The bodies: LogRows, one per chunk. */
  children: ComponentChildren;
}

export interface LogRowsProps {
  /** The rows to show, already filtered and sorted. */
  rows: readonly SessionEntry[];
  /** Service names as the page shows them, by id. */
  names: ReadonlyMap<string, string>;
  /** The id of the entry whose form is open, if any. */
  editing: string | null;
  onEdit: (entry: SessionEntry) => void;
  onDelete: (entry: SessionEntry) => Promise<void>;
  /** The edit form for an entry (its Cancel closes it). */
  form: (entry: SessionEntry) => ComponentChildren;
}

export function LogTable(props: LogTableProps) {
  const { sort } = props;

  function header(key: LogSortKey, label: string, numeric = false) {
    const active = sort.key === key;
    return (
      <th
        scope="col"
        class={numeric ? 'number' : undefined}
        aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}
      >
        <button type="button" class="sort" onClick={() => props.onSort(nextLogSort(sort, key))}>
          {label}
          <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ' ↕'}</span>
        </button>
      </th>
    );
  }

  return (
    <div class="table-wrap">
      <table data-testid="log-table">
        <caption class="visually-hidden">
          Session log, sorted by {sort.key}, {sort.descending ? 'descending' : 'ascending'}
        </caption>
        <thead>
          <tr>
            {header('date', 'Date')}
            {header('service', 'Service')}
            {header('status', 'Status')}
            {header('scheduled', 'Scheduled', true)}
            {header('delivered', 'Given', true)}
            {header('missed', 'Missed', true)}
            {header('reason', 'Reason')}
            <th scope="col">Note</th>
            <ActionsHeader />
          </tr>
        </thead>
        {props.children}
      </table>
    </div>
  );
}

/** One body of rows. */
export function LogRows(props: LogRowsProps) {
  return (
    <tbody>
      {props.rows.map((entry) =>
        props.editing === entry.id ? (
          <tr key={entry.id}>
            <td colSpan={9}>
              <FocusHeading>Edit the entry of {formatShortDate(entry.date)}</FocusHeading>
              {props.form(entry)}
            </td>
          </tr>
        ) : (
          <LogRow
            key={entry.id}
            entry={entry}
            serviceName={props.names.get(entry.serviceId) ?? 'Deleted service'}
            onEdit={() => props.onEdit(entry)}
            onDelete={() => props.onDelete(entry)}
          />
        ),
      )}
    </tbody>
  );
}

function LogRow(props: {
  entry: SessionEntry;
  serviceName: string;
  onEdit: () => void;
  onDelete: () => Promise<void>;
}) {
  const { entry } = props;
  const date = formatShortDate(entry.date);
  return (
    <tr data-entry-id={entry.id}>
      <td>{date}</td>
      <td>{props.serviceName}</td>
      <td>
        {capitalize(entry.status)}
        {entry.makeUp ? <span class="small"> (make-up)</span> : null}
      </td>
      <td class="number">{entry.scheduledMinutes}</td>
      <td class="number">{entry.minutesDelivered}</td>
      <td class="number">{missedMinutes(entry) || ''}</td>
      <td>{entry.reason ? capitalize(MISSED_REASON_LABELS[entry.reason]) : ''}</td>
      <td class="small">{entry.note}</td>
      <td>
        <div class="button-row row-actions">
          <button
            type="button"
            class="secondary small"
            data-opens={entry.id}
            aria-label={`Edit the entry of ${date}`}
            onClick={props.onEdit}
          >
            Edit
          </button>
          <ConfirmButton
            label="Delete"
            accessibleLabel={`Delete the entry of ${date}`}
            question="Delete this entry?"
            onConfirm={props.onDelete}
          />
        </div>
      </td>
    </tr>
  );
}
