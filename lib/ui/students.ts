/** Live lists of students and the one the user picked (settings.currentStudentId). */
import {
  getSettings,
  listServices,
  listSessionsForStudent,
  listStudents,
  loadStudentData,
  saveSettings,
  type AdvocateDatabase,
  type StudentData,
} from '../db';
import type { SchoolCalendar, Service, SessionEntry, Student } from '../model';
import { useLiveQuery } from './live-query';

export interface StudentChoice {
  students: Student[];
  /** The picked student's id; the first student when none was picked; null with no students. */
  currentId: string | null;
}

async function readStudentChoice(db: AdvocateDatabase): Promise<StudentChoice> {
  const [students, settings] = await Promise.all([listStudents(db), getSettings(db)]);
  const picked = students.find((s) => s.id === settings.currentStudentId);
  return { students, currentId: picked?.id ?? students[0]?.id ?? null };
}

/** undefined while loading. */
export function useStudentChoice(db: AdvocateDatabase): StudentChoice | undefined {
  return useLiveQuery(() => readStudentChoice(db), [db]);
}

/** What the gap engine needs for one student: no profile, no letters (their text can be long). */
export interface GapInputs {
  student: Student;
  calendar: SchoolCalendar | null;
  services: Service[];
  sessions: SessionEntry[];
}

export async function loadGapInputs(
  db: AdvocateDatabase,
  studentId: string,
): Promise<GapInputs | null> {
  return db.transaction('r', [db.students, db.calendars, db.services, db.sessions], async () => {
    const student = await db.students.get(studentId);
    if (!student) return null;
    const [calendar, services, sessions] = await Promise.all([
      db.calendars.get(student.calendarId),
      listServices(db, studentId),
      listSessionsForStudent(db, studentId),
    ]);
    return { student, calendar: calendar ?? null, services, sessions };
  });
}

/**
 * The student choice and the picked student's gap inputs in one live query: one round trip where
 * a page needs both at once (the popup, whose time to show the gaps is measured).
 */
export function useCurrentStudentView(
  db: AdvocateDatabase,
): { choice: StudentChoice; data: GapInputs | null } | undefined {
  return useLiveQuery(async () => {
    // The popup's time to show the gaps is measured: read the picked student's data while the
    // student list is read, instead of after it. A picked id that no longer exists falls back.
    const [choice, picked] = await Promise.all([
      readStudentChoice(db),
      getSettings(db).then((s) =>
        s.currentStudentId ? loadGapInputs(db, s.currentStudentId) : null,
      ),
    ]);
    if (choice.currentId === null) return { choice, data: null };
    const data =
      picked?.student.id === choice.currentId ? picked : await loadGapInputs(db, choice.currentId);
    return { choice, data };
  }, [db]);
}

export async function chooseStudent(db: AdvocateDatabase, studentId: string): Promise<void> {
  await saveSettings(db, { currentStudentId: studentId });
}

/** Everything about one student (lib/db's loadStudentData), live; undefined while loading. */
export function useStudentData(
  db: AdvocateDatabase,
  studentId: string | null,
): StudentData | null | undefined {
  return useLiveQuery(() => (studentId ? loadStudentData(db, studentId) : null), [db, studentId]);
}
