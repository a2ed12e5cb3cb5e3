/**
 * The project's copy of the legal reference's facts (tests/fixtures/reference/citations.json),
 * which the citation tests read so they run in a fresh clone: well formed here, and, where the
 * shared folder is present (always in CI), identical to what `npm run reference:refresh` makes
 * of the reference today.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  REFERENCE,
  REFERENCE_FIXTURE,
  fixtureText,
  referenceFacts,
} from '../../scripts/refresh-reference';
import { reference } from '../support/reference';
import { needsShared } from '../support/shared';

describe("the project's copy of the reference facts", () => {
  it('lists the citable rows and the rules not to cite', () => {
    expect(reference.citations.length).toBeGreaterThan(10);
    for (const row of reference.citations) {
      expect(row.key).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(row.citeAs.length).toBeGreaterThan(5);
    }
    expect(reference.doNotCite.rules.length).toBeGreaterThan(0);
    for (const rule of reference.doNotCite.rules) expect(rule).toMatch(/^\d+\.\d+\.\d+$/);
  });

  const source = needsShared(REFERENCE);
  it.skipIf(source.skip)(
    source.title('is what npm run reference:refresh makes of ../shared today'),
    async () => {
      const fresh = await fixtureText(referenceFacts(readFileSync(source.path, 'utf8')));
      expect(
        readFileSync(REFERENCE_FIXTURE, 'utf8'),
        'tests/fixtures/reference/citations.json is out of date: run npm run reference:refresh',
      ).toBe(fresh);
    },
  );
});
