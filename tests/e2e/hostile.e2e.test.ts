/**
 * The attacker's tests (issue 16): a page script that wants to find, drive and read the
 * extension (tests/fixtures/server/pages/hostile.js, loaded before any content script) on a
 * mail host and on an ordinary site. Every attempt must fail, insert nothing and show no child
 * data. Absence is asserted only after a positive signal: the button placed and the detection
 * animation seen, a real (trusted) click's picker opened after the scripted ones, the picker
 * closed, the framed page's own answer shown.
 */
import type { Frame, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MENU_TITLE } from '../../lib/compose/background';
import {
  chooseKind,
  insertButtons,
  sharedWithSample,
  pageReadableText,
  pickerClosed,
  PICKER_TAG,
  readLetters,
  STUDENT,
  waitForButtons,
  waitForPicker,
  type ComposeBrowser,
} from './compose-support';
import { TEST_TOKEN } from './support/compose-names';
import { chooseContextMenuItem } from './support/firefox-chrome';
import { waitForFrameAt } from './support/firefox-navigation';
import { eventually } from '../support/eventually';

type Attack = {
  constructed: string[];
  stolenRoots: unknown[];
  animations: string[];
  errors: string[];
  scan(): string[];
  frameAddresses: string[];
  clickEverything(): void;
  steer(how: string): string;
  frame(address: string): Promise<boolean>;
};
declare const attack: Attack;

const EDITOR = '#editor';

