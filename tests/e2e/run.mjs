#!/usr/bin/env node
// `npm run test:e2e [-- --browser chromium|firefox|all] [vitest args…]`
// Runs the e2e suite (vitest.e2e.config.ts) once per browser with E2E_BROWSER set.
// Default (no --browser, no E2E_BROWSERS): Chromium, then Firefox when one is installed (the
// places tests/e2e/support/browser-path.ts looks); see docs/firefox.md.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const firefoxInstalled = process.env.E2E_FIREFOX_PATH
  ? existsSync(process.env.E2E_FIREFOX_PATH)
  : ['/usr/bin/firefox-esr', '/usr/bin/firefox'].some((path) => existsSync(path));
let choice = process.env.E2E_BROWSERS ?? (firefoxInstalled ? 'all' : 'chromium');
const passThrough = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--browser') choice = args[++i] ?? '';
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

function runVitest(browser) {
  return new Promise((done) => {
    const child = spawn(
      join(root, 'node_modules', '.bin', 'vitest'),
      ['run', '--config', 'vitest.e2e.config.ts', ...passThrough],
      { cwd: root, stdio: 'inherit', env: { ...process.env, E2E_BROWSER: browser } },
    );
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

if (!firefoxInstalled && browsers.includes('chromium') && !browsers.includes('firefox'))
  console.log('e2e: no Firefox installed (firefox-esr or E2E_FIREFOX_PATH): Chromium only.');
let failed = false;
for (const browser of browsers) {
  console.log(`\n== e2e in ${browser} ==\n`);
  if ((await runVitest(browser)) !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
