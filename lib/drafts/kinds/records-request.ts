/** Step 1 of the seed: verify the gap with the provider's logs and the progress data. */
import type { IsoDate } from '../../dates';
import { blocks, inline, marker, p, ul, type Inline } from '../blocks';
import { cite } from '../citations';
import {
  childName,
  coveredFrom,
  optionalClause,
  responseBy,
  serviceNames,
  serviceShortName,
  parentOf,
} from '../facts';
import type { DraftContext, DraftKind, ServiceFacts } from '../types';
import { capitalize, formatMinutes, joinAnd, longDate, periodPhrase, validDate } from '../words';

/** The earliest date the draft's services cover, for the default period. */
function defaultPeriodStart(ctx: DraftContext): IsoDate | null {
  const starts = ctx.services
    .map((f) => (f.gap.countedFrom ? coveredFrom(f, f.gap.countedFrom) : f.service.startDate))
    .sort();
  return starts[0] ?? null;
}

/** One list item per service: "Speech-language therapy. Provider: Jo Hart, SLP" (or a marker). */
function serviceItems(services: readonly ServiceFacts[]): Inline[][] {
  if (services.length === 0) return [[marker('each service as the IEP writes it')]];
  return services.map((f) => {
    const provider = f.service.provider.trim();
    return inline(capitalize(serviceShortName(f)), provider && `. Provider: ${provider}`);
  });
}

/** "from August 31 to November 2, 2026", or with a marker for the missing start. */
function recordsPeriod(ctx: DraftContext): Inline[] {
  const from = validDate(ctx.inputs.periodStart) ?? defaultPeriodStart(ctx);
  return from && from <= ctx.today
    ? [periodPhrase(from, ctx.today)]
    : inline('from ', marker('first date of the records you want'), ' to ', longDate(ctx.today));
}

export const recordsRequest: DraftKind = {
  id: 'records-request',
  title: 'Request for service logs and progress data',
  description:
    "Use this when you want the provider's service and attendance logs or progress data to check what was delivered.",
  inputs: [
    {
      id: 'periodStart',
      label: 'Records from (optional)',
      type: 'date',
      required: false,
      help: 'The first date you want records for. If you leave it empty, the draft uses the start of the services you chose.',
    },
    {
      id: 'meetingDate',
      label: 'Date of an upcoming IEP meeting (optional)',
      type: 'date',
      required: false,
      help: 'If a meeting is scheduled, the records must be ready before it.',
    },
    {
      id: 'otherRecords',
      label: 'Other records you want (optional)',
      type: 'textarea',
      required: false,
      help: 'For example: "the speech therapist\'s session notes" or "the bus log".',
    },
  ],
  citations: ['records'],
  render(ctx) {
    const period = recordsPeriod(ctx);
    const meeting = validDate(ctx.inputs.meetingDate);
    const other = optionalClause(ctx, 'otherRecords');
    const unaccounted = ctx.services.filter((f) => f.gap.unaccounted > 0);
    const items = ul([
      inline(
        'the service and attendance logs for each service below: the date of each session, the minutes delivered, and each session missed or cancelled, with the reason;',
      ),
      inline('the progress-monitoring data for the IEP goals these services support;'),
      other && inline(other, ';'),
      inline('any notes or messages about sessions that were cancelled or changed.'),
    ]);
    const why =
      unaccounted.length > 0 &&
      p(
        'My own records do not account for ',
        joinAnd(
          unaccounted.map((f) => `${formatMinutes(f.gap.unaccounted)} of ${serviceShortName(f)}`),
        ),
        ' that the IEP required: I have no record that those minutes were delivered or missed. The logs will help us both see what happened.',
      );
    const timing =
      meeting &&
      ` An IEP meeting is planned for ${longDate(meeting)}, so please make the records available before that meeting.`;
    return {
      subject: inline('Request for service logs and progress data for ', childName(ctx)),
      paragraph: blocks(
        p(
          'I would like to inspect and review two kinds of education records for ',
          childName(ctx),
          ' ',
          period,
          ': the service and attendance logs for ',
          serviceNames(ctx.services),
          '; and the progress-monitoring data for the IEP goals (',
          cite('records'),
          ').',
        ),
        why,
        p('Please let me know by ', responseBy(ctx), ', when and how I can see them.', timing),
      ),
      body: blocks(
        p(
          parentOf(ctx),
          " I am asking to inspect and review my child's education records ",
          period,
          ':',
        ),
        items,
        p('The services:'),
        ul(serviceItems(ctx.services)),
        why,
        p(
          'Under ',
          cite('records'),
          ', the district is to make education records available without unnecessary delay, before any IEP meeting, and no later than 45 days after a request.',
          timing,
        ),
        p(
          'Please let me know by ',
          responseBy(ctx),
          ', when and where I can review the records. Copies sent to me by e-mail would also work well for me. Thank you.',
        ),
      ),
      recipient: 'district',
      notes: [],
    };
  },
};
