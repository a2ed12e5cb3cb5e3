/** The seed's "progress" section: the district wants fewer minutes because the child improved. */
import { blocks, inline, ol, p } from '../blocks';
import { cite } from '../citations';
import {
  childName,
  dateInput,
  inputClause,
  optionalClause,
  parentOf,
  pickService,
  reductionSentence,
  responseBy,
  serviceAsWritten,
  serviceShortName,
} from '../facts';
import { serviceInput } from '../inputs';
import type { DraftKind } from '../types';

export const progressDataRequest: DraftKind = {
  id: 'progress-data-request',
  title: 'Response to a service cut based on "progress"',
  description:
    'Use this when the school says your child made enough progress to need fewer service minutes.',
  inputs: [
    serviceInput('The service the school wants to reduce', true),
    {
      id: 'claim',
      label: 'What the school said',
      type: 'textarea',
      required: true,
      help: 'Who said it and what, in your words. For example: "the speech therapist told me Sam no longer needs two sessions a week".',
    },
    {
      id: 'claimDate',
      label: 'When they said it',
      type: 'date',
      required: true,
      help: 'The date of the conversation, meeting or note.',
    },
    {
      id: 'proposedLevel',
      label: 'The reduced level they proposed (optional)',
      type: 'text',
      required: false,
      help: 'For example: "30 minutes per week".',
    },
  ],
  citations: ['iep-services', 'amend-iep', 'pwn', 'iee'],
  render(ctx) {
    const service = pickService(ctx, 'service', (f) => f.gap.reduction !== null);
    const asWritten = serviceAsWritten(service);
    const name = service ? serviceShortName(service) : asWritten;
    const when = dateInput(ctx, 'claimDate', 'date the school said it');
    const claim = inputClause(ctx, 'claim', 'who said what about reducing the service');
    const level = optionalClause(ctx, 'proposedLevel');
    const shortWeeks = service ? reductionSentence(service.gap) : '';
    const reduction = shortWeeks && ` ${shortWeeks}`;
    const asks = ol([
      inline(
        'the progress-monitoring data for the IEP goals this service supports, showing the progress the school describes;',
      ),
      inline(
        "the peer-reviewed research the team relied on for the lower level of service (the IEP's services are to be based on peer-reviewed research to the extent practicable, ",
        cite('iep-services'),
        ');',
      ),
      inline('the other options the team considered, and why they were rejected.'),
    ]);
    const facts = p(
      'On ',
      when,
      ', ',
      claim,
      '. The IEP requires ',
      asWritten,
      level ? `; the proposed level is ${level}` : '',
      '.',
      reduction,
    );
    const meanwhile = inline(
      'Until the IEP team meets and agrees to a change, please keep providing ',
      asWritten,
      ' as the IEP is written (',
      cite('amend-iep'),
      ').',
    );
    return {
      subject: inline(
        'Request for progress data before any change to ',
        name,
        ' for ',
        childName(ctx),
      ),
      paragraph: blocks(
        facts,
        p(
          'Before any change, please send me, by ',
          responseBy(ctx),
          ', the progress-monitoring data behind this, the research basis for the lower level, and the other options the team considered. ',
          meanwhile,
        ),
      ),
      body: blocks(
        p(parentOf(ctx), ' I am writing about a proposal to reduce ', name, '.'),
        facts,
        p(
          "I want decisions about my child's services to be based on data. Before any change, please send me:",
        ),
        asks,
        p(
          'A change to the service is for the IEP team to decide, at a meeting with me. If the district then proposes to reduce the service, it must give me Prior Written Notice before making the change (',
          cite('pwn'),
          '). ',
          meanwhile,
        ),
        p(
          "If the district relies on an evaluation of my child's progress and I disagree with that evaluation, I may ask for an independent educational evaluation at public expense (",
          cite('iee'),
          ').',
        ),
        p('Please send the information by ', responseBy(ctx), '. Thank you.'),
      ),
      recipient: 'district',
      notes: [],
    };
  },
};
