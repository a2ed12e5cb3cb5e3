/**
 * The single-record saves of lib/db: each validates with its lib/model schema, writes nothing
 * when the record is not valid (zod's error, with the schema's own message), and stores and
 * returns the parsed record (text trimmed, defaults filled) when it is.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { saveLetter, saveSession, saveStudent, type AdvocateDatabase } from '../../lib/db';
import { freshDatabase } from './backup-fixtures';

const entry = {
  id: 'entry-1',
  studentId: 'stu',
  serviceId: 'svc',
  date: '2026-10-05',
  status: 'missed',
  minutesDelivered: 0,
  scheduledMinutes: 30,
  reason: 'provider-vacancy',
  makeUp: false,
  note: '  no SLP  ',
  createdAt: 1,
};

let db: AdvocateDatabase | null = null;
afterEach(() => {
  db?.close();
  db = null;
});

describe('saving one record', () => {
  it('stores and returns the parsed record', async () => {
    db = freshDatabase();
    const saved = await saveSession(db, entry);
    expect(saved.note).toBe('no SLP');
    expect(await db.sessions.get('entry-1')).toEqual(saved);
  });

  it("writes nothing when the record is not valid, with the schema's message", async () => {
    db = freshDatabase();
    const error = await saveSession(db, { ...entry, reason: null }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues.map((i) => i.message)).toContain(
      'Pick a reason for the missed minutes.',
    );
    await expect(saveSession(db, { ...entry, date: '2026-02-30' })).rejects.toThrow(/real date/);
    expect(await db.sessions.count()).toBe(0);
  });

  it('replaces the record with the same id', async () => {
    db = freshDatabase();
    await saveSession(db, entry);
    await saveSession(db, { ...entry, status: 'delivered', reason: null, minutesDelivered: 30 });
    expect((await db.sessions.toArray()).map((e) => [e.id, e.status])).toEqual([
      ['entry-1', 'delivered'],
    ]);
  });

  it('validates each kind of record with its own schema', async () => {
    db = freshDatabase();
    await expect(saveStudent(db, { ...entry })).rejects.toBeInstanceOf(ZodError);
    await expect(saveLetter(db, { id: 'letter-1' })).rejects.toBeInstanceOf(ZodError);
    expect(await db.students.count()).toBe(0);
    expect(await db.letters.count()).toBe(0);
  });
});
