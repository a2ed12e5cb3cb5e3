import type Dexie from 'dexie';

/**
 * Database schema versions. Never edit a released version: add a new one with an upgrade
 * function, and a test in tests/unit/db-upgrade.test.ts that fills the previous version with
 * realistic data, upgrades, and checks nothing is lost.
 *
 * Index notes: the popup reads one student's log through [studentId+date] and the gap engine
 * one service's through [serviceId+date], so 40,000 entries never need a full scan.
 */
export const SCHEMA_VERSION = 1;

export function applySchema(db: Dexie): void {
  db.version(1).stores({
    profile: 'id',
    settings: 'id',
    students: 'id, createdAt, calendarId',
    calendars: 'id',
    services: 'id, studentId',
    sessions: 'id, studentId, serviceId, [serviceId+date], [studentId+date], date',
    letters: 'id, studentId, status, sentDate',
  });
}
