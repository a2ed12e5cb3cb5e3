/**
 * The follow-up offered once a sent letter's reply date has passed with no reply logged (issue 10,
 * section 4): not before the date; after it (the extension's "today" moved through lib/clock's
 * override), on the tracker's Letters page as "Send a follow-up" and first in the picker. The
 * picker is opened the way a user opens it, from the button in a Gmail compose: it shows nothing
 * of the child's outside a confirmed compose session (docs/security.md). The letter page then
 * drafts the follow-up about that letter, with the Enclosures and cc choices.
 */
import type { Frame, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSampleData } from '../../lib/sample';
import { letterSchema, type Letter } from '../../lib/model';
import {
  expectNoA11yViolations,
  seedDatabase,
  setExtensionToday,
  type ExtensionBrowser,
} from './harness';
import { sharedExtensionBrowser } from './support/shared-browser';
import {
  insertButtons,
  openFixture,
  waitForButtons,
  waitForPicker,
  type ComposeBrowser,
} from './compose-support';
import { SAMPLE_IDS, TODAY } from './letters-support';
import { pinComposeToken } from './support/compose-names';
import { click, control, fill, openAt } from './ui-steps';

/** Sent a week before TODAY; the reply it asked for is due after TODAY. */
const SENT: Letter = letterSchema.parse({
  id: 'e2e-concern',
  studentId: SAMPLE_IDS.student,
  kind: 'service-concern',
  subject: 'IEP services not being delivered for Riley Sample',
  status: 'sent',
  createdAt: 1,
  sentDate: '2026-11-20',
  to: 'Dr. Pat Example',
  method: 'email',
  requestedResponseDate: '2026-12-04',
});
/** The first school day after the reply date. */
const LATER = '2026-12-07';

async function editorText(page: Page): Promise<string> {
  return page.$eval('[data-testid=letter-editor]', (el) => (el as HTMLElement).innerText);
}

async function waitForEditorText(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (wanted: string) =>
      (
        document.querySelector('[data-testid=letter-editor]') as HTMLElement | null
      )?.innerText.includes(wanted),
    { timeout: 10_000 },
    text,
  );
}

/** The row of the sent letter on the Letters page, once the page has loaded. */
async function letterRow(page: Page) {
  const row = await page.waitForSelector(`[data-letter-id=${SENT.id}]`, { timeout: 10_000 });
  return row!;
}

