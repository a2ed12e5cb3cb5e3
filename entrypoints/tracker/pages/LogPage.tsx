import type { TrackerRouteProps } from '../routes';

export function LogPage(_props: TrackerRouteProps) {
  return <p>Loading…</p>;
}
