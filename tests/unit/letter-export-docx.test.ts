// @vitest-environment happy-dom
/**
 * The Word export (lib/letter-export/docx.ts): every letter kind, built from the same clean HTML
 * the letter page prints, read back with mammoth has the same text and table cells; hostile
 * names and notes arrive as text; fill-in markers are highlighted; the page is US Letter with
 * 1-inch margins, the child's name and the date in the header, "Page x of y" in the footer; and
 * the complaint packet's shape (the letter, then each exhibit from a new page) converts.
 */
import { describe, expect, it } from 'vitest';
import { buildDraftContext, draftKinds, escapeHtml, renderDraft } from '../../lib/drafts';
import {
  docxBlob,
  letterHtmlToDocx,
  packetToDocx,
  xmlSafe,
  type DocxMeta,
} from '../../lib/letter-export/docx';
import { cleanLetterHtml, letterText } from '../../lib/letter-export/index';
import { buildSampleData } from '../../lib/sample';
import { hostileStrings } from '../fixtures/xss/corpus';
import { readDocx, xmlTexts, type ReadDocx } from '../support/docx';

const TODAY = '2026-11-27';
const META: DocxMeta = {
  title: 'State complaint',
  studentName: 'Riley Sample',
  date: 'November 27, 2026',
};

async function toFile(doc: ReturnType<typeof letterHtmlToDocx>): Promise<Buffer> {
  return Buffer.from(await (await docxBlob(doc)).arrayBuffer());
}

async function letterFile(html: string, meta: Partial<DocxMeta> = {}): Promise<ReadDocx> {
  return readDocx(await toFile(letterHtmlToDocx(html, { ...META, ...meta })));
}

/** The letter page's text of some HTML (lib/letter-export's plain-text form). */
function pageText(html: string): string {
  return letterText(cleanLetterHtml(html));
}

/** Each table's rows of cell texts (ASCII white space folded and trimmed, as a page shows it). */
function tableCells(html: string): string[][][] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return Array.from(doc.querySelectorAll('table')).map((table) =>
    Array.from(table.querySelectorAll('tr')).map((row) =>
      Array.from(row.children).map((cell) =>
        (cell.textContent ?? '').replace(/[ \t\n\r\f]+/g, ' ').replace(/^ | $/g, ''),
      ),
    ),
  );
}

function sampleContext(name = 'Riley Sample', note?: string) {
  const sample = buildSampleData(TODAY);
  const student = { ...sample.students[0]!, name };
  const sessions = note
    ? sample.sessions.map((s) =>
        s.status === 'missed' ? { ...s, reason: 'other' as const, note } : s,
      )
    : sample.sessions;
  return buildDraftContext({
    student,
    profile: sample.profile,
    calendar: sample.calendar,
    services: sample.services,
    sessions,
    letters: sample.letters,
    today: TODAY,
  });
}

/** Fourteen letters, or the 1,275 strings of the corpus, packed and read back: seconds. */
const SLOW = { timeout: 60_000 };

