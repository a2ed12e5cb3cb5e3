/**
 * The seed's "teacher turnover" case: a position is vacant and instruction or services stopped.
 * What the letter says happened since the vacancy is only what the log shows for it: the sessions
 * logged as missed for a vacancy on or after that date (never more minutes than were due).
 */
import type { IsoDate } from '../../dates';
import { blocks, inline, ol, p, type Inline } from '../blocks';
import { cite } from '../citations';
import {
  chosenServices,
  childName,
  dateInput,
  firstMissedDate,
  logEnclosed,
  missedGroupPhrase,
  missedGroups,
  optionalClause,
  optionalInput,
  owedLedger,
  owedPhrase,
  parentOf,
  responseBy,
  serviceNames,
  servicesBlock,
} from '../facts';
import { serviceInput, toldSoFarBlock, toldSoFarInput, vacancySinceInput } from '../inputs';
import type { DraftContext, DraftKind, ServiceFacts } from '../types';
import { validDate } from '../words';

/** "the speech therapist position", whatever the user typed ("The speech therapist position."). */
export function positionPhrase(ctx: DraftContext, names: Inline[]): Inline[] {
  const typed = optionalClause(ctx, 'position');
  const name = typed
    ?.replace(/^(the|a|an)\s+/i, '')
    .replace(/\s+(position|job|vacancy|opening)$/i, '')
    .trim();
  return name ? [`the ${name} position`] : inline('the position that provides ', names);
}

/** "My log shows 5 sessions, 150 minutes (2.5 hours), missed on … because of the vacancy." */
function vacancyFacts(services: readonly ServiceFacts[], from: IsoDate | null): string {
  const rows = services.flatMap((f) =>
    f.gap.missedSessions.filter(
      (s) => s.reason === 'provider-vacancy' && (from === null || s.date >= from),
    ),
  );
  const group = missedGroups(rows)[0];
  return group ? `My log shows ${missedGroupPhrase(group, false)}, because of the vacancy.` : '';
}

export const staffingVacancy: DraftKind = {
  id: 'staffing-vacancy',
  title: 'Services stopped because of a staff vacancy',
  description:
    "Use this when a teacher or therapist left and your child's instruction or services stopped.",
  inputs: [
    serviceInput(
      'The service that stopped (optional)',
      false,
      'Leave it empty to include every service you chose for this letter.',
    ),
    {
      id: 'position',
      label: 'The position that is vacant (optional)',
      type: 'text',
      required: false,
      help: 'For example: "special education teacher" or "speech-language pathologist".',
    },
    vacancySinceInput('Vacant since (optional)'),
    toldSoFarInput('The principal said they are still interviewing.'),
  ],
  citations: ['fape', 'implement-asap', 'personnel'],
  render(ctx) {
    const chosen = chosenServices(ctx, 'service');
    const vacant = chosen.filter((f) =>
      f.gap.missedSessions.some((s) => s.reason === 'provider-vacancy'),
    );
    // Without a chosen service, the letter is about the services logged as missed for a vacancy.
    const services = optionalInput(ctx, 'service') || vacant.length === 0 ? chosen : vacant;
    const sinceDate =
      validDate(ctx.inputs.since) ?? firstMissedDate(services, ['provider-vacancy']);
    const since = dateInput(ctx, 'since', 'date the position became vacant', sinceDate);
    const names = serviceNames(services);
    const position = positionPhrase(ctx, names);
    const facts = vacancyFacts(services, sinceDate);
    const owes = owedLedger(services).owed > 0;
    const owed = owedPhrase(services);
    const vacancy = inline('Since ', since, ', ', position, ' has been vacant.');
    const plan = ol([
      inline(
        'how and by whom the services will be provided until the position is filled (for example, a contracted provider, the cooperative, or a licensed provider working by live video);',
      ),
      inline('the date those services will start;'),
      owes && inline('how the ', owed, ' missed so far will be made up.'),
    ]);
    return {
      subject: inline('IEP services stopped during a staff vacancy for ', childName(ctx)),
      paragraph: blocks(
        p(
          'I am writing about ',
          names,
          ' for my child, ',
          childName(ctx),
          '. ',
          vacancy,
          facts && ` ${facts}`,
        ),
        p(
          'The IEP still applies while the position is open. Please send me, by ',
          responseBy(ctx),
          ', a written plan for providing these services in the meantime',
          owes ? inline(' and for making up the ', owed, ' missed so far.') : '.',
        ),
      ),
      body: blocks(
        p(parentOf(ctx), ' I am writing about ', names, ' for my child. ', vacancy),
        servicesBlock(services, undefined, "My child's IEP requires", { short: true }),
        logEnclosed(ctx),
        toldSoFarBlock(ctx),
        p(
          "I understand that hiring is hard, especially in rural Montana, but a vacancy does not change what the IEP requires. The IEP's services are still required while the position is open: a free appropriate public education means services provided in conformity with the IEP (",
          cite('fape'),
          '), as soon as possible after the IEP is written (',
          cite('implement-asap'),
          '). The person who fills in must be appropriately prepared, and licenses for related services cannot be waived on an emergency or temporary basis (',
          cite('personnel'),
          ').',
        ),
        p('Please send me a written plan that says:'),
        plan,
        p('Please send the plan by ', responseBy(ctx), '. Thank you.'),
      ),
      recipient: 'district',
      notes: [],
    };
  },
};
