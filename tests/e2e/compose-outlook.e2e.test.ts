/**
 * Outlook on the web: the button on the RoosterJS message editor only (never on the recipient
 * fields, which are contenteditable too, nor on the read-only message in the reading pane), and
 * an insertion RoosterJS keeps in its own model and undoes in one step
 * (tests/fixtures/outlook.office.com).
 */
import { BUTTON_TAG } from './support/compose-names';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  STUDENT,
  buttonCount,
  expectNothingAdded,
  expectedDraft,
  insertButtons,
  insertWithFillIns,
  insertWithPicker,
  IEE_INPUTS,
  lastInsertion,
  pipelineInsertMethod,
  sharedWithSample,
  normalize,
  openFixture,
  ourElements,
  pageReadableText,
  paragraphTexts,
  pickerClosed,
  waitForButtons,
  waitForPicker,
  type ComposeBrowser,
} from './compose-support';
import { afterScan, waitForScan } from './support/scans';
import { scannedEvent } from '../../lib/compose/detection';
import { TEST_TOKEN } from './support/compose-names';

const BODY = 'div[aria-label^="Message body"][contenteditable="true"]';

function outlookState(page: Page, composeId: string) {
  return page.evaluate((id: string) => {
    const fixture = (
      window as unknown as {
        outlookFixture: { modelText(id: string): string; subjects: Record<string, string> };
      }
    ).outlookFixture;
    return { model: fixture.modelText(id), subject: fixture.subjects[id] };
  }, composeId);
}

const bodyText = (p: Page) => p.$eval(BODY, (e) => (e as HTMLElement).innerText);

