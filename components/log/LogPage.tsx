/**
 * The session log as a table: filter by service, status, reason and dates; sort by any column;
 * edit or delete an entry in place; add an entry.
 */
import { useMemo, useState } from 'preact/hooks';
import { ConfirmButton } from '../ui/ConfirmButton';
import { FocusHeading } from '../ui/FocusHeading';
import { DateField, SelectField } from '../ui/fields';
import { SessionForm } from './SessionForm';
import { StatusMessage, useStatus } from '../ui/status';
import { formatShortDate } from '../../lib/dates';
import { deleteSession, saveSession } from '../../lib/db';
import { missedMinutes } from '../../lib/gap';
import {
  MISSED_REASON_LABELS,
  MISSED_REASONS,
  SESSION_STATUSES,
  serviceName,
  type Service,
  type SessionEntry,
} from '../../lib/model';
import { useInPlaceEditing } from '../../lib/ui/focus';
import { useStudentData } from '../../lib/ui/students';
import type { TrackerRouteProps } from '../tracker/route-props';
import { NoStudent } from '../students/NoStudent';
import { capitalize } from '../../lib/text';

const PAGE_SIZE = 100;

type SortKey = 'date' | 'service' | 'status' | 'scheduled' | 'delivered' | 'missed' | 'reason';

interface Filters {
  serviceId: string;
  status: string;
  reason: string;
  from: string;
  to: string;
}

const NO_FILTERS: Filters = { serviceId: '', status: '', reason: '', from: '', to: '' };

function matches(entry: SessionEntry, f: Filters): boolean {
  return (
    (!f.serviceId || entry.serviceId === f.serviceId) &&
    (!f.status || entry.status === f.status) &&
    (!f.reason || entry.reason === f.reason) &&
    (!f.from || entry.date >= f.from) &&
    (!f.to || entry.date <= f.to)
  );
}

