/**
 * A Firefox profile made once per e2e run and copied for each launch. Firefox's first start in an
 * empty profile does a few seconds of one-time work (its databases, certificate store, startup
 * cache, built-in settings dumps) that every later start in that profile skips; a copy of a
 * profile that has started once, closed, with no add-on and no site data, starts like a
 * returning one, and each launch still gets a profile of its own. The launch's preferences (the
 * add-on's UUID, the proxy, a test's own) are written into the copy by Puppeteer as before.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer';

/** Where a run keeps its template: inside the run's build folder, removed with it. */
export function firefoxProfileTemplate(buildDir = process.env.E2E_BUILD_DIR): string | undefined {
  return buildDir ? join(buildDir, 'firefox-profile') : undefined;
}

/** Starts Firefox once in `dir` (a new profile), lets it load a page, and closes it. */
export async function makeFirefoxProfileTemplate(
  executablePath: string,
  dir: string,
  prefs: Record<string, string | number | boolean>,
): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    userDataDir: dir,
    extraPrefsFirefox: prefs,
  });
  try {
    const page = await browser.newPage();
    await page.goto('about:blank');
  } finally {
    await browser.close();
  }
  // Lock files of the closed browser: a copy holding them would be taken for a running one.
  for (const name of ['lock', '.parentlock']) rmSync(join(dir, name), { force: true });
}

/**
 * A new, empty profile folder for one launch: inside the run's build folder when there is one,
 * so the run's teardown (tests/e2e/global-setup.ts) removes it even when the browser outlived
 * its test process (the run's shared browser, ./shared-browser.ts), else in the temp folder.
 */
export function newProfileDir(prefix: string): string {
  const parent = process.env.E2E_BUILD_DIR;
  if (parent) mkdirSync(parent, { recursive: true });
  return mkdtempSync(join(parent ?? tmpdir(), prefix));
}

/**
 * A fresh copy of this run's template for one launch, or undefined when the run has none (a
 * file run outside `npm run test:e2e`, the demo): Puppeteer then makes a new profile as before.
 */
export function copyFirefoxProfile(): { dir: string; remove(): void } | undefined {
  const template = firefoxProfileTemplate();
  if (!template || !existsSync(join(template, 'prefs.js'))) return undefined;
  const dir = newProfileDir('iep-e2e-firefox-');
  cpSync(template, dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
