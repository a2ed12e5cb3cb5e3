/**
 * The facts from the legal reference that the tests check, as the project keeps them
 * (tests/fixtures/reference/citations.json, written by `npm run reference:refresh` from
 * ../shared/domain/montana-iep-reference.md). Reading them needs no ../shared.
 */
import { readFileSync } from 'node:fs';
import { REFERENCE_FIXTURE, type ReferenceFacts } from '../../scripts/refresh-reference';

export const reference: ReferenceFacts = JSON.parse(readFileSync(REFERENCE_FIXTURE, 'utf8'));
