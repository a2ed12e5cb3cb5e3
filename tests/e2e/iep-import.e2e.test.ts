/**
 * "Read from the IEP" in a real browser with the built extension: a PDF made with pdf-lib in the
 * Infinite Campus MT IEP layout goes through the file chooser, pdf.js reads it in its worker
 * (from the extension's own files, under the extension pages' CSP), the confirm table shows
 * every service with the text it came from, a row with no minutes stops the save with a message
 * and nothing is saved, then "Add these services" saves the ticked rows in one go, with the IEP's
 * dates the parent accepted for the student record (shown after on the student form). A scanned PDF
 * and a file that is not a PDF get plain messages, a tab-separated paste reads the same way, and
 * no network request is made throughout.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collectRequests,
  expectNoA11yViolations,
  readStore,
  seedDatabase,
  type ExtensionBrowser,
  type RequestCollector,
} from './harness';
import { sharedExtensionBrowser } from './support/shared-browser';
import { clickText } from './page-actions';
import { click, control, fieldState, openAt } from './ui-steps';
import { TAB_PASTE, infiniteCampusPdf, scannedPdf } from '../fixtures/iep/make-pdfs';
import { defaultSettings, type Service, type Student } from '../../lib/model';
import { iepReaderSeed } from '../fixtures/iep/seed-student';

const TODAY = '2025-10-17';

const seed = iepReaderSeed('iep');
const { calendar } = seed;
// Last year's IEP meeting date is saved: the reader offers this year's, unticked.
const student: Student = { ...seed.student, iepMeetingDate: '2024-09-05' };

async function waitForTestId(page: Page, testId: string): Promise<string> {
  const handle = await page.waitForSelector(`[data-testid="${testId}"]`, { timeout: 30_000 });
  return handle!.evaluate((el) => el.textContent ?? '');
}

/** The file input labelled "The IEP’s PDF file". */
async function fileInput(page: Page) {
  const input = await page.waitForSelector('input[type="file"]', { timeout: 10_000 });
  expect(
    await input!.evaluate((el) =>
      Array.from((el as HTMLInputElement).labels ?? []).map((label) => label.textContent),
    ),
  ).toEqual(['The IEP’s PDF file']);
  return input as unknown as ElementHandle<HTMLInputElement> & {
    uploadFile(path: string): Promise<void>;
  };
}

async function rows(page: Page) {
  return page.$$('[data-testid="iep-row"]');
}

async function openReader(page: Page) {
  await clickText(page, 'button', 'Read from the IEP');
  await fileInput(page);
}

