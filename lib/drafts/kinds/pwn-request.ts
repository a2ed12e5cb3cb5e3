/** Step 3 of the seed: a service was changed without a meeting; ask for Prior Written Notice. */
import { blocks, inline, ol, p } from '../blocks';
import { cite } from '../citations';
import {
  childName,
  dateInput,
  pickService,
  inputClause,
  responseBy,
  serviceAsWritten,
  serviceStatusShort,
  parentOf,
} from '../facts';
import { serviceInput } from '../inputs';
import type { DraftKind } from '../types';

/** The seven contents of a notice, 34 C.F.R. § 300.503(b)(1)-(7), in plain words. */
const NOTICE_CONTENTS = [
  'the action the district proposes or refuses;',
  'why the district proposes or refuses it;',
  'each evaluation, assessment, record or report the district used as a basis for the decision;',
  'a statement of my procedural safeguards;',
  'sources I can contact for help in understanding the notice;',
  'the other options the district considered and why it rejected them;',
  'any other factors relevant to the decision.',
];

export const pwnRequest: DraftKind = {
  id: 'pwn-request',
  title: 'Request for Prior Written Notice (PWN)',
  description:
    'Use this when the school changed, cut or stopped a service without an IEP meeting or your written agreement.',
  inputs: [
    serviceInput(
      'The service that changed',
      true,
      'Pick the service from the IEP that the school changed.',
    ),
    {
      id: 'change',
      label: 'What changed',
      type: 'textarea',
      required: true,
      help: 'In your words, from what to what. For example: "speech therapy went from two sessions a week to one session a month".',
    },
    {
      id: 'changeDate',
      label: 'Since when (optional)',
      type: 'date',
      required: false,
      help: 'When the change started. If you leave it empty, the draft uses the date the tracker first saw less than half the minutes.',
    },
  ],
  citations: ['amend-iep', 'pwn', 'implement-asap'],
  render(ctx) {
    const service = pickService(ctx, 'service', (f) => f.gap.reduction !== null);
    const since = dateInput(
      ctx,
      'changeDate',
      'date the change started',
      service?.gap.reduction?.startDate ?? null,
    );
    const change = inputClause(ctx, 'change', 'what changed, from what to what');
    const asWritten = serviceAsWritten(service);
    const meanwhile = inline(
      'Until the IEP team meets and agrees to a change, please provide ',
      asWritten,
      ' as the IEP is written now (',
      cite('implement-asap'),
      ').',
    );
    return {
      subject: inline('Request for Prior Written Notice about services for ', childName(ctx)),
      paragraph: blocks(
        p(
          "My child's IEP requires ",
          asWritten,
          '. Since ',
          since,
          ', ',
          change,
          '. No IEP meeting was held about this change, and I did not agree to it in writing.',
        ),
        p(
          'If the district is proposing this change, or refusing to provide the service as written, please send me Prior Written Notice under ',
          cite('pwn'),
          ' by ',
          responseBy(ctx),
          '. ',
          meanwhile,
        ),
      ),
      body: blocks(
        p(parentOf(ctx), " I am writing about a change to my child's IEP services."),
        p(
          'The IEP requires ',
          asWritten,
          '. Since ',
          since,
          ', ',
          change,
          '. ',
          service ? serviceStatusShort(service) : '',
        ),
        p(
          'No IEP meeting was held about this change, and I did not agree to a written amendment. An IEP is changed by the IEP team at a meeting, or by a written amendment that the parent and the district both agree to (',
          cite('amend-iep'),
          ').',
        ),
        p(
          'If the district is proposing this change, or is refusing to provide the service as written, please send me Prior Written Notice under ',
          cite('pwn'),
          '. Please write it in language I can understand and include:',
        ),
        ol(NOTICE_CONTENTS),
        p(meanwhile),
        p(
          'Please send the notice, or tell me the service will continue as written, by ',
          responseBy(ctx),
          '. Thank you.',
        ),
      ),
      recipient: 'district',
      notes: [],
    };
  },
};
