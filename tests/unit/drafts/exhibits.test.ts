/**
 * Printing with exhibits (issue 13): the complaint and letters to the district name each kept
 * exhibit, list them on the Enclosures line, and re-letter them when one is left out.
 */
import { describe, expect, it } from 'vitest';
import { EXHIBIT_IDS, renderDraft, type ExhibitId } from '../../../lib/drafts';
import { richContext } from './fixtures';

const ALL = [...EXHIBIT_IDS];
const withExhibits = (keep: ExhibitId[], recent: boolean) =>
  richContext({ exhibits: { keep, recent } });

describe('exhibits in the state complaint', () => {
  const complaint = (keep: ExhibitId[]) =>
    renderDraft('state-complaint', withExhibits(keep, true), 'document').text;

  it('names each exhibit in the order it is cited and lists them all', () => {
    const text = complaint(ALL);
    const cited = ['A', 'B', 'C', 'D'].map((l) => text.indexOf(`Exhibit ${l},`));
    expect(cited.every((i) => i > 0)).toBe(true);
    expect([...cited].sort((a, b) => a - b)).toEqual(cited);
    expect(text).toContain('(see Exhibit A, the service log)');
    expect(text).toMatch(
      /Enclosures: Exhibit A: Service log, .+; Exhibit B: Required, delivered and missed minutes, .+; Exhibit C: The district's service logs compared with mine; Exhibit D: My letters to the district and the replies\./,
    );
  });

  it('re-letters the rest when one is left out and never names a missing one', () => {
    const text = complaint(['service-log', 'district-logs', 'correspondence']);
    expect(text).not.toContain('Exhibit D');
    expect(text).not.toContain('summary of required, delivered and missed minutes');
    expect(text).toContain("Exhibit B, the comparison with the district's own service logs");
    expect(text).toContain('Exhibit C, the history of my letters and the replies');
  });

  it('prints no Enclosures line without exhibits, as before', () => {
    const plain = renderDraft('state-complaint', richContext(), 'document').text;
    expect(plain).not.toContain('Enclosures');
    expect(plain).not.toContain('Exhibit');
    expect(complaint([])).not.toContain('Exhibit');
  });

  it('keeps only exhibits the data can fill', () => {
    const noDistrict = richContext({
      districtRecords: [],
      districtImports: [],
      exhibits: { keep: ALL, recent: true },
    });
    expect(noDistrict.exhibits).toEqual(['service-log', 'gap-summary', 'correspondence']);
  });
});

describe('exhibits in letters to the district', () => {
  it('says what is attached, lists exhibits before other enclosures and drops what they replace', () => {
    const ctx = richContext({
      enclosures: ['service-log', 'iep-services-page'],
      exhibits: { keep: ['service-log', 'gap-summary'], recent: false },
    });
    const text = renderDraft('service-concern', ctx, 'document').text;
    expect(text).toContain(
      'I have attached Exhibit A, the service log; and Exhibit B, the summary of required, delivered and missed minutes.',
    );
    expect(text).toMatch(
      /Enclosures: Exhibit A: Service log, [^;]+; Exhibit B: Required, delivered and missed minutes, [^;]+; Services page of the IEP/,
    );
    expect(text).not.toContain('A copy of my service log, which lists each session, is enclosed.');
  });
});
