/**
 * District records in a real browser: on the tracker's District records page a parent imports the
 * district's own service log from a CSV (Infinite Campus shape) and from an .xlsx made here (a
 * Medicaid-style log with an attendance code the app must ask about), maps the columns, confirms,
 * and sees the comparison with a conflict row; a file that is not a table gives a message and
 * writes nothing. Axe runs on each step.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer';
import writeExcelFile from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatShortDate } from '../../lib/dates';
import { longDate } from '../../lib/drafts/words';
import { realisticDataset } from '../unit/backup-fixtures';
import {
  expectNoA11yViolations,
  readStore,
  seedDatabase,
  setExtensionToday,
  type ExtensionBrowser,
} from './harness';
import { sharedExtensionBrowser } from './support/shared-browser';
import {
  chooseKind,
  openFixture,
  pickerClosed,
  waitForButtons,
  waitForPicker,
  insertButtons,
} from './compose-support';
import { clickText } from './page-actions';
import { pinComposeToken } from './support/compose-names';

const TODAY = '2026-10-30';

async function textOf(page: Page, selector: string): Promise<string> {
  const element = await page.waitForSelector(selector);
  return element!.evaluate((node) => node.textContent ?? '');
}

/** Waits until the element's text matches, and returns it. */
async function waitForText(page: Page, selector: string, pattern: RegExp): Promise<string> {
  await page.waitForFunction(
    (sel: string, source: string) =>
      new RegExp(source).test(document.querySelector(sel)?.textContent ?? '') || false,
    {},
    selector,
    pattern.source,
  );
  return textOf(page, selector);
}

