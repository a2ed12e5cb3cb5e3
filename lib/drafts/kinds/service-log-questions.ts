/**
 * Questions about the district's service logs (issue 11): once the district's own logs are
 * imported and reconciled with the parent's log, list the dates the two disagree on (what each
 * log says) and the sessions the district's own logs show as not provided, ask the district to
 * explain each conflict, and ask it to make up what its own logs show as missed (compensatory
 * services). Every total is the sum of the rows listed beside it, less the make-up minutes the
 * district's logs show.
 */
import { blocks, inline, marker, p } from '../blocks';
import { cite } from '../citations';
import {
  conflictBlocks,
  conflictCount,
  districtMissedBlocks,
  districtMissedCount,
  districtSource,
  withDistrict,
} from '../district';
import {
  chosenServices,
  childName,
  inputSentences,
  logEnclosed,
  parentOf,
  responseBy,
} from '../facts';
import type { DraftContext, DraftKind, ServiceFacts } from '../types';
import { formatMinutes, listDates, plural } from '../words';

/** The services the letter covers: the chosen one, else the draft's, else any with records. */
function covered(ctx: DraftContext): ServiceFacts[] {
  const chosen = withDistrict(chosenServices(ctx, 'service'));
  return chosen.length > 0 ? chosen : withDistrict(ctx.allServices);
}

/** What the district's logs show as not provided, less their own make-up minutes. */
function districtLedger(services: readonly ServiceFacts[]) {
  const missed = services.reduce(
    (n, f) => n + (f.district?.missed.reduce((m, s) => m + s.minutes, 0) ?? 0),
    0,
  );
  const madeUpLogged = services.reduce(
    (n, f) => n + (f.district?.reconciliation.districtMadeUp ?? 0),
    0,
  );
  const madeUp = Math.min(madeUpLogged, missed);
  return { missed, madeUp, owed: missed - madeUp };
}

function makeUpSentence(ledger: ReturnType<typeof districtLedger>) {
  if (ledger.missed === 0) return null;
  if (ledger.madeUp === 0) {
    return `Please make up the ${formatMinutes(ledger.owed)} that the district's own logs show as not provided, as compensatory services: make-up sessions in addition to the regular IEP sessions.`;
  }
  if (ledger.owed === 0) {
    return `The district's logs also show ${formatMinutes(ledger.madeUp)} of make-up sessions. Please tell me which missed sessions they made up.`;
  }
  return `The district's logs also show ${formatMinutes(ledger.madeUp)} of make-up sessions. Please make up the remaining ${formatMinutes(ledger.owed)} as compensatory services: make-up sessions in addition to the regular IEP sessions.`;
}

export const serviceLogQuestions: DraftKind = {
  id: 'service-log-questions',
  title: 'Questions about your service logs',
  description:
    "Use this when the district's service logs you imported disagree with your log or show sessions that were not provided.",
  inputs: [
    {
      id: 'service',
      label: 'Service (optional)',
      type: 'service',
      required: false,
      help: 'Leave empty to cover every service whose district logs you imported.',
    },
    {
      id: 'moreQuestions',
      label: 'Other questions about the logs (optional)',
      type: 'textarea',
      required: false,
      help: 'For example: "Who is the provider listed as T. Ames?"',
    },
  ],
  citations: ['records', 'fape', 'implement-asap'],
  render(ctx) {
    const services = covered(ctx);
    const source = districtSource(services);
    const conflicts = conflictCount(services);
    const missedCount = districtMissedCount(services);
    const ledger = districtLedger(services);
    const makeUp = makeUpSentence(ledger);
    const more = inputSentences(ctx, 'moreQuestions');
    const conflictDates = services.flatMap((f) => f.district?.conflicts.map((c) => c.date) ?? []);
    const missedDates = services.flatMap((f) => f.district?.missed.map((m) => m.date) ?? []);
    const sourceSentence =
      source ??
      inline(
        "I have compared my log with the district's own service logs for ",
        marker('the services and dates the district sent logs for'),
        '.',
      );
    const explain = inline(
      "Please explain each of these dates in writing: what happened, who provided the session and for how long, and which notes or attendance records the entry is based on. I ask for copies of those records as well; service logs are part of my child's education records, which parents may inspect and review (",
      cite('records'),
      ').',
    );
    const planAsk = inline(
      'Please send me, by ',
      responseBy(ctx),
      ", a written plan for the make-up sessions: when, by whom and how. The IEP's services are to be provided as the IEP is written (",
      cite('implement-asap'),
      '; ',
      cite('fape'),
      ').',
    );
    return {
      subject: inline('Questions about the service logs for ', childName(ctx)),
      paragraph: blocks(
        p(
          sourceSentence,
          conflicts > 0 &&
            ` The district's logs and mine disagree ${listDates(conflictDates)}. Please explain what happened on ${new Set(conflictDates).size === 1 ? 'that date' : 'each of those dates'}.`,
          missedCount > 0 &&
            ` The district's own logs show ${plural(missedCount, 'session')} not provided or cut short, ${listDates(missedDates)}.`,
          conflicts === 0 &&
            missedCount === 0 &&
            inline(
              ' ',
              marker(
                "the dates where the district's log and yours disagree, or show missed sessions",
              ),
            ),
        ),
        makeUp && p(makeUp, ' Please send me a written plan by ', responseBy(ctx), '.'),
      ),
      body: blocks(
        p(parentOf(ctx), ' ', sourceSentence),
        conflicts > 0 &&
          p(
            `On these dates, the district's log and my log do not agree (${plural(conflicts, 'date')}${services.length > 1 ? ' and service' : ''}):`,
          ),
        conflictBlocks(services),
        conflicts > 0 && p(explain),
        districtMissedBlocks(services),
        conflicts === 0 &&
          missedCount === 0 &&
          p(
            marker(
              "the dates where the district's log and yours disagree, or show missed sessions",
            ),
          ),
        makeUp && p(makeUp),
        makeUp && p(planAsk),
        more && p(more),
        logEnclosed(ctx),
        makeUp ? p('Thank you.') : p('Please reply by ', responseBy(ctx), '. Thank you.'),
      ),
      recipient: 'district',
      notes:
        services.length === 0
          ? [
              "Import the district's service logs on the District records page first: this letter lists where they disagree with your log and what they show as not provided.",
            ]
          : [
              "The dates and minutes come from the district's logs as you imported them. Check them against the district's file before you send this.",
            ],
    };
  },
};
