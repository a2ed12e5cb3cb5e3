/**
 * Preact hook over Dexie's liveQuery: re-runs the query whenever the tables it read change, in
 * this page or in another extension page of the same origin (the popup logging a session updates
 * an open tracker tab). Errors are rethrown during render for the nearest error boundary.
 *
 * While the dependencies change (another student picked), it returns undefined until the new
 * query answers, never the previous query's result.
 */
import { liveQuery } from 'dexie';
import { useLayoutEffect, useState } from 'preact/hooks';

interface LiveState<T> {
  value: T | undefined;
  error: unknown;
  deps: readonly unknown[];
}

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((item, i) => Object.is(item, b[i]));
}

export function useLiveQuery<T>(
  query: () => Promise<T> | T,
  deps: readonly unknown[],
): T | undefined {
  const [state, setState] = useState<LiveState<T>>({ value: undefined, error: undefined, deps });
  // A layout effect subscribes right after the render, not a frame later: reads start sooner.
  useLayoutEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ value, error: undefined, deps }),
      error: (error: unknown) => setState({ value: undefined, error, deps }),
    });
    return () => subscription.unsubscribe();
    // The caller lists what the query depends on, as with useEffect.
  }, deps);
  if (!sameDeps(state.deps, deps)) return undefined;
  if (state.error !== undefined) throw state.error;
  return state.value;
}