describe('letterToDocx: every letter kind', () => {
  it('reads back with the same text and table cells as the letter page', SLOW, async () => {
    const ctx = sampleContext();
    for (const kind of draftKinds) {
      const draft = renderDraft(kind.id, ctx, 'document');
      const html = cleanLetterHtml(draft.html);
      const file = await letterFile(html, { markers: draft.markers });
      expect(pageText(file.html), kind.id).toBe(pageText(html));
      expect(tableCells(file.html), kind.id).toEqual(tableCells(html));
      expect(file.messages, kind.id).toEqual([]);
    }
  });

  it('makes the missed-sessions table a real table whose header row repeats on each page', async () => {
    const draft = renderDraft('state-complaint', sampleContext(), 'document');
    const file = await letterFile(cleanLetterHtml(draft.html));
    const xml = file.parts.get('word/document.xml')!;
    const tables = tableCells(file.html);
    expect(tables.length).toBeGreaterThan(0);
    expect(tables.some((rows) => rows[0]!.includes('Minutes scheduled'))).toBe(true);
    expect(tables.some((rows) => rows.length > 5)).toBe(true);
    // One header row per table, marked to repeat; no row split across pages.
    const tableXml = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tableXml.length).toBe(tables.length);
    for (const table of tableXml) {
      const rows = table.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
      expect(rows[0]).toContain('<w:tblHeader/>');
      expect(rows.slice(1).join('')).not.toContain('<w:tblHeader');
      for (const row of rows) expect(row).toContain('<w:cantSplit/>');
    }
  });

  it('highlights every fill-in marker in yellow, and nothing else', async () => {
    const draft = renderDraft('state-complaint', sampleContext(), 'document');
    expect(draft.markers.length).toBeGreaterThan(0);
    const file = await letterFile(cleanLetterHtml(draft.html), { markers: draft.markers });
    const runs = file.parts.get('word/document.xml')!.match(/<w:r>[\s\S]*?<\/w:r>/g) ?? [];
    const highlighted = runs
      .filter((run) => run.includes('<w:highlight w:val="yellow"/>'))
      .flatMap(xmlTexts);
    const inText = draft.markers.filter((marker) => draft.text.includes(marker));
    expect(new Set(highlighted)).toEqual(new Set(inText));
    for (const marker of inText) expect(file.text).toContain(marker);
  });

  it('is US Letter with 1-inch margins, in Arial', async () => {
    const file = await letterFile('<p>Dear Ms. Lee,</p>');
    const xml = file.parts.get('word/document.xml')!;
    expect(xml).toMatch(/<w:pgSz w:w="12240" w:h="15840"/);
    expect(xml).toMatch(/<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440"/);
    expect(file.parts.get('word/styles.xml')).toMatch(/<w:rFonts w:ascii="Arial"/);
  });

  it('puts the child and the date in the header, "Page x of y" fields in the footer', async () => {
    const file = await letterFile('<p>Text</p>');
    const rels = file.parts.get('word/_rels/document.xml.rels')!;
    const target = (type: string) =>
      new RegExp(`Type="[^"]*/${type}" Target="([^"]+)"`).exec(rels)?.[1];
    const header = file.parts.get(`word/${target('header')}`)!;
    const footer = file.parts.get(`word/${target('footer')}`)!;
    expect(xmlTexts(header).join('')).toBe('Riley Sample · November 27, 2026');
    expect(xmlTexts(footer).join('')).toBe('Page  of ');
    const fields = [...footer.matchAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)].map((m) =>
      m[1]!.trim(),
    );
    expect(fields).toEqual(['PAGE', 'NUMPAGES']);
  });
});

describe('letterToDocx: formatting', () => {
  it('keeps bold, italic, underline, line breaks and lists, each list numbered from 1', async () => {
    const html =
      '<p>Dear <strong>Ms. Lee</strong>, <em>please</em> <u>read</u> this.<br>Second line.</p>' +
      '<ol><li>One</li><li>Two</li></ol><p>Between.</p><ol><li>Again one</li></ol>' +
      '<ul><li>Bullet <strong>bold</strong></li><li>Nested<ul><li>Inner</li></ul></li></ul>';
    const file = await letterFile(html);
    expect(file.html).toContain(
      '<p>Dear <strong>Ms. Lee</strong>, <em>please</em> read this.<br />Second line.</p>',
    );
    expect(file.html).toContain('<ol><li>One</li><li>Two</li></ol><p>Between.</p>');
    expect(file.html).toContain('<ol><li>Again one</li></ol>');
    expect(file.html).toContain(
      '<ul><li>Bullet <strong>bold</strong></li><li>Nested<ul><li>Inner</li></ul></li></ul>',
    );
    const xml = file.parts.get('word/document.xml')!;
    expect(xml).toContain('<w:u w:val="single"/>');
    // The two numbered lists are two lists (numbering instances), so each starts at 1.
    const numIds = [...xml.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]);
    expect(new Set(numIds.slice(0, 2)).size).toBe(1);
    expect(numIds[2]).not.toBe(numIds[0]);
  });

  it('folds white space as the page shows it and keeps a blank line for a signature', async () => {
    const file = await letterFile('<p>  Sincerely,\n   </p><p><br></p><p>Jordan\t\tSample</p>');
    const xml = file.parts.get('word/document.xml')!;
    expect(xmlTexts(xml)).toEqual(['Sincerely,', 'Jordan Sample']);
    expect(xml.match(/<w:p>|<w:p [^>]*>/g)?.length).toBe(3);
  });
});