describe('reading the services from the IEP', () => {
  let ext: ExtensionBrowser;
  let collector: RequestCollector;
  let page: Page;
  let folder: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'iep-import-e2e-'));
    writeFileSync(join(folder, 'mt-iep.pdf'), await infiniteCampusPdf());
    writeFileSync(join(folder, 'scanned-iep.pdf'), await scannedPdf());
    writeFileSync(join(folder, 'notes.pdf'), 'These are my notes, not a PDF.');
    ext = await sharedExtensionBrowser();
    collector = await collectRequests(ext.browser);
    const seeding = await ext.openExtensionPage('tracker.html#/services');
    await seedDatabase(seeding, {
      calendars: [calendar],
      students: [student],
      settings: { ...defaultSettings, currentStudentId: student.id, setupDone: true },
    });
    await seeding.close();
    page = await openAt(ext, 'tracker.html#/services', TODAY);
  });
  afterAll(async () => {
    await collector?.stop();
    await ext?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('reads an MT IEP PDF into the confirm table, with the source text beside each row', async () => {
    await openReader(page);
    await (await fileInput(page)).uploadFile(join(folder, 'mt-iep.pdf'));
    expect(await waitForTestId(page, 'iep-found')).toMatch(
      /^We found 4 services; 2 marked “Check this” need a look\./,
    );
    const found = await rows(page);
    expect(found).toHaveLength(4);
    const values = await Promise.all(
      found.map((row) =>
        row.evaluate((tr) =>
          Object.fromEntries(
            Array.from(
              tr.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-field]'),
            ).map((el) => [el.dataset.field, el.value]),
          ),
        ),
      ),
    );
    expect(values[1]).toEqual({
      kind: 'speech-language',
      label: 'Speech/Language Therapy',
      minutes: '60',
      period: 'week',
      sessions: '',
      delivery: 'direct',
      provider: 'SLP',
      location: 'Therapy Room',
      startDate: '2025-09-03',
      endDate: '2026-06-05',
    });
    expect(values.map((v) => [v.kind, v.minutes, v.period])).toEqual([
      ['reading', '150', 'week'],
      ['speech-language', '60', 'week'],
      // 90 minutes a quarter; the calendar has 41 school weeks, so a quarter is 10.25 weeks.
      ['occupational', '9', 'week'],
      ['counseling', '', 'week'],
    ]);
    const ot = await found[2]!.evaluate((tr) => tr.textContent ?? '');
    expect(ot).toContain('Check this');
    expect(ot).toContain('90 Minutes per Quarter');
    expect(ot).toContain('90 minutes over about 10.3 school weeks is 8.8 minutes per week');
    expect(await waitForTestId(page, 'iep-dates')).toContain('September 2, 2025');
    expect(await waitForTestId(page, 'iep-offers')).toContain(
      'Change your child’s name from “Jane Doe” to “Jane A. Doe”',
    );
    // Each field that differs, with its own box: empty ones ticked, filled ones not.
    const offers = await page.$$eval('[data-testid="iep-offers"] input[type="checkbox"]', (boxes) =>
      boxes.map((box) => [
        box.parentElement!.textContent!.trim(),
        (box as HTMLInputElement).checked,
      ]),
    );
    expect(offers).toEqual([
      ['Change your child’s name from “Jane Doe” to “Jane A. Doe”', false],
      ['Save school: “Broadwater Elementary”', true],
      ['Change the IEP meeting date from September 5, 2024 to September 2, 2025', false],
      ['Save the IEP start date: September 3, 2025', true],
      ['Save the annual review date: September 1, 2026', true],
    ]);
    await expectNoA11yViolations(page);
  });

  it('saves nothing while a ticked row has no minutes, and says which', async () => {
    await clickText(page, 'button', 'Add these services (4)');
    expect(await waitForTestId(page, 'iep-save-problem')).toBe(
      'One row needs a fix before anything is saved: see the messages in the table.',
    );
    const counseling = (await rows(page))[3]!;
    const minutes = await control(counseling, 'Minutes');
    expect(await fieldState(minutes)).toMatchObject({
      invalid: true,
      error: 'Enter a number. Enter the minutes, or leave this row out.',
    });
    // Focus went to the field to fix.
    expect(await minutes.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await readStore<Service>(page, 'services')).toEqual([]);
  });

  it('adds the ticked services in one go, with the ticked details; the name stays', async () => {
    await click(
      page,
      'Change the IEP meeting date from September 5, 2024 to September 2, 2025',
      'checkbox',
    );
    const counseling = (await rows(page))[3]!;
    await (await control(counseling, 'Add Counseling', 'checkbox')).click();
    // The parent corrects the OT minutes from the IEP's own conversion.
    const ot = (await rows(page))[2]!;
    const otMinutes = await control(ot, 'Minutes');
    await otMinutes.click({ count: 3 });
    await otMinutes.type('11');
    await clickText(page, 'button', 'Add these services (3)');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="services-status"]')?.textContent ===
        'Added 3 services from the IEP.',
      { timeout: 10_000 },
    );
    const saved = (await readStore<Service>(page, 'services')).sort((a, b) =>
      a.kind.localeCompare(b.kind),
    );
    expect(
      saved.map((s) => [s.kind, s.label, s.minutes, s.period, s.provider, s.startDate]),
    ).toEqual([
      ['occupational', 'Occupational Therapy', 11, 'week', 'OT', '2025-09-03'],
      [
        'reading',
        'Specially Designed Instruction: Reading',
        150,
        'week',
        'Special Ed Teacher',
        '2025-09-03',
      ],
      ['speech-language', 'Speech/Language Therapy', 60, 'week', 'SLP', '2025-09-03'],
    ]);
    expect(saved.every((s) => s.studentId === student.id && s.endDate === '2026-06-05')).toBe(true);
    const [saved_student] = await readStore<Student>(page, 'students');
    expect(saved_student).toEqual({
      ...student,
      school: 'Broadwater Elementary',
      iepMeetingDate: '2025-09-02',
      iepStartDate: '2025-09-03',
      iepReviewDate: '2026-09-01',
    });
    // They are ordinary services now.
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="service-item"]').length === 3,
    );
  });

  it('says plainly that a scanned IEP has no text, and offers to type the services in', async () => {
    await openReader(page);
    await (await fileInput(page)).uploadFile(join(folder, 'scanned-iep.pdf'));
    expect(await waitForTestId(page, 'iep-scanned')).toContain(
      'This PDF has no text in it: it is probably a scan',
    );
    await expectNoA11yViolations(page);
    await clickText(page, 'button', 'Enter the services by hand');
    await page.waitForFunction(() => document.activeElement?.textContent === 'Add a service', {
      timeout: 10_000,
    });
    await clickText(page, 'button', 'Cancel');
  });

  it('refuses a file that is not a PDF, and the page stays usable', async () => {
    await openReader(page);
    await (await fileInput(page)).uploadFile(join(folder, 'notes.pdf'));
    expect(await waitForTestId(page, 'iep-problem')).toBe(
      'This file is not a PDF. Choose the IEP’s PDF file, or paste its text below.',
    );
    await clickText(page, 'button', 'Cancel');
    await page.waitForSelector('[data-opens="read-iep"]');
  });

  it('reads pasted text (a table copied with tabs) and cancelling saves nothing', async () => {
    await openReader(page);
    const box = await control(page, 'Or paste the text of the IEP’s services page');
    // Tabs cannot be typed into a textarea (Tab moves focus): paste the way the browser does.
    await box.evaluate((el, text) => {
      const area = el as HTMLTextAreaElement;
      area.value = text;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    }, TAB_PASTE);
    await clickText(page, 'button', 'Read the pasted text');
    expect(await waitForTestId(page, 'iep-found')).toMatch(/^We found 2 services\. /);
    const labels = await Promise.all(
      (await rows(page)).map((row) =>
        row.evaluate((tr) => tr.querySelector<HTMLInputElement>('[data-field="label"]')!.value),
      ),
    );
    expect(labels).toEqual(['Occupational Therapy', 'Speech Language Therapy']);
    await clickText(page, 'button', 'Cancel');
    await page.waitForSelector('[data-opens="read-iep"]');
    expect(await readStore<Service>(page, 'services')).toHaveLength(3);
  });

  it('shows the accepted IEP dates on the student form, and saving it keeps them', async () => {
    await clickText(page, 'a[href="#/students"]', 'Students');
    await click(page, `Edit ${student.name}`, 'button');
    const dates = {
      'IEP meeting date': '2025-09-02',
      'IEP start date': '2025-09-03',
      'Annual review date': '2026-09-01',
    };
    for (const [label, value] of Object.entries(dates))
      expect((await fieldState(await control(page, label))).value).toBe(value);
    await expectNoA11yViolations(page);
    await click(page, 'Save changes', 'button');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="students-status"]')?.textContent === 'Saved.',
      { timeout: 10_000 },
    );
    expect((await readStore<Student>(page, 'students'))[0]).toMatchObject({
      iepMeetingDate: '2025-09-02',
      iepStartDate: '2025-09-03',
      iepReviewDate: '2026-09-01',
    });
  });

  it('made no network request', async () => {
    expect(await collector.networkRequestsFrom(ext.extensionOrigin)).toEqual([]);
  });
});
