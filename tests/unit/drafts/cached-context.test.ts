/**
 * The drafts from the gap cache (issue 15): the letter page and the picker build the draft
 * context from each service's whole-IEP gaps (lib/db's gap cache) and read the log only for the
 * district's records. For random tracker data — with and without district records, with and
 * without a "count from" date, printed with exhibits or not, "today" before and inside the
 * services' year — every kind in every form renders exactly the same draft as the context built
 * from the whole log, and the contexts are the same.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DRAFT_FORMS,
  EXHIBIT_IDS,
  buildDraftContext,
  draftKinds,
  renderDraft,
  type DraftContextInput,
} from '../../../lib/drafts';
import { computeStudentGaps } from '../../../lib/gap';
import { contextInputArb, dateIn } from './arbitraries';

/** The context input as the letter page and picker give it: cached gaps, the log only if needed. */
function fromCache(input: DraftContextInput): DraftContextInput {
  const { calendar, today } = input;
  const services = input.services.filter((s) => s.studentId === input.student?.id);
  const needsLog = (input.districtRecords ?? []).length > 0;
  return {
    ...input,
    sessions: needsLog ? input.sessions : [],
    gaps: calendar ? computeStudentGaps(services, calendar, [...input.sessions], today) : [],
  };
}

/** The context as data, without the one engine figure no draft prints (see gapCountedFrom). */
const comparable = (value: unknown) =>
  JSON.parse(
    JSON.stringify(value, (key, v: unknown) => (key === 'entriesOutsidePeriods' ? undefined : v)),
  ) as unknown;

const inputArb = contextInputArb.chain((input) =>
  fc.record({
    input: fc.constant(input),
    // Up to a year after the log, so the complaint's window cuts into the services.
    today: fc.oneof(fc.constant(input.today), dateIn(300, 720)),
    countFrom: fc.option(dateIn(-20, 400), { nil: null }),
    exhibits: fc.option(fc.record({ keep: fc.subarray([...EXHIBIT_IDS]), recent: fc.boolean() }), {
      nil: null,
    }),
  }),
);

describe('drafts from the cached gaps', () => {
  it('render exactly as from the whole log', () => {
    fc.assert(
      fc.property(inputArb, ({ input, today, countFrom, exhibits }) => {
        const full: DraftContextInput = { ...input, today, countFrom, exhibits };
        const ctx = buildDraftContext(full);
        const cached = buildDraftContext(fromCache(full));
        expect(comparable(cached)).toEqual(comparable(ctx));
        for (const kind of draftKinds) {
          for (const form of DRAFT_FORMS) {
            expect(renderDraft(kind.id, cached, form), `${kind.id} ${form}`).toEqual(
              renderDraft(kind.id, ctx, form),
            );
          }
        }
      }),
      { numRuns: 150 },
    );
    // Rendering 45 drafts twice a run on a loaded two-core machine can pass the default 5 s.
  }, 120_000);

  it('refuse gaps that are not for the services', () => {
    fc.assert(
      fc.property(contextInputArb, (input) => {
        fc.pre(input.calendar !== null && input.services.length > 0);
        expect(() => buildDraftContext({ ...input, gaps: [] })).toThrow(/no gap/);
      }),
      { numRuns: 20 },
    );
  });
});
