/**
 * Raw WebDriver BiDi for the few Firefox steps Puppeteer has no API for (the browser window,
 * downloads, closed shadow roots). Puppeteer's BiDi browser exposes its connection, though not
 * in its public types.
 */
import type { Browser, Page } from 'puppeteer';

export interface BiDiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
  on(event: string, handler: (params: never) => void): unknown;
  off(event: string, handler: (params: never) => void): unknown;
}

/** True when Puppeteer drives this page over WebDriver BiDi (Firefox), false over CDP. */
export function drivenOverBiDi(page: Page): boolean {
  // `protocol` is marked internal in Puppeteer's types but present on every Browser.
  return (page.browser() as unknown as { protocol: string }).protocol === 'webDriverBiDi';
}

export function bidiConnection(browser: Browser): BiDiConnection {
  const connection = (browser as unknown as { connection?: BiDiConnection }).connection;
  if (!connection) throw new Error('Not a WebDriver BiDi browser (Firefox).');
  return connection;
}

/** The addresses of the browser's open tabs, as Firefox itself knows them. */
export async function openTabUrls(browser: Browser): Promise<string[]> {
  const { result } = (await bidiConnection(browser).send('browsingContext.getTree', {
    maxDepth: 0,
  })) as { result: { contexts: { url: string }[] } };
  return result.contexts.map((context) => context.url);
}
