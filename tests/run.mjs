#!/usr/bin/env node
// `npm test`: the unit tests (vitest.config.ts) and the e2e suite (tests/e2e/run.mjs) in both
// browsers, on two lanes at once so both cores stay busy:
//   lane 1: e2e in Firefox
//   lane 2: unit tests, then e2e in Chromium
// Firefox's suite is the longest and mostly waits on the browser (about one core busy), so the
// unit tests and the Chromium suite fill the other core; each suite still runs its files one at
// a time. Without Firefox: unit tests, then Chromium. `TEST_SERIAL=1` runs the parts one after
// the other (unit, Chromium, Firefox) without prefixes. Every part runs even when one fails (as
// `npm run test:e2e` runs both browsers); each part's result and time are printed at the end.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { firefoxInstalled, runChild } from './support/runner.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const serial = process.env.TEST_SERIAL === '1';
const parts = {
  unit: [join(root, 'node_modules', '.bin', 'vitest'), ['run']],
  chromium: [process.execPath, [join(root, 'tests/e2e/run.mjs'), '--browser', 'chromium']],
  firefox: [process.execPath, [join(root, 'tests/e2e/run.mjs'), '--browser', 'firefox']],
};
const lanes = !firefoxInstalled()
  ? [['unit', 'chromium']]
  : serial
    ? [['unit', 'chromium', 'firefox']]
    : [['firefox'], ['unit', 'chromium']];
const prefixed = lanes.length > 1;

const results = [];
async function runLane(names) {
  for (const name of names) {
    const started = Date.now();
    const [command, args] = parts[name];
    const code = await runChild(command, args, {
      cwd: root,
      prefix: prefixed ? `[${name}] ` : undefined,
    });
    results.push({ name, code, seconds: (Date.now() - started) / 1000 });
  }
}

const started = Date.now();
if (!firefoxInstalled()) console.log('npm test: no Firefox installed: e2e in Chromium only.');
await Promise.all(lanes.map(runLane));
console.log('');
for (const { name, code, seconds } of results)
  console.log(`${name}: ${code === 0 ? 'passed' : 'FAILED'} in ${seconds.toFixed(0)} s`);
console.log(`npm test: ${((Date.now() - started) / 1000).toFixed(0)} s in all`);
const failed = results.some(({ code }) => code !== 0);
process.exit(failed ? 1 : 0);
