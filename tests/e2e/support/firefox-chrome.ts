/**
 * Firefox's own browser window ("chrome" in Mozilla's words), reached over WebDriver BiDi, which
 * the harness allows with `--remote-allow-system-access`. Tests use it for the two things a
 * page's input events cannot reach but a person uses: the browser's context menu (it belongs to
 * the browser window, not the page) and an extension's keyboard shortcut (keys sent to a page
 * never reach the browser's shortcut table). Both then run exactly as for a person: the menu
 * item's and the shortcut's own handlers grant activeTab and call the extension.
 *
 * Chromium has no such access from Puppeteer; its tests stand in for these two steps from the
 * service worker (tests/e2e/compose-anywhere.e2e.test.ts).
 */
import type { Browser, Page } from 'puppeteer';
import { bidiConnection } from './bidi';

interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text?: string };
}

/**
 * Runs `expression` in Firefox's (first) browser window and returns its JSON-able value (a
 * promise's, once it settles).
 */
export async function evaluateInBrowserWindow<T>(browser: Browser, expression: string): Promise<T> {
  const connection = bidiConnection(browser);
  const { result: tree } = (await connection.send('browsingContext.getTree', {
    'moz:scope': 'chrome',
  })) as { result: { contexts: { context: string; url: string }[] } };
  const window = tree.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!window) throw new Error('No Firefox browser window found over BiDi.');
  const { result } = (await connection.send('script.evaluate', {
    // Awaited when it is a promise; sent back as JSON.
    expression: `Promise.resolve(${expression}).then((value) => JSON.stringify(value))`,
    target: { context: window.context },
    awaitPromise: true,
    resultOwnership: 'none',
  })) as { result: EvaluateResult };
  if (result.type !== 'success')
    throw new Error(`In the browser window: ${result.exceptionDetails?.text ?? 'exception'}`);
  const json = result.result?.value;
  return (typeof json === 'string' ? JSON.parse(json) : undefined) as T;
}

/** Right-clicks `selector` in `page` and chooses the context-menu item labelled `label`. */
export async function chooseContextMenuItem(
  page: Page,
  selector: string,
  label: string,
): Promise<void> {
  await page.click(selector, { button: 'right' });
  const menu = `document.getElementById('contentAreaContextMenu')`;
  const find = `[...${menu}.querySelectorAll('menuitem')].find((item) => !item.hidden && item.getAttribute('label') === ${JSON.stringify(label)})`;
  // Waits in the browser window (up to 5 s) for the menu to open with the item in it.
  const shown = await evaluateInBrowserWindow<boolean>(
    page.browser(),
    `new Promise((resolve) => {
      const until = Date.now() + 5000;
      const check = () => {
        if (${menu}.state === 'open' && ${find}) resolve(true);
        else if (Date.now() > until) resolve(false);
        else setTimeout(check, 50);
      };
      check();
    })`,
  );
  if (!shown) throw new Error(`The context menu did not offer "${label}".`);
  await evaluateInBrowserWindow(page.browser(), `(${menu}.activateItem(${find}), true)`);
}

/**
 * Fires the keyboard shortcut `modifiers`+`key` (for example 'alt,shift' and 'I') that the
 * extension `geckoId` registered, through the browser's own key element for it: what a key
 * press in the browser window does.
 */
export async function pressExtensionShortcut(
  browser: Browser,
  geckoId: string,
  modifiers: string,
  key: string,
): Promise<void> {
  // Firefox names an extension's keyset after its id, with non-word characters as "_".
  const keyset = `ext-keyset-id-${geckoId.replace(/[^\w-]/g, '_')}`;
  const fired = await evaluateInBrowserWindow<boolean>(
    browser,
    `(() => {
      const keys = [...(document.getElementById(${JSON.stringify(keyset)})?.children ?? [])];
      const wanted = keys.find((k) =>
        k.getAttribute('key')?.toUpperCase() === ${JSON.stringify(key.toUpperCase())} &&
        k.getAttribute('modifiers') === ${JSON.stringify(modifiers)});
      if (!wanted) return false;
      wanted.doCommand();
      return true;
    })()`,
  );
  if (!fired) throw new Error(`No ${modifiers}+${key} shortcut registered by ${geckoId}.`);
}

/**
 * What Firefox's clipboard holds as HTML and as plain text (null for a type it does not hold),
 * read by the browser itself: pages cannot read it without a prompt.
 */
export function readClipboard(
  browser: Browser,
): Promise<{ html: string | null; text: string | null }> {
  return evaluateInBrowserWindow(
    browser,
    `(() => {
      const read = (flavor) => {
        const transferable = Cc['@mozilla.org/widget/transferable;1'].createInstance(Ci.nsITransferable);
        transferable.init(null);
        transferable.addDataFlavor(flavor);
        try {
          Services.clipboard.getData(transferable, Services.clipboard.kGlobalClipboard, null);
          const data = {};
          transferable.getTransferData(flavor, data);
          return data.value.QueryInterface(Ci.nsISupportsString).data;
        } catch {
          return null;
        }
      };
      return { html: read('text/html'), text: read('text/plain') };
    })()`,
  );
}

/**
 * Emulates a media type and a colour scheme in the tab showing `page`, the way Firefox's
 * developer tools simulate print media and a scheme (the tab's browsing-context overrides):
 * WebDriver BiDi has no media emulation. Waits until the page's media queries show it.
 */
export async function emulateMediaInFirefox(
  page: Page,
  media: 'screen' | 'print',
  scheme: 'light' | 'dark',
): Promise<void> {
  const url = await page.evaluate(() => location.href);
  const found = await evaluateInBrowserWindow<boolean>(
    page.browser(),
    `(() => {
      const tab = [...gBrowser.tabs].find((t) => t.linkedBrowser.currentURI.spec === ${JSON.stringify(url)});
      if (!tab) return false;
      const context = tab.linkedBrowser.browsingContext;
      context.prefersColorSchemeOverride = ${JSON.stringify(scheme)};
      context.mediumOverride = ${JSON.stringify(media === 'print' ? 'print' : '')};
      return true;
    })()`,
  );
  if (!found) throw new Error(`No tab shows ${url} in the browser window.`);
  // The scheme was set first, so the new medium shows both arrived. (In print, Firefox's
  // prefers-color-scheme is light whatever the override.)
  await page.waitForFunction(
    (type: string, colours: string) =>
      matchMedia(type).matches &&
      (type === 'print' || matchMedia(`(prefers-color-scheme: ${colours})`).matches),
    { timeout: 5_000 },
    media,
    scheme,
  );
}
