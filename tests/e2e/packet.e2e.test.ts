/**
 * The complaint packet (issue 13) end to end, on the sample family with two letters sent: turn on
 * "Print with exhibits" for the OPI state complaint, print to PDF and read it back (the letter,
 * then each exhibit in order on a page of its own, titled at its top; every exhibit the letter
 * names is there; the last log entry is not cut off; the child's name on each page where the
 * browser prints margin boxes), then leave an exhibit out and see the letter re-letter the rest.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatLongDate } from '../../lib/dates';
import { EXHIBIT_LABELS } from '../../lib/drafts';
import { buildSampleData } from '../../lib/sample';
import {
  expectNoA11yViolations,
  launchExtensionBrowser,
  seedDatabase,
  type ExtensionBrowser,
} from './harness';
import { readDocx } from '../support/docx';
import { captureDownloads, clickText } from './page-actions';
import { setExtensionToday } from './support/clock';
import { eventually, flatten, pdfPages, SAMPLE_IDS, TODAY } from './letters-support';

const CHILD = 'Riley Sample';

function sampleWithLetters() {
  const data = buildSampleData(TODAY);
  const base = { studentId: SAMPLE_IDS.student, status: 'sent' as const, createdAt: 1 };
  data.letters = [
    {
      ...base,
      id: 'packet-letter-1',
      kind: 'service-concern',
      subject: 'Missed speech therapy sessions',
      sentDate: '2026-10-05',
      to: 'Dr. Pat Example',
      method: 'email',
      responseDate: '2026-10-14',
      responseSummary: 'The director said a substitute would start soon.',
    },
    {
      ...base,
      id: 'packet-letter-2',
      kind: 'compensatory-services',
      subject: 'Making up the missed minutes',
      sentDate: '2026-11-02',
      to: 'Dr. Pat Example',
      method: 'mail',
    },
  ] as unknown as typeof data.letters;
  return data;
}

async function editorText(page: Page): Promise<string> {
  return page.$eval('[data-testid=letter-editor]', (el) => (el as HTMLElement).innerText);
}

/** Clicks the checkbox whose label contains `text`. */
async function toggle(page: Page, text: string): Promise<void> {
  const clicked = await page.evaluate((label: string) => {
    const match = Array.from(document.querySelectorAll('label.choice')).find((l) =>
      l.textContent?.includes(label),
    );
    match?.querySelector('input')?.click();
    return Boolean(match);
  }, text);
  expect(clicked, `a checkbox labelled "${text}"`).toBe(true);
}

/** The packet's exhibits as the page has them: letter and title. */
async function exhibits(page: Page): Promise<{ letter: string; title: string }[]> {
  return page.$$eval('[data-packet] section.exhibit', (sections) =>
    sections.map((s) => ({
      letter: s.getAttribute('data-exhibit') ?? '',
      title: s.querySelector(':scope > h2')?.textContent?.trim() ?? '',
    })),
  );
}

/** A page's text without the running header and footer (name, date, page number). */
function body(text: string): string {
  return flatten(text)
    .replace(/Page \d+ of \d+/g, '')
    .replace(CHILD, '')
    .replace(formatLongDate(TODAY), '')
    .trim();
}

