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
import {
  addDays,
  formatLongDate,
  formatShortDate,
  startOfWeek,
  type IsoDate,
} from '../../lib/dates';
import { EXHIBIT_LABELS } from '../../lib/drafts';
import { longDate, periodPhrase, whenPhrase } from '../../lib/drafts/words';
import {
  serviceName,
  type DistrictImport,
  type DistrictOutcome,
  type DistrictRecord,
} from '../../lib/model';
import { computeServiceGap } from '../../lib/gap';
import { buildSampleData } from '../../lib/sample';
import { capitalize } from '../../lib/text';
import { expectNoA11yViolations, type ExtensionBrowser } from './harness';
import { readDocx } from '../support/docx';
import { captureDownloads, clickText } from './page-actions';
import {
  eventually,
  flatten,
  launchOnComplaint,
  pdfPages,
  SAMPLE_IDS,
  TODAY,
} from './letters-support';

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

/**
 * Prints the packet to PDF: each page's text, and the page each exhibit starts on, checked to
 * be after the letter, in order, with the exhibit's title at the top of the page.
 */
async function printExhibits(
  page: Page,
  sections: { title: string }[],
): Promise<{ pages: string[]; starts: number[]; raw: string[] }> {
  const raw = await pdfPages(await page.pdf({ format: 'letter' }));
  const pages = raw.map(flatten);
  const starts = sections.map((s) => pages.findIndex((p) => body(p).startsWith(s.title)));
  expect(
    starts.every((i) => i > 0),
    JSON.stringify({ starts, pages: pages.map((p) => body(p).slice(0, 90)) }),
  ).toBe(true);
  expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  return { pages, starts, raw };
}

/** A page's text without Chromium's running head ("Riley Sample November 27, 2026 Page 2 of 9"). */
function withoutRunningHead(text: string): string {
  const head = `${CHILD} ${formatLongDate(TODAY)} Page \\d+ of \\d+ `;
  return text.replace(new RegExp(`^\\s*${head}`), '');
}

