import type { TrackerRouteProps } from '../routes';

export function ServicesPage(_props: TrackerRouteProps) {
  return <p>Loading…</p>;
}
