import type { TrackerRouteProps } from '../routes';

export function StudentsPage(_props: TrackerRouteProps) {
  return <p>Loading…</p>;
}
