/** The one database connection of an extension page (popup, tracker, letter page). */
import { openDatabase, type AdvocateDatabase } from '../db';

let database: AdvocateDatabase | null = null;

export function getDatabase(): AdvocateDatabase {
  database ??= openDatabase();
  return database;
}

/**
 * Asks the browser to keep our IndexedDB through storage pressure, so the log survives. Called
 * once at setup; the answer only matters to the user if it is "no", which we cannot change.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  if (!navigator.storage?.persist) return false;
  try {
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return false;
  }
}
