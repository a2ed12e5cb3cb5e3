/**
 * What the letter page and the picker read (lib/db loadDraftInputs, oldestOwedMissedInWindow)
 * against the whole student's data (loadStudentData): for random tracker data stored in the
 * database, the log is read only with district records, the drafts from the filled gap cache
 * equal the drafts from the whole log, and the complaint checklist's oldest owed missed session
 * equals a scan of the whole log.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../lib/dates';
import {
  loadDraftInputs,
  loadStudentData,
  oldestOwedMissedInWindow,
  studentGapsCached,
  usableGapCache,
  type AdvocateDatabase,
} from '../../../lib/db';
import { owedStillInWindow } from '../../../lib/deadlines';
import { DRAFT_FORMS, buildDraftContext, draftKinds, renderDraft } from '../../../lib/drafts';
import type { DraftContextInput } from '../../../lib/drafts';
import { freshDatabase } from '../backup-fixtures';
import { contextInputArb, dateIn } from './arbitraries';

async function store(db: AdvocateDatabase, input: DraftContextInput): Promise<void> {
  const calendarId = input.calendar?.id ?? 'no-calendar';
  await db.transaction('rw', db.tables, async () => {
    if (input.profile) await db.profile.put(input.profile);
    if (input.calendar) await db.calendars.put(input.calendar);
    await db.students.put({ ...input.student!, calendarId });
    await db.services.bulkPut([...input.services]);
    await db.sessions.bulkPut([...input.sessions]);
    await db.letters.bulkPut([...input.letters]);
    await db.districtImports.bulkPut([...(input.districtImports ?? [])]);
    await db.districtRecords.bulkPut([...(input.districtRecords ?? [])]);
  });
}

const caseArb = contextInputArb.chain((input) =>
  fc.record({ input: fc.constant(input), today: fc.oneof(dateIn(10, 320), dateIn(300, 720)) }),
);

describe('the letter page and picker read', () => {
  it('only what the drafts need, and the same drafts come out', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ input, today }) => {
        const db = freshDatabase();
        try {
          await store(db, input);
          const id = input.student!.id;
          const whole = (await loadStudentData(db, id))!;
          const first = (await loadDraftInputs(db, id))!;
          const hasRecords = whole.districtRecords.length > 0;
          expect(first.sessions).toEqual(hasRecords ? whole.sessions : []);
          expect(first.cached).toBeNull();

          if (whole.calendar) await studentGapsCached(db, id, today);
          const filled = (await loadDraftInputs(db, id))!;
          const gaps = whole.calendar
            ? usableGapCache(filled.cached ?? undefined, today)!.gaps
            : [];
          const fromLog = buildDraftContext({ ...whole, today });
          const fromCache = buildDraftContext({ ...filled, gaps, today });
          for (const kind of draftKinds) {
            for (const form of DRAFT_FORMS) {
              expect(renderDraft(kind.id, fromCache, form), `${kind.id} ${form}`).toEqual(
                renderDraft(kind.id, fromLog, form),
              );
            }
          }

          const scanned = whole.sessions
            .filter((entry) => owedStillInWindow(entry, today))
            .map((entry) => entry.date)
            .sort()[0];
          expect(await oldestOwedMissedInWindow(db, id, today)).toBe(scanned ?? null);
          // A year and more after the log's last day, nothing is left inside its window.
          expect(await oldestOwedMissedInWindow(db, id, addDays(today, 800))).toBeNull();
        } finally {
          db.close();
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
