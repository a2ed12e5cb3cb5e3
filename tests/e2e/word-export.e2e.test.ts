/**
 * The letter page's Word file, end to end: on the sample family with a hostile child's name and
 * hostile notes, draft the state complaint, edit it, click "Download Word (.docx)", and read the
 * downloaded file back with mammoth: the same paragraphs and table cells as the editor (the
 * typing included), the name as text in the letter and the header, the fill-ins in the text
 * highlighted, US Letter. (That the converter and the docx library load only on the click is
 * checked on the build: scripts/size-budget.mjs.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileSlug } from '../../components/correspondence/download';
import { buildSampleData } from '../../lib/sample';
import { readDocx, xmlTexts } from '../support/docx';
import type { ExtensionBrowser } from './harness';
import { launchOnComplaint, TODAY } from './letters-support';
import { captureDownloads, clickText } from './page-actions';

const NAME = `<img src=x onerror=alert(1)> "Riley" O'Brien &amp; \u200fשלום 🧒🏽`;
const NOTE = '</w:t><w:t>evil</w:t> <script>alert(2)</script> & "quotes"';
const EDIT = 'I called the school office on October 5, 2026.';

interface Blocks {
  /** The text of each paragraph, list item and heading outside tables, in order. */
  paragraphs: string[];
  /** Each table's rows of cell texts. */
  tables: string[][][];
}

/**
 * The blocks of an element's content, white space folded as the page shows it. Runs in the
 * page, on the editor or on mammoth's HTML of the file (parsed inert).
 */
function blocksInPage(html: string | null): Blocks {
  const root = html
    ? new DOMParser().parseFromString(html, 'text/html').body
    : document.querySelector('[data-testid=letter-editor]')!;
  const shown = (el: Element) =>
    (el.textContent ?? '').replace(/[ \t\n\r\f]+/g, ' ').replace(/^ | $/g, '');
  const paragraphs = Array.from(root.querySelectorAll('p, li, h1, h2, h3'))
    .filter((el) => !el.closest('table') && !el.parentElement?.closest('li'))
    .map(shown)
    .filter(Boolean);
  const tables = Array.from(root.querySelectorAll('table')).map((table) =>
    Array.from(table.querySelectorAll('tr')).map((row) => Array.from(row.children).map(shown)),
  );
  return { paragraphs, tables };
}

describe('letter page: the Word file', () => {
  let ext: ExtensionBrowser;
  let letter: Page;

  beforeAll(async () => {
    const data = buildSampleData(TODAY);
    data.students[0] = { ...data.students[0]!, name: NAME };
    data.sessions = data.sessions.map((s) =>
      s.status === 'missed' ? { ...s, reason: 'other', note: NOTE } : s,
    );
    ({ ext, letter } = await launchOnComplaint(data));
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('downloads what the editor holds as a .docx that reads back the same', async () => {
    await letter.bringToFront();
    // Edit: type after the first fill-in, which stays (the page lists it, the file highlights it).
    const left = await letter.$$eval('[data-testid=fill-ins] button', (buttons) =>
      buttons.map((button) => /\[[^\]]+\]/.exec(button.textContent ?? '')![0]),
    );
    expect(left.length).toBeGreaterThan(0);
    await clickText(letter, '[data-testid=fill-ins] button', `Go to ${left[0]}`);
    await letter.keyboard.press('ArrowRight');
    await letter.keyboard.type(` ${EDIT}`);
    await letter.waitForFunction(
      (typed: string) =>
        document.querySelector('[data-testid=letter-editor]')?.textContent?.includes(typed),
      {},
      EDIT,
    );

    const downloads = await captureDownloads(letter);
    try {
      await clickText(letter, 'button', 'Download Word (.docx)');
      const [name] = await downloads.waitFor(1);
      expect(name).toBe(`${fileSlug(NAME)}-state-complaint-${TODAY}.docx`);
      await letter.waitForFunction(() =>
        document
          .querySelector('[data-testid=letter-status]')
          ?.textContent?.includes('Downloaded the Word file.'),
      );
      const file = await readDocx(readFileSync(join(downloads.folder, name!)));

      // The same paragraphs and table cells as the editor.
      const inEditor = await letter.evaluate(blocksInPage, null);
      const inFile = await letter.evaluate(blocksInPage, file.html);
      expect(inFile).toEqual(inEditor);
      expect(inEditor.tables.length).toBeGreaterThan(0);
      expect(inEditor.tables[0]![0]).toContain('Minutes scheduled');

      // Typed text, the hostile name and notes arrive as text.
      expect(file.text).toContain(EDIT);
      expect(file.text).toContain(NAME);
      expect(inFile.tables.flat(2).some((cell) => cell.includes(NOTE))).toBe(true);
      const xml = file.parts.get('word/document.xml')!;
      expect(xml).not.toMatch(/<img|<script|<w:t>evil/);
      const header = [...file.parts].find(([path]) => /^word\/header\d*\.xml$/.test(path))![1];
      expect(xmlTexts(header).join('')).toBe(`${NAME} · November 27, 2026`);

      // The fill-ins in the text are highlighted, and only they.
      const highlighted = (xml.match(/<w:r>[\s\S]*?<\/w:r>/g) ?? [])
        .filter((run) => run.includes('<w:highlight w:val="yellow"/>'))
        .flatMap(xmlTexts);
      expect(new Set(highlighted)).toEqual(new Set(left));

      // US Letter, 1-inch margins; "Page x of y" in the footer.
      expect(xml).toMatch(/<w:pgSz w:w="12240" w:h="15840"/);
      expect(xml).toMatch(/<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440"/);
      const footer = [...file.parts].find(([path]) => /^word\/footer\d*\.xml$/.test(path))![1];
      expect(footer).toMatch(/PAGE[\s\S]*NUMPAGES/);
    } finally {
      await downloads.dispose();
    }
  });
});
