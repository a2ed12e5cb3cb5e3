/**
 * Step 1 of the seed: verify the gap with the provider's logs and the progress data. Asks for
 * copies, including records the cooperative holds, and the current IEP; when the Gaps page's "No
 * record … ask for the service logs" action opens it, it asks for the service logs of exactly the
 * weeks or months with no record (input `noRecordPeriods`).
 */
import { startOfMonth, startOfWeek, type IsoDate } from '../../dates';
import { coveredFrom, listPeriods } from '../../gap';
import { blocks, inline, marker, p, ul, type Inline } from '../blocks';
import { cite } from '../citations';
import {
  childName,
  optionalClause,
  optionalInput,
  parentOf,
  pickService,
  replyBefore,
  serviceNames,
  serviceShortName,
} from '../facts';
import { serviceInput } from '../inputs';
import type { DraftContext, DraftKind, ServiceFacts } from '../types';
import { formatMinutes, joinAnd, longDate, periodPhrase, validDate } from '../words';
import { capitalize } from '../../text';

/** The earliest date the draft's services cover, for the default period. */
function defaultPeriodStart(ctx: DraftContext): IsoDate | null {
  const starts = ctx.services
    .map((f) =>
      f.gap.countedFrom ? coveredFrom(f.service, f.gap.countedFrom) : f.service.startDate,
    )
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

/**
 * The weeks or months the user asked about ("2026-10-05, 2026-10-12"), each moved to the first
 * day of its period, without repeats, oldest first, up to today.
 */
export function noRecordStarts(ctx: DraftContext, facts: ServiceFacts): IsoDate[] {
  const unit = facts.service.period;
  const dates = (optionalInput(ctx, 'noRecordPeriods') ?? '')
    .split(/[\s,;]+/)
    .map((d) => validDate(d))
    .filter((d): d is IsoDate => d !== null && d <= ctx.today)
    .map((d) => (unit === 'week' ? startOfWeek(d) : unit === 'month' ? startOfMonth(d) : d));
  return [...new Set(dates)].sort();
}

const UNIT_WORDS = { week: ['week', 'weeks'], month: ['month', 'months'], day: ['day', 'days'] };

/**
 * "My log has no record of speech-language therapy for the weeks of Oct 12 and Oct 19, 2026, and
 * does not account for all of the required minutes for the week of Oct 26, 2026. Please send me
 * copies of the provider's service logs for exactly those weeks: …"
 */
function noRecordRequest(ctx: DraftContext): Inline[] | null {
  const facts = pickService(ctx, 'service', (f) => f.gap.unaccounted > 0);
  if (!facts) return null;
  const starts = noRecordStarts(ctx, facts);
  if (starts.length === 0) return null;
  const unit = facts.service.period;
  const recorded = (start: IsoDate) =>
    (facts.gap.periods.find((period) => period.start === start)?.regularEntries ?? 0) > 0;
  const list = (dates: IsoDate[]) =>
    listPeriods(
      dates.map((start) => ({ start })),
      unit,
    );
  const none = starts.filter((d) => !recorded(d));
  const some = starts.filter(recorded);
  const parts = [
    none.length > 0 && `has no record of ${serviceShortName(facts)} for ${list(none)}`,
    some.length > 0 &&
      `does not account for all of the required minutes${none.length > 0 ? '' : ` of ${serviceShortName(facts)}`} for ${list(some)}`,
  ].filter(Boolean);
  const [one, many] = UNIT_WORDS[unit];
  return inline(
    `My log ${parts.join(', and ')}. Please send me copies of the provider's service logs for exactly ${starts.length === 1 ? `that ${one}` : `those ${many}`}: the date of each session, the minutes delivered, and each session missed or cancelled, with the reason.`,
  );
}

export const recordsRequest: DraftKind = {
  id: 'records-request',
  title: 'Request for service logs and progress data',
  description:
    "Use this when you want copies of the provider's service and attendance logs or progress data to check what was delivered.",
  inputs: [
    serviceInput(
      'The service (optional)',
      false,
      'Leave it empty to ask about every service you chose for this letter.',
    ),
    {
      id: 'periodStart',
      label: 'Records from (optional)',
      type: 'date',
      required: false,
      help: 'The first date you want records for. If you leave it empty, the draft uses the start of the services you chose.',
    },
    {
      id: 'noRecordPeriods',
      label: 'Weeks or months with no record (optional)',
      type: 'text',
      required: false,
      help: 'Filled in from the Gaps page: the first day of each week or month your log has no record for, such as 2026-10-05, 2026-10-12.',
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
    const chosen = optionalInput(ctx, 'service');
    const services = chosen ? ctx.allServices.filter((f) => f.service.id === chosen) : ctx.services;
    const scoped = { ...ctx, services: services.length > 0 ? services : ctx.services };
    const period = recordsPeriod(scoped);
    const meeting = validDate(ctx.inputs.meetingDate);
    const upcoming = meeting && meeting > ctx.today ? meeting : null;
    const replyBy = replyBefore(ctx, upcoming);
    const other = optionalClause(ctx, 'otherRecords');
    const exact = noRecordRequest(ctx);
    const unaccounted = scoped.services.filter((f) => f.gap.unaccounted > 0);
    const items = ul([
      inline(
        'the service and attendance logs for each service below: the date of each session, the minutes delivered, and each session missed or cancelled, with the reason;',
      ),
      inline('the progress-monitoring data for the IEP goals these services support;'),
      inline("my child's current IEP;"),
      other && inline(other, ';'),
      inline('any notes or messages about sessions that were cancelled or changed.'),
    ]);
    const why =
      !exact &&
      unaccounted.length > 0 &&
      p(
        'My own log has no record either way for ',
        joinAnd(
          unaccounted.map(
            (f) =>
              `${formatMinutes(f.gap.unaccounted)} of ${serviceShortName(f)} (${listPeriods(f.gap.unaccountedPeriods, f.gap.period)})`,
          ),
        ),
        ' that the IEP required. The logs will help us both see what happened.',
      );
    const cooperative =
      'This includes records kept by the special education cooperative or by contracted providers who serve my child.';
    const timing =
      upcoming &&
      ` An IEP meeting is planned for ${longDate(upcoming)}, so please send the records before that meeting.`;
    return {
      subject: inline('Request for service logs and progress data for ', childName(ctx)),
      paragraph: blocks(
        p(
          'I am asking to inspect and review education records for ',
          childName(ctx),
          ' ',
          period,
          ' (',
          cite('records'),
          '), and for copies of them: the service and attendance logs for ',
          serviceNames(scoped.services),
          ', the progress-monitoring data for the IEP goals, and the current IEP. ',
          cooperative,
        ),
        exact ? p(exact) : why,
        p('Please let me know by ', replyBy, ', when I will receive them.', timing),
      ),
      body: blocks(
        p(
          parentOf(ctx),
          " I am asking to inspect and review my child's education records ",
          period,
          ', and for copies of them:',
        ),
        items,
        p('The services:'),
        ul(serviceItems(scoped.services)),
        p(cooperative),
        exact && p(exact),
        why,
        p(
          'Under ',
          cite('records'),
          ', the district is to make education records available without unnecessary delay, before any IEP meeting, and no later than 45 days after a request.',
          timing,
        ),
        p(
          'Please let me know by ',
          replyBy,
          ', when I will receive the copies. Copies sent to me by e-mail would work well for me. Thank you.',
        ),
      ),
      recipient: 'district',
      notes: [],
    };
  },
};
