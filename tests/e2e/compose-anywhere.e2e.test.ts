/**
 * The context menu ("Insert IEP paragraph…") and the keyboard command.
 *
 * Chromium: a native context menu cannot be clicked in headless Chromium, so the tests grant
 * activeTab the way a user gesture does (the toolbar action, through CDP) and then send, from the
 * service worker, exactly what the menu and command handlers send (lib/compose/background:
 * openPickerInTab, unit-tested in tests/unit/compose/background.test.ts).
 *
 * Firefox: the real thing. The test right-clicks the field and chooses the item in Firefox's own
 * context menu, and fires the extension's own Alt+Shift+I key element (./support/firefox-chrome);
 * the browser grants activeTab and runs our handlers. What the handler answered is then read
 * from what the picker shows (opened, and whether it inserts or copies).
 */
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANYWHERE_SCRIPT, MENU_TITLE } from '../../lib/compose/background';
import {
  chooseKind,
  insertChosen,
  collectPageErrors,
  expectedDraft,
  lastInsertion,
  sharedWithSample,
  normalize,
  ourElements,
  paragraphTexts,
  pickerClosed,
  readLetters,
  waitForButtons,
  waitForPicker,
  type ComposeBrowser,
} from './compose-support';
import { chooseContextMenuItem, pressExtensionShortcut } from './support/firefox-chrome';

type OpenAnswer = { opened: boolean; canInsert: boolean } | null;

