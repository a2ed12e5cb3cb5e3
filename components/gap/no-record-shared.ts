/** What the "no record" actions, form and review share. */
import type { AdvocateDatabase } from '../../lib/db';
import type { ServiceGap } from '../../lib/gap';
import type { SchoolCalendar, Service } from '../../lib/model';

export interface NoRecordActionsProps {
  db: AdvocateDatabase;
  service: Service;
  gap: ServiceGap;
  calendar: SchoolCalendar;
}

/** The periods of a gap, in words: "Which weeks". */
export const UNIT_WORDS = { day: 'days', week: 'weeks', month: 'months' } as const;
