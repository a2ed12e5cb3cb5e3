/** The seed's "progress" section: the parent disagrees with a district evaluation. */
import { blocks, inline, p, ul, type Inline } from '../blocks';
import { cite } from '../citations';
import {
  childName,
  dateInput,
  inputClause,
  inputSentences,
  optionalClause,
  parentOf,
  responseBy,
} from '../facts';
import type { DraftKind } from '../types';

export const ieeRequest: DraftKind = {
  id: 'iee-request',
  title: 'Request for an independent educational evaluation (IEE)',
  description:
    'Use this when you disagree with an evaluation the district did and want an outside evaluation at public expense.',
  inputs: [
    {
      id: 'evaluation',
      label: 'The evaluation you disagree with',
      type: 'text',
      required: true,
      help: 'For example: "speech-language evaluation" or "three-year reevaluation".',
    },
    {
      id: 'evaluationDate',
      label: 'Date of the evaluation',
      type: 'date',
      required: true,
      help: 'The date on the evaluation report.',
    },
    {
      id: 'evaluator',
      label: 'Who did it (optional)',
      type: 'text',
      required: false,
      help: "The evaluator's name and role, if you know it.",
    },
    {
      id: 'reason',
      label: 'Why you disagree (optional)',
      type: 'textarea',
      required: false,
      help: 'You do not have to explain. Add a reason only if you want to.',
    },
  ],
  citations: ['iee'],
  render(ctx) {
    const evaluation = inputClause(ctx, 'evaluation', 'name of the district evaluation');
    const date = dateInput(ctx, 'evaluationDate', 'date of the evaluation');
    const evaluator = optionalClause(ctx, 'evaluator');
    const reason = inputSentences(ctx, 'reason');
    const disagree = (child: Inline) =>
      inline(
        "I disagree with the district's ",
        evaluation,
        ' of ',
        child,
        ', completed on ',
        date,
        evaluator ? `, by ${evaluator}` : '',
        '. I am requesting an independent educational evaluation (IEE) at public expense under ',
        cite('iee'),
        '.',
      );
    return {
      subject: inline('Request for an independent educational evaluation for ', childName(ctx)),
      paragraph: blocks(
        p(disagree(childName(ctx))),
        p(
          'Please tell me in writing by ',
          responseBy(ctx),
          ", whether the district will pay for the IEE or ask for a due process hearing. Please also send me the district's criteria for an IEE and its list of evaluators.",
        ),
      ),
      body: blocks(
        p(parentOf(ctx), ' ', disagree('my child')),
        reason && p(reason),
        p('Under that rule, the district must, without unnecessary delay, do one of two things:'),
        ul([
          inline('make sure the IEE is provided at public expense; or'),
          inline('ask for a due process hearing to show that its evaluation is appropriate.'),
        ]),
        p(
          'Please tell me in writing by ',
          responseBy(ctx),
          ', which of these the district will do. Please also send me:',
        ),
        ul([
          inline(
            "the district's criteria for an IEE (for example, the evaluator's qualifications, location and cost);",
          ),
          inline('the list of evaluators the district uses, if it has one;'),
          inline('how to arrange the evaluation, if the district will pay for it.'),
        ]),
        p('Thank you.'),
      ),
      recipient: 'district',
      notes: [],
    };
  },
};
