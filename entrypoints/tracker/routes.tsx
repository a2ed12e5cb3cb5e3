/**
 * The tracker page's hash routes (tracker.html#/log, #/gaps, …). Each route is one page
 * component; the shell in ./main.tsx renders the nav from this list and the matching component.
 *
 * Adding a route (other features do this): import your component and push one entry below.
 * Paths are exact ("/letters"); a route with `hidden: true` is reachable but not in the nav.
 */
import type { ComponentType } from 'preact';
import type { TrackerRouteProps } from '../../components/tracker/route-props';
import { SetupPage } from '../../components/setup/SetupPage';
import { GapsPage } from '../../components/gap/GapsPage';
import { LogPage } from '../../components/log/LogPage';
import { ServicesPage } from '../../components/services/ServicesPage';
import { StudentsPage } from '../../components/students/StudentsPage';
import { CalendarPage } from '../../components/calendar/CalendarPage';
import { ProfilePage } from '../../components/profile/ProfilePage';
import { LettersPage } from '../../components/correspondence/LettersPage';
import { BackupPage } from '../../components/backup/BackupPage';
import { DistrictPage } from '../../components/district/DistrictPage';

export interface TrackerRoute {
  /** Hash path, starting with "/": tracker.html#/log has path "/log". */
  path: string;
  /** Short title: the nav link's text, the page's h1 and part of document.title. */
  title: string;
  component: ComponentType<TrackerRouteProps>;
  /** Reachable by URL but left out of the nav (the first-run setup). */
  hidden?: boolean;
}

export const routes: TrackerRoute[] = [
  { path: '/gaps', title: 'Gaps', component: GapsPage },
  { path: '/log', title: 'Session log', component: LogPage },
  { path: '/letters', title: 'Letters', component: LettersPage },
  { path: '/district', title: 'District records', component: DistrictPage },
  { path: '/services', title: 'Services', component: ServicesPage },
  { path: '/students', title: 'Students', component: StudentsPage },
  { path: '/calendar', title: 'School calendar', component: CalendarPage },
  { path: '/profile', title: 'Your details', component: ProfilePage },
  { path: '/backup', title: 'Backup', component: BackupPage },
  { path: '/setup', title: 'Set up', component: SetupPage, hidden: true },
];

/** The route shown for an empty or unknown hash. */
export const DEFAULT_ROUTE_PATH = '/gaps';

export function findRoute(path: string): TrackerRoute | undefined {
  return routes.find((route) => route.path === path);
}
