/**
 * Step 1 of the seed: "Ask the service provider for their attendance log." Addressed to the
 * provider of one service, or to the cooperative that sends the provider, not to the director.
 */
import { coveredFrom } from '../../gap';
import type { PeriodGap } from '../../gap/types';
import { blocks, inline, marker, p, strong, ul, type Inline } from '../blocks';
import { cite } from '../citations';
import {
  childName,
  districtName,
  optionalClause,
  parentOf,
  pickService,
  responseBy,
  serviceAsWritten,
  serviceShortName,
} from '../facts';
import { selectInput, serviceInput } from '../inputs';
import type { DraftContext, DraftKind, DraftParts, ServiceFacts } from '../types';
import { joinAnd, longDate, periodPhrase, plural, validDate } from '../words';
import { capitalize } from '../../text';

/** At most this many "no record" periods are named; the rest are counted. */
const LISTED_PERIODS = 6;

function sendsToCoop(ctx: DraftContext): boolean {
  return ctx.inputs.sendTo === 'cooperative';
}

/** Who the letter is addressed to: the provider of the service, or the cooperative's director. */
function addressee(ctx: DraftContext, facts: ServiceFacts | null): DraftParts['addressee'] {
  const typed = optionalClause(ctx, 'name');
  const coop = ctx.profile.coopName?.trim();
  if (sendsToCoop(ctx)) {
    return {
      name:
        typed || ctx.profile.coopDirectorName?.trim() || marker("the cooperative director's name"),
      lines: [['Director'], [coop || marker('name of the special education cooperative')]],
    };
  }
  const service = facts ? capitalize(serviceShortName(facts)) : null;
  // "Casey Rivers, SLP (Prairie Winds …)" is greeted as "Casey Rivers".
  const provider = facts?.service.provider.split(/[,(]/)[0]!.trim();
  return {
    name: typed || provider || marker("the provider's name"),
    lines: [service ? [`${service} provider`] : [], [coop || districtName(ctx)]].filter(
      (line) => line.length > 0,
    ),
  };
}

/** "the weeks of August 24, 2026, October 12, 2026, and October 26, 2026"; "October 2026". */
function periodNames(facts: ServiceFacts, periods: readonly PeriodGap[]): Inline[] {
  const period = facts.service.period;
  const names = periods.map((pd) =>
    period === 'month' ? longDate(pd.start).replace(/ \d+,/, '') : longDate(pd.start),
  );
  const lead = period !== 'week' ? '' : periods.length === 1 ? 'the week of ' : 'the weeks of ';
  return inline(lead, joinAnd(names));
}

/**
 * "My own log has no entry, delivered or missed, for the week of …, and accounts for only part of
 * the scheduled time in the weeks of …" when the parent's log has holes: a week with some entries
 * is never said to have none.
 */
function noRecordSentence(facts: ServiceFacts | null): Inline[] | null {
  const periods = facts?.gap.unaccountedPeriods ?? [];
  if (!facts || periods.length === 0) return null;
  const named = periods.slice(0, LISTED_PERIODS);
  const more = periods.length - named.length;
  const none = named.filter((p) => p.regularEntries === 0);
  const part = named.filter((p) => p.regularEntries > 0);
  return inline(
    'My own log ',
    none.length > 0
      ? inline('has no entry, delivered or missed, for ', periodNames(facts, none))
      : '',
    none.length > 0 && part.length > 0 ? ', and ' : '',
    part.length > 0
      ? inline('accounts for only part of the scheduled time in ', periodNames(facts, part))
      : '',
    more > 0 ? `, and has gaps in ${plural(more, 'other period')}` : '',
    '. Your log would show what happened then.',
  );
}

/** "from August 31 to November 5, 2026". */
function logPeriod(ctx: DraftContext, facts: ServiceFacts | null): Inline[] {
  const fromData = facts?.gap.countedFrom
    ? coveredFrom(facts.service, facts.gap.countedFrom)
    : null;
  const from = validDate(ctx.inputs.periodStart) ?? fromData ?? facts?.service.startDate ?? null;
  return from && from <= ctx.today
    ? [periodPhrase(from, ctx.today)]
    : inline('from ', marker('first date of the log you want'), ' to ', longDate(ctx.today));
}

const WHAT_A_LOG_SHOWS =
  'the date of each scheduled session, the minutes delivered, and each session missed, cancelled or cut short, with the reason';

export const serviceLogRequest: DraftKind = {
  id: 'service-log-request',
  title: 'Ask the provider or cooperative for their service log',
  description:
    "Use this when you want the provider's own attendance or session log to compare with yours.",
  inputs: [
    serviceInput('Service (optional)', false),
    selectInput(
      'sendTo',
      'Send it to (optional)',
      'The provider who gives the service (the default), or the director of the cooperative that sends the provider.',
      { provider: 'The provider', cooperative: "The cooperative's director" },
    ),
    {
      id: 'name',
      label: 'Name of the person you are writing to (optional)',
      type: 'text',
      required: false,
      help: 'If you leave it empty, the draft uses the provider in the IEP service or the cooperative director in Your details.',
    },
    {
      id: 'periodStart',
      label: 'Log from (optional)',
      type: 'date',
      required: false,
      help: 'The first date you want the log for. If you leave it empty, the draft uses the start of the service.',
    },
  ],
  citations: ['records'],
  render(ctx) {
    const facts = pickService(ctx, 'service');
    const service = facts ? serviceShortName(facts) : null;
    const serviceWords: Inline = service ?? marker('the service');
    const period = logPeriod(ctx, facts);
    const noRecord = noRecordSentence(facts);
    const coop = sendsToCoop(ctx);
    const logEnclosed = ctx.enclosures.includes('service-log');
    const ask = (what: Inline[]) =>
      inline(
        'Could you please send me a copy of your service log for ',
        childName(ctx),
        "'s ",
        serviceWords,
        ' ',
        period,
        what,
      );
    return {
      subject: inline('Request for the ', serviceWords, ' service log for ', childName(ctx)),
      paragraph: blocks(
        p(
          ask([`: ${WHAT_A_LOG_SHOWS}?`]),
          ' I keep my own record and want to be sure it matches yours.',
        ),
        noRecord && p(noRecord),
        p('A copy by e-mail by ', responseBy(ctx), ' would be very helpful. Thank you.'),
      ),
      body: blocks(
        p(
          parentOf(ctx),
          " My child's IEP includes ",
          strong(serviceAsWritten(facts)),
          coop ? ', provided through your cooperative.' : ', which I understand you provide.',
        ),
        p(
          'I keep a log of the sessions, and I want to be sure my record matches yours. ',
          ask(['? It would help to see:']),
        ),
        ul([
          inline('the date and length of each session delivered;'),
          inline('each scheduled session that was missed, cancelled or cut short, and why;'),
          inline('any make-up sessions, with their dates.'),
        ]),
        noRecord && p(noRecord),
        logEnclosed && p('My own log is enclosed, so you can see where our records may differ.'),
        p(
          "Service logs are part of my child's education records, which parents may inspect and review (",
          cite('records'),
          ').',
          coop
            ? ' If the district keeps these logs rather than the cooperative, please tell me whom to ask.'
            : ' If someone else keeps these logs, please tell me whom to ask.',
        ),
        p(
          'A copy by e-mail or mail by ',
          responseBy(ctx),
          ' would be very helpful. Thank you for your work with my child.',
        ),
      ),
      recipient: 'person',
      addressee: addressee(ctx, facts),
      notes: [
        'This letter goes to the provider or the cooperative, not to the director. For a formal request to the district (it must answer within 45 days at most), use "Request for service logs and progress data".',
        'You can copy the director (cc) below, so the district knows you asked.',
      ],
    };
  },
};
