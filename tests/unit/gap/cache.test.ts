/**
 * The gap caches (lib/db/gap-cache.ts, lib/db/gap-views.ts) never answer differently from the
 * engine: for random logs, random district records and random edits through the app's own write
 * functions, the cached paths (the popup's gaps; the Gaps page's gaps, weekly series, district
 * series and side-by-side totals) equal a full recomputation from the database, before and after
 * each edit, cache hit or miss.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addSessions,
  computeGapViews,
  deleteService,
  deleteSession,
  listServices,
  listSessionsForStudent,
  saveCalendar,
  saveService,
  saveSession,
  saveStudent,
  listDistrictRecords,
  loadGapsPageInputs,
  studentGapViewsCached,
  studentGapsCached,
  type AdvocateDatabase,
} from '../../../lib/db';
import { DISTRICT_OUTCOMES, type DistrictRecord } from '../../../lib/model';
import { computeStudentGaps } from '../../../lib/gap';
import { loadPopupInputs } from '../../../lib/ui/students';
import type { IsoDate } from '../../../lib/dates';
import { freshDatabase } from '../backup-fixtures';
import { addDays } from '../../../lib/dates';
import { asOfArb, calendarArb, entryArb, serviceArb } from './arbitraries';

const STUDENT = {
  id: 'stu',
  name: 'Sam',
  school: '',
  district: '',
  grade: '',
  homeAddress: '',
  calendarId: 'cal',
  createdAt: 0,
};

/** The district's own log (issue 11): some of its records, for services 'a' and 'b'. */
const districtArb = fc
  .record({
    serviceId: fc.constantFrom('a', 'b'),
    offset: fc.integer({ min: -10, max: 360 }),
    outcome: fc.constantFrom(...DISTRICT_OUTCOMES),
    minutes: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null }),
    row: fc.integer({ min: 1, max: 10_000 }),
  })
  .map((r): DistrictRecord => ({
    id: `d${r.row}`,
    importId: 'imp',
    studentId: 'stu',
    serviceId: r.serviceId,
    date: addDays('2025-09-01', r.offset),
    outcome: r.outcome,
    minutesServed: r.minutes,
    code: '',
    serviceText: '',
    provider: '',
    position: '',
    note: '',
    row: r.row,
  }));

const editArb = fc.oneof(
  fc.record({ kind: fc.constant('save' as const), entry: entryArb }),
  fc.record({ kind: fc.constant('add' as const), entries: fc.array(entryArb, { maxLength: 5 }) }),
  fc.record({ kind: fc.constant('delete' as const), index: fc.nat() }),
  fc.record({ kind: fc.constant('service' as const), service: serviceArb }),
  fc.record({ kind: fc.constant('drop-service' as const), id: fc.constantFrom('a', 'b') }),
  fc.record({ kind: fc.constant('calendar' as const), calendar: calendarArb }),
  fc.record({ kind: fc.constant('other-student' as const), entry: entryArb }),
  fc.record({ kind: fc.constant('as-of' as const), asOf: asOfArb }),
  fc.record({ kind: fc.constant('district' as const), records: fc.array(districtArb) }),
  fc.record({ kind: fc.constant('drop-district' as const) }),
);
type Edit = typeof editArb extends fc.Arbitrary<infer T> ? T : never;

let db: AdvocateDatabase | null = null;
afterEach(() => {
  db?.close();
  db = null;
});

/** The engine run on everything in the database, without the cache. */
async function recompute(database: AdvocateDatabase, asOf: IsoDate) {
  const calendar = (await database.calendars.get('cal'))!;
  const services = await listServices(database, 'stu');
  const sessions = await listSessionsForStudent(database, 'stu');
  return computeStudentGaps(services, calendar, sessions, asOf);
}

/** The Gaps page's views computed from everything in the database, without a cache. */
async function recomputeViews(database: AdvocateDatabase, asOf: IsoDate) {
  const calendar = (await database.calendars.get('cal'))!;
  const services = await listServices(database, 'stu');
  const sessions = await listSessionsForStudent(database, 'stu');
  const records = await listDistrictRecords(database, 'stu');
  return computeGapViews(services, calendar, sessions, records, asOf);
}

