import type { TrackerRouteProps } from '../routes';

export function GapsPage(_props: TrackerRouteProps) {
  return <p>Loading…</p>;
}
