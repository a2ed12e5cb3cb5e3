/**
 * The tracker page's hash routes (tracker.html#/log, #/gaps, …). Each route is one page
 * component; the shell in ./main.tsx renders the nav from this list and the matching component.
 *
 * Adding a route (other features do this): import your component and push one entry below.
 * Paths are exact ("/letters"); a route with `hidden: true` is reachable but not in the nav.
 */
import type { ComponentType } from 'preact';
import type { AdvocateDatabase } from '../../lib/db';
import type { IsoDate } from '../../lib/dates';
import { SetupPage } from './pages/SetupPage';
import { GapsPage } from './pages/GapsPage';
import { LogPage } from './pages/LogPage';
import { ServicesPage } from './pages/ServicesPage';
import { StudentsPage } from './pages/StudentsPage';
import { CalendarPage } from './pages/CalendarPage';
import { ProfilePage } from './pages/ProfilePage';
import { LettersPage } from '../../components/correspondence/LettersPage';
import { BackupPage } from '../../components/backup/BackupPage';
import { DistrictPage } from '../../components/district/DistrictPage';

/** What every tracker route component receives. */
export interface TrackerRouteProps {
  /** The extension's open database (lib/db). Read with lib/ui/live-query's useLiveQuery. */
  db: AdvocateDatabase;
  /** Today's calendar date (injectable for tests), the "as of" date for gaps. */
  today: IsoDate;
  /** The student picked in the page header (settings.currentStudentId); null when there are none. */
  studentId: string | null;
  /** Goes to another route, for example navigate('/log'). */
  navigate: (path: string) => void;
}

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