describe('context menu and keyboard command', () => {
  let ext: ComposeBrowser;

  beforeAll(async () => {
    ext = await sharedWithSample();
  });
  afterAll(async () => {
    await ext?.close();
  });

  const inFirefox = () => ext.browserName === 'firefox';

  /** Runs where the extension's APIs are: the id of the tab showing `url`. */
  async function tabIdOf(url: string): Promise<number> {
    return ext.evaluateInExtension(async (address: string) => {
      type Tabs = { tabs: { query(q: object): Promise<{ id: number; url?: string }[]> } };
      const tabs = await (globalThis as unknown as { chrome: Tabs }).chrome.tabs.query({});
      const tab = tabs.find((t) => t.url === address);
      if (!tab) throw new Error(`No tab with ${address} among ${tabs.length} tabs.`);
      return tab.id;
    }, url);
  }

  /** What the context-menu handler does: inject the on-demand script, ask it to open the picker. */
  async function contextMenu(tabId: number): Promise<OpenAnswer> {
    return ext.evaluateInExtension(
      async (id: number, file: string) => {
        type Api = {
          scripting: { executeScript(i: object): Promise<unknown> };
          tabs: { sendMessage(id: number, m: object, o: object): Promise<unknown> };
        };
        const api = (globalThis as unknown as { chrome: Api }).chrome;
        await api.scripting.executeScript({ target: { tabId: id, frameIds: [0] }, files: [file] });
        return (await api.tabs.sendMessage(
          id,
          { type: 'compose:open-picker', trigger: 'menu' },
          { frameId: 0 },
        )) as OpenAnswer;
      },
      tabId,
      ANYWHERE_SCRIPT,
    );
  }

  /** What the keyboard command sends: to every frame of the tab; the focused one answers. */
  async function keyboardCommand(tabId: number): Promise<OpenAnswer> {
    return ext.evaluateInExtension(async (id: number) => {
      type Api = { tabs: { sendMessage(id: number, m: object): Promise<unknown> } };
      const api = (globalThis as unknown as { chrome: Api }).chrome;
      return (await api.tabs.sendMessage(id, {
        type: 'compose:open-picker',
        trigger: 'command',
      })) as OpenAnswer;
    }, tabId);
  }

  /** A user gesture on the toolbar button: grants activeTab for the tab, like the menu does. */
  async function grantActiveTab(page: Page): Promise<void> {
    const extension = (await ext.browser.extensions()).get(ext.extensionId);
    const before = new Set(ext.browser.targets());
    await extension!.triggerAction(page);
    // The toolbar action opens the popup, which can take the window's focus a moment later and
    // so make the picker's clipboard write fail: close it, as a person's next click would.
    const popup = await ext.browser
      .waitForTarget((t) => !before.has(t) && t.url() === ext.extensionUrl('popup.html'), {
        timeout: 5_000,
      })
      .catch(() => null);
    await (await popup?.asPage().catch(() => null))?.close();
    await page.bringToFront();
  }

  /** The open-picker answer as the person sees it: a picker that inserts, or one that copies. */
  async function pickerShown(page: Page): Promise<OpenAnswer> {
    const frame = await waitForPicker(page);
    const text = await frame.$eval('main', (m) => (m as HTMLElement).innerText);
    return { opened: true, canInsert: !text.includes('The picker copies instead') };
  }

  /**
   * "Insert IEP paragraph…" from the context menu of the focused field `selector`: Firefox's
   * real menu, or in Chromium a toolbar gesture for activeTab and what the menu handler sends.
   */
  async function fromContextMenu(page: Page, url: string, selector: string): Promise<OpenAnswer> {
    if (inFirefox()) {
      await chooseContextMenuItem(page, selector, MENU_TITLE);
      return pickerShown(page);
    }
    return contextMenu(await tabIdOf(url));
  }

  /**
   * What the clipboard holds. Chromium: read in the page (permission granted through CDP).
   * Firefox, which grants no clipboard reading to pages: pasted with Ctrl+V into a text field.
   */
  async function clipboardText(page: Page): Promise<string> {
    if (!inFirefox()) return page.evaluate(() => navigator.clipboard.readText());
    const paper = await ext.newPage();
    await paper.goto(ext.fixtures.url('example.com', '/editor.html'), { waitUntil: 'load' });
    await paper.click('#message');
    await paper.keyboard.down('Control');
    await paper.keyboard.press('v');
    await paper.keyboard.up('Control');
    const text = await paper.$eval('#message', (t) => (t as HTMLTextAreaElement).value);
    await paper.close();
    return text;
  }

  /** Alt+Shift+I (the manifest's suggested key): Firefox's key element, or what it sends. */
  async function fromKeyboardCommand(page: Page, url: string): Promise<OpenAnswer> {
    if (inFirefox()) {
      await pressExtensionShortcut(ext.browser, ext.extensionId, 'alt,shift', 'I');
      return pickerShown(page);
    }
    return keyboardCommand(await tabIdOf(url));
  }

  it('has no standing access to other sites: nothing runs there until the user asks', async () => {
    const page = await ext.newPage();
    await page.goto(ext.fixtures.url('example.com', '/editor.html'), { waitUntil: 'load' });
    const attempt = await ext.evaluateInExtension(async () => {
      type Api = {
        tabs: { query(q: object): Promise<{ id: number; url?: string }[]> };
        scripting: { executeScript(i: object): Promise<unknown> };
      };
      const api = (globalThis as unknown as { chrome: Api }).chrome;
      const tabs = await api.tabs.query({});
      const results = await Promise.all(
        tabs.map((tab) =>
          api.scripting
            .executeScript({ target: { tabId: tab.id }, func: () => location.host })
            .then((r) => JSON.stringify(r))
            .catch((error: Error) => error.message),
        ),
      );
      return { urls: tabs.map((tab) => tab.url ?? null), results };
    });
    expect(attempt.urls).not.toContain('https://example.com/editor.html');
    expect(attempt.results.join('\n')).not.toContain('example.com');
    // No content script ran there: none of our elements.
    expect(await ourElements(page)).toBe(0);
    await page.close();
  });

  it('context menu in a textarea on any site: the picker opens and inserts plain text', async () => {
    const page = await ext.newPage();
    const errors = collectPageErrors(page);
    const url = ext.fixtures.url('example.com', '/editor.html');
    await page.goto(url, { waitUntil: 'load' });
    if (!inFirefox()) await grantActiveTab(page);
    await page.click('#message');
    await page.keyboard.type('Dear Ms. Director,\n\n');
    expect(await fromContextMenu(page, url, '#message')).toEqual({
      opened: true,
      canInsert: true,
    });
    const frame = await waitForPicker(page);
    await chooseKind(frame, 'service-concern');
    await frame.page().keyboard.press('Enter');
    await pickerClosed(page);

    const draft = expectedDraft('service-concern', 'paragraph');
    const value = await page.$eval('#message', (t) => (t as HTMLTextAreaElement).value);
    // Exactly, line breaks included: insertText keeps them the same way in both browsers in a
    // text field (in a rich editor it does not, which is why rich content goes in as HTML).
    expect(value).toBe(`Dear Ms. Director,\n\n${draft.text}`);
    expect(await lastInsertion(ext)).toMatchObject({ host: 'example.com', method: 'insertText' });
    expect(await readLetters(ext)).toContainEqual(
      expect.objectContaining({ kind: 'service-concern', host: 'example.com', status: 'draft' }),
    );

    // The same tab again: the script is already there and answers without a second injection.
    await page.click('div[contenteditable="true"]');
    expect(await fromContextMenu(page, url, 'div[contenteditable="true"]')).toEqual({
      opened: true,
      canInsert: true,
    });
    const again = await waitForPicker(page);
    await chooseKind(again, 'records-request');
    await again.page().keyboard.press('Enter');
    await pickerClosed(page);
    const rich = normalize(
      await page.$eval('div[contenteditable="true"]', (e) => (e as HTMLElement).innerText),
    );
    for (const paragraph of paragraphTexts(expectedDraft('records-request', 'paragraph').blocks))
      expect(rich).toContain(paragraph);
    // One element per paragraph in both browsers (insertText with line breaks would give <div>s
    // in Chromium and <br>s in Firefox).
    expect(await page.$$eval('div[contenteditable="true"] > p', (nodes) => nodes.length)).toBe(
      expectedDraft('records-request', 'paragraph').blocks.filter((b) => b.type === 'p').length,
    );
    expect(await lastInsertion(ext)).toMatchObject({ host: 'example.com', method: 'insertHTML' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a canvas editor cannot take text: the picker copies to the clipboard and says so', async () => {
    const page = await ext.newPage();
    const url = ext.fixtures.url('example.com', '/canvas.html');
    if (!inFirefox())
      await ext.browser
        .defaultBrowserContext()
        .overridePermissions('https://example.com', ['clipboard-read', 'clipboard-write']);
    await page.goto(url, { waitUntil: 'load' });
    if (!inFirefox()) await grantActiveTab(page);
    await page.click('canvas');
    // Firefox: by the keyboard command. Its context menu on a canvas has no editable-field
    // items (and canvas editors put up their own menu), so the command is the way there.
    expect(
      inFirefox() ? await fromKeyboardCommand(page, url) : await contextMenu(await tabIdOf(url)),
    ).toEqual({ opened: true, canInsert: false });
    const frame = await waitForPicker(page);
    expect(await frame.$eval('main', (m) => (m as HTMLElement).innerText)).toContain(
      'The picker copies instead',
    );
    await chooseKind(frame, 'iee-request');
    await insertChosen(frame, 'iee-request', 'paragraph', {}, 'Copy');
    await frame.waitForFunction(
      () =>
        document.querySelector('[data-testid="picker-status"]')?.textContent?.includes('copied'),
      { timeout: 5000 },
    );
    const draft = expectedDraft('iee-request', 'paragraph');
    await page.bringToFront();
    const clipboard = await clipboardText(page);
    expect(normalize(clipboard)).toBe(normalize(draft.text));
    expect(await page.$eval('.event-target', (e) => e.textContent)).toBe('');
    await page.close();
  });

  it('keyboard command in a Gmail compose opens the picker for the focused editor', async () => {
    const page = await ext.newPage();
    const url = ext.fixtures.url('mail.google.com', '/compose.html');
    await page.goto(url, { waitUntil: 'load' });
    await waitForButtons(page, 1);
    await page.click('div[g_editable="true"]');
    await page.keyboard.type('Hi,');
    expect(await fromKeyboardCommand(page, url)).toEqual({ opened: true, canInsert: true });
    const frame = await waitForPicker(page);
    await chooseKind(frame, 'staffing-vacancy');
    await frame.page().keyboard.press('Enter');
    await pickerClosed(page);
    const text = normalize(
      await page.$eval('div[g_editable="true"]', (e) => (e as HTMLElement).innerText),
    );
    expect(text.startsWith('Hi,')).toBe(true);
    for (const paragraph of paragraphTexts(expectedDraft('staffing-vacancy', 'paragraph').blocks))
      expect(text).toContain(paragraph);
    await page.close();
  });
});
