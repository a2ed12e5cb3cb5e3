/**
 * The Log page's rows, read a chunk at a time (issue 15, lib/log/paging.ts): in the date order
 * (the page's default) each chunk is its own live query over a fixed range of dates, so the first
 * screen reads about a hundred entries, "Show more" (or scrolling to the end of the table) reads
 * the next chunk only, and an edit re-reads only the chunk it touches. Any other order needs the
 * whole log sorted: then the student's log is read and shown a hundred rows at a time.
 */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { LogRows, type LogRowsProps } from './LogTable';
import type { AdvocateDatabase } from '../../lib/db';
import { listSessionsForStudent } from '../../lib/db';
import type { IsoDate } from '../../lib/dates';
import { filterAndSortLog, type LogFilters, type LogSort } from '../../lib/log/filter';
import { readLogChunk, type LogChunk } from '../../lib/log/paging';
import { useLiveQuery } from '../../lib/ui/live-query';

export const LOG_PAGE_SIZE = 100;

export interface ChunkQuery {
  db: AdvocateDatabase;
  studentId: string;
  filters: LogFilters;
  sort: LogSort;
}

type RowProps = Omit<LogRowsProps, 'rows'>;

/** One chunk of the date-ordered log: its rows, and what it read reported to the page. */
export function DateChunk(
  props: ChunkQuery &
    RowProps & {
      after: IsoDate | null;
      through: IsoDate | null;
      onLoaded: (chunk: LogChunk) => void;
    },
) {
  const { db, studentId, filters, sort, after, through } = props;
  const read = useLiveQuery(
    () =>
      readLogChunk(
        db,
        studentId,
        filters,
        { descending: sort.descending, after, through },
        LOG_PAGE_SIZE,
      ),
    [db, studentId, filters, sort.descending, after, through],
  );
  // When the next chunk is asked for, this one's end becomes fixed (`through`): its rows stay
  // on screen while it reads them again as a bounded range.
  const last = useRef<LogChunk | undefined>(undefined);
  if (read) last.current = read;
  const chunk = read ?? last.current;
  const { onLoaded } = props;
  useEffect(() => {
    if (chunk) onLoaded(chunk);
  }, [chunk, onLoaded]);
  return chunk ? <LogRows {...props} rows={chunk.entries} /> : null;
}

/** Any other order: the student's log sorted whole, the first `shown` rows. */
export function SortedLog(
  props: ChunkQuery &
    RowProps & {
      shown: number;
    },
) {
  const { db, studentId, filters, sort, names } = props;
  const all = useLiveQuery(() => listSessionsForStudent(db, studentId), [db, studentId]);
  const rows = useMemo(
    () => (all ? filterAndSortLog(all, filters, sort, names) : undefined),
    [all, filters, sort, names],
  );
  return rows ? <LogRows {...props} rows={rows.slice(0, props.shown)} /> : null;
}

/** Calls `onVisible` when the element scrolls into view (the end of the table). */
export function useWhenVisible(onVisible: () => void) {
  const target = useRef<HTMLDivElement>(null);
  const latest = useRef(onVisible);
  latest.current = onVisible;
  useEffect(() => {
    const element = target.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) latest.current();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return target;
}