describe('letter page: the state complaint printed with exhibits', () => {
  let ext: ExtensionBrowser;
  let letter: Page;
  const data = sampleWithLetters();

  beforeAll(async () => {
    ({ ext, letter } = await launchOnComplaint(data));
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
    const { pages, starts, raw } = await printExhibits(letter, sections);
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
    // Each date is printed on one line, not stacked as "Nov" "10," "2026" in a narrow column.
    const logDates = await letter.$$eval(
      '[data-packet] [data-testid=exhibit-log] tbody tr',
      (trs) => trs.map((tr) => tr.querySelector('td')?.textContent?.trim() ?? ''),
    );
    const rawLog = raw.slice(starts[0], starts[1]).join('\n');
    for (const shown of new Set(logDates)) expect(rawLog, shown).toContain(shown);
    // Headers repeat on every page the log table reaches.
    // (The sums after it may start a page of their own: they are kept whole, with their header.)
    for (const page of pages.slice(starts[0]! + 1, starts[1])) {
      const sumsOnly = withoutRunningHead(page).startsWith('The log above, added up per service');
      expect(page).toContain(sumsOnly ? 'Missed because my child was absent' : 'Scheduled');
    }

    // Exhibit A adds its rows up per service: the letter's figures, from the printed rows (a
    // word broken at its hyphen in a narrow cell joined again).
    const logText = logPages.replace(/(\w)- (\w)/g, '$1-$2');
    for (const service of data.services) {
      const gap = computeServiceGap(service, data.calendar, data.sessions, TODAY);
      expect(logText).toContain(
        [
          capitalize(serviceName(service)),
          gap.delivered,
          gap.madeUp,
          gap.documentedMissed - gap.excused,
          gap.excused,
        ]
          .map((v) => v.toLocaleString('en-US'))
          .join(' '),
      );
    }

    // Exhibit B counts each service from the day the letter's figures and Exhibit A start (the
    // service's first day, a Wednesday), never from that week's Monday.
    const summary = pages.slice(starts[1], starts[2]).join(' ');
    for (const service of data.services) {
      const gap = computeServiceGap(service, data.calendar, data.sessions, TODAY);
      const from = service.startDate > gap.countedFrom! ? service.startDate : gap.countedFrom!;
      expect(letterPages).toContain(capitalize(periodPhrase(from, gap.countedTo!)));
      expect(sections[0]!.title).toContain(formatLongDate(from).replace(/, \d+$/, ''));
      expect(summary).toContain(`${formatShortDate(from)} – ${formatShortDate(gap.countedTo!)}`);
      // Minutes as the letter writes them: "1,802", not "1802".
      expect(letterPages).toContain(`required ${gap.expected.toLocaleString('en-US')} minutes`);
      expect(summary).toContain(` ${gap.expected.toLocaleString('en-US')} `);
    }
    expect(summary).not.toContain(`${formatShortDate(startOfWeek(data.services[0]!.startDate))} –`);
    // Its charts hold finished weeks only, so their legends name no week in progress.
    expect(summary).toContain('Made up');
    expect(summary).not.toContain('not over');

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

/**
 * The district's own logs for speech, imported from one file: a session I logged missed that the
 * district logged given, one I logged given that it marked "student absent", one in the week my
 * log has no entry for that it marked "provider absent", one both logs agree on, and one I logged
 * given that it logged 20 of the IEP's 30 minutes.
 */
const DISTRICT_IMPORT: DistrictImport = {
  id: 'packet-import-1',
  studentId: SAMPLE_IDS.student,
  district: 'Big Sky Valley School District (sample)',
  fileName: 'IC speech log.csv',
  importedAt: 1,
  rowsRead: 5,
  records: 5,
  leftOut: { otherStudent: 0, otherService: 0, notADate: 0, outsideIep: 0, badMinutes: 0 },
};

function districtRow(
  row: number,
  date: IsoDate,
  outcome: DistrictOutcome,
  minutesServed: number,
  code: string,
): DistrictRecord {
  return {
    id: `packet-district-${row}`,
    importId: DISTRICT_IMPORT.id,
    studentId: SAMPLE_IDS.student,
    serviceId: SAMPLE_IDS.speech,
    date,
    outcome,
    minutesServed,
    code,
    serviceText: 'Speech/Language Therapy',
    provider: 'C. Rivers',
    position: 'SLP',
    note: '',
    row,
  };
}

const DISTRICT_ROWS = [
  districtRow(1, '2026-09-08', 'delivered', 30, 'P'),
  districtRow(2, '2026-09-10', 'delivered', 30, 'P'),
  districtRow(3, '2026-09-15', 'student-absent', 0, 'A'),
  districtRow(4, '2026-09-17', 'delivered', 20, 'P'),
  districtRow(5, '2026-10-13', 'provider-absent', 0, 'PA'),
];

const minutes = (n: number) => `${n.toLocaleString('en-US')} min`;
const sum = <T>(list: readonly T[], of: (item: T) => number) =>
  list.reduce((total, item) => total + of(item), 0);

describe("letter page: the complaint packet with the district's logs as an exhibit", () => {
  let ext: ExtensionBrowser;
  let letter: Page;
  const data = sampleWithLetters();
  const speech = data.services.find((s) => s.id === SAMPLE_IDS.speech)!;
  const perSession = speech.minutes / (speech.sessionsPerPeriod ?? 1);
  // The week of TODAY is not over, so the counted weeks end on the Sunday before it.
  const countedTo = addDays(startOfWeek(TODAY), -1);
  const mine = data.sessions.filter(
    (s) => s.serviceId === speech.id && !s.makeUp && s.date <= countedTo,
  );
  const mineOn = (date: IsoDate) => mine.filter((s) => s.date === date);
  const conflict = DISTRICT_ROWS[0]!;
  const logged = mineOn(conflict.date);
  const noEntry = DISTRICT_ROWS.filter((r) => mineOn(r.date).length === 0);
  const title = "The district's service logs compared with mine";

  beforeAll(async () => {
    // What the rows are chosen to show, in the sample's own log.
    expect(logged.map((s) => `${s.status} ${s.reason}`)).toEqual(['missed provider-absent']);
    expect(mineOn(DISTRICT_ROWS[2]!.date).map((s) => s.status)).toEqual(['delivered']);
    expect(noEntry.map((r) => r.date)).toEqual(['2026-10-13']);
    ({ ext, letter } = await launchOnComplaint({
      ...data,
      districtImports: [DISTRICT_IMPORT],
      districtRecords: DISTRICT_ROWS,
    }));
    await toggle(letter, 'Print the letter with its evidence');
    await eventually(async () => (await exhibits(letter)).length === 4, 'four exhibits');
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('letters it C, after the totals and before the letters, and the letter names it', async () => {
    expect((await exhibits(letter)).map((s) => `${s.letter} ${s.title}`)).toEqual([
      expect.stringMatching(/^A Exhibit A: Service log, /),
      expect.stringMatching(/^B Exhibit B: Required, delivered and missed minutes, /),
      `C Exhibit C: ${title}`,
      'D Exhibit D: My letters to the district and the replies',
    ]);
    const text = flatten(await editorText(letter));
    expect(text).toContain("Exhibit C, the comparison with the district's own service logs");
    expect(text).toContain('Exhibit D, the history of my letters and the replies');
    expect(text).toMatch(
      new RegExp(`Enclosures: Exhibit A: .+; Exhibit B: .+; Exhibit C: ${title}; Exhibit D: `),
    );
    await expectNoA11yViolations(letter);
  });

  it('prints it on a page of its own, with figures that add up from the seeded rows', async () => {
    const { pages, starts } = await printExhibits(letter, await exhibits(letter));
    // Sentences may run over a page break: the letter's text without the running heads.
    const letterText = pages.slice(0, starts[0]).map(withoutRunningHead).join(' ');
    // A word broken at its hyphen at the end of a cell's line ("speech-" "language") joined again.
    const exhibitC = pages
      .slice(starts[2], starts[3])
      .join(' ')
      .replace(/(\w)- (\w)/g, '$1-$2');

    // The letter: where it compared, the district's own "not provided", and the conflict row.
    expect(letterText).toContain(
      `I have compared my log with the district's own service logs for ${serviceName(speech)} (${periodPhrase(DISTRICT_ROWS[0]!.date, DISTRICT_ROWS.at(-1)!.date)}; file "${DISTRICT_IMPORT.fileName}").`,
    );
    expect(letterText).toContain("Exhibit C, the comparison with the district's own service logs");
    const short = DISTRICT_ROWS.filter(
      (r) => r.outcome !== 'student-absent' && r.minutesServed! < perSession,
    ).sort((a, b) => (a.date < b.date ? -1 : 1));
    const shortMinutes = sum(short, (r) => perSession - r.minutesServed!);
    expect(letterText).toContain(
      `The district's service logs show ${short.length} sessions of ${serviceName(speech)}, ${shortMinutes} minutes in all, not provided or cut short ${whenPhrase(short[0]!.date, short.at(-1)!.date)}.`,
    );
    // One service has the district's rows, so the table of conflicts has no service column.
    expect(letterText).toContain(
      [
        longDate(conflict.date),
        `Missed, ${logged[0]!.scheduledMinutes - logged[0]!.minutesDelivered} minutes (provider absent)`,
        `Delivered, ${conflict.minutesServed} minutes (code ${conflict.code})`,
      ].join(' '),
    );
    expect(letterText).toMatch(
      new RegExp(`Enclosures: Exhibit A: .+; Exhibit B: .+; Exhibit C: ${title}; Exhibit D: `),
    );

    // The exhibit: what the district's file covers, and the side-by-side totals over the weeks it
    // covers (like with like: the IEP's minutes, my log and the district's over the same weeks).
    // The district's columns are sums of the seeded rows; mine and the required minutes are the
    // gap engine's weeks that the file's dates (Sep 8 – Oct 13) fall in.
    const [first, last] = [DISTRICT_ROWS[0]!.date, DISTRICT_ROWS.at(-1)!.date];
    expect(exhibitC, exhibitC).toContain(
      `File "${DISTRICT_IMPORT.fileName}": ${DISTRICT_ROWS.length} records of ${serviceName(speech)}, ${periodPhrase(first, last)}.`,
    );
    const weeks = computeServiceGap(speech, data.calendar, data.sessions, TODAY).periods.filter(
      (p) => p.start <= last && first <= p.end,
    );
    expect(weeks[0]!.start).toBe(startOfWeek(first));
    expect(weeks.at(-1)!.start).toBe(startOfWeek(last));
    const span = `${formatShortDate(weeks[0]!.start).replace(/, \d+$/, '')} – ${formatShortDate(weeks.at(-1)!.end)}`;
    const unlogged = sum(weeks, (p) => p.unaccounted);
    const notGiven = DISTRICT_ROWS.filter((r) => r.outcome !== 'delivered');
    const absent = notGiven.filter((r) => r.outcome === 'student-absent');
    // Both logs' documented missed minutes include the child's absences, each said beside them.
    const absentInMine = mine.filter(
      (s) =>
        s.reason === 'student-absent' && s.date >= weeks[0]!.start && s.date <= weeks.at(-1)!.end,
    );
    expect(absentInMine.length).toBeGreaterThan(0);
    expect(exhibitC).toContain(
      'Both "documented missed" columns count the sessions my child missed by being absent',
    );
    // The whole table is on the page: its last column too (a wide table once ran off the edge).
    expect(exhibitC, exhibitC).toContain('No record in either log');
    expect(exhibitC, exhibitC).toContain(
      [
        `${capitalize(serviceName(speech))} (${span})`,
        minutes(sum(weeks, (p) => p.expected)),
        minutes(sum(weeks, (p) => p.delivered)),
        minutes(sum(DISTRICT_ROWS, (r) => r.minutesServed!)),
        minutes(sum(weeks, (p) => p.documentedMissed)),
        `(${minutes(sum(absentInMine, (s) => s.scheduledMinutes - s.minutesDelivered))} student absent)`,
        minutes(sum(DISTRICT_ROWS, (r) => perSession - r.minutesServed!)),
        `(${minutes(sum(absent, (r) => perSession - r.minutesServed!))} student absent)`,
        minutes(unlogged - sum(noEntry, (r) => perSession - r.minutesServed!)),
        `(was ${minutes(unlogged)} with my log alone)`,
      ].join(' '),
    );
    // The parent is the author: the packet says "my log", never "your log".
    expect(pages.join(' ')).not.toMatch(/your log/i);
    // Exhibit B's chart: the weeks the district's file does not cover have no district value
    // (not 0), and its description counts only the weeks the file covers.
    const exhibitB = pages.slice(starts[1], starts[2]).join(' ');
    expect(exhibitB).toContain('Delivered (my log)');
    expect(exhibitB).toContain('Not in the district file');
    const described = await letter.$$eval('[data-packet] svg[role="img"] desc', (descs) =>
      descs.map((d) => d.textContent ?? ''),
    );
    expect(described.join(' ')).toContain(
      `In the ${weeks.length} finished weeks the district's log covers, it shows ${sum(DISTRICT_ROWS, (r) => r.minutesServed!)} minutes delivered; my log shows ${sum(weeks, (p) => p.delivered)}.`,
    );
    expect(exhibitC, exhibitC).not.toContain('Exhibit D');

    // The dated lists: each date the logs disagree on, and each session the district's own file
    // shows as not provided, with what my log and the district's file say, and the file.
    const file = `in "${DISTRICT_IMPORT.fileName}"`;
    const name = capitalize(serviceName(speech));
    const [given, , away, under, gone] = DISTRICT_ROWS;
    const row = (date: IsoDate, ...cells: string[]) =>
      expect(exhibitC, exhibitC).toContain([formatShortDate(date), name, ...cells].join(' '));
    row(
      given!.date,
      'Conflict: district says delivered, I logged missed',
      `Missed, ${perSession} minutes (provider absent)`,
      `Delivered, ${given!.minutesServed} minutes (code ${given!.code}), ${file}`,
    );
    row(
      away!.date,
      'Conflict: district says absent, I logged my child there',
      `My child was there: delivered, ${perSession} minutes`,
      `Student absent (code ${away!.code}), ${file}`,
    );
    row(
      under!.date,
      `The district's own log shows ${under!.minutesServed} minutes of the IEP's ${perSession} minutes per session.`,
      `Delivered, ${perSession} minutes`,
      `Delivered, ${under!.minutesServed} minutes (code ${under!.code}), ${file}`,
    );
    row(
      under!.date,
      String(perSession - under!.minutesServed!),
      `Delivered, ${perSession} minutes`,
      `Delivered, ${under!.minutesServed} minutes (code ${under!.code}), ${file}`,
    );
    row(
      gone!.date,
      String(perSession),
      'No entry',
      `Provider absent (code ${gone!.code}), ${file}`,
    );
    expect(exhibitC).toContain(
      `Total (${short.length} sessions) ${shortMinutes} minutes, from the district's own file`,
    );

    // Exhibit D: how each letter was sent, never broken at a hyphen ("E- mail").
    const exhibitD = pages.slice(starts[3]).join(' ');
    expect(exhibitD, exhibitD).toContain('Dr. Pat Example, E-mail');
    expect(exhibitD).toContain('Dr. Pat Example, Mail');
    expect(exhibitD).not.toMatch(/E-\s+mail/);
    // A letter with no reply says what the complaint's own table says.
    expect(letterText).toContain(
      'Making up the missed minutes", to Dr. Pat Example, by mail No response',
    );
    expect(exhibitD).toContain('Mail No response');
    expect(exhibitD).toContain(
      'Request for compensatory services (make-up of missed services) — "Making up the missed minutes"',
    );
  });

  it('is in the Word file between Exhibits B and D, with its totals as a table', async () => {
    const downloads = await captureDownloads(letter);
    try {
      await clickText(letter, 'button', 'Download Word with exhibits (.docx)');
      const [name] = await downloads.waitFor(1);
      const file = await readDocx(readFileSync(join(downloads.folder, name!)));
      const text = flatten(file.text);
      const at = ['Exhibit B: ', `Exhibit C: ${title}`, 'Exhibit D: '].map((t) =>
        text.lastIndexOf(t),
      );
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      expect(at[0]).toBeGreaterThan(text.indexOf('Enclosures:'));
      expect(file.html).toContain(
        `<td><p>${minutes(sum(DISTRICT_ROWS, (r) => r.minutesServed!))}</p></td>`,
      );
    } finally {
      await downloads.dispose();
    }
  });

  it('re-letters the letters to C when it is left out, and the letter stops naming it', async () => {
    await toggle(letter, EXHIBIT_LABELS['district-logs']);
    await eventually(async () => {
      expect((await exhibits(letter)).map((s) => s.letter)).toEqual(['A', 'B', 'C']);
      expect(await editorText(letter)).toContain('Exhibit C, the history of my letters');
      return true;
    }, 'three exhibits, re-lettered');
    const text = flatten(await editorText(letter));
    expect(text).not.toContain('Exhibit D');
    expect(text).not.toContain("the comparison with the district's own service logs");
    expect(text).toContain('Exhibit C: My letters to the district and the replies.');
    const pages = (await pdfPages(await letter.pdf({ format: 'letter' }))).map(flatten);
    expect(pages.join(' ')).not.toContain(title);
    expect(
      pages.some((p) =>
        body(p).startsWith('Exhibit C: My letters to the district and the replies'),
      ),
    ).toBe(true);
  });
});
