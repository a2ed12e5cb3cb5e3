/**
 * The letter page end to end, on the sample family: draft the OPI state complaint, edit it,
 * print it to PDF and read the PDF's text, record it as sent and see OPI's 60-day deadline, then
 * move the extension's "today" past it and see the reminder fire once (and again only when the
 * record of what was shown is cleared and the alarm runs).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatLongDate } from '../../lib/dates';
import type { Letter } from '../../lib/model';
import { expectNoA11yViolations, readStore, type ExtensionBrowser } from './harness';
import { setExtensionToday } from './support/clock';
import { captureDownloads } from './support/downloads';
import { waitForReminderCheck } from './support/reminders';
import { readClipboard } from './support/firefox-chrome';
import {
  eventually,
  flatten,
  pdfPages,
  readLocalStorage,
  launchOnComplaint,
  SAMPLE_IDS,
  TODAY,
} from './letters-support';

/** The few extension APIs the test calls inside the service worker and pages. */
declare const chrome: {
  notifications: {
    getAll(): Promise<Record<string, boolean>>;
    clear(id: string): Promise<boolean>;
  };
  alarms: { create(name: string, info: { when: number }): Promise<void> };
  storage: { local: { remove(key: string): Promise<void> } };
};

const EDIT = 'On October 5, 2026 I e-mailed the director about the missed sessions; no reply came.';
const DECISION_DUE = addDays(TODAY, 60); // Nov 27, 2026 + 60 days = Jan 26, 2027
const NOTIFIED_KEY = 'reminders.notified';

async function editorText(page: Page): Promise<string> {
  return page.$eval('[data-testid=letter-editor]', (el) => (el as HTMLElement).innerText);
}

async function clickButton(page: Page, text: string, within = 'body'): Promise<void> {
  const clicked = await page.evaluate(
    (label: string, scope: string) => {
      const root = document.querySelector(scope);
      const button = Array.from(root?.querySelectorAll('button') ?? []).find(
        (b) => b.textContent?.trim() === label,
      );
      button?.click();
      return Boolean(button);
    },
    text,
    within,
  );
  expect(clicked, `a "${text}" button`).toBe(true);
}

async function chooseRadio(page: Page, label: string, within: string): Promise<void> {
  const chosen = await page.evaluate(
    (text: string, scope: string) => {
      const labels = Array.from(document.querySelectorAll(`${scope} label.choice`));
      const match = labels.find((l) => l.textContent?.trim() === text);
      match?.querySelector('input')?.click();
      return Boolean(match);
    },
    label,
    within,
  );
  expect(chosen, `a "${label}" choice`).toBe(true);
}

/** Fills a labelled control the way typing or picking does (input or change event). */
async function fill(page: Page, scope: string, label: string, value: string): Promise<void> {
  const found = await page.evaluate(
    (root: string, text: string, next: string) => {
      const labels = Array.from(document.querySelectorAll(`${root} label`));
      const match = labels.find((l) => l.textContent?.replace(' *', '').trim() === text);
      const control = match && document.getElementById(match.getAttribute('for') ?? '');
      if (!control) return false;
      const proto = Object.getPrototypeOf(control) as object;
      Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(control, next);
      control.dispatchEvent(
        new Event(control.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }),
      );
      return true;
    },
    scope,
    label,
    value,
  );
  expect(found, `a field labelled "${label}"`).toBe(true);
}

/** The message shown under a labelled control (linked by aria-describedby), or null. */
async function fieldError(page: Page, scope: string, label: string): Promise<string | null> {
  return page.evaluate(
    (root: string, text: string) => {
      const labels = Array.from(document.querySelectorAll(`${root} label`));
      const match = labels.find((l) => l.textContent?.replace(' *', '').trim() === text);
      const control = match && document.getElementById(match.getAttribute('for') ?? '');
      const ids = control?.getAttribute('aria-describedby')?.split(' ') ?? [];
      const error = ids
        .map((id) => document.getElementById(id))
        .find((el) => el?.classList.contains('field-error'));
      return error?.textContent ?? null;
    },
    scope,
    label,
  );
}

