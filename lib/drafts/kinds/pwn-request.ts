/** Step 3 of the seed: a service was changed without a meeting; ask for Prior Written Notice. */
import type { IsoDate } from '../../dates';
import { blocks, inline, ol, p } from '../blocks';
import { cite } from '../citations';
import {
  childName,
  dateInput,
  pickService,
  inputClause,
  logEnclosed,
  reductionPeriods,
  responseBy,
  serviceAsWritten,
  serviceStatusShort,
  parentOf,
} from '../facts';
import { serviceInput } from '../inputs';
import type { DraftKind, ServiceFacts } from '../types';

/**
 * When the change shows in the log: the first session logged as "reduced without a meeting", or
 * the first period of a possible cut that has a record (never a period with no record).
 */
function changeShownFrom(f: ServiceFacts | null): IsoDate | null {
  if (!f) return null;
  const cut = f.gap.missedSessions.find((s) => s.reason === 'reduced-without-meeting')?.date;
  const short = reductionPeriods(f.gap).find((period) => period.regularEntries > 0)?.start;
  const dates = [cut, short].filter((d): d is IsoDate => d !== undefined).sort();
  return dates[0] ?? null;
}

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
      help: 'When the change started. If you leave it empty, the draft uses the first session you logged as reduced without a meeting, or the first week your log shows less than half the minutes.',
    },
  ],
  citations: ['amend-iep', 'pwn', 'implement-asap'],
  render(ctx) {
    const service = pickService(ctx, 'service', (f) => f.gap.reduction !== null);
    const since = dateInput(ctx, 'changeDate', 'date the change started', changeShownFrom(service));
    const change = inputClause(ctx, 'change', 'what changed, from what to what');
    const asWritten = serviceAsWritten(service);
    const meanwhile = inline(
      'Until the IEP team meets and agrees to a change, please provide ',
      asWritten,
      ' as the IEP is written now (',
      cite('implement-asap'),
      ').',
    );
    const provide = inline(
      'The district made this change without Prior Written Notice; please provide it now (',
      cite('pwn'),
      '), by ',
      responseBy(ctx),
      '. It must be in language I can understand and include:',
    );
    const facts = inline(
      "My child's IEP requires ",
      asWritten,
      '. Since ',
      since,
      ', ',
      change,
      '.',
    );
    const noMeeting =
      'No IEP meeting was held about this change, and I did not agree to a written amendment.';
    return {
      subject: inline('Request for Prior Written Notice about services for ', childName(ctx)),
      paragraph: blocks(p(facts, ' ', noMeeting, ' ', provide), ol(NOTICE_CONTENTS), p(meanwhile)),
      body: blocks(
        p(parentOf(ctx), " I am writing about a change to my child's IEP services."),
        p(facts, ' ', service ? serviceStatusShort(service) : ''),
        logEnclosed(ctx),
        p(
          noMeeting,
          ' An IEP is changed by the IEP team at a meeting, or by a written amendment that the parent and the district both agree to (',
          cite('amend-iep'),
          ').',
        ),
        p(provide),
        ol(NOTICE_CONTENTS),
        p(meanwhile),
        p('Thank you.'),
      ),
      recipient: 'district',
      notes: [],
    };
  },
};
