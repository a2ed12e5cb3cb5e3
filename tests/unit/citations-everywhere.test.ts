/**
 * The brief's rule "print no citation that is not in the reference" covers every page, not just
 * drafts (tests/unit/drafts checks draft output strictly). This scans the product's source for
 * anything that looks like a citation and checks it names a rule in the registry (a subsection
 * of a registered rule, such as § 300.503(b), is allowed), and that the rules the reference marks
 * "do not cite" appear nowhere outside the registry's own list.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { citations } from '../../lib/drafts/citations';
import { reference } from '../support/reference';

const root = join(import.meta.dirname, '..', '..');
const SOURCE_DIRS = ['lib', 'components', 'entrypoints'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|html|css)$/.test(name) ? [path] : [];
  });
}

/** "34 C.F.R. § 300.503" → "300.503"; "ARM 10.16.3662" → "10.16.3662". */
function sectionsOf(citeAs: string): string[] {
  return [...citeAs.matchAll(/(\d{3}\.\d{1,3}|10\.16\.\d{4})/g)].map((m) => m[1]!);
}

const registered = new Set(
  citations.filter((c) => /C\.F\.R\.|ARM/.test(c.citeAs)).flatMap((c) => sectionsOf(c.citeAs)),
);

const files = SOURCE_DIRS.flatMap((d) => sourceFiles(join(root, d)));

describe('citations across the product', () => {
  it('finds the product source', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(registered.has('300.503')).toBe(true);
  });

  it('names only rules that are in the registry', () => {
    const unknown: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const pattern =
        /(?:C\.F\.R\.\s*§§?\s*|CFR\s+)((?:\d{3}\.\d{1,3}[\w()-]*(?:,\s*|\s+and\s+)?)+)|ARM\s+(10\.16\.\d{4})/g;
      for (const match of text.matchAll(pattern)) {
        const sections = match[1]
          ? [...match[1].matchAll(/(\d{3}\.\d{1,3})/g)].map((m) => m[1]!)
          : [match[2]!];
        for (const section of sections) {
          if (!registered.has(section)) unknown.push(`${relative(root, file)}: ${match[0]}`);
        }
      }
    }
    expect(unknown).toEqual([]);
  });

  it('never prints the rules the reference says not to cite', () => {
    // From the project's copy of the reference (tests/fixtures/reference, npm run
    // reference:refresh): this runs without ../shared.
    const rules = reference.doNotCite.rules;
    expect(rules.length).toBeGreaterThan(0);
    const offenders = files
      .filter((file) => !file.endsWith(join('lib', 'drafts', 'citations.ts')))
      .filter((file) => rules.some((rule) => readFileSync(file, 'utf8').includes(rule)))
      .map((file) => relative(root, file));
    expect(offenders).toEqual([]);
  });
});