describe('follow-up when a reply date has passed', () => {
  let ext: ComposeBrowser;

  beforeAll(async () => {
    const browser: ExtensionBrowser = await sharedExtensionBrowser();
    const extensionPage = await browser.openExtensionPage('tracker.html#/letters');
    await setExtensionToday(extensionPage, TODAY);
    await seedDatabase(extensionPage, { ...buildSampleData(TODAY), letters: [SENT] });
    await pinComposeToken(extensionPage);
    ext = Object.assign(browser, { extensionPage });
  });
  afterAll(async () => {
    await ext?.close();
  });

  /** The picker opened from the button of a new Gmail message, with "today" set first. */
  async function pickerInGmail(today: string): Promise<{ page: Page; picker: Frame }> {
    await setExtensionToday(ext.extensionPage, today);
    const { page } = await openFixture(ext, 'mail.google.com', '/compose.html');
    await waitForButtons(page, 1);
    const [button] = await insertButtons(page);
    await button!.click();
    return { page, picker: await waitForPicker(page) };
  }

  it('is not offered before the reply date', async () => {
    const letters = await openAt(ext, 'tracker.html#/letters', TODAY);
    const row = await letterRow(letters);
    expect(await row.$('[data-testid=follow-up]')).toBeNull();
    const { page, picker } = await pickerInGmail(TODAY);
    const first = await picker.$eval('[role=option]', (el) => el.id);
    expect(first).not.toBe('kind-follow-up');
    expect(await picker.$('.kind-suggested')).toBeNull();
    await page.close();
    await letters.close();
  });

  it('is offered first in the picker once the reply date has passed', async () => {
    const { page, picker } = await pickerInGmail(LATER);
    await picker.waitForSelector('#kind-follow-up');
    const options = await picker.$$eval('[role=option]', (items) =>
      items.map((el) => ({ id: el.id, text: (el as HTMLElement).innerText })),
    );
    expect(options[0]!.id).toBe('kind-follow-up');
    expect(options[0]!.text).toContain('Suggested: a reply you asked for is overdue.');
    expect(options.filter((o) => o.id === 'kind-follow-up')).toHaveLength(1);
    // The preview (the first kind is selected) follows up the overdue letter.
    await picker.waitForFunction(
      () =>
        document.querySelector('.picker')?.textContent?.includes('I wrote on November 20, 2026'),
      { timeout: 10_000 },
    );
    await page.close();
  });

  it('is offered on the Letters page, and drafts the follow-up about that letter', async () => {
    const letters = await openAt(ext, 'tracker.html#/letters', LATER);
    const row = await letterRow(letters);
    const link = await row.waitForSelector('[data-testid=follow-up]');
    expect(await link!.evaluate((a) => a.getAttribute('aria-label'))).toBe(
      'Send a follow-up: IEP services not being delivered for Riley Sample',
    );
    await expectNoA11yViolations(letters);
    // Firefox's BiDi reports no navigation event for extension pages: wait for the new page.
    await link!.click();
    await letters.waitForFunction(() => location.pathname.endsWith('/letter.html'), {
      timeout: 10_000,
    });
    const search = await letters.evaluate(() => location.search);
    expect(search).toContain('kind=follow-up');
    expect(search).toContain(`about=${SENT.id}`);
    await waitForEditorText(letters, 'I wrote on November 20, 2026, by e-mail, asking for');
    const text = await editorText(letters);
    expect(text).toContain('I have not had a reply. I had asked for one by December 4, 2026.');
    expect(text).toContain(
      "Please place this letter in my child's educational record and confirm that you received it.",
    );
    expect(text).not.toContain('Enclosures:');
    expect(text).not.toContain('cc:');
    const chosen = await control(letters, 'The letter you are following up');
    expect(await chosen.evaluate((s) => (s as HTMLSelectElement).value)).toBe(SENT.id);

    // Enclosures and copies chosen on the page reach the letter.
    await click(letters, 'Copies of my earlier letters', 'checkbox');
    await waitForEditorText(letters, 'Enclosures: Copy of my letter of November 20, 2026.');
    await click(letters, 'The principal: Robin Example', 'checkbox');
    await waitForEditorText(letters, 'cc: Robin Example, Principal, Big Sky Valley Elementary');
    // The director is whom the follow-up is addressed to: not offered as a copy.
    expect(
      await letters.$$eval('[data-testid=copies] label', (ls) => ls.map((l) => l.textContent)),
    ).not.toContain('The special education director: Dr. Pat Example');
    await expectNoA11yViolations(letters);
    await letters.close();
  });

  it('takes the names to copy from Your details', async () => {
    const tracker = await openAt(ext, 'tracker.html#/profile', LATER);
    await fill(tracker, 'Case manager', 'Jamie Lopez');
    await click(tracker, 'Save', 'button');
    await tracker.waitForFunction(
      () => document.querySelector('[data-testid=profile-status]')?.textContent === 'Saved.',
      { timeout: 10_000 },
    );
    const letter = await openAt(
      ext,
      `letter.html?student=${SAMPLE_IDS.student}&kind=service-log-request`,
      LATER,
    );
    await waitForEditorText(letter, 'Could you please send me a copy of your service log');
    expect(await editorText(letter)).not.toContain('Dear Dr. Pat Example');
    // A letter to a provider may copy the director.
    await click(letter, 'The special education director: Dr. Pat Example', 'checkbox');
    await click(letter, 'The case manager: Jamie Lopez', 'checkbox');
    await waitForEditorText(
      letter,
      'cc: Dr. Pat Example, Special Education Director; Jamie Lopez, Case Manager',
    );
    expect(await editorText(letter)).not.toContain('educational record');
    await letter.close();
    await tracker.close();
  });
});
