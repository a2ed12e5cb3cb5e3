/**
 * vitest globalSetup for e2e: builds the extension once per run into E2E_BUILD_DIR (set by
 * vitest.e2e.config.ts, one folder per run) unless E2E_EXTENSION_DIR names an existing build;
 * for Firefox, also starts Firefox once to make the profile each launch copies.
 * The run's folder is removed afterwards unless E2E_KEEP_BUILD=1, and folders left by runs that
 * were killed (their process is gone) are removed first.
 */
import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { FIREFOX_PREFS } from './harness';
import { buildExtension, extensionDirFor, type BrowserName } from './support/build';
import { findFirefox } from './support/browser-path';
import { firefoxProfileTemplate, makeFirefoxProfileTemplate } from './support/firefox-profile';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes sibling run-<pid> folders whose run has ended without cleaning up. */
function removeAbandonedBuilds(outDir: string): void {
  const parent = dirname(outDir);
  let names: string[] = [];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^run-(\d+)$/.exec(name)?.[1]);
    if (pid && name !== basename(outDir) && !isRunning(pid)) {
      rmSync(join(parent, name), { recursive: true, force: true });
    }
  }
}

/** Firefox runs: the profile every launch copies (./support/firefox-profile.ts). */
async function makeProfileTemplate(browserName: BrowserName, outDir: string): Promise<void> {
  const executablePath = browserName === 'firefox' ? findFirefox() : undefined;
  const template = firefoxProfileTemplate(outDir);
  if (!executablePath || !template) return;
  const started = Date.now();
  await makeFirefoxProfileTemplate(executablePath, template, FIREFOX_PREFS);
  console.log(`e2e: made a Firefox profile to copy in ${Date.now() - started} ms`);
}

export default async function setup() {
  const browserName: BrowserName = process.env.E2E_BROWSER === 'firefox' ? 'firefox' : 'chromium';
  const outDir = process.env.E2E_BUILD_DIR;
  if (!outDir) throw new Error('E2E_BUILD_DIR is not set: run e2e through vitest.e2e.config.ts.');
  removeAbandonedBuilds(outDir);
  const removeBuild = () => {
    if (process.env.E2E_KEEP_BUILD !== '1') rmSync(outDir, { recursive: true, force: true });
  };
  const started = Date.now();
  try {
    if (process.env.E2E_EXTENSION_DIR) {
      console.log(`e2e: using the build in ${extensionDirFor(browserName)}`);
      await makeProfileTemplate(browserName, outDir);
    } else {
      // The build and Firefox's first start at once: one mostly waits while the other works.
      await Promise.all([
        buildExtension({ outDir, browsers: [browserName] }).then(() =>
          console.log(
            `e2e: built ${extensionDirFor(browserName, outDir)} in ${Date.now() - started} ms`,
          ),
        ),
        makeProfileTemplate(browserName, outDir),
      ]);
    }
  } catch (error) {
    removeBuild();
    throw error;
  }
  return removeBuild;
}
