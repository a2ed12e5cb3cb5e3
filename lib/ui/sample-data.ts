/**
 * "Load sample data": writes lib/sample's made-up student (calendar, services, a year of log
 * entries, letters) in one transaction, every record validated by lib/db's writes. The user's own
 * profile is kept if they already filled it in.
 */
import {
  getProfile,
  saveCalendar,
  saveLetter,
  saveProfile,
  saveService,
  saveSession,
  saveSettings,
  saveStudent,
  type AdvocateDatabase,
} from '../db';
import type { IsoDate } from '../dates';
import { buildSampleData } from '../sample';

export async function loadSampleData(
  db: AdvocateDatabase,
  today: IsoDate,
): Promise<{ studentName: string }> {
  const sample = buildSampleData(today);
  await db.transaction(
    'rw',
    [db.profile, db.settings, db.students, db.calendars, db.services, db.sessions, db.letters],
    async () => {
      const profile = await getProfile(db);
      if (!profile.parentName && !profile.email) await saveProfile(db, sample.profile);
      await saveCalendar(db, sample.calendar);
      for (const student of sample.students) await saveStudent(db, student);
      for (const service of sample.services) await saveService(db, service);
      for (const session of sample.sessions) await saveSession(db, session);
      for (const letter of sample.letters) await saveLetter(db, letter);
      const first = sample.students[0];
      await saveSettings(db, { setupDone: true, ...(first ? { currentStudentId: first.id } : {}) });
    },
  );
  return { studentName: sample.students.map((s) => s.name).join(', ') };
}
