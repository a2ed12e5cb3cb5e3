/** The Log page's filter toolbar: service, status, reason, from and to dates, and "Clear". */
import { DateField, SelectField } from '../ui/fields';
import type { LogFilters } from '../../lib/log/filter';
import {
  MISSED_REASON_LABELS,
  MISSED_REASONS,
  SESSION_STATUSES,
  type Service,
} from '../../lib/model';
import { capitalize } from '../../lib/text';

export interface LogFilterBarProps {
  services: readonly Service[];
  /** Service names as the page shows them, by id. */
  names: ReadonlyMap<string, string>;
  filters: LogFilters;
  /** Whether any filter is set (shows "Clear filters"). */
  filtered: boolean;
  onFilter: (key: keyof LogFilters, value: string) => void;
  onClear: () => void;
}

export function LogFilterBar(props: LogFilterBarProps) {
  const { filters, onFilter } = props;
  const set = (key: keyof LogFilters) => (value: string) => onFilter(key, value);
  return (
    <search>
      <form class="toolbar" aria-label="Filter the log" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label="Service"
          value={filters.serviceId}
          onValue={set('serviceId')}
          placeholder="All services"
          options={props.services.map((s) => ({ value: s.id, label: props.names.get(s.id) ?? '' }))}
        />
        <SelectField
          label="Status"
          value={filters.status}
          onValue={set('status')}
          placeholder="Any status"
          options={SESSION_STATUSES.map((s) => ({ value: s, label: capitalize(s) }))}
        />
        <SelectField
          label="Reason"
          value={filters.reason}
          onValue={set('reason')}
          placeholder="Any reason"
          options={MISSED_REASONS.map((r) => ({
            value: r,
            label: capitalize(MISSED_REASON_LABELS[r]),
          }))}
        />
        <DateField label="From" value={filters.from} onValue={set('from')} />
        <DateField label="To" value={filters.to} onValue={set('to')} />
        {props.filtered ? (
          <button type="button" class="link field" onClick={props.onClear}>
            Clear filters
          </button>
        ) : null}
      </form>
    </search>
  );
}
