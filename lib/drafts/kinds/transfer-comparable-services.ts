/**
 * The seed's transition case: a new district must provide comparable services right away. The
 * figures count only from the enrollment date, and the request is for services comparable to the
 * old IEP's (34 C.F.R. § 300.323(e) or (f)), not for the old IEP "as written".
 */
import { blocks, inline, ol, p, type Inline } from '../blocks';
import { cite } from '../citations';
import {
  childName,
  dateInput,
  districtName,
  gapFrom,
  inputClause,
  logEnclosed,
  optionalClause,
  owedLedger,
  owedPhrase,
  parentOf,
  schoolName,
  servicesBlock,
  responseBy,
} from '../facts';
import { selectInput } from '../inputs';
import type { DraftContext, DraftKind, ServiceFacts } from '../types';
import { validDate } from '../words';

function fromOutOfState(ctx: DraftContext): boolean {
  return ctx.inputs.origin === 'out-of-state';
}

function ruleSentence(ctx: DraftContext): Inline[] {
  if (fromOutOfState(ctx)) {
    return inline(
      'When a child with an IEP moves to Montana from another state, the new district must provide services comparable to those in the old IEP, in consultation with the parents, until it completes any evaluation it needs and develops a new IEP (',
      cite('transfer-out-of-state'),
      ').',
    );
  }
  return inline(
    'When a child with an IEP moves to a new district in the same state during the school year, the new district must provide services comparable to those in the old IEP, in consultation with the parents, until it adopts the old IEP or develops a new one (',
    cite('transfer-in-state'),
    '). Services should not stop while records are transferred.',
  );
}

export const transferComparableServices: DraftKind = {
  id: 'transfer-comparable-services',
  title: 'Comparable services after a move to a new district',
  description:
    'Use this when your child moved to a new district and the services in the old IEP have not started.',
  inputs: [
    {
      id: 'enrollmentDate',
      label: 'Date your child enrolled in the new school',
      type: 'date',
      required: true,
      help: 'The first day your child was enrolled. The draft counts missed minutes only from this date.',
    },
    {
      id: 'priorDistrict',
      label: 'The district your child came from',
      type: 'text',
      required: true,
      help: 'For example: "Great Falls Public Schools".',
    },
    selectInput(
      'origin',
      'Where the old district is',
      'The rule is a little different for a move from another state.',
      { 'in-state': 'In Montana', 'out-of-state': 'In another state' },
      true,
    ),
    {
      id: 'priorServices',
      label: 'Services in the old IEP, if they are not in the tracker (optional)',
      type: 'textarea',
      required: false,
      help: 'For example: "60 minutes of speech-language therapy per week".',
    },
  ],
  citations: ['transfer-in-state', 'transfer-out-of-state'],
  render(ctx) {
    const enrolledOn = validDate(ctx.inputs.enrollmentDate);
    const enrolled = dateInput(ctx, 'enrollmentDate', 'date your child enrolled');
    const sinceEnrollment = (f: ServiceFacts) => gapFrom(f.gap, enrolledOn);
    const prior = inputClause(ctx, 'priorDistrict', 'the district your child came from');
    const priorServices = optionalClause(ctx, 'priorServices');
    const servicesFacts = priorServices
      ? [p('The IEP from ', prior, ' requires: ', priorServices, '.')]
      : servicesBlock(ctx.services, sinceEnrollment, inline('The IEP from ', prior, ' requires'), {
          short: true,
        });
    const owes = owedLedger(ctx.services, sinceEnrollment).owed > 0;
    const plan = ol([
      inline(
        'which comparable services will be provided, by whom, and starting on what date (I would like to be consulted about them);',
      ),
      inline(
        fromOutOfState(ctx)
          ? 'whether the district plans an evaluation, and when it will hold a meeting to develop a new IEP (I would like to take part);'
          : 'whether the district will adopt the old IEP, or when it will hold a meeting to develop a new one (I would like to take part);',
      ),
      owes &&
        inline(
          'how the ',
          owedPhrase(ctx.services, sinceEnrollment),
          ' missed since my child enrolled will be made up.',
        ),
    ]);
    return {
      subject: inline(
        'Comparable IEP services for ',
        childName(ctx),
        ' after the move to ',
        districtName(ctx),
      ),
      paragraph: blocks(
        p(
          'My child, ',
          childName(ctx),
          ', enrolled at ',
          schoolName(ctx),
          ' on ',
          enrolled,
          ', coming from ',
          prior,
          ' with an IEP. ',
          ruleSentence(ctx),
        ),
        p(
          'Please start services comparable to those in that IEP now, in consultation with me, and tell me in writing by ',
          responseBy(ctx),
          ', which services will be provided, by whom, and from what date.',
        ),
      ),
      body: blocks(
        p(
          parentOf(ctx),
          ' My child enrolled on ',
          enrolled,
          ', coming from ',
          prior,
          ' with an IEP.',
        ),
        servicesFacts,
        priorServices ? null : logEnclosed(ctx),
        p(ruleSentence(ctx)),
        p(
          'Please start services comparable to those in that IEP now, in consultation with me, and send me in writing:',
        ),
        plan,
        p('Please reply by ', responseBy(ctx), '. Thank you.'),
      ),
      recipient: 'district',
      notes:
        ctx.inputs.origin === 'in-state' || ctx.inputs.origin === 'out-of-state'
          ? []
          : [
              'Choose where the old district is. Until you do, the draft uses the rule for a move within Montana.',
            ],
    };
  },
};