describe('Outlook on the web compose', () => {
  let ext: ComposeBrowser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ext = await sharedWithSample();
  });
  afterAll(async () => {
    await ext?.close();
  });

  async function open(path: string, host = 'outlook.office.com'): Promise<Page> {
    ({ page, errors } = await openFixture(ext, host, path));
    await page.waitForFunction(() => 'outlookFixture' in window);
    return page;
  }

  it('adds nothing to the mail list without a compose', async () => {
    await open('/compose.html?open=none');
    await expectNothingAdded(page, 'input[type="search"]');
    await page.close();
  });

  it('new message: one button, on the message body, none on the To and Cc fields', async () => {
    await open('/compose.html');
    await waitForButtons(page, 1);
    expect(
      await page.evaluate(
        (tag: string) =>
          document.querySelector(tag)!.previousElementSibling?.getAttribute('aria-label'),
        BUTTON_TAG,
      ),
    ).toBe('Message body, press Alt+F10 to exit');
    // Typing in a recipient field (a contenteditable textbox too) adds no button: checked once
    // our content script has looked at the field it got focus.
    await afterScan(page, 'focus', () => page.click('[aria-label="To"]'));
    await page.keyboard.type('director@example.org');
    expect(await buttonCount(page)).toBe(1);
  });

  it('inserts through RoosterJS: in its model, subject filled, one Ctrl+Z undoes it', async () => {
    await page.click(BODY);
    await page.keyboard.type('Hello team,');
    await page.keyboard.press('Enter');
    await insertWithPicker(page, 'service-concern');

    const draft = expectedDraft('service-concern', 'paragraph');
    const shown = normalize(await bodyText(page));
    const { model, subject } = await outlookState(page, 'compose-1');
    expect(shown.startsWith('Hello team,')).toBe(true);
    for (const paragraph of paragraphTexts(draft.blocks)) {
      expect(shown).toContain(paragraph);
      expect(normalize(model)).toContain(paragraph);
    }
    // RoosterJS owns its model, so it takes the insertion as a paste through its own pipeline
    // where a synthetic paste can carry the draft; in Firefox it cannot, and RoosterJS takes the
    // browser's editing command (its model and undo above and below are the proof either way).
    expect(await lastInsertion(ext)).toMatchObject({
      host: 'outlook.office.com',
      method: await pipelineInsertMethod(page),
      subjectFilled: true,
    });
    expect(subject).toBe(draft.subject);
    expect(await page.$eval('input.subject', (i) => (i as HTMLInputElement).value)).toBe(
      draft.subject,
    );
    expect(normalize(await page.$eval('[aria-label="To"]', (e) => e.textContent ?? ''))).toBe(
      'director@example.org',
    );

    await page.keyboard.down('Control');
    await page.keyboard.press('z');
    await page.keyboard.up('Control');
    expect(normalize(await bodyText(page))).toBe('Hello team,');
    expect(normalize((await outlookState(page, 'compose-1')).model)).toBe('Hello team,');
    expect(errors).toEqual([]);
  });

  it('Esc returns to the same caret in the RoosterJS editor', async () => {
    // The caret between "team" and "," of the first line.
    await page.click(BODY);
    await page.$eval(BODY, (body) => {
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      const text = walker.nextNode()!;
      const range = document.createRange();
      range.setStart(text, 'Hello team'.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    const [button] = await insertButtons(page);
    await button!.click();
    const frame = await waitForPicker(page);
    // The picker shows the child's data; the page holds none of it.
    await frame.waitForFunction(
      (name: string) => document.body.innerText.includes(name),
      {},
      STUDENT.name,
    );
    expect(await pageReadableText(page)).not.toContain(STUDENT.name);
    await page.keyboard.press('Escape');
    await pickerClosed(page);
    await page.keyboard.type('X');
    expect(normalize(await bodyText(page))).toBe('Hello teamX,');
  });

  it('typed citation shortcuts expand in RoosterJS too', async () => {
    await page.keyboard.type(' see ;iee ');
    await page.waitForFunction(
      (selector: string) => document.querySelector(selector)!.textContent!.includes('300.502(b)'),
      { timeout: 5000 },
      BODY,
    );
    expect(normalize((await outlookState(page, 'compose-1')).model)).toBe(
      'Hello teamX see 34 C.F.R. § 300.502(b) ,',
    );
    await page.close();
  });

  it("Settings: no button on the signature editor, which has the message body's shape", async () => {
    await open('/settings.html');
    await waitForScan(page, 'start');
    await afterScan(page, 'focus', () => page.click('#signature-editor'));
    await page.keyboard.type('Jane Parent');
    expect(await ourElements(page)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('inline reply in the reading pane: button on the reply, the message read untouched', async () => {
    await open('/reading.html');
    await waitForButtons(page, 1);
    const readBody = () =>
      page.$eval('[role="document"][aria-label="Message body"]', (e) => e.textContent);
    const before = await readBody();
    await page.click(BODY);
    await insertWithPicker(page, 'records-request');
    const draft = expectedDraft('records-request', 'paragraph');
    expect(normalize(await bodyText(page))).toContain(paragraphTexts(draft.blocks)[0]);
    expect(normalize((await outlookState(page, 'compose-1')).model)).toContain(
      paragraphTexts(draft.blocks)[0],
    );
    expect(await lastInsertion(ext)).toMatchObject({
      method: await pipelineInsertMethod(page),
      subjectFilled: false,
    });
    expect(await readBody()).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('pop-out compose: button and insertion', async () => {
    await open('/popout.html');
    await waitForButtons(page, 1);
    await page.click(BODY);
    await insertWithPicker(page, 'compensatory-services', { form: 'message' });
    const draft = expectedDraft('compensatory-services', 'message');
    const shown = normalize(await bodyText(page));
    for (const paragraph of paragraphTexts(draft.blocks)) expect(shown).toContain(paragraph);
    expect((await outlookState(page, 'compose-1')).subject).toBe(draft.subject);
    // The missed-sessions table stays a table in RoosterJS.
    const table = draft.blocks.find((block) => block.type === 'table')!;
    expect(table).toBeDefined();
    expect(await page.$$eval(`${BODY} table tr`, (rows) => rows.length)).toBe(
      table.type === 'table' ? table.rows.length + 1 : 0,
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('pop-out written by the page into an about:blank window: button and insertion', async () => {
    await open('/compose.html');
    await waitForButtons(page, 1);
    // Our content script's "look finished" signals in the child window, recorded from the
    // moment the page has written it (before our script, which asks the background first).
    await page.evaluate((type: string) => {
      type Child = Window & { scans?: string[] };
      const fixture = (window as unknown as { outlookFixture: Record<string, unknown> })
        .outlookFixture;
      fixture.onPopout = (child: Child) => {
        child.scans = [];
        child.addEventListener(
          type,
          (event) => child.scans!.push(String((event as CustomEvent).detail)),
          {
            capture: true,
          },
        );
      };
    }, scannedEvent(TEST_TOKEN));
    const opened = new Promise<Page>((resolve) => page.once('popup', (popup) => resolve(popup!)));
    await page.click('[data-popout="compose-1"]');
    const popup = await opened;
    expect(await popup.evaluate(() => location.href)).toBe('about:blank');
    await waitForButtons(popup, 1);
    expect(await buttonCount(page)).toBe(0); // The compose left the main window.
    await popup.bringToFront();
    await popup.click(BODY);
    await popup.keyboard.type('Hello Ms. Holt,');
    await insertWithPicker(popup, 'service-concern');
    const draft = expectedDraft('service-concern', 'paragraph');
    const lines = (await bodyText(popup)).split('\n').map(normalize).filter(Boolean);
    expect(lines[0]).toBe('Hello Ms. Holt,');
    expect(lines[1]).toBe(paragraphTexts(draft.blocks)[0]);
    // The page's RoosterJS (in the opener) has it in its model; the subject is in its state.
    const { model, subject } = await outlookState(page, 'compose-2');
    expect(normalize(model)).toContain(paragraphTexts(draft.blocks)[0]);
    expect(subject).toBe(draft.subject);
    expect(await lastInsertion(ext)).toMatchObject({
      host: 'outlook.office.com',
      method: await pipelineInsertMethod(popup),
      subjectFilled: true,
    });
    // One content script in the child window: one start-up scan, one button.
    const scans = await popup.evaluate(() => (window as unknown as { scans: string[] }).scans);
    expect(scans.filter((look) => look === 'start')).toEqual(['start']);
    expect(await buttonCount(popup)).toBe(1);
    expect(errors).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('picker fill-ins: typed in the picker, in the preview, then in RoosterJS and its model', async () => {
    await open('/compose.html');
    await waitForButtons(page, 1);
    await page.click(BODY);
    const draft = await insertWithFillIns(page);
    const shown = normalize(await bodyText(page));
    const { model } = await outlookState(page, 'compose-1');
    for (const paragraph of paragraphTexts(draft.blocks)) {
      expect(shown).toContain(paragraph);
      expect(normalize(model)).toContain(paragraph);
    }
    expect(shown).toContain(IEE_INPUTS.evaluation);
    expect(shown).not.toContain('[');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('after "Hello Ms. Holt," on the same line the draft starts a new line', async () => {
    await open('/compose.html');
    await waitForButtons(page, 1);
    await page.click(BODY);
    await page.keyboard.type('Hello Ms. Holt,');
    await insertWithPicker(page, 'service-concern');
    const draft = expectedDraft('service-concern', 'paragraph');
    const lines = (await bodyText(page)).split('\n').map(normalize).filter(Boolean);
    expect(lines[0]).toBe('Hello Ms. Holt,');
    expect(lines[1]).toBe(paragraphTexts(draft.blocks)[0]);
    const model = (await outlookState(page, 'compose-1')).model
      .split('\n')
      .map(normalize)
      .filter(Boolean);
    expect(model[0]).toBe('Hello Ms. Holt,');
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each(['outlook.office365.com', 'outlook.live.com', 'outlook.cloud.microsoft'])(
    'runs on %s as well',
    async (host) => {
      await open('/compose.html', host);
      await waitForButtons(page, 1);
      await page.click('[data-action="new"]');
      await waitForButtons(page, 2);
      await page.close();
    },
  );
});
