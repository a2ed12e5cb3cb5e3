import type { TrackerRouteProps } from '../routes';

export function ProfilePage(_props: TrackerRouteProps) {
  return <p>Loading…</p>;
}
