/**
 * XSS: the 1,275 hostile strings of tests/fixtures/xss (script tags, event handlers,
 * javascript: URLs, SVG/MathML, broken markup, template and CSV-formula payloads, direction
 * overrides, zero-width characters, emoji, very long strings) as every name, school, provider,
 * label and note, and every surface shows them as text and runs none of them:
 *
 *   - no payload ran: the sentinel window.__xss is never set (in any frame) and no alert,
 *     confirm or print dialog opened;
 *   - no payload became markup: no element with an on* attribute, no script without src, no
 *     javascript: link, no iframe/object/embed/base/meta-refresh/SVG or MathML vector;
 *   - the text is there literally (whitespace folded, as HTML shows it).
 *
 * Surfaces: popup, tracker (gaps, log with all 1,275 notes, services, students, calendar, your
 * details, letters), letter page, evidence report (screen and print), picker, the text inserted
 * into Gmail, and the session log CSV.
 */
import type { Frame, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupData } from '../../lib/backup';
import { serviceName } from '../../lib/model';
import { hostileStrings } from '../fixtures/xss/corpus';
import { hostileDataset } from '../fixtures/xss/dataset';
import {
  chooseKind,
  insertButtons,
  pickerClosed,
  waitForButtons,
  waitForPicker,
} from './compose-support';
import { eventually, seedDatabase, type ExtensionBrowser } from './harness';
import { sharedExtensionBrowser } from './support/shared-browser';
import { captureDownloads, clickText, lastDownload } from './page-actions';
import { setExtensionToday } from './support/clock';
import { pinComposeToken } from './support/compose-names';

const TODAY = '2027-03-04';

/** Selectors that only a payload could have put in our pages. */
const INJECTED = [
  'script:not([src])',
  'iframe',
  'object',
  'embed',
  'base',
  'frameset',
  'meta[http-equiv]',
  'marquee',
  'math',
  'xss',
  'keygen',
  'isindex',
  'template',
  'noscript',
  'details[ontoggle]',
  'svg[onload]',
  'svg script',
  'svg animate',
  'svg set',
  'foreignObject',
  'img[src="x"]',
  'img[src="x:x"]',
  'a[href^="javascript:" i]',
  'a[href^="data:" i]',
  'form[action]',
  'button[formaction]',
  'link[rel="import"]',
].join(', ');

interface Scan {
  sentinel: unknown;
  injected: string[];
  onAttributes: string[];
  /** Text and form values, with lone surrogates made well-formed for the trip to Node. */
  text: string;
}

/** Looks for traces of a payload in one frame, and returns its text. */
async function scan(frame: Frame | Page, injected: string): Promise<Scan> {
  return frame.evaluate((selector: string) => {
    const elements = Array.from(document.querySelectorAll('*'));
    const onAttributes: string[] = [];
    for (const element of elements)
      for (const attribute of Array.from(element.attributes))
        if (attribute.name.toLowerCase().startsWith('on'))
          onAttributes.push(`${element.localName}[${attribute.name}]`);
    const values = Array.from(document.querySelectorAll('input, textarea, select')).map(
      (control) => (control as HTMLInputElement).value,
    );
    const text = [document.body?.textContent ?? '', ...values].join('\n');
    return {
      sentinel: (window as unknown as { __xss?: unknown }).__xss,
      injected: Array.from(document.querySelectorAll(selector)).map((element) =>
        element.outerHTML.slice(0, 120),
      ),
      onAttributes,
      text: (text as unknown as { toWellFormed(): string }).toWellFormed(),
    };
  }, injected);
}

/**
 * Renders the page for print (as "Print / save as PDF" does: print media, beforeprint and
 * afterprint) and leaves it in print media where the browser can, for the checks that follow.
 */
async function printed(page: Page): Promise<void> {
  await page.pdf();
  await page.emulateMediaType('print').catch(() => {
    // Firefox over WebDriver BiDi cannot emulate media; the PDF above rendered it for print.
  });
}

/** HTML folds runs of whitespace; compare the same way. */
function fold(text: string): string {
  return (text as unknown as { toWellFormed(): string }).toWellFormed().replace(/\s+/g, ' ').trim();
}

/** Which of `expected` the scanned text does not contain. */
function missing(scanned: Scan, expected: readonly string[]): string[] {
  const text = fold(scanned.text);
  return expected.filter((value) => !text.includes(fold(value)));
}

function expectClean(scanned: Scan, where: string): void {
  expect(scanned.sentinel, `${where}: window.__xss`).toBeUndefined();
  expect(scanned.injected, `${where}: injected elements`).toEqual([]);
  expect(scanned.onAttributes, `${where}: on* attributes`).toEqual([]);
}

