/**
 * Backup and restore in a real browser: the tracker's Backup page saves a file that holds every
 * record, "Import backup" reads it back with a preview, refuses a broken file in plain words
 * without changing anything, and the reminder shows after 30 unsaved days and turns off.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBackupText, type BackupDocument } from '../../lib/backup';
import { realisticDataset } from '../unit/backup-fixtures';
import {
  clearDatabase,
  eventually,
  expectNoA11yViolations,
  readStore,
  seedDatabase,
  type ExtensionBrowser,
} from './harness';
import { sharedExtensionBrowser } from './support/shared-browser';
import { captureDownloads, clickText, lastDownload } from './page-actions';

const DAY = 86_400_000;

async function counts(page: Page): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const store of ['students', 'calendars', 'services', 'sessions', 'letters', 'profile'])
    result[store] = (await readStore(page, store)).length;
  return result;
}

/** The file input labelled exactly "Import backup" (the contract other parts rely on). */
async function importControl(page: Page) {
  const input = await page.waitForSelector('input[type="file"]');
  expect(
    await input!.evaluate((el) =>
      Array.from((el as HTMLInputElement).labels ?? []).map((label) => label.textContent?.trim()),
    ),
  ).toEqual(['Import backup']);
  return input as unknown as { uploadFile(path: string): Promise<void> } & typeof input;
}

async function textOf(page: Page, selector: string): Promise<string> {
  const element = await page.waitForSelector(selector);
  return element!.evaluate((node) => node.textContent ?? '');
}

