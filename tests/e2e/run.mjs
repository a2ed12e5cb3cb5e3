#!/usr/bin/env node
// `npm run test:e2e [-- --browser chromium|firefox|all] [--parallel] [vitest args…]`
// Runs the e2e suite (vitest.e2e.config.ts) once per browser with E2E_BROWSER set.
// Default (no --browser, no E2E_BROWSERS): Chromium, then Firefox when one is installed (the
// places tests/e2e/support/browser-path.ts looks); see docs/firefox.md.
// --parallel (or E2E_PARALLEL=1) runs the browsers' suites at the same time, each still one file
// at a time: most of an e2e test is waiting on a browser, so two suites share 2 cores well and
// `npm test` finishes minutes sooner. Each line is prefixed with its browser's name.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { firefoxInstalled as hasFirefox, runChild } from '../support/runner.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const firefoxInstalled = hasFirefox();
let choice = process.env.E2E_BROWSERS ?? (firefoxInstalled ? 'all' : 'chromium');
let parallel = process.env.E2E_PARALLEL === '1';
const passThrough = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--parallel') parallel = true;
  else if (arg === '--browser') choice = args[++i] ?? '';
  else if (arg.startsWith('--browser=')) choice = arg.slice('--browser='.length);
  else passThrough.push(arg);
}
const browsers = choice === 'all' ? ['chromium', 'firefox'] : choice.split(',');
for (const browser of browsers) {
  if (!['chromium', 'firefox'].includes(browser)) {
    console.error(`Unknown browser "${browser}". Use chromium, firefox or all.`);
    process.exit(2);
  }
}

function runVitest(browser, prefixed) {
  return runChild(
    join(root, 'node_modules', '.bin', 'vitest'),
    ['run', '--config', 'vitest.e2e.config.ts', ...passThrough],
    {
      cwd: root,
      env: { ...process.env, E2E_BROWSER: browser },
      prefix: prefixed ? `[${browser}] ` : undefined,
    },
  );
}

if (!firefoxInstalled && browsers.includes('chromium') && !browsers.includes('firefox'))
  console.log('e2e: no Firefox installed (firefox-esr or E2E_FIREFOX_PATH): Chromium only.');
let failed = false;
if (parallel && browsers.length > 1) {
  console.log(`\n== e2e in ${browsers.join(' and ')}, at the same time ==\n`);
  const codes = await Promise.all(browsers.map((browser) => runVitest(browser, true)));
  codes.forEach((code, i) => {
    console.log(`e2e in ${browsers[i]}: ${code === 0 ? 'passed' : 'FAILED'}`);
    if (code !== 0) failed = true;
  });
} else {
  for (const browser of browsers) {
    console.log(`\n== e2e in ${browser} ==\n`);
    if ((await runVitest(browser, false)) !== 0) failed = true;
  }
}
process.exit(failed ? 1 : 0);
