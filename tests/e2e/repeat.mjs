#!/usr/bin/env node
// `npm run test:e2e:repeat [-- <count>] [run.mjs arguments…]`
// Runs the whole e2e suite <count> times in a row (default 5), each time through run.mjs, so in
// Chromium and then in Firefox unless `--browser` says otherwise; stops at the first failed run.
// This is the stability check: a flaky test shows up as a failed run. Takes a while (about
// 13 minutes per run of both browsers on a 2-core machine), so run it on its own.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const run = fileURLToPath(new URL('./run.mjs', import.meta.url));
const args = process.argv.slice(2);
const count = /^\d+$/.test(args[0] ?? '') ? Number(args.shift()) : 5;
if (count < 1) {
  console.error('Give a count of at least 1.');
  process.exit(2);
}

function runOnce() {
  return new Promise((done) => {
    const child = spawn(process.execPath, [run, ...args], { stdio: 'inherit' });
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

const started = Date.now();
const minutes = (ms) => `${(ms / 60_000).toFixed(1)} min`;
for (let i = 1; i <= count; i++) {
  const began = Date.now();
  console.log(`\n=== e2e run ${i} of ${count} ===`);
  const code = await runOnce();
  if (code !== 0) {
    console.error(`\ne2e run ${i} of ${count} failed (after ${minutes(Date.now() - started)}).`);
    process.exit(code);
  }
  console.log(`\ne2e run ${i} of ${count} passed in ${minutes(Date.now() - began)}.`);
}
console.log(`\nAll ${count} e2e runs passed in a row (${minutes(Date.now() - started)}).`);
