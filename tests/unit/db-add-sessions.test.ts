/** addSessions: several log entries validated and written together, or none at all. */
import { afterEach, describe, expect, it } from 'vitest';
import { addSessions, type AdvocateDatabase } from '../../lib/db';
import { freshDatabase } from './backup-fixtures';

const base = {
  studentId: 'stu',
  serviceId: 'svc',
  status: 'missed',
  minutesDelivered: 0,
  scheduledMinutes: 30,
  reason: 'provider-vacancy',
  makeUp: false,
  note: '',
  createdAt: 1,
};

let db: AdvocateDatabase | null = null;
afterEach(async () => {
  db?.close();
  db = null;
});

describe('addSessions', () => {
  it('writes every entry, validated', async () => {
    db = freshDatabase();
    const saved = await addSessions(db, [
      { ...base, id: 'a', date: '2026-10-05' },
      { ...base, id: 'b', date: '2026-10-06', note: '  no SLP  ' },
    ]);
    expect(saved.map((e) => e.id)).toEqual(['a', 'b']);
    expect((await db.sessions.get('b'))?.note).toBe('no SLP');
    expect(await db.sessions.count()).toBe(2);
  });

  it('writes nothing when one entry is not valid', async () => {
    db = freshDatabase();
    await expect(
      addSessions(db, [
        { ...base, id: 'a', date: '2026-10-05' },
        { ...base, id: 'b', date: '2026-02-30' },
      ]),
    ).rejects.toThrow(/real date/);
    expect(await db.sessions.count()).toBe(0);
  });

  it('writes nothing when an id is already in the log (one transaction)', async () => {
    db = freshDatabase();
    await addSessions(db, [{ ...base, id: 'a', date: '2026-10-05' }]);
    await expect(
      addSessions(db, [
        { ...base, id: 'c', date: '2026-10-06' },
        { ...base, id: 'a', date: '2026-10-07' },
      ]),
    ).rejects.toThrow();
    expect((await db.sessions.toArray()).map((e) => [e.id, e.date])).toEqual([['a', '2026-10-05']]);
  });
});
