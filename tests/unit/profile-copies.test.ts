/**
 * The names a letter may be copied to (principal, case manager, cooperative and its director)
 * were added to "Your details" after the first release. Profiles saved before, and backups made
 * before, must still read: the new fields read as empty, nothing else changes.
 */
import { describe, expect, it } from 'vitest';
import { exportBackup, parseBackupText, problemText, serializeBackup } from '../../lib/backup';
import { getProfile, saveProfile } from '../../lib/db';
import { emptyProfile, profileSchema } from '../../lib/model';
import { fillDatabase, freshDatabase, realisticDataset } from './backup-fixtures';

const NEW_FIELDS = ['principalName', 'caseManagerName', 'coopName', 'coopDirectorName'] as const;

/** A profile as the previous release stored it: without the new fields. */
function oldProfile(): Record<string, unknown> {
  const profile: Record<string, unknown> = { ...realisticDataset().profile };
  for (const field of NEW_FIELDS) delete profile[field];
  return profile;
}

describe('the names to copy on letters', () => {
  it('are empty in a new profile and optional in the schema', () => {
    for (const field of NEW_FIELDS) expect(emptyProfile[field]).toBe('');
    const parsed = profileSchema.parse(oldProfile());
    for (const field of NEW_FIELDS) expect(parsed[field]).toBe('');
  });

  it('read as empty from a profile stored before they existed', async () => {
    const db = freshDatabase();
    await db.profile.put(oldProfile() as never);
    const profile = await getProfile(db);
    for (const field of NEW_FIELDS) expect(profile[field]).toBe('');
    expect(profile.parentName).toBe('Dana Whitfield');
  });

  it('are saved, backed up and read back', async () => {
    const db = freshDatabase();
    await fillDatabase(db, realisticDataset());
    await saveProfile(db, {
      ...(await getProfile(db)),
      principalName: 'Pat Lee',
      coopName: 'Central Montana Cooperative',
    });
    const text = serializeBackup(await exportBackup(db, { now: 0 }));
    const result = parseBackupText(text);
    if (!result.ok) throw new Error(result.problems.map(problemText).join('\n'));
    expect(result.backup.data.profile).toMatchObject({
      principalName: 'Pat Lee',
      coopName: 'Central Montana Cooperative',
      caseManagerName: '',
    });
  });

  it('are not needed in a backup made before they existed', async () => {
    const db = freshDatabase();
    await fillDatabase(db, realisticDataset());
    const doc = JSON.parse(serializeBackup(await exportBackup(db, { now: 0 })));
    doc.data.profile = oldProfile();
    const result = parseBackupText(JSON.stringify(doc));
    if (!result.ok) throw new Error(result.problems.map(problemText).join('\n'));
    for (const field of NEW_FIELDS) expect(result.backup.data.profile?.[field]).toBe('');
  });

  it('say which name is too long, in plain words', () => {
    const result = profileSchema.safeParse({ ...emptyProfile, principalName: 'x'.repeat(201) });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      "The principal's name must be 200 characters or fewer.",
    );
  });
});