describe('letterToDocx: hostile text', () => {
  it('carries names and notes with markup, XML, entities and odd characters as text', async () => {
    const name = '<img src=x onerror=alert(1)> "Riley" &amp; O\'Brien \u202eenilaM\u202c 🧒🏽';
    const note =
      '</w:t><w:t>evil</w:t> <script>alert(2)</script> &lt;b&gt; \u200f\u05e9\u05dc\u05d5\u05dd 👍';
    const draft = renderDraft('state-complaint', sampleContext(name, note), 'document');
    const html = cleanLetterHtml(draft.html);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const file = await letterFile(html, { studentName: name });
    expect(file.text).toContain(name);
    expect(file.text).toContain('</w:t><w:t>evil</w:t> <script>alert(2)</script> &lt;b&gt;');
    expect(file.text).toContain('\u200f\u05e9\u05dc\u05d5\u05dd 👍');
    expect(pageText(file.html)).toBe(pageText(html));
    expect(tableCells(file.html)).toEqual(tableCells(html));
    const xml = file.parts.get('word/document.xml')!;
    expect(xml).not.toMatch(/<img|<script|<w:t>evil/);
    expect(xml).toContain('&lt;/w:t&gt;&lt;w:t&gt;evil&lt;/w:t&gt;');
    const header = [...file.parts].find(([path]) => /^word\/header\d*\.xml$/.test(path))![1];
    expect(xmlTexts(header).join('')).toBe(`${name} · November 27, 2026`);
  });

  it(
    'keeps each string of the hostile corpus as its text, in paragraphs and table cells',
    SLOW,
    async () => {
      const strings = hostileStrings();
      const html =
        strings.map(({ text }) => `<p>${escapeHtml(text)}</p>`).join('') +
        `<table>${strings.map(({ text }) => `<tr><td>${escapeHtml(text)}</td></tr>`).join('')}</table>`;
      const file = await letterFile(html);
      // As a browser shows it: white space folded, and trimmed at the start and end of a line
      // (ASCII white space only: a byte order mark or a zero-width space stays); the characters
      // XML cannot hold (control characters, lone surrogates) are left out.
      const shown = (text: string) =>
        xmlSafe(text)
          .replace(/[ \t\n\r\f]+/g, ' ')
          .replace(/^ | $/g, '');
      const expected = strings.map(({ text }) => shown(text)).filter(Boolean);
      const doc = new DOMParser().parseFromString(file.html, 'text/html');
      const paragraphs = Array.from(doc.body.children)
        .filter((el) => el.tagName === 'P')
        .map((p) => p.textContent);
      expect(paragraphs).toEqual(expected);
      expect(tableCells(file.html)[0]!.map((row) => row[0])).toEqual(
        strings.map(({ text }) => shown(text)),
      );
    },
  );
});

