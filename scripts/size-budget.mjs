#!/usr/bin/env node
/**
 * Size budgets for the release packages, checked in CI. Prints the figures, then fails when one
 * is over budget:
 *   - content script initial JS (the files the manifest injects into mail pages), gzip: ≤ 8 KB
 *   - each store package (.zip) without the IEP reader's pdf.js: ≤ 330 KB (250 KB until the
 *     fourteen draft kinds, the no-record actions and the district-record parsers landed; 320 KB
 *     until drafts came from the gap cache and the district's totals covered their file's dates,
 *     2.3 KB; the budget catches accidental growth, the content script's 8 KB is the one on the
 *     hot path)
 *   - the IEP reader's pdf.js (its lazily loaded chunk and its worker, lib/iep-import/pdf.ts), gzip:
 *     ≤ 512 KB. Only the tracker page loads it, when a parent reads a PDF; the popup, the picker
 *     and the content scripts never do.
 *   - the Word export (its lazily loaded chunk: lib/letter-export/docx.ts and the docx library),
 *     gzip: ≤ 96 KB, likewise outside the package budget. Only the letter page loads it, when the
 *     user asks for a Word file; no page's HTML may load or preload it at start.
 *
 *   node scripts/size-budget.mjs            zip Chrome, Edge and Firefox into .output/release, check
 *   node scripts/size-budget.mjs --no-build check the packages already in that folder
 *   WXT_OUT_DIR=.output/x node scripts/size-budget.mjs   use another folder
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const CONTENT_SCRIPT_GZIP_BUDGET = 8 * 1024;
export const PACKAGE_BUDGET = 330 * 1024;
export const PDF_READER_GZIP_BUDGET = 512 * 1024;
export const WORD_EXPORT_GZIP_BUDGET = 96 * 1024;
const BROWSERS = ['chrome', 'edge', 'firefox'];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.resolve(root, process.env.WXT_OUT_DIR ?? '.output/release');
const build = !process.argv.includes('--no-build');

if (build) {
  // A fresh folder: an older build for another manifest version must not be checked instead.
  rmSync(outDir, { recursive: true, force: true });
  for (const browser of BROWSERS) {
    execFileSync(path.join(root, 'node_modules/.bin/wxt'), ['zip', '-b', browser], {
      cwd: root,
      env: { ...process.env, WXT_OUT_DIR: outDir },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
}

const formatKb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
const rows = [];
let failed = false;

function check(label, bytes, budget) {
  const over = bytes > budget;
  failed ||= over;
  rows.push([label, formatKb(bytes), formatKb(budget), over ? 'OVER BUDGET' : 'ok']);
}

const entries = existsSync(outDir) ? readdirSync(outDir) : [];
for (const browser of BROWSERS) {
  const buildDir = entries.find((name) => name.startsWith(`${browser}-mv`));
  const zip = entries.find((name) => name.endsWith(`-${browser}.zip`));
  if (!buildDir || !zip) {
    console.error(`Missing the ${browser} build or package in ${outDir}. Run without --no-build.`);
    process.exit(1);
  }
  const manifest = JSON.parse(readFileSync(path.join(outDir, buildDir, 'manifest.json'), 'utf8'));
  const scripts = [...new Set((manifest.content_scripts ?? []).flatMap((c) => c.js ?? []))];
  const gzipBytes = scripts.reduce(
    (sum, file) =>
      sum + gzipSync(readFileSync(path.join(outDir, buildDir, file)), { level: 9 }).length,
    0,
  );
  const names = scripts.length > 0 ? scripts.join(', ') : 'none declared';
  check(`${buildDir} content script JS, gzip (${names})`, gzipBytes, CONTENT_SCRIPT_GZIP_BUDGET);
  // pdf.js: the worker and the chunk holding pdf.js's own code (see lib/iep-import/pdf.ts).
  const readerFiles = [
    path.join('pdfjs', 'pdf.worker.mjs'),
    ...readdirSync(path.join(outDir, buildDir, 'chunks'))
      .filter((name) => /^pdf-[\w-]+\.js$/.test(name))
      .map((name) => path.join('chunks', name)),
  ].filter((file) => existsSync(path.join(outDir, buildDir, file)));
  const readerBytes = readerFiles.reduce(
    (sum, file) =>
      sum + gzipSync(readFileSync(path.join(outDir, buildDir, file)), { level: 9 }).length,
    0,
  );
  check(
    `${buildDir} IEP reader pdf.js, gzip (${readerFiles.join(', ')})`,
    readerBytes,
    PDF_READER_GZIP_BUDGET,
  );
  // The Word export: the chunk lib/letter-export/docx.ts becomes (with the docx library).
  const chunks = readdirSync(path.join(outDir, buildDir, 'chunks'));
  const wordFiles = chunks.filter((name) => /^docx-[\w-]+\.js$/.test(name));
  const wordBytes = wordFiles.reduce(
    (sum, file) =>
      sum +
      gzipSync(readFileSync(path.join(outDir, buildDir, 'chunks', file)), { level: 9 }).length,
    0,
  );
  check(
    `${buildDir} Word export, gzip (${wordFiles.join(', ')})`,
    wordBytes,
    WORD_EXPORT_GZIP_BUDGET,
  );
  for (const page of readdirSync(path.join(outDir, buildDir)).filter((n) => n.endsWith('.html'))) {
    const html = readFileSync(path.join(outDir, buildDir, page), 'utf8');
    const loaded = wordFiles.filter((file) => html.includes(file));
    if (loaded.length > 0) {
      failed = true;
      rows.push([`${buildDir}/${page} loads the Word export at start`, '', '', 'NOT LAZY']);
    }
  }
  if (wordFiles.length === 0) {
    failed = true;
    rows.push([`${buildDir} Word export chunk`, 'missing', '', 'NOT FOUND']);
  }
  check(
    `${zip} without the IEP reader's pdf.js and the Word export`,
    statSync(path.join(outDir, zip)).size - readerBytes - wordBytes,
    PACKAGE_BUDGET,
  );
}

const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i].length), 6));
const line = (cells) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ');
console.log(`Size budgets (${path.relative(root, outDir)})`);
console.log(line(['what', 'size', 'budget', 'result']));
for (const row of rows) console.log(line(row));
process.exit(failed ? 1 : 0);
