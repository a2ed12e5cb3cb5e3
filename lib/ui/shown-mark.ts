/**
 * `performance.mark(name)` the first time a view is in the page (before the browser paints it),
 * for `npm run bench`, which times a page's first useful screen to it (tests/bench/).
 */
import { useLayoutEffect } from 'preact/hooks';

export function useFirstShownMark(name: string): void {
  useLayoutEffect(() => {
    if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
  }, [name]);
}