/** A CSV document into rows of fields (RFC 4180, as lib/csv writes it). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i += 1) {
    const char = body[i]!;
    if (quoted && char === '"' && body[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (quoted && char === '"') {
      quoted = false;
    } else if (quoted) {
      field += char;
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && body[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else {
      field += char;
    }
  }
  return rows;
}

describe('XSS: hostile strings are shown as text and never run', () => {
  let ext: ExtensionBrowser;
  let data: BackupData;
  const dialogs: string[] = [];
  const surfaces: string[] = [];
  const student = () => data.students[0]!;
  const services = () => data.services.filter((s) => s.studentId === student().id);

  async function watch(page: Page): Promise<Page> {
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.bringToFront();
    return page;
  }

  async function open(path: string, waitFor: string): Promise<Page> {
    return watch(await ext.openExtensionPage(path, { waitFor }));
  }

  /**
   * Scans once the expected text has rendered (pages load their data after they open): that
   * text is the signal the hostile data is on screen, so the scan that follows is meaningful.
   */
  async function check(page: Page | Frame, where: string, expected: readonly string[]) {
    const scanned = await eventually(
      async () => {
        const result = await scan(page, INJECTED);
        expect(missing(result, expected), `${where}: text shown literally`).toEqual([]);
        return result;
      },
      `${where} to show its ${expected.length} strings`,
      { interval: 250 },
    );
    expectClean(scanned, where);
    surfaces.push(`${where} (${expected.length} strings)`);
  }

  beforeAll(async () => {
    data = hostileDataset();
    ext = await sharedExtensionBrowser();
    const page = await ext.openExtensionPage('tracker.html#/gaps');
    await setExtensionToday(page, TODAY);
    await pinComposeToken(page);
    await seedDatabase(page, data);
    await page.close();
  });
  afterAll(async () => {
    console.log(
      `xss: ${hostileStrings().length} hostile strings; surfaces checked:\n  ${surfaces.join('\n  ')}\ndialogs: ${dialogs.length}`,
    );
    await ext?.close();
  });

  it('the checks catch a planted payload (so a clean result means something)', async () => {
    const page = await open('popup.html', '[data-testid="gap-cards"][data-ready="true"]');
    await page.evaluate(() => {
      const planted = document.createElement('div');
      planted.id = 'planted';
      // Built with DOM calls in the test, not by the extension: the CSP would block the handler.
      const image = document.createElement('img');
      image.setAttribute('src', 'x');
      image.setAttribute('onerror', 'window.__xss=1');
      planted.append(image, document.createElement('iframe'));
      document.body.append(planted);
      (window as unknown as { __xss: number }).__xss = 1;
    });
    const scanned = await scan(page, INJECTED);
    expect(scanned.sentinel).toBe(1);
    expect(scanned.injected.length).toBe(2);
    expect(scanned.onAttributes).toEqual(['img[onerror]']);
    expect(missing(scanned, ['not on the page'])).toEqual(['not on the page']);
    await page.close();
  });

  it('the popup', async () => {
    const popup = await open('popup.html', '[data-testid="gap-cards"][data-ready="true"]');
    await check(popup, 'popup', [
      ...data.students.map((s) => s.name),
      ...services().map(serviceName),
    ]);
    await popup.close();
  });

  it('the tracker: gaps, services, students, calendar, your details, letters', async () => {
    const tracker = await open('tracker.html#/gaps', 'main h1');
    const routes: [string, string, string[]][] = [
      ['/gaps', 'Gaps', services().map(serviceName)],
      [
        '/services',
        'Services',
        services().flatMap((s) => [serviceName(s), s.provider, s.location]),
      ],
      ['/students', 'Students', data.students.flatMap((s) => [s.name, s.school])],
      [
        '/calendar',
        'School calendar',
        data.calendars.flatMap((c) => [c.name, ...c.closures.map((x) => x.label)]),
      ],
      [
        '/profile',
        'Your details',
        [data.profile.parentName, data.profile.address, data.profile.directorName],
      ],
      [
        '/letters',
        'Letters',
        data.letters.filter((l) => l.studentId === student().id).flatMap((l) => [l.subject]),
      ],
    ];
    for (const [path, title, expected] of routes) {
      await tracker.evaluate((hash: string) => (location.hash = hash), path);
      await tracker.waitForFunction(
        (text: string) => document.querySelector('main h1')?.textContent === text,
        {},
        title,
      );
      await check(tracker, `tracker ${path}`, expected);
    }
    await tracker.close();
  });

  it('the session log shows all 1,275 notes as text', async () => {
    const tracker = await open('tracker.html#/log', 'main h1');
    const notes = data.sessions.filter((s) => s.studentId === student().id).map((s) => s.note);
    expect(notes.length).toBe(hostileStrings().length);
    // Press "Show 100 more" until every entry is listed.
    await tracker.waitForFunction(
      (count: number) => {
        Array.from(document.querySelectorAll('button'))
          .find((b) => /^Show \d+ more$/.test(b.textContent ?? ''))
          ?.click();
        return document.querySelectorAll('main tbody tr').length >= count;
      },
      { polling: 200, timeout: 30_000 },
      notes.length,
    );
    await check(tracker, 'tracker /log', notes);
    await tracker.close();
  });

  it('the letter page and the evidence report, on screen and in print', async () => {
    const letter = await open(
      `letter.html?student=${student().id}&kind=service-concern`,
      '[data-testid=letter-editor] p',
    );
    await check(letter, 'letter page', [student().name, data.profile.parentName]);
    await printed(letter);
    await check(letter, 'letter page (print)', [student().name]);
    await letter.close();

    const report = await open(
      `report.html?student=${student().id}`,
      '[data-testid=evidence-report]',
    );
    const missedNotes = data.sessions
      .filter((s) => s.studentId === student().id && s.status !== 'delivered')
      .map((s) => s.note);
    await check(report, 'evidence report', [student().name, ...services().map(serviceName)]);
    await printed(report);
    await check(report, 'evidence report (print)', [student().name]);
    const reportText = fold((await scan(report, INJECTED)).text);
    const notesShown = missedNotes.filter((note) => reportText.includes(fold(note))).length;
    surfaces.push(
      `evidence report notes shown literally: ${notesShown} of ${missedNotes.length} missed/partial`,
    );
    await report.close();
  });

  it('a saved letter whose text is hostile HTML (say, from a tampered backup) opens inert', async () => {
    const page = await open('popup.html', 'body');
    const body = hostileStrings()
      .map((h) => `<p>${h.text}</p>`)
      .join('');
    await seedDatabase(page, {
      letters: [{ ...data.letters[0]!, id: 'xss-letter-body', bodyHtml: body }],
    });
    await page.close();
    const letter = await open(
      'letter.html?letter=xss-letter-body',
      '[data-testid=letter-editor] p',
    );
    await check(letter, 'letter page, saved hostile HTML', []);
    await letter.close();
  });

  for (const [host, label] of [
    ['mail.google.com', 'Gmail'],
    ['outlook.office.com', 'Outlook'],
  ] as const) {
    it(`the picker and the paragraph inserted into ${label}`, async () => {
      const page = await watch(await ext.newPage());
      await page.goto(ext.fixtures.url(host, '/compose.html'), { waitUntil: 'load' });
      await waitForButtons(page, 1);
      // The host page's own markup is its business: compare what insertion adds.
      const before = await scan(page, INJECTED);
      const [button] = await insertButtons(page);
      await button!.click();
      const picker = await waitForPicker(page);
      // chooseKind waits for the kind to be selected; its preview renders in the same update.
      await chooseKind(picker, 'service-concern');
      await check(picker, `picker in ${label}`, [student().name]);
      await picker.page().keyboard.press('Enter');
      await pickerClosed(page);
      const after = await scan(page, INJECTED);
      expect(after.sentinel, `${label}: window.__xss`).toBeUndefined();
      expect(after.injected, `${label}: injected elements`).toEqual(before.injected);
      expect(after.onAttributes, `${label}: on* attributes`).toEqual(before.onAttributes);
      expect(missing(after, [student().name]), `${label}: inserted text`).toEqual([]);
      surfaces.push(`${label} compose after inserting (1 strings)`);
      await page.close();
    });
  }

  it('the CSV downloads keep every note and name, with formulas turned into text', async () => {
    const letters = await open('tracker.html#/letters', 'main h1');
    await letters.waitForFunction(() =>
      Array.from(document.querySelectorAll('button')).some(
        (b) => b.textContent === 'Download the session log (CSV)',
      ),
    );
    await captureDownloads(letters);
    await clickText(letters, 'button', 'Download the session log (CSV)');
    const csv = await lastDownload(letters);
    const [header, ...rows] = parseCsv(csv);
    const noteColumn = header!.indexOf('Note');
    expect(rows).toHaveLength(hostileStrings().length);
    const notes = new Set(rows.map((row) => row[noteColumn]!));
    const wrong = data.sessions
      .filter((s) => s.studentId === student().id)
      .map((s) => (s.note as unknown as { toWellFormed(): string }).toWellFormed())
      .filter((note) => !notes.has(/^[=+\-@\t\r]/.test(note) ? `'${note}` : note));
    expect(wrong).toEqual([]);
    for (const row of rows) for (const field of row) expect(field).not.toMatch(/^[=+\-@\t\r]/);
    surfaces.push(`session log CSV (${rows.length} notes)`);

    // The gap summary: one row per service, named as the IEP writes it (hostile labels here).
    await captureDownloads(letters);
    await clickText(letters, 'button', 'Download the gap summary (CSV)');
    const [summaryHeader, ...summaryRows] = parseCsv(await lastDownload(letters));
    const nameColumn = summaryHeader!.indexOf('Service');
    const expectedNames = services().map((service) => {
      const name = (serviceName(service) as unknown as { toWellFormed(): string }).toWellFormed();
      return /^[=+\-@\t\r]/.test(name) ? `'${name}` : name;
    });
    expect(summaryRows.map((row) => row[nameColumn]).sort()).toEqual(expectedNames.sort());
    for (const row of summaryRows)
      for (const field of row) expect(field).not.toMatch(/^[=+\-@\t\r]/);
    surfaces.push(`gap summary CSV (${summaryRows.length} service names)`);
    await letters.close();
  });

  it('no payload opened a dialog anywhere', () => {
    expect(dialogs).toEqual([]);
  });
});
