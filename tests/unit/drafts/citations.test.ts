import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  SHORTCUTS,
  cite,
  citations,
  expandShortcut,
  formatCitation,
  getCitation,
  isCitationKey,
  searchCitations,
  shortcutKey,
} from '../../../lib/drafts/citations';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const referencePath = path.resolve(repoRoot, '..', 'shared', 'domain', 'montana-iep-reference.md');

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

describe('citation registry', () => {
  it('maps every entry to a row of the reference, and every citable row to an entry', (ctx) => {
    if (!existsSync(referencePath)) {
      ctx.skip(
        `The shared reference is not at ${referencePath} (it lives outside the project and is not copied into it), so the row-by-row comparison cannot run here.`,
      );
      return;
    }
    const rows = referenceRows(readFileSync(referencePath, 'utf8'));
    const citable = rows.filter((row) => !row.key.includes('do not cite'));
    expect(citable.length).toBeGreaterThan(0);
    expect(citations.map((c) => ({ key: c.key, citeAs: c.citeAs }))).toEqual(citable);
    // The "do not cite" row exists in the reference and none of its rules is in the registry.
    const doNotCite = rows.find((row) => row.key.includes('do not cite'));
    expect(doNotCite).toBeDefined();
    for (const number of doNotCite!.citeAs.match(/\d+\.\d+\.\d+/g) ?? []) {
      expect(citations.some((c) => c.citeAs.includes(number))).toBe(false);
    }
  });

  it('never contains the rules the reference says not to cite', () => {
    const all = citations.map((c) => c.citeAs).join(' ');
    for (const rule of ['10.16.3340', '10.16.3501', '10.16.3507']) expect(all).not.toContain(rule);
  });

  it('has a one-line meaning and a source for each entry', () => {
    for (const c of citations) {
      expect(c.meaning.length).toBeGreaterThan(20);
      expect(c.meaning).not.toContain('\n');
      expect(['federal', 'montana', 'case']).toContain(c.source);
      expect(c.source === 'montana').toBe(c.citeAs.startsWith('ARM '));
      expect(c.source === 'case').toBe(c.citeAs.includes('F.3d'));
    }
  });

  it('prints citations by key, with or without the meaning', () => {
    expect(cite('pwn')).toBe('34 C.F.R. § 300.503');
    expect(formatCitation('mt-state-complaint')).toBe('ARM 10.16.3662');
    expect(formatCitation('records', { withMeaning: true })).toBe(
      `34 C.F.R. § 300.613(a) (${getCitation('records').meaning})`,
    );
    expect(isCitationKey('pwn')).toBe(true);
    expect(isCitationKey('mt-due-process')).toBe(false);
  });
});

describe('citation search', () => {
  const keys = (query: string) => searchCitations(query).map((c) => c.key);

  it('finds rules by number', () => {
    expect(keys('300.503')[0]).toBe('pwn');
    expect(keys('34 CFR 300.613')[0]).toBe('records');
    expect(keys('3662')[0]).toBe('mt-state-complaint');
    expect(keys('§ 300.502')[0]).toBe('iee');
    expect(keys('300.323').slice(0, 3).sort()).toEqual(
      ['implement-asap', 'transfer-in-state', 'transfer-out-of-state'].sort(),
    );
    expect(keys('300.999')).toEqual([]);
  });

  it('finds rules by key and shortcut', () => {
    expect(keys('iee')[0]).toBe('iee');
    expect(keys(';opi')[0]).toBe('mt-state-complaint');
    expect(keys('van-duyn')[0]).toBe('van-duyn');
  });

  it('finds rules by words, best match first', () => {
    expect(keys('prior written notice')[0]).toBe('pwn');
    expect(keys('Prior Written Notice')[0]).toBe('pwn');
    expect(keys('records')[0]).toBe('records');
    expect(keys('independent evaluation')[0]).toBe('iee');
    expect(keys('compensatory')).toEqual(expect.arrayContaining(['reid', 'complaint-remedies']));
    expect(keys('teletherapy').slice(0, 2).sort()).toEqual(['implement-asap', 'personnel']);
    expect(keys('comparable services transfer')[0]).toBe('transfer-in-state');
    expect(keys('mediation')[0]).toBe('mt-mediation');
    expect(keys('zebra')).toEqual([]);
  });

  it('lists everything for an empty query', () => {
    expect(searchCitations('  ')).toHaveLength(citations.length);
  });
});

describe('shortcuts', () => {
  it('expands the typed shortcuts to printed citations', () => {
    expect(expandShortcut(';pwn')).toBe('34 C.F.R. § 300.503');
    expect(expandShortcut(';iee')).toBe('34 C.F.R. § 300.502(b)');
    expect(expandShortcut(';records')).toBe('34 C.F.R. § 300.613(a)');
    expect(expandShortcut(';fape')).toBe('34 C.F.R. § 300.17(d)');
    expect(expandShortcut(';opi')).toBe('ARM 10.16.3662');
    expect(expandShortcut(' ;PWN ')).toBe('34 C.F.R. § 300.503');
    expect(expandShortcut(';transfer-out-of-state')).toBe('34 C.F.R. § 300.323(f)');
  });

  it('adds the meaning with a trailing +', () => {
    expect(expandShortcut(';pwn+')).toBe(formatCitation('pwn', { withMeaning: true }));
  });

  it('returns null for text that is not a shortcut', () => {
    expect(expandShortcut('pwn')).toBeNull();
    expect(expandShortcut(';nothing')).toBeNull();
    expect(expandShortcut(';pwn please')).toBeNull();
    expect(shortcutKey(';constructor')).toBeNull();
    expect(shortcutKey(';toString')).toBeNull();
  });

  it('maps every shortcut to a registry key', () => {
    for (const key of Object.values(SHORTCUTS)) expect(isCitationKey(key)).toBe(true);
  });
});
