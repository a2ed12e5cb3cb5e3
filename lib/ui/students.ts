/** Live lists of students and the one the user picked (settings.currentStudentId). */
import {
  getSettings,
  listStudents,
  loadStudentData,
  saveSettings,
  type AdvocateDatabase,
  type StudentData,
} from '../db';
import type { Student } from '../model';
import { useLiveQuery } from './live-query';

export interface StudentChoice {
  students: Student[];
  /** The picked student's id; the first student when none was picked; null with no students. */
  currentId: string | null;
}

/** undefined while loading. */
export function useStudentChoice(db: AdvocateDatabase): StudentChoice | undefined {
  return useLiveQuery(async () => {
    const [students, settings] = await Promise.all([listStudents(db), getSettings(db)]);
    const picked = students.find((s) => s.id === settings.currentStudentId);
    return { students, currentId: picked?.id ?? students[0]?.id ?? null };
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
