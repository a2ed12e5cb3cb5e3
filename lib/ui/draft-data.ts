/**
 * What the letter page and the picker write a draft from, live (issue 15): the student's data
 * without the whole log (lib/db loadDraftInputs) and their gaps from the gap cache, filled the
 * way the popup fills it (useStudentGaps) when it does not answer for today. The draft context
 * takes these gaps (lib/drafts buildDraftContext's `gaps`), so the same drafts come out as from
 * the whole log, without reading it.
 */
import type { IsoDate } from '../dates';
import { loadDraftInputs, type AdvocateDatabase, type DraftInputs } from '../db';
import type { ServiceGap } from '../gap';
import { useLiveQuery } from './live-query';
import { useStudentGaps, type Computed } from './students';

export interface DraftData extends DraftInputs {
  /** Each service's gap as of today over its whole IEP (empty without a calendar). */
  gaps: ServiceGap[];
}

/**
 * undefined while loading (or while `today` is not known yet), null without the student. While
 * new gaps are worked out after a change, the last ones are kept, marked stale: the page keeps
 * its draft (and the editor its text) instead of going back to "Loading…".
 */
export function useDraftData(
  db: AdvocateDatabase,
  studentId: string | null,
  today: IsoDate | null,
): Computed<DraftData> | null | undefined {
  const inputs = useLiveQuery(
    () => (studentId ? loadDraftInputs(db, studentId) : null),
    [db, studentId],
  );
  const known = today && inputs?.calendar ? inputs : null;
  const gaps = useStudentGaps(db, known, today ?? '');
  if (!today || inputs === undefined) return undefined;
  if (inputs === null) return null;
  if (!inputs.calendar) return { value: { ...inputs, gaps: [] }, stale: false };
  return gaps ? { value: { ...inputs, gaps: gaps.value }, stale: gaps.stale } : undefined;
}
