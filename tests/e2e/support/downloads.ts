/**
 * Saves a page's downloads into a fresh folder and waits until the browser reports them
 * complete, so a test never reads a file that is still being written: Chromium's
 * Browser.downloadProgress over CDP, Firefox's browsingContext.downloadEnd over WebDriver BiDi.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Page } from 'puppeteer';
import { bidiConnection, drivenOverBiDi } from './bidi';

export interface DownloadCapture {
  folder: string;
  /** Waits until `count` downloads have completed; answers their file names, sorted. */
  waitFor(count: number, options?: { timeout?: number }): Promise<string[]>;
  /** Stops capturing and deletes the folder. */
  dispose(): Promise<void>;
}

/** Completed file names, and a wait for a number of them. */
function completionList() {
  const completed: string[] = [];
  const waiters = new Set<() => void>();
  return {
    add(name: string) {
      completed.push(name);
      for (const wake of waiters) wake();
    },
    waitFor: (count: number, { timeout = 15_000 } = {}) =>
      new Promise<string[]>((resolve, reject) => {
        const check = () => {
          if (completed.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve([...completed].sort());
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(`${completed.length} of ${count} downloads completed in ${timeout} ms.`),
          );
        }, timeout);
        waiters.add(check);
        check();
      }),
  };
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
  return {
    folder,
    waitFor: done.waitFor,
    dispose: async () => {
      connection.off('browsingContext.downloadEnd', onEnd);
      await connection
        .send('session.unsubscribe', { subscriptions: [result.subscription] })
        .catch(() => {});
      await connection
        .send('browser.setDownloadBehavior', { downloadBehavior: null })
        .catch(() => {});
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

export async function captureDownloads(page: Page): Promise<DownloadCapture> {
  const folder = mkdtempSync(join(tmpdir(), 'iep-downloads-'));
  if (drivenOverBiDi(page)) return captureFirefoxDownloads(page, folder);
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
  return {
    folder,
    waitFor: done.waitFor,
    dispose: async () => {
      await session.detach().catch(() => {});
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