describe('letter page: the state complaint printed with exhibits', () => {
  let ext: ExtensionBrowser;
  let letter: Page;

  beforeAll(async () => {
    ext = await launchExtensionBrowser();
    const tracker = await ext.openExtensionPage('tracker.html#/gaps');
    await setExtensionToday(tracker, TODAY);
    await seedDatabase(tracker, sampleWithLetters());
    await tracker.close();
    letter = await ext.openExtensionPage(
      `letter.html?student=${SAMPLE_IDS.student}&kind=state-complaint`,
      { waitFor: '[data-testid=letter-editor] p' },
    );
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('names the exhibits in the letter once printing with them is on', async () => {
    await toggle(letter, 'Print the letter with its evidence');
    await eventually(async () => {
      expect(await editorText(letter)).toContain('(see Exhibit A, the service log)');
      expect(await exhibits(letter)).toHaveLength(3);
      return true;
    }, 'the letter and packet with three exhibits');
    const text = await editorText(letter);
    expect(text).toContain('Exhibit B, the summary of required, delivered and missed minutes');
    expect(text).toContain('Exhibit C, the history of my letters and the replies');
    expect(text).toMatch(/Enclosures: Exhibit A: Service log, .+; Exhibit B: .+; Exhibit C: .+\./);
    // The packet element holds no controls (the Word export reads it as it is).
    const controls = await letter.$$('[data-packet] :is(button, input, select, textarea, details)');
    expect(controls).toHaveLength(0);
    await expectNoA11yViolations(letter);
  });

  it('prints the letter, then each exhibit on its own page, nothing cut off', async () => {
    const sections = await exhibits(letter);
    expect(sections.map((s) => s.letter)).toEqual(['A', 'B', 'C']);
    const lastRow = await letter.$eval(
      '[data-packet] [data-testid=exhibit-log] tbody tr:last-child',
      (tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent?.trim() ?? ''),
    );
    const pages = (await pdfPages(await letter.pdf({ format: 'letter' }))).map(flatten);

    // Each exhibit's title at the top of a page, in order, after the letter.
    const starts = sections.map((s) => pages.findIndex((p) => body(p).startsWith(s.title)));
    expect(
      starts.every((i) => i > 0),
      JSON.stringify({ starts, pages: pages.map((p) => body(p).slice(0, 90)) }),
    ).toBe(true);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    const letterPages = pages.slice(0, starts[0]).join(' ');
    expect(letterPages).toContain('Office of Public Instruction');
    expect(letterPages).toContain('Date signed');
    for (const named of new Set(letterPages.match(/Exhibit [A-Z]\b/g))) {
      expect(
        sections.map((s) => `Exhibit ${s.letter}`),
        named,
      ).toContain(named);
    }
    expect(pages.length).toBeGreaterThan(starts[0]! + sections.length - 1);

    // The last log entry is whole: its date and note are printed.
    const [date, , , , , , note] = lastRow;
    const logPages = pages.slice(starts[0], starts[1]).join(' ');
    expect(logPages).toContain(date);
    if (note) expect(logPages).toContain(flatten(note));
    // Headers repeat on every page the log table reaches.
    for (const page of pages.slice(starts[0]! + 1, starts[1])) expect(page).toContain('Scheduled');

    // The child's name and the date head every page where the browser prints margin boxes
    // (Chromium); Firefox prints its own header with the page's title instead.
    if (ext.browserName === 'chromium') {
      pages.forEach((text, i) => {
        expect(text, `page ${i + 1}`).toContain(CHILD);
        expect(text, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
      });
    } else {
      expect(await letter.title()).toBe(`${CHILD} – ${formatLongDate(TODAY)}`);
    }
  });

  it('re-letters the exhibits when one is left out, and the letter follows', async () => {
    await toggle(letter, EXHIBIT_LABELS['gap-summary']);
    await eventually(async () => {
      expect(await exhibits(letter)).toHaveLength(2);
      expect(await editorText(letter)).toContain('Exhibit B, the history of my letters');
      return true;
    }, 'two exhibits, re-lettered');
    const text = await editorText(letter);
    expect(text).not.toContain('Exhibit C');
    expect(text).not.toContain('summary of required, delivered and missed minutes');
    expect((await exhibits(letter)).map((s) => s.title[0] && s.letter)).toEqual(['A', 'B']);
    const pages = (await pdfPages(await letter.pdf({ format: 'letter' }))).map(flatten);
    expect(pages.some((p) => body(p).startsWith('Exhibit B: My letters to the district'))).toBe(
      true,
    );
    expect(pages.join(' ')).not.toContain('Exhibit C');
  });

  it('saves the packet as a Word file: the letter, then each exhibit from a new page', async () => {
    const sections = await exhibits(letter);
    const downloads = await captureDownloads(letter);
    try {
      await clickText(letter, 'button', 'Download Word with exhibits (.docx)');
      const [name] = await downloads.waitFor(1);
      expect(name).toMatch(/-state-complaint-\d{4}-\d{2}-\d{2}-with-exhibits\.docx$/);
      const file = await readDocx(readFileSync(join(downloads.folder, name!)));
      // The letter first, naming the exhibits; then each exhibit's title, in order.
      const text = flatten(file.text);
      const at = sections.map((s) => text.indexOf(s.title));
      expect(
        at.every((i) => i > 0),
        JSON.stringify(at),
      ).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      expect(text.slice(0, at[0])).toContain('(see Exhibit A, the service log)');
      // Each exhibit starts a page; the log is a real table with its last entry whole.
      const xml = file.parts.get('word/document.xml')!;
      expect((xml.match(/<w:pageBreakBefore\/>/g) ?? []).length).toBeGreaterThanOrEqual(
        sections.length,
      );
      const lastRow = await letter.$eval(
        '[data-packet] [data-testid=exhibit-log] tbody tr:last-child',
        (tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent?.trim() ?? ''),
      );
      expect(file.html).toContain(`<td><p>${lastRow[0]}</p></td>`);
    } finally {
      await downloads.dispose();
    }
  });
});
