#!/usr/bin/env node
// `npm run test:e2e [-- --browser chromium|firefox|all] [vitest args…]`
// Runs the e2e suite (vitest.e2e.config.ts) once per browser with E2E_BROWSER set.
// Default: chromium only. Firefox runs with `--browser firefox` or `all`; it becomes part of the
// default once the Firefox parity work lands (see docs/architecture.md, "End-to-end harness").
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
let choice = process.env.E2E_BROWSERS ?? 'chromium';
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

let failed = false;
for (const browser of browsers) {
  console.log(`\n== e2e in ${browser} ==\n`);
  if ((await runVitest(browser)) !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