describe('a hostile page', () => {
  let ext: ComposeBrowser;
  const inFirefox = () => ext.browserName === 'firefox';

  beforeAll(async () => {
    ext = await sharedWithSample();
  });
  afterAll(async () => {
    await ext?.close();
  });

  async function openHostile(host: string): Promise<Page> {
    const page = await ext.newPage();
    await page.goto(ext.fixtures.url(host, '/hostile.html'), { waitUntil: 'load' });
    return page;
  }

  /** How many picker hosts were ever added to the page (the test knows the token). */
  const pickersOpened = (page: Page) =>
    page.evaluate(
      (token: string) =>
        (attack as unknown as { added: Element[] }).added.filter(
          (e) => e.localName === 'div' && e.hasAttribute(token),
        ).length,
      TEST_TOKEN,
    );

  const editorText = (page: Page) => page.$eval(EDITOR, (e) => e.textContent ?? '');

  /** The attacker's findings, with the child's name and the page's readable text checked too. */
  async function expectNothingLearnt(page: Page) {
    expect(await page.evaluate(() => attack.scan())).toEqual([]);
    const frames = await page.evaluate(() => attack.frameAddresses);
    for (const address of frames) expect(address).not.toMatch(/extension:|picker/);
    expect(await pageReadableText(page)).not.toContain(STUDENT.name);
    expect(await page.evaluate(() => attack.constructed)).toEqual([]);
    expect(await page.evaluate(() => attack.stolenRoots.length)).toBe(0);
  }

  /** The user opens the picker with a real click and moves to a kind, ready to press Enter. */
  async function openPickerAsUser(page: Page): Promise<Frame> {
    const [button] = await insertButtons(page);
    await button!.click();
    const frame = await waitForPicker(page);
    await chooseKind(frame, 'service-concern');
    return frame;
  }

  it('on a mail host: our former names, attachInternals and forced-open roots get nothing', async () => {
    const page = await openHostile('mail.google.com');
    // Positive signals: the content script placed its button and its detection stylesheet ran.
    await waitForButtons(page, 1);
    await page.click(EDITOR);
    await page.waitForFunction(() => attack.animations.length > 0);
    await expectNothingLearnt(page);
    expect(await page.evaluate(() => attack.animations)).not.toContain('iep-advocate-editor-seen');
    expect(await page.evaluate(() => attack.errors)).toEqual([]);
    await page.close();
  });

  it('on a mail host: scripted clicks and events open nothing and insert nothing', async () => {
    const page = await openHostile('mail.google.com');
    await waitForButtons(page, 1);
    await page.evaluate(() => attack.clickEverything());
    // A real click now opens a picker: it must be the first one this page ever got.
    await openPickerAsUser(page);
    expect(await pickersOpened(page)).toBe(1);
    await expectNothingLearnt(page);
    await page.keyboard.press('Escape');
    await pickerClosed(page);
    expect(await editorText(page)).toBe('');
    await page.close();
  });

  for (const how of ['transparent', 'move', 'hide', 'reparent', 'cover', 'navigate']) {
    it(`on a mail host: a picker made ${how} closes, or refuses to insert`, async () => {
      const lettersBefore = (await readLetters(ext)).length;
      const page = await openHostile('mail.google.com');
      await waitForButtons(page, 1);
      const frame = await openPickerAsUser(page);
      const steered = await page.evaluate((what: string) => attack.steer(what), how);
      if (how === 'navigate' && steered === '0 frames') {
        // A frame in a closed shadow root is not among the page's window.frames (Chromium):
        // there is nothing to navigate, and the picker is still ours.
        expect(await page.$(PICKER_TAG)).not.toBeNull();
        expect(await frame.evaluate(() => location.pathname)).toBe('/picker.html');
        await page.keyboard.press('Escape');
      } else expect(steered).toMatch(how === 'navigate' ? /^[1-9]\d* frames$/ : /^div$/);
      if (how === 'cover' && inFirefox()) {
        // No IntersectionObserver v2 in Firefox: the picker stays until it is asked to insert;
        // then the content script finds it covered and refuses.
        await frame.page().keyboard.press('Enter');
      }
      await pickerClosed(page);
      expect(await editorText(page)).toBe('');
      expect((await readLetters(ext)).length).toBe(lettersBefore);
      await page.close();
    });
  }

  it('frames picker.html itself, even with a live nonce: no child data, no session', async () => {
    // The attacker somehow learnt the address and the nonce of a picker open in another tab.
    const mail = await openHostile('mail.google.com');
    await waitForButtons(mail, 1);
    await openPickerAsUser(mail);
    const nonce = await ext.extensionPage.evaluate(async () => {
      type Api = { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } };
      const scope = globalThis as unknown as { browser?: Api; chrome?: Api };
      const all = await (scope.browser ?? scope.chrome)!.storage.session.get(null);
      return Object.keys(all)
        .find((key) => key.startsWith('compose-session:'))!
        .slice('compose-session:'.length);
    });
    const page = await openHostile('example.com');
    const address = ext.extensionUrl(`picker.html#${nonce}`);
    expect(await page.evaluate((url: string) => attack.frame(url), address)).toBe(true);
    if (inFirefox()) {
      // Firefox loads it (every install has its own address); the picker shows only its refusal.
      const framed = await waitForFrameAt(page, '/picker.html');
      await framed.waitForSelector('[data-testid="picker-gate"] [role="alert"]');
      expect(await framed.$eval('body', (b) => b.textContent)).not.toContain(STUDENT.name);
    } else {
      // Chrome serves picker.html to pages only at its per-session dynamic address.
      for (const frame of page.frames()) {
        const text = await frame.evaluate(() => document.body?.textContent ?? '').catch(() => '');
        expect(text).not.toContain(STUDENT.name);
        expect(await frame.$('[role="listbox"]').catch(() => null)).toBeNull();
      }
    }
    await expectNothingLearnt(page);
    await page.close();
    await mail.keyboard.press('Escape');
    await mail.close();
  });

  it('on an ordinary site: nothing of ours until the user asks; then the same defences', async () => {
    const page = await openHostile('example.com');
    await page.click('#message');
    if (inFirefox()) {
      await chooseContextMenuItem(page, '#message', MENU_TITLE);
    } else {
      await openOnDemand(page);
    }
    const frame = await waitForPicker(page);
    await page.evaluate(() => attack.clickEverything());
    await expectNothingLearnt(page);
    expect(await page.evaluate(() => attack.steer('transparent'))).toBe('div');
    await pickerClosed(page);
    // The host element is gone; the browser reports the frame's detachment a moment later.
    await eventually(() => frame.detached || false, 'the picker frame to detach');
    expect(await page.$eval('#message', (t) => (t as HTMLTextAreaElement).value)).toBe('');
    expect(await page.$(PICKER_TAG)).toBeNull();
    await page.close();
  });

  /**
   * Chromium: a native context menu cannot be clicked headless. A toolbar gesture grants
   * activeTab, then the service worker does what the menu handler does (openPickerInTab).
   */
  async function openOnDemand(page: Page) {
    const extension = (await ext.browser.extensions()).get(ext.extensionId);
    await extension!.triggerAction(page);
    for (const target of ext.browser.targets())
      if (target.url() === ext.extensionUrl('popup.html')) await (await target.asPage()).close();
    await page.bringToFront();
    await page.focus('#message');
    const url = page.url();
    await ext.evaluateInExtension(async (address: string) => {
      type Api = {
        tabs: {
          query(q: object): Promise<{ id: number; url?: string }[]>;
          sendMessage(id: number, m: object, o: object): Promise<unknown>;
        };
        scripting: { executeScript(i: object): Promise<unknown> };
      };
      const api = (globalThis as unknown as { chrome: Api }).chrome;
      const tab = (await api.tabs.query({})).find((t) => t.url === address)!;
      const target = { tabId: tab.id, frameIds: [0] };
      await api.scripting.executeScript({ target, files: ['/content-scripts/anywhere.js'] });
      const message = { type: 'compose:open-picker', trigger: 'menu' };
      await api.tabs.sendMessage(tab.id, message, { frameId: 0 });
    }, url);
  }
});
