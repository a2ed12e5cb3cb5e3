/**
 * From the reader's drafts to saved services: the confirm rows keep the raw text the parent
 * edits, a row is checked with the service schema (plain messages per field), and "Add these
 * services" saves all rows and the student in one transaction, or nothing.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type AdvocateDatabase } from '../../../lib/db';
import { saveServices } from '../../../lib/db/services-import';
import { checkRow, rowFromDraft, schoolWeeksOf } from '../../../lib/iep-import/confirm';
import { readIepText } from '../../../lib/iep-import';
import { TAB_PASTE } from '../../fixtures/iep/make-pdfs';
import type { SchoolCalendar, Student } from '../../../lib/model';

const calendar: SchoolCalendar = {
  id: 'cal',
  name: 'Clancy',
  firstDay: '2025-09-02',
  lastDay: '2026-06-04',
  weekdays: [1, 2, 3, 4],
  closures: [{ start: '2025-12-22', end: '2026-01-02', label: 'Winter break' }],
};
const student: Student = {
  id: 'student-1',
  name: 'Riley',
  school: '',
  district: '',
  grade: '',
  homeAddress: '',
  calendarId: 'cal',
  createdAt: 1,
};
const fallback = { startDate: '2025-09-02', endDate: '2026-06-04' };

function rows() {
  return readIepText(TAB_PASTE, { schoolWeeks: 36, calendarKnown: true }).services.map((d, i) =>
    rowFromDraft(d, i, fallback),
  );
}

describe('confirm rows', () => {
  it('counts the school weeks in the calendar (a week with any school day counts)', () => {
    // Sep 1 week … Jun 1 week is 40 weeks; the two weeks of winter break have no school.
    expect(schoolWeeksOf(calendar)).toBe(38);
    expect(schoolWeeksOf(null)).toBe(36);
  });

  it('starts from what was read, as text the parent can edit', () => {
    expect(rows()[0]).toMatchObject({
      include: true,
      kind: 'occupational',
      label: 'Occupational Therapy',
      minutes: '60',
      period: 'week',
      sessions: '2',
      provider: 'Co-op OT',
      location: 'Special Ed Room',
      startDate: '2025-10-15',
      endDate: '2026-10-13',
    });
  });

  it('checks a row with the service schema', () => {
    const [row] = rows();
    const ok = checkRow(row!, student.id);
    expect(ok.ok && ok.service).toMatchObject({
      studentId: 'student-1',
      kind: 'occupational',
      minutes: 60,
      sessionsPerPeriod: 2,
      prorate: true,
    });
    const bad = checkRow(
      { ...row!, minutes: '', kind: '', endDate: '2025-01-01', sessions: 'two' },
      student.id,
    );
    expect(bad).toEqual({
      ok: false,
      errors: {
        kind: 'Pick one of the choices.',
        minutes: 'Enter a number. Enter the minutes, or leave this row out.',
        sessions: 'Enter a number.',
      },
    });
    const backwards = checkRow({ ...row!, endDate: '2025-01-01' }, student.id);
    expect(backwards.ok ? null : backwards.errors).toEqual({
      endDate: 'The end date must be on or after the start date.',
    });
  });
});

describe('saveServices', () => {
  let db: AdvocateDatabase | undefined;
  afterEach(async () => {
    await db?.delete();
  });

  it('saves every service and the student together, or nothing', async () => {
    db = openDatabase(`iep-import-${Math.random()}`, { indexedDB, IDBKeyRange });
    await db.students.put(student);
    const services = rows().map((row) => {
      const check = checkRow(row, student.id);
      if (!check.ok) throw new Error('row should be valid');
      return check.service;
    });
    await expect(
      saveServices(db, [...services, { ...(services[0] as object), minutes: 0 }], {
        ...student,
        school: 'Clancy School',
      }),
    ).rejects.toThrow();
    expect(await db.services.count()).toBe(0);
    expect((await db.students.get(student.id))?.school).toBe('');

    await saveServices(db, services, { ...student, school: 'Clancy School' });
    expect(await db.services.count()).toBe(2);
    expect((await db.students.get(student.id))?.school).toBe('Clancy School');
  });
});
