/** Step 2 of the seed: put the concern in writing to the special education director. */
import { blocks, inline, ol, p } from '../blocks';
import { cite } from '../citations';
import {
  childName,
  inputSentences,
  logEnclosed,
  owedLedger,
  owedPhrase,
  parentOf,
  responseBy,
  serviceNames,
  servicesBlock,
} from '../facts';
import { toldSoFarBlock, toldSoFarInput } from '../inputs';
import type { DraftKind } from '../types';

/** The seed's central point, in the parent's words. */
const SHORTAGE = 'A shortage of staff does not change what the IEP requires.';

export const serviceConcern: DraftKind = {
  id: 'service-concern',
  title: 'Services not delivered: written concern',
  description:
    "Use this when your child's IEP services are being missed and you want to raise it in writing with the special education director.",
  inputs: [
    toldSoFarInput(
      'On October 2, the principal told me the speech therapist is out until November.',
    ),
    {
      id: 'effect',
      label: 'How the missed services affect your child (optional)',
      type: 'textarea',
      required: false,
      help: 'One or two sentences about what you have noticed at home or in school.',
    },
  ],
  citations: ['fape', 'implement-asap'],
  render(ctx) {
    const owes = owedLedger(ctx.services).owed > 0;
    const owed = owedPhrase(ctx.services);
    const effect = inputSentences(ctx, 'effect');
    const request = ol([
      inline('an explanation of why these services were not delivered;'),
      inline(
        'a plan to deliver the services as the IEP is written from now on, including who will provide them and when;',
      ),
      owes && inline('a plan to make up the ', owed, ' missed so far: when, by whom and how.'),
    ]);
    return {
      subject: inline('IEP services not being delivered for ', childName(ctx)),
      paragraph: blocks(
        servicesBlock(
          ctx.services,
          undefined,
          "I am writing because my child's IEP services are not being delivered as written. The IEP requires",
          { short: true },
        ),
        p(
          'Please resume the services now, as the IEP is written. ',
          SHORTAGE,
          ' Please send me, by ',
          responseBy(ctx),
          ', a written explanation and a written plan to deliver these services as the IEP requires',
          owes ? ' and to make up the missed minutes.' : '.',
        ),
      ),
      body: blocks(
        p(
          parentOf(ctx),
          " I am writing because my child's special education services are not being delivered as the IEP is written.",
        ),
        ...servicesBlock(ctx.services),
        logEnclosed(ctx),
        toldSoFarBlock(ctx),
        effect && p(effect),
        p(
          'The district is required to provide the services in the IEP as written (',
          cite('fape'),
          '; ',
          cite('implement-asap'),
          '). ',
          SHORTAGE,
        ),
        p(
          'Please resume ',
          serviceNames(ctx.services),
          ' now, as the IEP is written, and send me the following in writing:',
        ),
        request,
        p(
          'Please reply by ',
          responseBy(ctx),
          '. I want to work with the school to get these services back on track for ',
          childName(ctx),
          '.',
        ),
      ),
      recipient: 'district',
      notes: [],
    };
  },
};
