/** The seed's "teacher turnover" case: a position is vacant and instruction or services stopped. */
import { blocks, inline, ol, p } from '../blocks';
import { cite } from '../citations';
import {
  chosenServices,
  childName,
  dateInput,
  firstMissedDate,
  optionalClause,
  optionalInput,
  owedPhrase,
  parentOf,
  serviceNames,
  servicesBlock,
  responseBy,
} from '../facts';
import { serviceInput, toldSoFarBlock, toldSoFarInput, vacancySinceInput } from '../inputs';
import type { DraftKind } from '../types';

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
    vacancySinceInput('Stopped since (optional)'),
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
    const since = dateInput(
      ctx,
      'since',
      'date the services stopped',
      firstMissedDate(services, ['provider-vacancy']),
    );
    const position = optionalClause(ctx, 'position');
    const vacancy = position ? `the ${position} position is vacant` : 'the position is vacant';
    const names = serviceNames(services);
    const owed = owedPhrase(services);
    const plan = ol([
      inline(
        'how and by whom the services will be provided until the position is filled (for example, a contracted provider, the cooperative, or a licensed teletherapy provider);',
      ),
      inline('the date those services will start;'),
      inline('how the ', owed, ' missed so far will be made up.'),
    ]);
    return {
      subject: inline('IEP services stopped during a staff vacancy for ', childName(ctx)),
      paragraph: blocks(
        p(
          'Since ',
          since,
          ', ',
          names,
          ' for my child, ',
          childName(ctx),
          ', ',
          services.length > 1 ? 'have' : 'has',
          ' not been provided because ',
          vacancy,
          '. So far ',
          owed,
          ' of IEP services have not been provided.',
        ),
        p(
          'The IEP still applies while the position is open. Please send me, by ',
          responseBy(ctx),
          ', a written plan for providing these services in the meantime and for making up the missed minutes.',
        ),
      ),
      body: blocks(
        p(
          parentOf(ctx),
          ' Since ',
          since,
          ', my child has not received ',
          names,
          ' because ',
          vacancy,
          '.',
        ),
        servicesBlock(services, undefined, "My child's IEP requires", { short: true }),
        toldSoFarBlock(ctx),
        p(
          "I understand that hiring is hard, especially in rural Montana. The IEP's services are still required while the position is open: a free appropriate public education means services provided in conformity with the IEP (",
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