describe('packetToDocx', () => {
  /** A packet as the letter page renders it: the letter, then the exhibits. */
  function packet(): HTMLElement {
    const container = document.createElement('div');
    container.className = 'packet';
    container.setAttribute('data-packet', '');
    const parsed = new DOMParser().parseFromString(
      `<article class="letter"><p>Dear Dispute Resolution,</p>
         <p>See Exhibit A, the service log, and Exhibit B, the gap summary.</p>
         <p>Enclosures: Exhibit A; Exhibit B</p></article>
       <section class="exhibit" data-exhibit="A">
         <h2>Exhibit A: Service log</h2>
         <p>Speech therapy, <em>Sept 1 to Nov 27</em>.</p>
         <table><thead><tr><th>Date</th><th>Scheduled</th><th>Delivered</th><th>Missed</th>
           <th>Reason</th><th>Note</th></tr></thead>
           <tbody><tr><td>Oct 5</td><td>30</td><td>0</td><td>30</td><td>Provider absent</td>
             <td>&lt;img src=x onerror=alert(1)&gt;</td></tr>
           <tr><td>Oct 7</td><td>30</td><td>15</td><td>15</td><td>Cut short</td><td></td></tr>
           </tbody></table>
         <button class="no-print">Leave this exhibit out</button>
       </section>
       <section class="exhibit" data-exhibit="B">
         <h2>Exhibit B: Gap summary</h2>
         <figure><svg viewBox="0 0 10 10"><text>chart label</text><rect width="5" height="5"/></svg>
           <figcaption>Speech therapy minutes by week</figcaption>
           <table><thead><tr><th>Week of</th><th>Expected</th><th>Given</th></tr></thead>
             <tbody><tr><td>Oct 5</td><td>60</td><td>0</td></tr></tbody></table>
         </figure>
         <ul><li>Owed: 45 minutes</li></ul>
         <custom-note>Unknown <b>tag</b> text</custom-note>
         <details><summary>More</summary><p>Hidden detail</p></details>
         <script>alert(3)</script><style>p { color: red }</style>
         <p hidden>Not printed</p>
       </section>`,
      'text/html',
    );
    container.append(...Array.from(parsed.body.childNodes));
    return container;
  }

  it('puts the letter first, then each exhibit from a new page with its title', async () => {
    const file = await readDocx(await toFile(packetToDocx(packet(), META)));
    const titles = [...file.html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1]);
    expect(titles).toEqual(['Exhibit A: Service log', 'Exhibit B: Gap summary']);
    expect(file.text.indexOf('Dear Dispute Resolution')).toBeLessThan(
      file.text.indexOf('Exhibit A: Service log'),
    );
    expect(file.text.indexOf('Exhibit A: Service log')).toBeLessThan(
      file.text.indexOf('Exhibit B: Gap summary'),
    );
    const paragraphs = file.parts.get('word/document.xml')!.match(/<w:p>[\s\S]*?<\/w:p>/g) ?? [];
    const breaking = paragraphs.filter((p) => p.includes('<w:pageBreakBefore/>'));
    expect(breaking.map((p) => xmlTexts(p).join(''))).toEqual(titles);
    for (const p of breaking) expect(p).toContain('<w:pStyle w:val="Heading2"/>');
  });

  it('keeps tables as tables, a figure as its caption and data table, and text of the rest', async () => {
    const file = await readDocx(await toFile(packetToDocx(packet(), META)));
    expect(tableCells(file.html)).toEqual([
      [
        ['Date', 'Scheduled', 'Delivered', 'Missed', 'Reason', 'Note'],
        ['Oct 5', '30', '0', '30', 'Provider absent', '<img src=x onerror=alert(1)>'],
        ['Oct 7', '30', '15', '15', 'Cut short', ''],
      ],
      [
        ['Week of', 'Expected', 'Given'],
        ['Oct 5', '60', '0'],
      ],
    ]);
    expect(file.text).toContain('Speech therapy minutes by week');
    expect(file.text.indexOf('Speech therapy minutes by week')).toBeLessThan(
      file.text.indexOf('Week of'),
    );
    expect(file.html).toContain('<ul><li>Owed: 45 minutes</li></ul>');
    expect(file.html).toContain('<p>Unknown <strong>tag</strong> text</p>');
    expect(file.text).toContain('More');
    expect(file.text).toContain('Hidden detail');
    for (const absent of ['chart label', 'alert(3)', 'color: red', 'Not printed', 'Leave this'])
      expect(file.text).not.toContain(absent);
    expect(file.parts.get('word/document.xml')).not.toMatch(/<img|<svg|<script/);
  });
});
