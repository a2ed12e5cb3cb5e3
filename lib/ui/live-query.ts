/**
 * Preact hook over Dexie's liveQuery: re-runs the query whenever the tables it read change, in
 * this page or in another extension page of the same origin (the popup logging a session updates
 * an open tracker tab). Errors are rethrown during render for the nearest error boundary.
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export function useLiveQuery<T>(
  query: () => Promise<T> | T,
  deps: readonly unknown[],
): T | undefined {
  const [state, setState] = useState<{ value: T | undefined; error: unknown }>({
    value: undefined,
    error: undefined,
  });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ value, error: undefined }),
      error: (error: unknown) => setState({ value: undefined, error }),
    });
    return () => subscription.unsubscribe();
    // The caller lists what the query depends on, as with useEffect.
  }, deps);
  if (state.error !== undefined) throw state.error;
  return state.value;
}