describe('backup and restore', () => {
  let ext: ExtensionBrowser;
  let page: Page;
  let folder: string;
  const data = realisticDataset();

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'iep-backup-e2e-'));
    // The shared browser's install has settled: its first-run setup tab is closed.
    ext = await sharedExtensionBrowser();
    const seeding = await ext.openExtensionPage('tracker.html#/backup');
    await seedDatabase(seeding, data);
    await seeding.close();
    page = await ext.openExtensionPage('tracker.html#/backup');
    await page.bringToFront();
    await importControl(page);
  });
  afterAll(async () => {
    await ext?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  let saved: string;

  it('saves a backup file with every record, and records when', async () => {
    await captureDownloads(page);
    expect(await textOf(page, '[data-testid="last-backup"]')).toMatch(/Last backup of everything/);
    await clickText(page, 'button', 'Save backup file');
    saved = await lastDownload(page);
    const parsed = parseBackupText(saved);
    expect(parsed.ok).toBe(true);
    const backup = (parsed as { backup: BackupDocument }).backup;
    expect(backup.data.sessions).toHaveLength(data.sessions.length);
    expect(backup.data.students.map((s) => s.name).sort()).toEqual([
      'Eli Whitfield',
      'Maya Whitfield',
    ]);
    await page.waitForFunction(() =>
      /^Saved montana-iep-advocate-backup-\d{4}-\d\d-\d\d\.json with \d+ records\.$/.test(
        document.querySelector('[data-testid="backup-status"]')?.textContent ?? '',
      ),
    );
    const [settings] = await readStore<{ lastBackupAt: number }>(page, 'settings');
    expect(Date.now() - settings!.lastBackupAt).toBeLessThan(60_000);
    await expectNoA11yViolations(page);
  });

  it('restores everything from the file after the browser lost it', async () => {
    await clearDatabase(page);
    // A fresh page, as after a browser reset (seeding and clearing bypass the live queries).
    await page.close();
    page = await ext.openExtensionPage('tracker.html#/backup');
    await page.bringToFront();
    expect((await counts(page)).sessions).toBe(0);
    const file = join(folder, 'backup.json');
    writeFileSync(file, saved);

    const input = await importControl(page);
    await input.uploadFile(file);
    const summary = await textOf(page, '[data-testid="import-summary"]');
    const total = data.sessions.length + data.students.length + data.calendars.length;
    expect(summary).toMatch(/^Adds [\d,]+ records\. Nothing in the file is already here\.$/);
    expect(Number(summary.match(/Adds ([\d,]+)/)![1]!.replace(/,/g, ''))).toBeGreaterThan(total);
    await expectNoA11yViolations(page);

    await clickText(page, 'button[type="submit"]', 'Import');
    await page.waitForFunction(() =>
      (document.querySelector('[data-testid="backup-status"]')?.textContent ?? '').startsWith(
        'Imported backup.json.',
      ),
    );
    expect(await counts(page)).toEqual({
      students: data.students.length,
      calendars: data.calendars.length,
      services: data.services.length,
      sessions: data.sessions.length,
      letters: data.letters.length,
      profile: 1,
    });
  });

  it('replace-all asks for confirmation, shows what is removed, and leaves exactly the file', async () => {
    const file = join(folder, 'backup.json');
    const input = await importControl(page);
    await input.uploadFile(file);
    // Choose the mode once the file's own preview is shown, as a parent who reads it does: a click
    // while "Counting…" turns into the table can land where the label was a moment before.
    await page.waitForSelector('[data-testid="import-summary"]');
    await clickText(page, 'label', 'Replace everything here with the file');
    await page.waitForSelector('input[type="radio"][value="replace-all"]:checked');
    await eventually(async () => {
      // The whole import form, so a failure says which mode and preview the page shows.
      const form = await page.$eval('form', (f) => (f as HTMLElement).innerText).catch(() => '');
      expect(form).toMatch(/Removes the [\d,]+ records now in this browser/);
      return true;
    }, 'the replace-all preview');
    const submit = await page.waitForSelector('button[type="submit"]');
    expect(await submit!.evaluate((b) => (b as HTMLButtonElement).disabled)).toBe(true);
    await clickText(
      page,
      'label',
      'I understand: everything now in this browser is removed first.',
    );
    await page.waitForFunction(
      () => !(document.querySelector('button[type="submit"]') as HTMLButtonElement).disabled,
    );
    await submit!.click();
    await page.waitForFunction(() =>
      (document.querySelector('[data-testid="backup-status"]')?.textContent ?? '').startsWith(
        'Imported backup.json. Removed',
      ),
    );
    expect((await counts(page)).sessions).toBe(data.sessions.length);
  });

  it('refuses a broken file, names the record and field, and changes nothing', async () => {
    const broken = JSON.parse(saved) as BackupDocument;
    const index = broken.data.sessions.findIndex((s) => s.status === 'delivered');
    broken.data.sessions[index]!.minutesDelivered = -5;
    const file = join(folder, 'broken.json');
    writeFileSync(file, JSON.stringify(broken));
    const before = await counts(page);

    const input = await importControl(page);
    await input.uploadFile(file);
    const alert = await textOf(page, '[role="alert"]');
    expect(alert).toContain('Nothing was imported from broken.json.');
    expect(alert).toContain(
      `Session ${index + 1} (${broken.data.sessions[index]!.date}), minutes delivered: Minutes cannot be negative.`,
    );
    expect(await input!.evaluate((el) => el.getAttribute('aria-invalid'))).toBe('true');
    expect(await counts(page)).toEqual(before);
    await expectNoA11yViolations(page);

    // Another file name: choosing the same path again fires no change event.
    const other = join(folder, 'other.json');
    writeFileSync(other, '{"format":"something-else"}');
    await input.uploadFile(other);
    await page.waitForFunction(() =>
      (document.querySelector('[role="alert"]')?.textContent ?? '').includes(
        'It is not a Montana IEP Advocate backup.',
      ),
    );
    expect(await counts(page)).toEqual(before);
  });

  it('reminds after 30 days of unsaved entries, and the reminder turns off', async () => {
    const now = Date.now();
    await seedDatabase(page, {
      settings: {
        id: 'settings',
        currentStudentId: 'stu-maya',
        setupDone: true,
        lastBackupAt: now - 45 * DAY,
        backupReminders: true,
        namesInNotifications: false,
      },
      sessions: [{ ...data.sessions[0]!, id: 'added-after-the-backup', createdAt: now - 2 * DAY }],
    });
    // Seeding bypasses the page's live queries: load the tracker afresh.
    await page.close();
    page = await ext.openExtensionPage('tracker.html#/gaps');
    await page.bringToFront();
    const reminder = await page.waitForSelector('aside[aria-label="Backup reminder"]');
    expect(await reminder!.evaluate((el) => el.textContent)).toMatch(
      /^Your last backup file is 45 days old, and you added \d+ entr(y|ies) since\./,
    );
    await expectNoA11yViolations(page);
    await clickText(page, 'button', 'Turn off backup reminders');
    await page.waitForFunction(() => !document.querySelector('.backup-reminder'));
    const [settings] = await readStore<{ backupReminders: boolean }>(page, 'settings');
    expect(settings!.backupReminders).toBe(false);
  });
});