async function apply(database: AdvocateDatabase, edit: Edit): Promise<void> {
  switch (edit.kind) {
    case 'save':
      await saveSession(database, edit.entry);
      return;
    case 'add':
      // An id already in the log fails the whole write (and so leaves the cache as it was).
      await addSessions(database, edit.entries).catch(() => undefined);
      return;
    case 'delete': {
      const ids = await database.sessions.toCollection().primaryKeys();
      if (ids.length > 0) await deleteSession(database, ids[edit.index % ids.length]!);
      return;
    }
    case 'service':
      await saveService(database, edit.service);
      return;
    case 'drop-service':
      await deleteService(database, edit.id);
      return;
    case 'calendar':
      await saveCalendar(database, edit.calendar);
      return;
    case 'other-student':
      await saveSession(database, { ...edit.entry, id: `x-${edit.entry.id}`, studentId: 'other' });
      return;
    case 'district':
      await database.districtRecords.bulkPut(edit.records);
      return;
    case 'drop-district':
      await database.districtRecords.clear();
      return;
    case 'as-of':
      return;
  }
}

describe('gap cache', () => {
  it('equals a full recomputation for random logs and random edits', async () => {
    await fc.assert(
      fc.asyncProperty(
        calendarArb,
        fc.uniqueArray(serviceArb, { selector: (s) => s.id, maxLength: 2 }),
        fc.array(entryArb, { maxLength: 40 }),
        fc.array(districtArb, { maxLength: 20 }),
        asOfArb,
        fc.array(editArb, { minLength: 1, maxLength: 6 }),
        async (calendar, services, entries, district, firstAsOf, edits) => {
          db?.close();
          db = freshDatabase();
          await saveCalendar(db, calendar);
          await saveStudent(db, STUDENT);
          for (const service of services) await saveService(db, service);
          for (const entry of entries) await saveSession(db, entry);
          await db.districtRecords.bulkPut(district);
          let asOf = firstAsOf;
          for (const edit of [...edits, null]) {
            const expected = await recompute(db, asOf);
            // A miss computes and stores; the second call answers from the stored record.
            expect((await studentGapsCached(db, 'stu', asOf))?.gaps).toEqual(expected);
            expect(await db.gapCache.get('stu')).toMatchObject({ asOf, gaps: expected });
            expect((await studentGapsCached(db, 'stu', asOf))?.gaps).toEqual(expected);
            // The Gaps page's views, from either cache state (the gaps cached or not).
            const views = await recomputeViews(db, asOf);
            expect(await studentGapViewsCached(db, 'stu', asOf)).toEqual(views);
            expect(await studentGapViewsCached(db, 'stu', asOf)).toEqual(views);
            if (edit === null) break;
            if (edit.kind === 'as-of') asOf = edit.asOf;
            await apply(db, edit);
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);

  it('is emptied by a write to the log, in the same transaction', async () => {
    db = freshDatabase();
    const [calendar] = fc.sample(calendarArb, { numRuns: 1, seed: 7 });
    const [service] = fc.sample(serviceArb, { numRuns: 1, seed: 7 });
    await saveCalendar(db, calendar);
    await saveStudent(db, STUDENT);
    await saveService(db, service);
    await studentGapsCached(db, 'stu', calendar!.lastDay);
    expect(await db.gapCache.count()).toBe(1);
    await db.transaction('rw', db.sessions, async () => {
      await db!.sessions.put({ ...fc.sample(entryArb, { numRuns: 1, seed: 7 })[0]! });
      // Inside the writing transaction the record is already gone.
      expect(await db!.gapCache.count()).toBe(0);
    });
    expect(await db.gapCache.count()).toBe(0);
  });

  it('the pages read the student, their calendar, services and cached records in one go', async () => {
    db = freshDatabase();
    const [calendar] = fc.sample(calendarArb, { numRuns: 1, seed: 3 });
    const services = fc.sample(serviceArb, { numRuns: 2, seed: 3 }).map((s, i) => ({
      ...s,
      id: `svc${i}`,
    }));
    await saveCalendar(db, { ...calendar!, id: 'cal' });
    await saveStudent(db, STUDENT);
    for (const service of services) await saveService(db, service);
    await studentGapViewsCached(db, 'stu', calendar!.lastDay);
    const stored = {
      student: await db.students.get('stu'),
      calendar: await db.calendars.get('cal'),
      services: await listServices(db, 'stu'),
      cached: await db.gapCache.get('stu'),
    };
    expect(stored.cached).toBeDefined();
    expect(await loadPopupInputs(db, 'stu')).toEqual(stored);
    expect(await loadGapsPageInputs(db, 'stu')).toEqual({
      ...stored,
      views: await db.gapViews.get('stu'),
    });
    expect(await loadPopupInputs(db, 'nobody')).toBeNull();
    expect(await loadGapsPageInputs(db, 'nobody')).toBeNull();
    // A student whose calendar is gone: the pages ask for one instead of failing.
    await db.calendars.delete('cal');
    expect((await loadPopupInputs(db, 'stu'))?.calendar).toBeNull();
    expect((await loadGapsPageInputs(db, 'stu'))?.calendar).toBeNull();
  });
});
