/**
 * The session log as a table: filter by service, status, reason and dates; sort by any column;
 * edit or delete an entry in place; add an entry. The filter and sort are lib/log/filter.ts.
 */
import { useMemo, useState } from 'preact/hooks';
import { FocusHeading } from '../ui/FocusHeading';
import { LogFilterBar } from './LogFilterBar';
import { LogTable } from './LogTable';
import { SessionForm } from './SessionForm';
import { StatusMessage, useStatus } from '../ui/status';
import { formatShortDate } from '../../lib/dates';
import { deleteSession, saveSession } from '../../lib/db';
import {
  DEFAULT_LOG_SORT,
  NO_LOG_FILTERS,
  filterAndSortLog,
  type LogFilters,
  type LogSort,
} from '../../lib/log/filter';
import { serviceName, type SessionEntry } from '../../lib/model';
import { capitalize } from '../../lib/text';
import { useInPlaceEditing } from '../../lib/ui/focus';
import { useStudentData } from '../../lib/ui/students';
import type { TrackerRouteProps } from '../tracker/route-props';
import { NoStudent } from '../students/NoStudent';

const PAGE_SIZE = 100;

export function LogPage(props: TrackerRouteProps) {
  const { db, studentId, today } = props;
  const data = useStudentData(db, studentId);
  const [filters, setFilters] = useState<LogFilters>(NO_LOG_FILTERS);
  const [sort, setSort] = useState<LogSort>(DEFAULT_LOG_SORT);
  const [shown, setShown] = useState(PAGE_SIZE);
  const [status, announce] = useStatus();
  /** The item whose form is open ("new" while adding); closing refocuses its opener. */
  const { editing, open, close } = useInPlaceEditing();

  const names = useMemo(
    () => new Map((data?.services ?? []).map((s) => [s.id, capitalize(serviceName(s))])),
    [data?.services],
  );
  const rows = useMemo(
    () => filterAndSortLog(data?.sessions ?? [], filters, sort, names),
    [data?.sessions, filters, sort, names],
  );

  if (!studentId) return <NoStudent />;
  if (data === undefined) return <p class="muted">Loading…</p>;
  if (data === null) return <NoStudent />;
  const { services, calendar } = data;

  const showFilters = (next: LogFilters) => {
    setFilters(next);
    setShown(PAGE_SIZE);
  };
  const filtered = rows.length !== data.sessions.length;

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

      <LogFilterBar
        services={services}
        names={names}
        filters={filters}
        filtered={filtered}
        onFilter={(key, value) => showFilters({ ...filters, [key]: value })}
        onClear={() => showFilters(NO_LOG_FILTERS)}
      />

      <p aria-live="polite" data-testid="log-count">
        {rows.length === 0
          ? filtered
            ? 'No entries match these filters.'
            : 'No sessions logged yet.'
          : `Showing ${Math.min(shown, rows.length)} of ${rows.length} ${rows.length === 1 ? 'entry' : 'entries'}${filtered ? ` (filtered from ${data.sessions.length})` : ''}.`}
      </p>
      {rows.length > 0 ? (
        <LogTable
          rows={rows.slice(0, shown)}
          sort={sort}
          onSort={setSort}
          names={names}
          editing={editing}
          onEdit={(entry) => open(entry.id)}
          onDelete={async (entry) => {
            await deleteSession(db, entry.id);
            announce(`Deleted the entry of ${formatShortDate(entry.date)}.`);
          }}
          form={(entry) => formFor(entry, () => close())}
        />
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
