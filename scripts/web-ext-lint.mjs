#!/usr/bin/env node
/**
 * Builds the Firefox package and runs Mozilla's `web-ext lint` on it (the same checks
 * addons.mozilla.org runs on upload). Fails on any error; prints every warning so a new one is
 * seen in CI.
 *
 *   node scripts/web-ext-lint.mjs              build into .output/web-ext-lint, then lint
 *   node scripts/web-ext-lint.mjs --no-build   lint the existing build in that folder
 *   WXT_OUT_DIR=.output/x node scripts/web-ext-lint.mjs   use another build folder
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.resolve(root, process.env.WXT_OUT_DIR ?? '.output/web-ext-lint');
const build = !process.argv.includes('--no-build');

if (build) {
  // A fresh folder: an older build for another manifest version must not be checked instead.
  rmSync(outDir, { recursive: true, force: true });
  execFileSync(path.join(root, 'node_modules/.bin/wxt'), ['build', '-b', 'firefox'], {
    cwd: root,
    env: { ...process.env, WXT_OUT_DIR: outDir },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const firefoxDir = existsSync(outDir)
  ? readdirSync(outDir).find((name) => name.startsWith('firefox-'))
  : undefined;
if (!firefoxDir) {
  console.error(`No Firefox build in ${outDir}. Run without --no-build.`);
  process.exit(1);
}
const sourceDir = path.join(outDir, firefoxDir);

const lint = spawnSync(
  path.join(root, 'node_modules/.bin/web-ext'),
  ['lint', '--source-dir', sourceDir, '--output', 'json', '--no-config-discovery'],
  { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
);
let report;
try {
  report = JSON.parse(lint.stdout);
} catch {
  console.error('web-ext lint did not produce a report:\n', lint.stdout, lint.stderr);
  process.exit(1);
}

const describe = (item) =>
  `  ${item.code}: ${item.message}${item.file ? ` (${item.file}${item.line ? `:${item.line}` : ''})` : ''}`;

console.log(`web-ext lint ${path.relative(root, sourceDir)}`);
console.log(
  `  errors: ${report.summary.errors}, warnings: ${report.summary.warnings}, notices: ${report.summary.notices}`,
);
for (const [label, items] of [
  ['Errors', report.errors],
  ['Warnings', report.warnings],
  ['Notices', report.notices],
]) {
  if (items.length === 0) continue;
  console.log(`${label}:`);
  for (const item of items) console.log(describe(item));
}
process.exit(report.summary.errors > 0 ? 1 : 0);
