/**
 * Preact hook over Dexie's liveQuery: re-runs the query whenever the tables it read change, in
 * this page or in another extension page of the same origin (the popup logging a session updates
 * an open tracker tab). Errors are rethrown during render for the nearest error boundary.
 *
 * While the dependencies change (another student picked), it returns undefined until the new
 * query answers, never the previous query's result.
 *
 * A query for something secondary (the tracker's backup reminder, the log's entry counts) can
 * wait for the page's own reads: `{ afterPageReads: true }` subscribes only once every other live
 * query of the page has answered at least once. The browser runs a database's requests one at a
 * time, so a slow count started first delays every read queued behind it (issue 15, docs/ui.md).
 */
import { liveQuery } from 'dexie';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

interface LiveState<T> {
  value: T | undefined;
  error: unknown;
  deps: readonly unknown[];
  /** False until the query first answers (value or error). */
  answered: boolean;
}

export interface LiveQueryOptions {
  /** Start only once the page's other live queries have all answered (see above). */
  afterPageReads?: boolean;
}

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((item, i) => Object.is(item, b[i]));
}

/** The page's live queries (not `afterPageReads`) that have not answered yet. */
let unanswered = 0;
/** Deferred queries waiting to start. */
const waiting = new Set<() => void>();
let settleCheck: ReturnType<typeof setTimeout> | null = null;

/**
 * Starts the waiting queries, a task later, if no live query is unanswered then. A query counts
 * as answered once the render its answer caused is committed: by then that render has subscribed
 * the queries it needs (children's layout effects run before their parent's), so a page that
 * reads in two steps (its student, then that student's first log entries) is not taken as done
 * between them, however the renders are scheduled.
 */
function startWhenAnswered(): void {
  if (settleCheck !== null || waiting.size === 0) return;
  settleCheck = setTimeout(() => {
    settleCheck = null;
    if (unanswered > 0) return;
    const ready = [...waiting];
    waiting.clear();
    for (const start of ready) start();
  });
}

export function useLiveQuery<T>(
  query: () => Promise<T> | T,
  deps: readonly unknown[],
  options: LiveQueryOptions = {},
): T | undefined {
  const [state, setState] = useState<LiveState<T>>({
    value: undefined,
    error: undefined,
    deps,
    answered: false,
  });
  const deferred = options.afterPageReads === true;
  /** This query is counted in `unanswered`. */
  const counted = useRef(false);
  const settle = () => {
    if (!counted.current) return;
    counted.current = false;
    unanswered--;
    startWhenAnswered();
  };
  // A layout effect subscribes right after the render, not a frame later: reads start sooner.
  useLayoutEffect(() => {
    let subscription: { unsubscribe(): void } | null = null;
    const start = () => {
      if (!deferred) {
        counted.current = true;
        unanswered++;
      }
      subscription = liveQuery(query).subscribe({
        next: (value) => setState({ value, error: undefined, deps, answered: true }),
        error: (error: unknown) => setState({ value: undefined, error, deps, answered: true }),
      });
    };
    if (deferred) {
      waiting.add(start);
      startWhenAnswered();
    } else start();
    return () => {
      waiting.delete(start);
      settle();
      subscription?.unsubscribe();
    };
    // The caller lists what the query depends on, as with useEffect.
  }, deps);
  // The answer is on screen (see startWhenAnswered).
  useLayoutEffect(() => {
    if (state.answered && sameDeps(state.deps, deps)) settle();
  }, [state]);
  if (!sameDeps(state.deps, deps)) return undefined;
  if (state.error !== undefined) throw state.error;
  return state.value;
}