describe('letter page: the OPI state complaint', () => {
  let ext: ExtensionBrowser;
  let letter: Page;

  beforeAll(async () => {
    ({ ext, letter } = await launchOnComplaint());
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('drafts the complaint from the tracker, with the checklist beside it', async () => {
    const text = await editorText(letter);
    expect(text).toContain(formatLongDate(TODAY));
    expect(text).toContain('Riley Sample');
    expect(text).toContain('ARM 10.16.3662');
    expect(text).toContain('P.O. Box 202501');
    const checklist = await letter.$eval(
      '[data-testid=complaint-checklist]',
      (el) => (el as HTMLElement).innerText,
    );
    expect(checklist).toContain('Within one year of the problem');
    expect(checklist).toContain('copy to Big Sky Valley School District (sample)');
    // The "not legal advice" note is on the page, outside the letter.
    const page = await letter.$eval('body', (el) => (el as HTMLElement).innerText);
    expect(page).toContain('Disability Rights Montana');
    expect(text).not.toContain('Disability Rights Montana');
    expect(text).not.toContain('legal advice');
  });

  it('has no serious or critical accessibility violations', async () => {
    await expectNoA11yViolations(letter);
  });

  it('lists the fill-ins left and lets the user replace one by typing', async () => {
    const fillIns = await letter.$$eval('[data-testid=fill-ins] li', (items) =>
      items.map((li) => li.textContent ?? ''),
    );
    expect(fillIns.length).toBeGreaterThan(0);
    const marker = /\[[^\]]+\]/.exec(fillIns[0]!)![0];
    expect(await editorText(letter)).toContain(marker);
    await clickButton(letter, `Go to ${marker}`, '[data-testid=fill-ins]');
    await letter.keyboard.type(EDIT);
    const text = await editorText(letter);
    expect(text).toContain(EDIT);
    expect(text).not.toContain(marker);
    const left = await letter.$$eval('[data-testid=fill-ins] li', (items) =>
      items.map((li) => li.textContent ?? ''),
    );
    expect(left.some((item) => item.includes(marker))).toBe(false);
  });

  it('reaches the formatting toolbar and the text by keyboard', async () => {
    const focused = () =>
      letter.evaluate(
        () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id,
      );
    await letter.focus('.letter-work input[type=text]'); // the subject
    await letter.keyboard.press('Tab');
    expect(await focused()).toBe('Bold');
    await letter.keyboard.press('ArrowRight');
    expect(await focused()).toBe('Italic');
    await letter.keyboard.press('End');
    expect(await focused()).toBe('Redo');
    await letter.keyboard.press('Tab');
    expect(await focused()).toBe('letter-text');
    // Ctrl+B bolds the selected words in the text.
    await letter.evaluate(() => {
      const paragraph = document.querySelector('#letter-text p')!;
      const range = document.createRange();
      range.selectNodeContents(paragraph);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    });
    await letter.keyboard.down('Control');
    await letter.keyboard.press('b');
    await letter.keyboard.up('Control');
    expect(await letter.$eval('#letter-text p', (p) => p.innerHTML)).toMatch(/^<(b|strong)>/);
    // The toolbar follows the selection on the next selectionchange, after the key is handled.
    await letter.waitForFunction(
      () =>
        document.querySelector('button[aria-label=Bold]')?.getAttribute('aria-pressed') === 'true',
      { timeout: 10_000 },
    );
    await letter.keyboard.down('Control');
    await letter.keyboard.press('z');
    await letter.keyboard.up('Control');
    expect(await letter.$eval('#letter-text p', (p) => p.innerHTML)).not.toMatch(/^<(b|strong)>/);
  });

  it('keeps the edits when a setting changes, and offers to rebuild', async () => {
    await chooseRadio(letter, 'E-mail', '.letter-settings');
    await letter.waitForSelector('[data-testid=settings-changed]');
    expect(await editorText(letter)).toContain(EDIT);
    await chooseRadio(letter, 'Printed letter', '.letter-settings');
    await letter.waitForSelector('[data-testid=settings-changed]', { hidden: true });
    expect(await editorText(letter)).toContain(EDIT);
  });

  it('adds the attachments list from the checklist', async () => {
    await clickButton(letter, 'Add an attachments list to the letter');
    expect(await editorText(letter)).toContain('Attachments: (1) Evidence report');
    const attachmentsItem = await letter.$$eval('[data-testid=checklist-item]', (items) =>
      items.map((i) => [i.textContent ?? '', i.getAttribute('data-ok')]),
    );
    expect(attachmentsItem.find(([t]) => t!.includes('Attachments are listed'))?.[1]).toBe('true');
  });

  it('copies rich text with plain text, and downloads .txt and .html', async () => {
    if (ext.browserName === 'chromium')
      await ext.browser
        .defaultBrowserContext()
        .overridePermissions(ext.extensionOrigin, ['clipboard-read', 'clipboard-write']);
    await letter.bringToFront();
    await clickButton(letter, 'Copy with formatting');
    await letter.waitForFunction(() =>
      document.querySelector('[data-testid=letter-status]')?.textContent?.includes('Copied'),
    );
    // Chromium: read in the page (permission granted through CDP). Firefox lets no page read
    // the clipboard without a prompt: the browser itself reads it (./support/firefox-chrome).
    const copied =
      ext.browserName === 'firefox'
        ? await readClipboard(ext.browser).then(({ html, text }) => ({
            types: [
              ...(html === null ? [] : ['text/html']),
              ...(text === null ? [] : ['text/plain']),
            ],
            html: html ?? '',
            text: text ?? '',
          }))
        : await letter.evaluate(async () => {
            const [item] = await navigator.clipboard.read();
            const read = async (type: string) => (await item!.getType(type)).text();
            return {
              types: item!.types,
              html: await read('text/html'),
              text: await read('text/plain'),
            };
          });
    expect(copied.types).toEqual(expect.arrayContaining(['text/html', 'text/plain']));
    expect(copied.html).toContain('<table>');
    expect(copied.html).toContain(EDIT);
    expect(copied.html).not.toMatch(/<script|style=|class=|<mark/);
    expect(copied.text).toContain(EDIT);
    expect(copied.text).toMatch(/Date \| Service \| Minutes scheduled/);

    const downloads = await captureDownloads(letter);
    try {
      await clickButton(letter, 'Download .txt');
      await clickButton(letter, 'Download .html');
      const names = await downloads.waitFor(2);
      const stem = `riley-sample-state-complaint-${TODAY}`;
      expect(names).toEqual([`${stem}.html`, `${stem}.txt`]);
      const text = readFileSync(join(downloads.folder, `${stem}.txt`), 'utf8');
      expect(text).toContain(EDIT);
      expect(text).toContain('P.O. Box 202501');
      const html = readFileSync(join(downloads.folder, `${stem}.html`), 'utf8');
      expect(html).toMatch(/^<!doctype html>/);
      expect(html).toContain('display: table-header-group');
      expect(html).toContain(EDIT);
    } finally {
      await downloads.dispose();
    }
  });

  it('prints to a PDF with every element of a complaint and nothing of the page', async () => {
    const pages = await pdfPages(await letter.pdf({ format: 'letter' }));
    expect(pages.length).toBeGreaterThan(1);
    const all = flatten(pages.join('\n'));
    for (const required of [
      formatLongDate(TODAY), // date line
      'Jordan Sample', // the complainant
      '(406) 555-0142', // their contact information
      'Office of Public Instruction', // OPI's address
      'P.O. Box 202501',
      'Helena, MT 59620-2501',
      'ARM 10.16.3662',
      '34 C.F.R. § 300.153',
      'Riley Sample', // the child
      '123 Example Road, Big Sky Valley, MT 59000', // home address
      'Big Sky Valley Elementary (sample)', // school
      'Proposed resolution',
      'Sincerely',
      'Date signed',
      EDIT,
      'Attachments: (1) Evidence report',
    ]) {
      expect(all, required).toContain(required);
    }
    for (const pageOnly of [
      'Disability Rights Montana',
      'legal advice',
      'Before you send the complaint',
      'Print or save as PDF',
      'Go to [',
    ]) {
      expect(all, pageOnly).not.toContain(pageOnly);
    }
    // Page numbers come from @page margin boxes, which Chromium supports. Firefox has none: its
    // print dialog numbers pages in its own footer (docs/firefox.md), and no half-made number
    // of ours may show instead.
    pages.forEach((text, i) => {
      if (ext.browserName === 'chromium')
        expect(flatten(text)).toContain(`Page ${i + 1} of ${pages.length}`);
      else expect(flatten(text)).not.toMatch(/\bPage\s*\d*\s*of\b/);
    });
    // The missed-sessions table repeats its header on every page it reaches.
    const tablePages = pages
      .map(flatten)
      .filter((text) => /No provider \(vacancy\)|Provider absent/.test(text));
    expect(tablePages.length).toBeGreaterThan(1);
    for (const text of tablePages) expect(text).toContain('Minutes scheduled');
  });

  it('records it as sent and shows the 60-day OPI deadline', async () => {
    await letter.click('[data-testid=mark-sent]');
    await letter.waitForSelector('[data-testid=send-form]');
    const to = await letter.$eval(
      '[data-testid=send-form] input[type=text]',
      (el) => (el as HTMLInputElement).value,
    );
    expect(to).toContain('Dispute Resolution');
    await chooseRadio(letter, 'Mail', '[data-testid=send-form]');
    await letter.click('[data-testid=send-form] button[type=submit]');
    const due = await letter.waitForSelector(
      '[data-testid=sent-deadline][data-rule=opi-decision-60-days]',
    );
    expect(await due!.evaluate((el) => el.getAttribute('data-due'))).toBe(DECISION_DUE);
    expect(await due!.evaluate((el) => el.textContent)).toContain(formatLongDate(DECISION_DUE));

    const letters = await readStore<Letter>(letter, 'letters');
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({
      kind: 'state-complaint',
      status: 'sent',
      sentDate: TODAY,
      method: 'mail',
      studentId: SAMPLE_IDS.student,
    });
    expect(letters[0]!.bodyHtml).toContain(EDIT);
  });

  it("shows the deadline on the tracker's Letters timeline", async () => {
    const tracker = await ext.openExtensionPage('tracker.html#/letters', {
      waitFor: '[data-testid=deadline][data-rule=opi-decision-60-days]',
    });
    const item = await tracker.$eval(
      '[data-testid=deadline][data-rule=opi-decision-60-days]',
      (el) => [el.getAttribute('data-due'), el.getAttribute('data-status')],
    );
    expect(item).toEqual([DECISION_DUE, 'upcoming']);
    expect(await tracker.$eval('[data-testid=due-next]', (el) => el.textContent)).toContain(
      'Early Assistance',
    );
    await expectNoA11yViolations(tracker);
    await tracker.close();
  });

  it('reminds once when the decision date passes, with the next step', async () => {
    const [sent] = await readStore<Letter>(letter, 'letters');
    const key = `deadline:${sent!.id}:opi-decision-60-days:${DECISION_DUE}`;
    const notificationId = `iep-reminder|${SAMPLE_IDS.student}|${key}`;

    // The day after the decision was due. The background re-checks when "today" moves.
    await setExtensionToday(letter, addDays(DECISION_DUE, 1));
    const notified = await eventually(async () => {
      const record = (await readLocalStorage(letter, NOTIFIED_KEY)) as
        Record<string, string> | undefined;
      return record?.[key] ? record : undefined;
    }, 'the reminder to be recorded');
    expect(notified[key]).toBe(addDays(DECISION_DUE, 1));

    const tracker = await ext.openExtensionPage('tracker.html#/letters', {
      waitFor: '[data-testid=overdue-deadline]',
    });
    expect(await tracker.$eval('[data-testid=overdue-deadline]', (el) => el.textContent)).toContain(
      "Call OPI's Dispute Resolution office",
    );
    await tracker.close();

    // In the background (Chromium's service worker; in Firefox an extension page, which sees
    // the same notifications and alarms).
    const shown = () =>
      ext.evaluateInExtension(async () => Object.keys(await chrome.notifications.getAll()));
    expect(await shown()).toContain(notificationId);

    // The daily alarm does not show the same deadline twice: once its check has finished (its
    // note in storage.session), the notification is still gone…
    const fireAlarm = () =>
      ext.evaluateInExtension(() =>
        chrome.alarms.create('follow-up-check', { when: Date.now() + 50 }),
      );
    await ext.evaluateInExtension((id: string) => chrome.notifications.clear(id), notificationId);
    const since = Date.now();
    await fireAlarm();
    const check = await waitForReminderCheck(ext, { reason: 'alarm', since });
    expect(check.shown).toBe(0);
    expect(await shown()).not.toContain(notificationId);

    // …and shows it again only when the record of what was shown is gone.
    await letter.evaluate((name: string) => chrome.storage.local.remove(name), NOTIFIED_KEY);
    await fireAlarm();
    await eventually(async () => (await shown()).includes(notificationId), 'the alarm to notify');
  });

  it('records a letter by hand, with messages next to the fields, and logs a reply', async () => {
    const tracker = await ext.openExtensionPage('tracker.html#/letters', {
      waitFor: '[data-testid=letters-table]',
    });
    const form = '[data-testid=letter-record-form]';
    await clickButton(tracker, 'Record a letter you sent');
    await tracker.waitForSelector(form);
    await fill(tracker, form, 'Kind of letter', 'records-request');
    await fill(tracker, form, 'Subject', 'Speech therapy logs');
    await clickButton(tracker, 'Save letter', form);
    await tracker.waitForSelector(`${form} [aria-invalid=true]`);
    expect(await fieldError(tracker, form, 'Date sent')).toContain('Enter the date you sent it.');
    expect(await fieldError(tracker, form, 'Subject')).toBeNull();

    // Jan 4, 2027 + 45 days: 27 to Jan 31, 18 more = Feb 18, 2027.
    await fill(tracker, form, 'Date sent', '2027-01-04');
    await chooseRadio(tracker, 'E-mail', form);
    await clickButton(tracker, 'Save letter', form);
    const records = await tracker.waitForSelector(
      '[data-testid=deadline][data-rule=records-45-days]',
    );
    expect(await records!.evaluate((el) => el.getAttribute('data-due'))).toBe('2027-02-18');

    // Log OPI's answer on the complaint: a reply dated before it was sent is refused.
    const [complaint] = (await readStore<Letter>(tracker, 'letters')).filter(
      (l) => l.kind === 'state-complaint',
    );
    await tracker.click(
      `[data-letter-id="${complaint!.id}"] button[aria-label^="Edit / log reply"]`,
    );
    await tracker.waitForSelector(form);
    await fill(tracker, form, 'Date of the reply', addDays(TODAY, -1));
    await clickButton(tracker, 'Save changes', form);
    await tracker.waitForSelector(`${form} [aria-invalid=true]`);
    expect(await fieldError(tracker, form, 'Date of the reply')).toContain(
      'cannot come before the date you sent',
    );
    await fill(tracker, form, 'Date of the reply', DECISION_DUE);
    await fill(tracker, form, 'What the reply said', 'OPI found the IEP was not implemented.');
    await clickButton(tracker, 'Save changes', form);
    await tracker.waitForSelector(
      '[data-testid=deadline][data-rule=opi-decision-60-days][data-status=answered]',
    );
    expect(await tracker.$('[data-testid=overdue-deadline]')).toBeNull();
    await expectNoA11yViolations(tracker);
    await tracker.close();
  });
});
