/**
 * The one download helper: saves a page's downloads into a fresh folder and waits until the
 * browser reports them complete, so a test never reads a file that is still being written:
 * Chromium's Browser.downloadProgress over CDP, Firefox's browsingContext.downloadEnd over
 * WebDriver BiDi. What a test reads is the file the browser wrote, as the user would get it.
 *
 *   const downloads = await captureDownloads(page);
 *   await clickText(page, 'button', 'Save backup file');
 *   const { name, text } = await downloads.next();
 *   …
 *   await downloads.dispose();          // or leave it: closing the page, a new capture for the
 *                                       // page or the end of the test process does it
 *
 * `lastDownload(page)` (the text of the page's next finished download) is kept for tests that
 * only want the text.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Page } from 'puppeteer';
import { bidiConnection, drivenOverBiDi } from './bidi';

export interface DownloadCapture {
  folder: string;
  /** Waits until `count` downloads have completed; answers their file names, sorted. */
  waitFor(count: number, options?: { timeout?: number }): Promise<string[]>;
  /**
   * Waits for the next completed download that next() has not answered yet (in the order they
   * completed): its file name and its text (UTF-8; a leading BOM dropped, as a browser reads it).
   */
  next(options?: { timeout?: number }): Promise<{ name: string; text: string }>;
  /** The text of a completed download (UTF-8; a leading BOM dropped, as a browser reads it). */
  text(name: string): string;
  /** Stops capturing and deletes the folder. */
  dispose(): Promise<void>;
}

/** Completed file names in the order they completed, and a wait for a number of them. */
function completionList() {
  const completed: string[] = [];
  const waiters = new Set<() => void>();
  const waitFor = (count: number, { timeout = 15_000 } = {}) =>
    new Promise<string[]>((resolve, reject) => {
      const check = () => {
        if (completed.length < count) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve([...completed]);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`${completed.length} of ${count} downloads completed in ${timeout} ms.`));
      }, timeout);
      waiters.add(check);
      check();
    });
  return {
    add(name: string) {
      completed.push(name);
      for (const wake of waiters) wake();
    },
    waitFor,
  };
}

/** UTF-8 text as a browser decodes it (TextDecoder drops a leading byte order mark). */
function readText(folder: string, name: string): string {
  return new TextDecoder().decode(readFileSync(join(folder, name)));
}

/** Every capture not disposed yet, so none outlives its page or the test process. */
const open = new Set<DownloadCapture>();
const byPage = new WeakMap<Page, DownloadCapture>();
process.once('exit', () => {
  for (const capture of open) rmSync(capture.folder, { recursive: true, force: true });
});

/** The parts every capture shares, around how the browser reports completions. */
function capture(
  page: Page,
  folder: string,
  done: ReturnType<typeof completionList>,
  stop: () => Promise<void>,
): DownloadCapture {
  let taken = 0;
  let disposed = false;
  const result: DownloadCapture = {
    folder,
    waitFor: async (count, options) => (await done.waitFor(count, options)).sort(),
    next: async (options) => {
      const names = await done.waitFor(taken + 1, options);
      const name = names[taken++]!;
      return { name, text: readText(folder, name) };
    },
    text: (name) => readText(folder, name),
    dispose: async () => {
      if (disposed) return;
      disposed = true;
      open.delete(result);
      if (byPage.get(page) === result) byPage.delete(page);
      await stop().catch(() => {});
      rmSync(folder, { recursive: true, force: true });
    },
  };
  open.add(result);
  byPage.set(page, result);
  page.once('close', () => void result.dispose());
  return result;
}

/** Firefox: WebDriver BiDi's download behaviour and download events (browser-wide). */
async function captureFirefoxDownloads(page: Page, folder: string): Promise<DownloadCapture> {
  const connection = bidiConnection(page.browser());
  const done = completionList();
  const onEnd = (event: { status: string; filepath?: string | null }) => {
    if (event.status === 'complete' && event.filepath) done.add(basename(event.filepath));
  };
  connection.on('browsingContext.downloadEnd', onEnd);
  const { result } = (await connection.send('session.subscribe', {
    events: ['browsingContext.downloadEnd'],
  })) as { result: { subscription: string } };
  await connection.send('browser.setDownloadBehavior', {
    downloadBehavior: { type: 'allowed', destinationFolder: folder },
  });
  return capture(page, folder, done, async () => {
    connection.off('browsingContext.downloadEnd', onEnd);
    await connection
      .send('session.unsubscribe', { subscriptions: [result.subscription] })
      .catch(() => {});
    await connection
      .send('browser.setDownloadBehavior', { downloadBehavior: null })
      .catch(() => {});
  });
}

/** Chromium: the page's DevTools session (download behaviour and progress events). */
async function captureChromiumDownloads(page: Page, folder: string): Promise<DownloadCapture> {
  const session = await page.createCDPSession();
  const names = new Map<string, string>();
  const done = completionList();
  session.on('Browser.downloadWillBegin', (event) => {
    names.set(event.guid, event.suggestedFilename);
  });
  session.on('Browser.downloadProgress', (event) => {
    if (event.state === 'completed') done.add(names.get(event.guid) ?? event.guid);
  });
  await session.send('Browser.setDownloadBehavior', {
    behavior: 'allow',
    downloadPath: folder,
    eventsEnabled: true,
  });
  return capture(page, folder, done, () => session.detach());
}

/**
 * Starts saving the page's downloads (a capture already running for the page is disposed
 * first). Only one capture at a time per browser: Firefox's download settings are browser-wide.
 */
export async function captureDownloads(page: Page): Promise<DownloadCapture> {
  await byPage.get(page)?.dispose();
  const folder = mkdtempSync(join(tmpdir(), 'iep-downloads-'));
  return drivenOverBiDi(page)
    ? captureFirefoxDownloads(page, folder)
    : captureChromiumDownloads(page, folder);
}

/**
 * The text of the page's next finished download since captureDownloads(page) (see next()).
 * For tests that only need the text; the capture is disposed with the page.
 */
export async function lastDownload(page: Page): Promise<string> {
  const current = byPage.get(page);
  if (!current) throw new Error('No downloads are captured for this page: call captureDownloads.');
  return (await current.next()).text;
}
