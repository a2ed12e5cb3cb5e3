#!/usr/bin/env node
// `npm run test:e2e [-- --browser chromium|firefox|all] [--parallel] [vitest args…]`
// Runs the e2e suite (vitest.e2e.config.ts) once per browser with E2E_BROWSER set.
// Default (no --browser, no E2E_BROWSERS): Chromium, then Firefox when one is installed (the
// places tests/e2e/support/browser-path.ts looks); see docs/firefox.md.
// --parallel (or E2E_PARALLEL=1) runs the browsers' suites at the same time, each still one file
// at a time: most of an e2e test is waiting on a browser, so two suites share 2 cores well and
// `npm test` finishes minutes sooner. Each line is prefixed with its browser's name.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const firefoxInstalled = process.env.E2E_FIREFOX_PATH
  ? existsSync(process.env.E2E_FIREFOX_PATH)
  : ['/usr/bin/firefox-esr', '/usr/bin/firefox'].some((path) => existsSync(path));
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

/** Copies a child's output line by line, each line prefixed, so two suites stay readable. */
function prefixLines(stream, prefix, out) {
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) =>
    out.write(`${prefix}${line}\n`),
  );
}

function runVitest(browser, prefixed) {
  return new Promise((done) => {
    const child = spawn(
      join(root, 'node_modules', '.bin', 'vitest'),
      ['run', '--config', 'vitest.e2e.config.ts', ...passThrough],
      {
        cwd: root,
        stdio: prefixed ? ['ignore', 'pipe', 'pipe'] : 'inherit',
        // Colours stay on when prefixed only if the terminal would have shown them.
        env: {
          ...process.env,
          E2E_BROWSER: browser,
          ...(prefixed && !process.stdout.isTTY ? { NO_COLOR: '1' } : {}),
        },
      },
    );
    if (prefixed) {
      const prefix = `[${browser}] `;
      prefixLines(child.stdout, prefix, process.stdout);
      prefixLines(child.stderr, prefix, process.stderr);
    }
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
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
