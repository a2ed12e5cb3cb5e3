import type { TrackerRouteProps } from '../routes';

export function CalendarPage(_props: TrackerRouteProps) {
  return <p>Loading…</p>;
}
