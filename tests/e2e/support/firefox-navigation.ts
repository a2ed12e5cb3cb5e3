/**
 * Firefox over WebDriver BiDi reports no navigation events for moz-extension:// pages, so
 * Puppeteer's `page.goto(extensionUrl)` and `page.reload()` there never settle (they time out
 * after 30 s although the page loaded at once). The harness hands tests pages whose goto and
 * reload wait for the document itself instead when the address is the extension's, so one test
 * runs unchanged in both browsers. Web pages (the fixtures) keep Puppeteer's own navigation.
 *
 * Both answer null instead of an HTTP response: an extension page has none.
 */
import type { Frame, GoToOptions, HTTPResponse, Page, WaitForOptions } from 'puppeteer';
import { eventually } from '../../support/eventually';
import { reloadExtensionPage } from './reload';

const adapted = new WeakSet<Page>();
const DEFAULT_TIMEOUT_MS = 20_000;

/** The document's own address (page.url() is stale for extension pages in Firefox). */
export function currentHref(page: Page): Promise<string> {
  return page.evaluate(() => location.href).catch(() => page.url());
}

const withoutHash = (url: string) => url.split('#')[0]!;

async function gotoExtensionPage(
  page: Page,
  start: Page['goto'],
  url: string,
  timeout: number,
): Promise<null> {
  const from = await currentHref(page);
  if (withoutHash(from) === withoutHash(url) && url.includes('#')) {
    // Same document, another route: a fragment navigation, as in Chromium (no reload).
    await page.evaluate((address: string) => {
      location.href = address;
    }, url);
    await page.waitForFunction((address: string) => location.href === address, { timeout }, url);
    return null;
  }
  const token = `${Date.now()}-${Math.random()}`;
  await page
    .evaluate((value: string) => {
      (window as unknown as { __harnessDocument?: string }).__harnessDocument = value;
    }, token)
    .catch(() => {}); // A page that cannot run scripts now is being replaced anyway.
  // Puppeteer's goto starts the navigation (an extension page cannot be reached from a web
  // page's own script); only its wait for navigation events is left behind.
  start(url, { timeout }).catch(() => {});
  // Polled from here: while the old document goes, an evaluation can fail in ways Puppeteer's
  // waitForFunction does not retry (a BiDi realm that is already gone); eventually retries.
  await eventually(
    () =>
      page.evaluate(
        (address: string, value: string) =>
          (window as unknown as { __harnessDocument?: string }).__harnessDocument !== value &&
          location.href.split('#')[0] === address.split('#')[0] &&
          document.readyState === 'complete',
        url,
        token,
      ),
    `${url} to load`,
    { timeout, interval: 50 },
  );
  return null;
}

/**
 * Makes `page.goto` and `page.reload` settle on extension pages in Firefox (see above). Safe to
 * call more than once for a page.
 */
export function adaptExtensionNavigation(page: Page, extensionOrigin: string): Page {
  if (adapted.has(page)) return page;
  adapted.add(page);
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  const isExtension = (url: string) => url.startsWith(`${extensionOrigin}/`);
  page.goto = (url: string, options?: GoToOptions): Promise<HTTPResponse | null> =>
    isExtension(url)
      ? gotoExtensionPage(page, goto, url, options?.timeout ?? DEFAULT_TIMEOUT_MS)
      : goto(url, options);
  page.reload = async (options?: WaitForOptions): Promise<HTTPResponse | null> => {
    if (!isExtension(await currentHref(page))) return reload(options);
    await reloadExtensionPage(page, { timeout: options?.timeout ?? DEFAULT_TIMEOUT_MS });
    return null;
  };
  return page;
}

/**
 * Waits for a frame of `page` whose document's address contains `part`. Reads each frame's own
 * location: in Firefox an extension page inside a web page's iframe keeps reporting about:blank
 * as its URL (no navigation events), so `page.waitForFrame(f => f.url()…)` never matches there.
 */
export async function waitForFrameAt(
  page: Page,
  part: string,
  { timeout = 10_000 } = {},
): Promise<Frame> {
  return eventually(
    async () => {
      for (const frame of page.frames()) {
        if (frame.url().includes(part)) return frame;
        const href = await frame.evaluate(() => location.href).catch(() => '');
        if (href.includes(part)) return frame;
      }
      return undefined;
    },
    `a frame showing ${part}`,
    { timeout, interval: 50 },
  );
}
