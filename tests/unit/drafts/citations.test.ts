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
import { reference } from '../../support/reference';

describe('citation registry', () => {
  // The reference's facts as the project keeps them (refreshed from ../shared by
  // npm run reference:refresh; tests/unit/reference-fixture.test.ts checks they are current).
  it('maps every entry to a row of the reference, and every citable row to an entry', () => {
    expect(citations.map((c) => ({ key: c.key, citeAs: c.citeAs }))).toEqual(reference.citations);
  });

  it('never contains the rules the reference says not to cite', () => {
    const all = citations.map((c) => c.citeAs).join(' ');
    for (const rule of reference.doNotCite.rules) expect(all).not.toContain(rule);
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
