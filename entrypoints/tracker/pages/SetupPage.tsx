import type { TrackerRouteProps } from '../routes';

export function SetupPage(_props: TrackerRouteProps) {
  return <p>Loading…</p>;
}
