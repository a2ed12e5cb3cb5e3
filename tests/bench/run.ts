/**
 * `npm run bench [-- <name filter>…]`: runs every tests/bench/*.ts module (other than this file
 * and types.ts) that exports `run(): Promise<BenchRow[]>`, one after another, prints one table and
 * writes tests/.artifacts/bench.json.
 *
 * Targets are information, not a gate: a figure over its target is shown as "over" and the
 * script still exits 0. A module that throws is an error (exit 1): its figures are missing.
 * Speed is measured here, never as timed assertions in tests.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, release } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchRow } from './types';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const ARTIFACTS_DIR = join(BENCH_DIR, '..', '.artifacts');
const NOT_MODULES = new Set(['run.ts', 'types.ts']);

interface ResultRow extends BenchRow {
  module: string;
  ratio: number | null;
  /** null when the target cannot be read as a comparison ("≤ 150 ms", ">= 2"). */
  meetsTarget: boolean | null;
}

/**
 * Reads "≤ 150 ms", "<= 1.01", "≥ 10/s" and checks the value against the number. A limit
 * followed by "×" ("≤ 1.25 × empty") is checked against the ratio to the baseline instead, and
 * several limits joined by "and" must all hold.
 */
export function meetsTarget(
  value: number,
  target: string | undefined,
  ratio: number | null = null,
): boolean | null {
  if (!target) return null;
  const parts = target.split(/\s+and\s+/);
  const results = parts.map((part) => {
    const match = part.trim().match(/^(≤|<=|<|≥|>=|>)\s*(-?[\d.]+)\s*(×)?/);
    if (!match) return null;
    const limit = Number(match[2]);
    const measured = match[3] ? ratio : value;
    if (measured === null) return null;
    switch (match[1]) {
      case '≤':
      case '<=':
        return measured <= limit;
      case '<':
        return measured < limit;
      case '≥':
      case '>=':
        return measured >= limit;
      default:
        return measured > limit;
    }
  });
  return results.includes(null) ? null : results.every(Boolean);
}

function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toPrecision(3);
}

function printTable(rows: ResultRow[]): void {
  const header = ['name', 'value', 'baseline', 'ratio', 'target', 'meets'];
  const lines = rows.map((row) => [
    row.name,
    `${formatNumber(row.value)} ${row.unit}`,
    row.baseline ? `${formatNumber(row.baseline.value)} ${row.unit} (${row.baseline.name})` : '',
    row.ratio === null ? '' : row.ratio.toFixed(2),
    row.target ?? '',
    row.meetsTarget === null ? '' : row.meetsTarget ? 'yes' : 'over',
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column]!.length)),
  );
  const format = (cells: string[]) =>
    cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ');
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const line of lines) console.log(format(line));
}

async function main() {
  const filters = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const modules = readdirSync(BENCH_DIR)
    .filter((file) => file.endsWith('.ts') && !NOT_MODULES.has(file) && !file.endsWith('.d.ts'))
    .map((file) => basename(file, '.ts'))
    .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
    .sort();

  const rows: ResultRow[] = [];
  const failures: string[] = [];
  for (const name of modules) {
    const loaded = (await import(pathToFileURL(join(BENCH_DIR, `${name}.ts`)).href)) as {
      run?: () => Promise<BenchRow[]>;
    };
    if (typeof loaded.run !== 'function') continue;
    console.log(`bench: ${name} …`);
    const started = Date.now();
    try {
      for (const row of await loaded.run()) {
        const ratio =
          row.baseline && row.baseline.value !== 0 ? row.value / row.baseline.value : null;
        rows.push({
          ...row,
          module: name,
          ratio,
          meetsTarget: meetsTarget(row.value, row.target, ratio),
        });
      }
      console.log(`bench: ${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      failures.push(name);
      console.error(`bench: ${name} failed:`, error);
    }
  }

  console.log('');
  printTable(rows);
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = join(ARTIFACTS_DIR, 'bench.json');
  writeFileSync(
    file,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        os: release(),
        cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
        rows,
        failures,
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`\nWrote ${file}`);
  if (failures.length) {
    console.error(`Bench modules that failed: ${failures.join(', ')}`);
    process.exitCode = 1;
  }
}

await main();
