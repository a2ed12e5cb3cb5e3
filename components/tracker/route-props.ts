/**
 * What every tracker page receives from the tracker shell (entrypoints/tracker). Kept here, beside
 * the pages, so a page never imports from an entrypoint.
 */
import type { AdvocateDatabase } from '../../lib/db';
import type { IsoDate } from '../../lib/dates';

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
