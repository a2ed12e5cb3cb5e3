/**
 * Adds several services at once (the IEP reader's "Add these services"), and optionally updates
 * the student, in one transaction: all are checked first, so one bad service saves nothing.
 *
 * A module of its own so only the tracker page, which uses it, carries it (lib/db's index is
 * shared with the popup).
 */
import { serviceSchema, studentSchema, type Service } from '../model';
import type { AdvocateDatabase } from './index';

export async function saveServices(
  db: AdvocateDatabase,
  services: readonly unknown[],
  student?: unknown,
): Promise<Service[]> {
  const valid = services.map((service) => serviceSchema.parse(service));
  const validStudent = student === undefined ? undefined : studentSchema.parse(student);
  await db.transaction('rw', db.services, db.students, async () => {
    await db.services.bulkPut(valid);
    if (validStudent) await db.students.put(validStudent);
  });
  return valid;
}
