/**
 * npm run reference:refresh [-- --check]
 *
 * Copies the facts the tests check from the legal reference (../shared/domain/
 * montana-iep-reference.md, or IEP_SHARED_DIR/domain/…) into the project's own test data,
 * tests/fixtures/reference/citations.json: every row of the reference's citation tables
 * (key and "cite as") and the rules it says not to cite. The tests read that file, so they run
 * in a fresh clone without ../shared; this script is the only reader of the reference itself
 * (and tests/unit/reference-fixture.test.ts, which checks the file is current when ../shared is
 * there). Run it whenever the reference changes; `--check` only reports whether the file is out
 * of date (exit code 1).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { sharedPath } from '../tests/support/shared';

export const REFERENCE = 'domain/montana-iep-reference.md';
export const REFERENCE_FIXTURE = path.resolve(
  import.meta.dirname,
  '../tests/fixtures/reference/citations.json',
);

export interface ReferenceFacts {
  /** Where the facts come from, and how to refresh them. */
  source: string;
  /** Every citable row, in the reference's order: the registry must match it exactly. */
  citations: { key: string; citeAs: string }[];
  /** The "(do not cite)" row: as printed there, and its rule numbers. */
  doNotCite: { citeAs: string; rules: string[] };
}

/** Rows of the reference's citation tables: the ones whose header starts "| key | cite as |". */
function referenceRows(markdown: string): { key: string; citeAs: string }[] {
  const rows: { key: string; citeAs: string }[] = [];
  let inTable = false;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      inTable = false;
      continue;
    }
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    if (cells[0] === 'key' && cells[1] === 'cite as') {
      inTable = true;
      continue;
    }
    if (!inTable || /^-+$/.test(cells[0] ?? '')) continue;
    rows.push({ key: cells[0]!, citeAs: cells[1]! });
  }
  return rows;
}

/** The facts of one version of the reference. */
export function referenceFacts(markdown: string): ReferenceFacts {
  const rows = referenceRows(markdown);
  const doNotCite = rows.filter((row) => row.key.includes('do not cite'));
  if (doNotCite.length !== 1)
    throw new Error(`The reference has ${doNotCite.length} "(do not cite)" rows; expected 1.`);
  const citations = rows.filter((row) => !row.key.includes('do not cite'));
  if (citations.length === 0) throw new Error('The reference has no citation rows.');
  return {
    source: `../shared/${REFERENCE}, by npm run reference:refresh (do not edit by hand)`,
    citations,
    doNotCite: {
      citeAs: doNotCite[0]!.citeAs,
      rules: doNotCite[0]!.citeAs.match(/\d+\.\d+\.\d+/g) ?? [],
    },
  };
}

/** The file's text for these facts (what the script writes), formatted as the project's Prettier. */
export async function fixtureText(facts: ReferenceFacts): Promise<string> {
  const options = await resolveConfig(REFERENCE_FIXTURE);
  return format(JSON.stringify(facts), { ...options, filepath: REFERENCE_FIXTURE });
}

async function main(): Promise<void> {
  const referencePath = sharedPath(REFERENCE);
  let markdown: string;
  try {
    markdown = readFileSync(referencePath, 'utf8');
  } catch {
    console.error(
      `No reference at ${referencePath}. Check out the shared folder next to the project (or set IEP_SHARED_DIR).`,
    );
    process.exit(1);
  }
  const text = await fixtureText(referenceFacts(markdown));
  const relative = path.relative(process.cwd(), REFERENCE_FIXTURE);
  let current = '';
  try {
    current = readFileSync(REFERENCE_FIXTURE, 'utf8');
  } catch {
    // Not written yet.
  }
  if (process.argv.includes('--check')) {
    if (current === text) console.log(`${relative} matches ${referencePath}.`);
    else {
      console.error(`${relative} is out of date: run npm run reference:refresh.`);
      process.exit(1);
    }
    return;
  }
  writeFileSync(REFERENCE_FIXTURE, text);
  console.log(
    `${current === text ? 'Unchanged' : 'Wrote'} ${relative} from ${referencePath} (${
      JSON.parse(text).citations.length
    } citations).`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  await main();
