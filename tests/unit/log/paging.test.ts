/**
 * The Log page's keyset chunks (lib/log/paging.ts): read one after another, each starting past
 * the previous one's last date, they give exactly filterAndSortLog of the student's whole log,
 * in both date orders, for any filters, with dates shared by many entries (a chunk never splits
 * a date), and re-reading a chunk once its end is fixed gives the same rows. countLog counts
 * what the filters pass.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../../lib/dates';
import type { AdvocateDatabase } from '../../../lib/db';
import { filterAndSortLog, NO_LOG_FILTERS, type LogFilters } from '../../../lib/log/filter';
import { countLog, readLogChunk } from '../../../lib/log/paging';
import { MISSED_REASONS, type SessionEntry } from '../../../lib/model';
import { freshDatabase } from '../backup-fixtures';

const BASE = '2025-09-01';

/** Few dates, so many entries share one; some belong to another student. */
const entryArb = fc
  .record({
    student: fc.constantFrom('stu', 'stu', 'stu', 'other'),
    serviceId: fc.constantFrom('a', 'b'),
    offset: fc.integer({ min: 0, max: 6 }),
    status: fc.constantFrom('delivered', 'partial', 'missed' as const),
    reason: fc.constantFrom(...MISSED_REASONS),
    createdAt: fc.integer({ min: 0, max: 50 }),
  })
  .map((e): Omit<SessionEntry, 'id'> => ({
    studentId: e.student,
    serviceId: e.student === 'stu' ? e.serviceId : `x-${e.serviceId}`,
    date: addDays(BASE, e.offset),
    status: e.status,
    minutesDelivered: e.status === 'delivered' ? 30 : e.status === 'partial' ? 10 : 0,
    scheduledMinutes: 30,
    reason: e.status === 'delivered' ? null : e.reason,
    makeUp: false,
    note: '',
    createdAt: e.createdAt,
  }));

const dateArb = fc.option(
  fc.integer({ min: -1, max: 7 }).map((offset) => addDays(BASE, offset)),
  { nil: '' },
);
const filtersArb: fc.Arbitrary<LogFilters> = fc.record({
  serviceId: fc.constantFrom('', 'a', 'b'),
  status: fc.constantFrom('', 'missed', 'delivered'),
  reason: fc.constantFrom('', MISSED_REASONS[0]!),
  from: dateArb,
  to: dateArb,
});

let db: AdvocateDatabase | null = null;
afterEach(() => {
  db?.close();
  db = null;
});

async function seeded(entries: Omit<SessionEntry, 'id'>[]): Promise<AdvocateDatabase> {
  db?.close();
  db = freshDatabase();
  await db.sessions.bulkPut(entries.map((entry, i) => ({ ...entry, id: `e${i}` })));
  return db;
}

describe('log paging', () => {
  it('chunks joined equal the whole log filtered and sorted, both date orders', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(entryArb, { maxLength: 40 }),
        filtersArb,
        fc.boolean(),
        fc.integer({ min: 1, max: 6 }),
        async (entries, filters, descending, limit) => {
          const database = await seeded(entries);
          const all = await database.sessions.toArray();
          const mine = all.filter((entry) => entry.studentId === 'stu');
          const sort = { key: 'date' as const, descending };
          const expected = filterAndSortLog(mine, filters, sort, new Map());
          const joined: SessionEntry[] = [];
          let after: string | null = null;
          for (let chunks = 0; chunks <= 50; chunks++) {
            const chunk = await readLogChunk(
              database,
              'stu',
              filters,
              { descending, after, through: null },
              limit,
            );
            joined.push(...chunk.entries);
            if (chunk.last !== null) {
              // The date is never split: nothing of the last date lies past the chunk.
              const fixed = await readLogChunk(
                database,
                'stu',
                filters,
                { descending, after, through: chunk.last },
                limit,
              );
              expect(fixed).toEqual(chunk);
            }
            if (chunk.complete) break;
            expect(chunk.entries.length).toBeGreaterThanOrEqual(limit);
            after = chunk.last;
          }
          expect(joined.map((entry) => entry.id)).toEqual(expected.map((entry) => entry.id));
          expect(await countLog(database, 'stu', filters)).toBe(expected.length);
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);

  it('takes the whole of a date shared past the limit, and the next chunk starts after it', async () => {
    const day = (offset: number, createdAt: number) => ({
      studentId: 'stu',
      serviceId: 'a',
      date: addDays(BASE, offset),
      status: 'delivered' as const,
      minutesDelivered: 30,
      scheduledMinutes: 30,
      reason: null,
      makeUp: false,
      note: '',
      createdAt,
    });
    const database = await seeded([day(3, 1), day(2, 1), day(2, 3), day(2, 2), day(1, 1)]);
    const chunk = { descending: true, after: null, through: null };
    const first = await readLogChunk(database, 'stu', NO_LOG_FILTERS, chunk, 2);
    // Newest first; on the shared date, the entry made last comes first.
    expect(first.entries.map((e) => [e.date, e.createdAt])).toEqual([
      ['2025-09-04', 1],
      ['2025-09-03', 3],
      ['2025-09-03', 2],
      ['2025-09-03', 1],
    ]);
    expect(first).toMatchObject({ last: '2025-09-03', complete: false });
    const next = await readLogChunk(
      database,
      'stu',
      NO_LOG_FILTERS,
      { ...chunk, after: first.last },
      2,
    );
    expect(next).toMatchObject({ last: '2025-09-02', complete: true });
    expect(next.entries).toHaveLength(1);
    expect(await countLog(database, 'stu', NO_LOG_FILTERS)).toBe(5);
  });
});