async function chooseFile(page: Page, path: string): Promise<void> {
  const input = (await page.waitForSelector('#district-file')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(path);
}

/** Picks an option of the select whose label's text is `label`. */
async function selectByLabel(page: Page, label: string, value: string): Promise<void> {
  const id = await page.waitForFunction(
    (wanted: string) =>
      Array.from(document.querySelectorAll('label')).find((l) => l.textContent?.trim() === wanted)
        ?.htmlFor || false,
    {},
    label,
  );
  await page.select(`#${await id.jsonValue()}`, value);
}

describe('district records', () => {
  let ext: ExtensionBrowser;
  let page: Page;
  let folder: string;
  const data = realisticDataset();
  // A speech session Maya's parent logged as missed, in a week that has ended by TODAY.
  const missed = data.sessions.find(
    (s) =>
      s.serviceId === 'svc-maya-speech' &&
      s.status === 'missed' &&
      !s.makeUp &&
      s.date < '2026-10-19',
  )!;
  const delivered = data.sessions.find(
    (s) => s.serviceId === 'svc-maya-speech' && s.status === 'delivered' && s.date !== missed.date,
  )!;
  const us = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8)}/${iso.slice(0, 4)}`;

  beforeAll(async () => {
    expect(missed).toBeDefined();
    folder = mkdtempSync(join(tmpdir(), 'iep-district-e2e-'));
    ext = await sharedExtensionBrowser();
    const seeding = await ext.openExtensionPage('tracker.html#/district');
    // The parent's data only: the tests import the district's records themselves.
    await seedDatabase(seeding, { ...data, districtRecords: [], districtImports: [] });
    await setExtensionToday(seeding, TODAY);
    await seeding.close();
    page = await ext.openExtensionPage('tracker.html#/district');
    await page.bringToFront();
    await page.waitForSelector('#district-file');
  });
  afterAll(async () => {
    await ext?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('refuses a file that is not a table, and writes nothing', async () => {
    const bad = join(folder, 'notes.csv');
    writeFileSync(bad, 'Just a note from the school\nNothing else here\n');
    await chooseFile(page, bad);
    expect(
      await waitForText(page, '[data-testid="district-error"]', /not look like a table/),
    ).toMatch(/CSV or Excel/);
    const broken = join(folder, 'broken.xlsx');
    writeFileSync(broken, 'PK\u0003\u0004 this is not really a spreadsheet');
    await chooseFile(page, broken);
    await waitForText(page, '[data-testid="district-error"]', /could not be read as a table/);
    expect(await page.$('[data-testid="district-preview"]')).toBeNull();
    expect(await readStore(page, 'districtRecords')).toEqual([]);
    expect(await readStore(page, 'districtImports')).toEqual([]);
    await expectNoA11yViolations(page);
  });

  it('imports a CSV export after mapping, and shows the conflict', async () => {
    const csv = join(folder, 'Special Ed Service Log.csv');
    writeFileSync(
      csv,
      [
        'Special Ed Service Log,,,,,,',
        'Student,Plan,Service,Date,Provider,Position,Minutes Served',
        `"Whitfield, Maya",IEP,Speech/Language Therapy,${us(missed.date)},J. Ortiz,SLP,30`,
        `"Whitfield, Maya",IEP,Speech/Language Therapy,${us(delivered.date)},J. Ortiz,SLP,30`,
        `"Whitfield, Eli",IEP,Counseling,${us(missed.date)},R. Park,Counselor,30`,
        `"Whitfield, Maya",IEP,Bus,${us(missed.date)},Driver,Driver,40`,
        `"Whitfield, Maya",IEP,Speech/Language Therapy,06/15/2027,J. Ortiz,SLP,30`,
      ].join('\r\n'),
    );
    await chooseFile(page, csv);
    await page.waitForSelector('[data-testid="district-preview"]');
    expect(
      await page.$eval('select[aria-label="What the column “Date” holds"]', (s) => s.value),
    ).toBe('date');
    expect(
      await page.$eval(
        'select[aria-label="What the column “Minutes Served” holds"]',
        (s) => s.value,
      ),
    ).toBe('minutes');
    const summary = await textOf(page, '[data-testid="district-summary"]');
    expect(summary).toMatch(/2 records ready to import/);
    expect(summary).toMatch(/1 row for another student/);
    expect(summary).toMatch(/1 row for a service not in the IEP/);
    expect(summary).toMatch(/1 row dated outside the IEP/);
    await expectNoA11yViolations(page);
    // Nothing is written before the confirm.
    expect(await readStore(page, 'districtRecords')).toEqual([]);

    await clickText(page, 'button', 'Import 2 records');
    await waitForText(page, '[data-testid="district-status"]', /Imported 2 district records/);
    const records = await readStore<{ date: string; serviceId: string }>(page, 'districtRecords');
    expect(records.map((r) => r.date).sort()).toEqual([missed.date, delivered.date].sort());
    const conflicts = await waitForText(page, '[data-testid="district-rows"]', /Conflict/);
    expect(conflicts).toContain(formatShortDate(missed.date));
    expect(await textOf(page, '[data-testid="district-files"]')).toMatch(
      /Special Ed Service Log\.csv.*2 records/,
    );
    // The parent's log is untouched.
    expect(await readStore(page, 'sessions')).toHaveLength(data.sessions.length);
    await expectNoA11yViolations(page);
  });

  it('imports an .xlsx with an unknown code once the code is explained', async () => {
    const xlsx = join(folder, 'medicaid-log.xlsx');
    const day = (iso: string) => ({
      value: new Date(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8))),
      type: Date,
      format: 'mm/dd/yyyy',
    });
    await writeExcelFile([
      ['Service Date', 'Staff', 'Service', 'Duration', 'Attendance Code', 'Note'],
      [day('2026-09-09'), 'K. Lund', 'Occupational Therapy', '0:30', 'P', 'Fine motor'],
      [day('2026-09-16'), 'K. Lund', 'Occupational Therapy', '', 'PA', 'Therapist out'],
      [day('2026-09-23'), 'K. Lund', 'Occupational Therapy', '0:30', 'TX', '=HYPERLINK("x")'],
    ]).toFile(xlsx);
    await chooseFile(page, xlsx);
    await page.waitForSelector('[data-testid="district-preview"]');
    await waitForText(page, '[data-testid="district-problems"]', /Say what 1 code/);
    await expectNoA11yViolations(page);
    await selectByLabel(page, 'Code “TX”', 'delivered');
    await waitForText(page, '[data-testid="district-summary"]', /3 records ready to import/);
    await clickText(page, 'button', 'Import 3 records');
    await waitForText(page, '[data-testid="district-status"]', /Imported 3 district records/);
    const records = await readStore<{ serviceId: string; note: string; outcome: string }>(
      page,
      'districtRecords',
    );
    const ot = records.filter((r) => r.serviceId === 'svc-maya-ot');
    expect(ot.map((r) => r.outcome).sort()).toEqual(['delivered', 'delivered', 'provider-absent']);
    expect(ot.some((r) => r.note === '=HYPERLINK("x")')).toBe(true);
    // The code's meaning is remembered for this district.
    const mappings = await readStore<{ codes: Record<string, string> }>(page, 'districtMappings');
    expect(mappings[0]?.codes).toEqual({ TX: 'delivered' });
    await expectNoA11yViolations(page);
  });

  it('filters the comparison to the conflicts', async () => {
    await selectByLabel(page, 'Show', 'conflicts');
    const rows = await waitForText(page, '[data-testid="district-rows"] caption', /Conflicts only/);
    expect(rows).toMatch(/Conflicts only: \d+ dates?$/);
    const findings = await page.$$eval('[data-testid="district-rows"] tbody tr', (trs) =>
      trs.map((tr) => tr.children[2]?.textContent ?? ''),
    );
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) expect(finding).toMatch(/^Conflict/);
    expect(await textOf(page, '[data-testid="district-rows"] tbody')).toContain(
      formatShortDate(missed.date),
    );
  });

  it("shows the district's log side by side on the Gaps page, and in the weekly chart", async () => {
    await page.evaluate(() => {
      location.hash = '#/gaps';
    });
    const totals = await waitForText(
      page,
      '[data-testid="gaps-district-totals"]',
      /Delivered \(district log\)/,
    );
    expect(totals).toMatch(/No record in either log/);
    const speech = await textOf(
      page,
      '[data-testid="gaps-district-totals"] tr[data-service-id="svc-maya-speech"]',
    );
    // Two 30-minute speech records from the CSV, both in weeks that have ended.
    expect(speech).toMatch(/^speech-language therapy.* min60 min/i);
    expect(await textOf(page, '[data-testid="gaps-district"]')).toMatch(/conflict on \d+ dates?\./);
    // The speech chart has both series, in its legend, its description and its table.
    const chart = await page.waitForSelector(
      '[data-testid="gap-card"][data-service-id="svc-maya-speech"] ~ [data-testid="weekly-chart"][data-series="parent district"]',
    );
    // The table is built when its disclosure opens.
    await (await chart!.$('summary'))!.click();
    await chart!.waitForSelector('table th[scope="col"]');
    const text = await chart!.evaluate((figure) => ({
      legend: figure.querySelector('.chart-legend')?.textContent ?? '',
      desc: figure.querySelector('svg[role="img"] desc')?.textContent ?? '',
      headers: Array.from(figure.querySelectorAll('table th[scope="col"]')).map(
        (th) => th.textContent,
      ),
      // The district's bars (one path) carry their weeks' minutes; the table says the same.
      barMinutes: (figure.querySelector('path.chart-district')?.getAttribute('data-minutes') ?? '')
        .split(' ')
        .filter(Boolean),
      tableMinutes: Array.from(
        figure.querySelectorAll('tbody tr td:last-child'),
        (td) => td.textContent,
      ).filter((cell) => cell !== 'Not in the district file'),
      drawn:
        figure.querySelector('path.chart-district')?.getAttribute('d')?.match(/M/g)?.length ?? 0,
    }));
    expect(text.legend).toContain('Delivered (your log)');
    expect(text.legend).toContain('Delivered (district log)');
    expect(text.desc).toMatch(/the district's log covers, it shows 60 minutes delivered/);
    expect(text.headers).toContain('Delivered (district log)');
    expect(text.barMinutes).toEqual(text.tableMinutes);
    expect(text.barMinutes.map(Number).reduce((sum, m) => sum + m, 0)).toBe(60);
    expect(text.drawn).toBe(text.barMinutes.filter((m) => m !== '0').length);
    await expectNoA11yViolations(page);
    await page.evaluate(() => {
      location.hash = '#/district';
    });
    await page.waitForSelector('#district-file');
  });

  it('prints the side-by-side totals, the conflicts and the district-confirmed misses', async () => {
    const report = await ext.openExtensionPage('report.html?student=stu-maya', {
      waitFor: '[data-testid="report-district-totals"]',
    });
    expect(await textOf(report, '[data-testid="report-district-totals"]')).toMatch(
      /Delivered \(district log\).*No record in either log/,
    );
    expect(await textOf(report, '[data-testid="report-district-conflicts"]')).toContain(
      formatShortDate(missed.date),
    );
    // The OT "PA" row: the district's own log shows the therapist out on Sep 16.
    expect(await textOf(report, '[data-testid="report-district-missed"]')).toMatch(
      new RegExp(`${formatShortDate('2026-09-16')}occupational therapyprovider absent30`, 'i'),
    );
    expect(
      await report.$$eval(
        '[data-testid="weekly-chart"][data-series="parent district"]',
        (f) => f.length,
      ),
    ).toBeGreaterThan(0);
    await report.waitForFunction(() =>
      Array.from(document.querySelectorAll('button')).some((b) =>
        b.textContent?.includes("comparison with the district's logs"),
      ),
    );
    await expectNoA11yViolations(report);
    await report.close();
    await page.bringToFront();
  });

  it('offers "Questions about your service logs" first in a Gmail compose, naming the conflict', async () => {
    await pinComposeToken(page);
    const { page: gmail, errors } = await openFixture(
      Object.assign(ext, { extensionPage: page }),
      'mail.google.com',
      '/compose.html',
    );
    try {
      await waitForButtons(gmail, 1);
      const [button] = await insertButtons(gmail);
      await button!.click();
      const picker = await waitForPicker(gmail);
      const kinds = await picker.$$eval('[role="option"]', (nodes) => nodes.map((n) => n.id));
      expect(kinds[0]).toBe('kind-service-log-questions');
      await chooseKind(picker, 'service-log-questions');
      // The paragraph names the district's file and the dates, so it has no fill-ins left:
      // Enter inserts at once and the picker closes (a picker that asked first would stay).
      await gmail.keyboard.press('Enter');
      await pickerClosed(gmail);
      const inserted = await gmail.$eval(
        'div[g_editable="true"]',
        (editor) => (editor as HTMLElement).innerText,
      );
      // The date the parent logged missed and the district's log says delivered ("September 3"; the
      // paragraph gives the year once, after the last date).
      expect(inserted).toContain(longDate(missed.date).replace(/, \d{4}$/, ''));
      expect(inserted).toMatch(/explain/i);
      expect(errors).toEqual([]);
    } finally {
      // The tests after this one go on in the District records page.
      await gmail.close();
      await page.bringToFront();
    }
  });

  it('reads rows pasted from a PDF table, joining wrapped lines; Cancel writes nothing', async () => {
    const before = (await readStore(page, 'districtRecords')).length;
    const pasted = [
      'Date        Service          Minutes    Status     Comment',
      '9/28/2026   Speech therapy   30 min     Present    Articulation drills and',
      '                                                   carryover practice',
      '9/30/2026   Speech therapy   0          Absent     Student out sick',
    ].join('\n');
    const box = await page.waitForSelector('textarea');
    await box!.evaluate((element, text) => {
      const area = element as HTMLTextAreaElement;
      area.value = text;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    }, pasted);
    await clickText(page, 'button', 'Read pasted rows');
    const summary = await waitForText(page, '[data-testid="district-summary"]', /ready to import/);
    expect(summary).toMatch(/2 records ready to import/);
    expect(summary).toMatch(/1 wrapped line was joined to the row above/);
    await expectNoA11yViolations(page);
    await clickText(page, 'button', 'Cancel');
    await page.waitForFunction(() => !document.querySelector('[data-testid="district-preview"]'));
    expect(await readStore(page, 'districtRecords')).toHaveLength(before);
  });

  it('deletes one import with its records', async () => {
    await clickText(page, 'button', 'Delete');
    await clickText(page, 'button', 'Yes, delete');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="district-files"] li').length === 1,
    );
    expect(await readStore(page, 'districtImports')).toHaveLength(1);
  });
});
