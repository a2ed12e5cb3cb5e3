/**
 * Backup and restore (docs/backup-format.md).
 *
 *   exportBackup(db, { studentId?, now })      → BackupDocument (everything, or one student)
 *   serializeBackup(doc), backupFileName(today) → the file's text and name
 *   parseBackupText(text)                       → checked (and upgraded) document, or problems
 *   previewImport(db, doc, mode)                → counts: new / duplicates / replaced / removed
 *   importBackup(db, doc, mode)                 → all written in one transaction, or nothing
 *   readBackupReminder(db, now)                 → whether to suggest saving a backup
 *
 * Every problem is a BackupProblem in plain words; problemText() gives the line to show.
 */
export * from './schema';
export * from './problems';
export * from './parse';
export * from './upgrade';
export * from './export';
export * from './import';
export * from './reminder';
