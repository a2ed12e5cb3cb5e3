/**
 * vitest globalSetup for e2e: builds the extension once per run into E2E_BUILD_DIR (set by
 * vitest.e2e.config.ts, one folder per run) unless E2E_EXTENSION_DIR names an existing build.
 * The run's folder is removed afterwards unless E2E_KEEP_BUILD=1.
 */
import { rmSync } from 'node:fs';
import { buildExtension, extensionDirFor, type BrowserName } from './support/build';

export default async function setup() {
  const browserName: BrowserName = process.env.E2E_BROWSER === 'firefox' ? 'firefox' : 'chromium';
  if (process.env.E2E_EXTENSION_DIR) {
    console.log(`e2e: using the build in ${extensionDirFor(browserName)}`);
    return;
  }
  const outDir = process.env.E2E_BUILD_DIR;
  if (!outDir) throw new Error('E2E_BUILD_DIR is not set: run e2e through vitest.e2e.config.ts.');
  const started = Date.now();
  await buildExtension({ outDir, browsers: [browserName] });
  console.log(`e2e: built ${extensionDirFor(browserName, outDir)} in ${Date.now() - started} ms`);
  return () => {
    if (process.env.E2E_KEEP_BUILD !== '1') rmSync(outDir, { recursive: true, force: true });
  };
}
