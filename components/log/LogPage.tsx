/**
 * The session log as a table: filter by service, status, reason and dates; sort by any column;
 * edit or delete an entry in place; add an entry. The filter and sort are lib/log/filter.ts; the
 * rows are read a chunk at a time (./LogChunks.tsx), more as the user scrolls or asks.
 */
import { useMemo, useState } from 'preact/hooks';
import { FocusHeading } from '../ui/FocusHeading';
import { LogFilterBar } from './LogFilterBar';
import { DateChunk, LOG_PAGE_SIZE, SortedLog, useWhenVisible } from './LogChunks';
import { LogTable } from './LogTable';
import { SessionForm } from './SessionForm';
import { StatusMessage, useStatus } from '../ui/status';
import { formatShortDate, type IsoDate } from '../../lib/dates';
import { deleteSession, loadStudentSetup, saveSession, type AdvocateDatabase } from '../../lib/db';
import {
  DEFAULT_LOG_SORT,
  NO_LOG_FILTERS,
  type LogFilters,
  type LogSort,
} from '../../lib/log/filter';
import { countLog, type LogChunk } from '../../lib/log/paging';
import { serviceName, type SessionEntry } from '../../lib/model';
import { capitalize } from '../../lib/text';
import { useInPlaceEditing } from '../../lib/ui/focus';
import { useLiveQuery } from '../../lib/ui/live-query';
import type { TrackerRouteProps } from '../tracker/route-props';
import { NoStudent } from '../students/NoStudent';

const PAGE_SIZE = LOG_PAGE_SIZE;

/** The entries matching `filters`, and all the student's entries. */
async function countMatchingAndTotal(
  db: AdvocateDatabase,
  studentId: string,
  filters: LogFilters,
): Promise<[number, number]> {
  const unfiltered = (Object.keys(filters) as (keyof LogFilters)[]).every(
    (key) => filters[key] === NO_LOG_FILTERS[key],
  );
  if (unfiltered) {
    const total = await countLog(db, studentId, NO_LOG_FILTERS);
    return [total, total];
  }
  return Promise.all([countLog(db, studentId, filters), countLog(db, studentId, NO_LOG_FILTERS)]);
}

export function LogPage(props: TrackerRouteProps) {
  const { db, studentId, today } = props;
  const data = useLiveQuery(
    () => (studentId ? loadStudentSetup(db, studentId) : null),
    [db, studentId],
  );
  const [filters, setFilters] = useState<LogFilters>(NO_LOG_FILTERS);
  const [sort, setSortOnly] = useState<LogSort>(DEFAULT_LOG_SORT);
  const [shown, setShown] = useState(PAGE_SIZE);
  // The date order's chunks: each one's last date, once the next one was asked for.
  const [cursors, setCursors] = useState<IsoDate[]>([]);
  const view = JSON.stringify([filters, sort]);
  const [loaded, setLoaded] = useState<{ view: string; chunks: LogChunk[] }>({
    view,
    chunks: [],
  });
  // The counts walk the student's index entries (4,000 after three years): read after the first
  // chunk of rows, not before it, and only once when no filter is set.
  const counts = useLiveQuery(
    () => (studentId ? countMatchingAndTotal(db, studentId, filters) : null),
    [db, studentId, filters],
    { afterPageReads: true },
  );
  const onLoaded = useMemo(
    () =>
      Array.from(
        { length: cursors.length + 1 },
        (_, i) => (chunk: LogChunk) =>
          setLoaded((prev) => {
            const chunks = prev.view === view ? [...prev.chunks] : [];
            if (chunks[i] === chunk) return prev;
            chunks[i] = chunk;
            return { view, chunks };
          }),
      ),
    [view, cursors.length],
  );
  const byDate = sort.key === 'date';
  const chunks = loaded.view === view ? loaded.chunks.slice(0, cursors.length + 1) : [];
  const tail = chunks[cursors.length];
  const more = byDate ? tail !== undefined && !tail.complete : (counts?.[0] ?? 0) > shown;
  const loadMore = () => {
    if (!more) return;
    if (!byDate) setShown(shown + PAGE_SIZE);
    else if (tail?.last) setCursors([...cursors, tail.last]);
  };
  const sentinel = useWhenVisible(loadMore);
  const [status, announce] = useStatus();
  /** The item whose form is open ("new" while adding); closing refocuses its opener. */
  const { editing, open, close } = useInPlaceEditing();

  const names = useMemo(
    () => new Map((data?.services ?? []).map((s) => [s.id, capitalize(serviceName(s))])),
    [data?.services],
  );

  if (!studentId) return <NoStudent />;
  if (data === undefined) return <p class="muted">Loading…</p>;
  if (data === null) return <NoStudent />;
  const { services, calendar } = data;
  const rowProps = {
    db,
    studentId,
    filters,
    sort,
    names,
    editing,
    onEdit: (entry: SessionEntry) => open(entry.id),
    onDelete: async (entry: SessionEntry) => {
      await deleteSession(db, entry.id);
      announce(`Deleted the entry of ${formatShortDate(entry.date)}.`);
    },
    form: (entry: SessionEntry) => formFor(entry, () => close()),
  };

  const restart = () => {
    setShown(PAGE_SIZE);
    setCursors([]);
  };
  const showFilters = (next: LogFilters) => {
    setFilters(next);
    restart();
  };
  const setSort = (next: LogSort) => {
    setSortOnly(next);
    restart();
  };
  const [matching, total] = counts ?? [null, null];
  const filtered = matching !== total;
  const shownCount = byDate
    ? chunks.reduce((sum, chunk) => sum + chunk.entries.length, 0)
    : Math.min(shown, matching ?? 0);

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
        {matching === null || (matching > 0 && chunks.length === 0 && byDate)
          ? 'Loading…'
          : matching === 0
            ? filtered
              ? 'No entries match these filters.'
              : 'No sessions logged yet.'
            : `Showing ${Math.min(shownCount, matching)} of ${matching} ${matching === 1 ? 'entry' : 'entries'}${filtered ? ` (filtered from ${total})` : ''}.`}
      </p>
      {matching !== 0 ? (
        <LogTable sort={sort} onSort={setSort}>
          {byDate ? (
            [...cursors, null].map((through, i) => (
              <DateChunk
                key={`${view}:${i}`}
                {...rowProps}
                after={i === 0 ? null : cursors[i - 1]!}
                through={through}
                onLoaded={onLoaded[i]!}
              />
            ))
          ) : (
            <SortedLog key={view} {...rowProps} shown={shown} />
          )}
        </LogTable>
      ) : null}
      <div ref={sentinel} />
      {more ? (
        <div class="button-row">
          <button type="button" class="secondary" onClick={loadMore}>
            Show {Math.min(PAGE_SIZE, Math.max(1, (matching ?? 0) - shownCount))} more
          </button>
        </div>
      ) : null}
    </>
  );
}
