/**
 * Saves a page's downloads into a fresh folder and waits until Chromium reports them complete
 * (Browser.downloadProgress), so a test never reads a file that is still being written.
 * Chromium only: Firefox over WebDriver BiDi has no download events here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';

export interface DownloadCapture {
  folder: string;
  /** Waits until `count` downloads have completed; answers their file names, sorted. */
  waitFor(count: number, options?: { timeout?: number }): Promise<string[]>;
  /** Stops capturing and deletes the folder. */
  dispose(): Promise<void>;
}

export async function captureDownloads(page: Page): Promise<DownloadCapture> {
  const folder = mkdtempSync(join(tmpdir(), 'iep-downloads-'));
  const session = await page.createCDPSession();
  const names = new Map<string, string>();
  const completed: string[] = [];
  const waiters = new Set<() => void>();
  session.on('Browser.downloadWillBegin', (event) => {
    names.set(event.guid, event.suggestedFilename);
  });
  session.on('Browser.downloadProgress', (event) => {
    if (event.state !== 'completed') return;
    completed.push(names.get(event.guid) ?? event.guid);
    for (const wake of waiters) wake();
  });
  await session.send('Browser.setDownloadBehavior', {
    behavior: 'allow',
    downloadPath: folder,
    eventsEnabled: true,
  });
  return {
    folder,
    waitFor: (count, { timeout = 15_000 } = {}) =>
      new Promise((resolve, reject) => {
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
    dispose: async () => {
      await session.detach().catch(() => {});
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
