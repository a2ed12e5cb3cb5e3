/** addStudent: the student, their new calendar if needed, and "shown now", together or not at all. */
import { afterEach, describe, expect, it } from 'vitest';
import { addStudent, getSettings, type AdvocateDatabase } from '../../lib/db';
import { freshDatabase } from './backup-fixtures';

const calendar = {
  id: 'cal-new',
  name: 'Lincoln Elementary 2026–2027',
  firstDay: '2026-08-26',
  lastDay: '2027-05-27',
  weekdays: [1, 2, 3, 4, 5],
  closures: [],
};

const student = {
  id: 'stu-1',
  name: '  Maya  ',
  school: 'Lincoln Elementary',
  district: '',
  grade: '3',
  calendarId: 'cal-new',
  createdAt: 1,
};

let db: AdvocateDatabase | null = null;
afterEach(() => {
  db?.close();
  db = null;
});

function open(): AdvocateDatabase {
  db = freshDatabase();
  return db;
}

describe('addStudent', () => {
  it('writes the student and the new calendar, and shows the student', async () => {
    const db = open();
    const saved = await addStudent(db, student, calendar);
    expect(saved.name).toBe('Maya');
    expect(await db.students.get('stu-1')).toEqual(saved);
    expect(await db.calendars.get('cal-new')).toMatchObject({ name: calendar.name });
    expect((await getSettings(db)).currentStudentId).toBe('stu-1');
  });

  it('shares an existing calendar and leaves it as it is', async () => {
    const db = open();
    await addStudent(db, student, calendar);
    const sibling = { ...student, id: 'stu-2', name: 'Eli' };
    await addStudent(db, sibling, { ...calendar, name: 'Not used' });
    expect(await db.calendars.count()).toBe(1);
    expect((await db.calendars.get('cal-new'))?.name).toBe(calendar.name);
    expect((await getSettings(db)).currentStudentId).toBe('stu-2');
  });

  it('writes nothing when the student is invalid', async () => {
    const db = open();
    await expect(addStudent(db, { ...student, name: '' }, calendar)).rejects.toThrow();
    expect(await db.students.count()).toBe(0);
    expect(await db.calendars.count()).toBe(0);
    expect((await getSettings(db)).currentStudentId).toBeNull();
  });

  it('writes nothing when the new calendar is invalid or is not the student’s', async () => {
    const db = open();
    await expect(addStudent(db, student, { ...calendar, weekdays: [] })).rejects.toThrow();
    await expect(addStudent(db, student, { ...calendar, id: 'cal-other' })).rejects.toThrow(
      /not the one the student refers to/,
    );
    expect(await db.students.count()).toBe(0);
    expect(await db.calendars.count()).toBe(0);
  });
});
