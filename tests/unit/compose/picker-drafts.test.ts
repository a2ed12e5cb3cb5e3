/** The picker's question before a draft with fill-ins left goes out, and its field order. */
import { describe, expect, it } from 'vitest';
import { requiredFirst } from '../../../components/draft-inputs/KindInputs';
import { fillInsLeftQuestion } from '../../../lib/compose/picker/drafts';
import { getDraftKind } from '../../../lib/drafts';

describe('fill-ins left', () => {
  it('names how many and which, then asks', () => {
    expect(fillInsLeftQuestion(['[date the school said it]', '[who said what]'], 'Insert')).toBe(
      '2 fill-ins left: [date the school said it], [who said what]. Insert anyway?',
    );
    expect(fillInsLeftQuestion(['[date of the evaluation]'], 'Copy')).toBe(
      '1 fill-in left: [date of the evaluation]. Copy anyway?',
    );
  });

  it("lists a kind's required inputs first, each group in the kind's order", () => {
    const inputs = getDraftKind('staffing-vacancy')!.inputs;
    const mixed = [...inputs, { ...inputs[0]!, id: 'needed', required: true }];
    expect(requiredFirst(mixed).map((i) => i.id)).toEqual(['needed', ...inputs.map((i) => i.id)]);
  });
});