export function LogPage(props: TrackerRouteProps) {
  const { db, studentId, today } = props;
  const data = useStudentData(db, studentId);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({
    key: 'date',
    descending: true,
  });
  const [shown, setShown] = useState(PAGE_SIZE);
  const [status, announce] = useStatus();
  /** The item whose form is open ("new" while adding); closing refocuses its opener. */
  const { editing, open, close } = useInPlaceEditing();

  const names = useMemo(
    () => new Map((data?.services ?? []).map((s) => [s.id, capitalize(serviceName(s))])),
    [data?.services],
  );
  const rows = useMemo(() => {
    const list = (data?.sessions ?? []).filter((e) => matches(e, filters));
    const value = (e: SessionEntry): string | number => {
      switch (sort.key) {
        case 'date':
          return e.date;
        case 'service':
          return names.get(e.serviceId) ?? '';
        case 'status':
          return e.status;
        case 'scheduled':
          return e.scheduledMinutes;
        case 'delivered':
          return e.minutesDelivered;
        case 'missed':
          return missedMinutes(e);
        case 'reason':
          return e.reason ? MISSED_REASON_LABELS[e.reason] : '';
      }
    };
    const direction = sort.descending ? -1 : 1;
    // Ties fall back to the date (newest first), then to when the entry was made.
    return list.sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      if (va !== vb) return (va < vb ? -1 : 1) * direction;
      if (a.date !== b.date) return a.date < b.date ? 1 : -1;
      return b.createdAt - a.createdAt;
    });
  }, [data?.sessions, filters, sort, names]);

  if (!studentId) return <NoStudent />;
  if (data === undefined) return <p class="muted">Loading…</p>;
  if (data === null) return <NoStudent />;
  const { services, calendar } = data;

  const setFilter = (key: keyof Filters) => (value: string) => {
    setFilters({ ...filters, [key]: value });
    setShown(PAGE_SIZE);
  };
  const filtered = rows.length !== data.sessions.length;

  function header(key: SortKey, label: string, numeric = false) {
    const active = sort.key === key;
    return (
      <th
        scope="col"
        class={numeric ? 'number' : undefined}
        aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}
      >
        <button
          type="button"
          class="sort"
          onClick={() => setSort({ key, descending: active ? !sort.descending : key === 'date' })}
        >
          {label}
          <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ' ↕'}</span>
        </button>
      </th>
    );
  }

  const formFor = (initial: SessionEntry | undefined, onDone: () => void) => (
    <SessionForm
      studentId={studentId}
      services={services}
      calendar={calendar}
      today={today}
      initial={initial}
      defaultServiceId={filters.serviceId || undefined}
      onSave={async (entry) => {
        await saveSession(db, entry);
        announce(
          initial ? 'Entry saved.' : `Logged the session of ${formatShortDate(entry.date)}.`,
        );
        onDone();
      }}
    >
      <button type="button" class="secondary" onClick={onDone}>
        {initial ? 'Cancel' : 'Close'}
      </button>
    </SessionForm>
  );

  return (
    <>
      <p>Every session logged for {data.student.name}.</p>
      <StatusMessage message={status} testId="log-page-status" />
      {services.length === 0 ? (
        <p class="notice">
          No services yet. <a href="#/services">Add the services from the IEP</a> to log sessions.
        </p>
      ) : editing === 'new' ? (
        <section class="card" aria-labelledby="add-entry">
          <FocusHeading id="add-entry">Log a session</FocusHeading>
          {formFor(undefined, () => close())}
        </section>
      ) : (
        <button type="button" data-opens="new" onClick={() => open('new')}>
          Log a session
        </button>
      )}

      <search>
        <form class="toolbar" aria-label="Filter the log" onSubmit={(e) => e.preventDefault()}>
          <SelectField
            label="Service"
            value={filters.serviceId}
            onValue={setFilter('serviceId')}
            placeholder="All services"
            options={services.map((s: Service) => ({ value: s.id, label: names.get(s.id) ?? '' }))}
          />
          <SelectField
            label="Status"
            value={filters.status}
            onValue={setFilter('status')}
            placeholder="Any status"
            options={SESSION_STATUSES.map((s) => ({ value: s, label: capitalize(s) }))}
          />
          <SelectField
            label="Reason"
            value={filters.reason}
            onValue={setFilter('reason')}
            placeholder="Any reason"
            options={MISSED_REASONS.map((r) => ({
              value: r,
              label: capitalize(MISSED_REASON_LABELS[r]),
            }))}
          />
          <DateField label="From" value={filters.from} onValue={setFilter('from')} />
          <DateField label="To" value={filters.to} onValue={setFilter('to')} />
          {filtered ? (
            <button
              type="button"
              class="link field"
              onClick={() => {
                setFilters(NO_FILTERS);
                setShown(PAGE_SIZE);
              }}
            >
              Clear filters
            </button>
          ) : null}
        </form>
      </search>

      <p aria-live="polite" data-testid="log-count">
        {rows.length === 0
          ? filtered
            ? 'No entries match these filters.'
            : 'No sessions logged yet.'
          : `Showing ${Math.min(shown, rows.length)} of ${rows.length} ${rows.length === 1 ? 'entry' : 'entries'}${filtered ? ` (filtered from ${data.sessions.length})` : ''}.`}
      </p>
      {rows.length > 0 ? (
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
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, shown).map((entry) =>
                editing === entry.id ? (
                  <tr key={entry.id}>
                    <td colSpan={9}>
                      <FocusHeading>Edit the entry of {formatShortDate(entry.date)}</FocusHeading>
                      {formFor(entry, () => close())}
                    </td>
                  </tr>
                ) : (
                  <tr key={entry.id} data-entry-id={entry.id}>
                    <td>{formatShortDate(entry.date)}</td>
                    <td>{names.get(entry.serviceId) ?? 'Deleted service'}</td>
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
                          aria-label={`Edit the entry of ${formatShortDate(entry.date)}`}
                          onClick={() => open(entry.id)}
                        >
                          Edit
                        </button>
                        <ConfirmButton
                          label="Delete"
                          accessibleLabel={`Delete the entry of ${formatShortDate(entry.date)}`}
                          question="Delete this entry?"
                          onConfirm={async () => {
                            await deleteSession(db, entry.id);
                            announce(`Deleted the entry of ${formatShortDate(entry.date)}.`);
                          }}
                        />
                      </div>
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      ) : null}
      {rows.length > shown ? (
        <div class="button-row">
          <button type="button" class="secondary" onClick={() => setShown(shown + PAGE_SIZE)}>
            Show {Math.min(PAGE_SIZE, rows.length - shown)} more
          </button>
        </div>
      ) : null}
    </>
  );
}
