/** The seed's teletherapy section: no in-person provider, so ask what the district has tried. */
import { blocks, inline, ol, p } from '../blocks';
import { cite } from '../citations';
import {
  childName,
  dateInput,
  firstMissedDate,
  parentOf,
  pickService,
  responseBy,
  serviceAsWritten,
  serviceShortName,
  serviceStatusShort,
} from '../facts';
import { serviceInput, toldSoFarBlock, toldSoFarInput, vacancySinceInput } from '../inputs';
import type { DraftKind, ServiceFacts } from '../types';

const NO_PROVIDER = ['provider-vacancy', 'provider-absent'] as const;

const lacksProvider = (f: ServiceFacts) =>
  f.gap.missedSessions.some((s) => s.reason === 'provider-vacancy');

export const teletherapyInquiry: DraftKind = {
  id: 'teletherapy-inquiry',
  title: 'Question about teletherapy when no provider is available',
  description:
    'Use this when a service is not happening because the district has no in-person provider.',
  inputs: [
    serviceInput('The service without a provider', true),
    vacancySinceInput('No provider since (optional)'),
    toldSoFarInput('The cooperative says it cannot send a therapist until January.'),
  ],
  citations: ['implement-asap', 'personnel'],
  render(ctx) {
    const service = pickService(ctx, 'service', lacksProvider);
    const asWritten = serviceAsWritten(service);
    const name = service ? serviceShortName(service) : asWritten;
    const since = dateInput(
      ctx,
      'since',
      'date the service stopped',
      service ? firstMissedDate([service], NO_PROVIDER) : null,
    );
    const questions = ol([
      inline(
        'What steps has the district taken to find a provider, including a teletherapy provider?',
      ),
      inline(
        'Can a teletherapy provider licensed in Montana deliver the minutes in the IEP? If so, when can the sessions start?',
      ),
      inline(
        'Until a provider is in place, how will the district deliver the IEP minutes and make up the ones missed?',
      ),
    ]);
    return {
      subject: inline('Question about teletherapy for ', name, ' for ', childName(ctx)),
      paragraph: blocks(
        p(
          "My child's IEP requires ",
          asWritten,
          '. Since ',
          since,
          ', there has been no in-person provider, and the service has not been delivered as written.',
        ),
        p(
          'What steps has the district taken to secure a teletherapy provider, and can a licensed teletherapy provider deliver the IEP minutes? Please let me know by ',
          responseBy(ctx),
          '. The IEP services are still required while the district looks for a provider.',
        ),
      ),
      body: blocks(
        p(parentOf(ctx), ' I am writing because there is no in-person provider for ', name, '.'),
        p(
          'The IEP requires ',
          asWritten,
          '. Since ',
          since,
          ', there has been no in-person provider, and the service has not been delivered as written. ',
          service ? serviceStatusShort(service) : '',
        ),
        toldSoFarBlock(ctx),
        p(
          'I know qualified providers can be hard to find in rural Montana. Teletherapy, where a licensed provider works with the child by live video, is one way to deliver this service. Please answer these questions:',
        ),
        questions,
        p(
          "The IEP's services are still required while the district looks for a provider (",
          cite('implement-asap'),
          '). Whoever provides them, in person or by video, must be appropriately prepared and licensed (',
          cite('personnel'),
          '). Moving the service to teletherapy would change how the IEP is delivered, so I would like to decide that with the IEP team.',
        ),
        p('Please reply by ', responseBy(ctx), '. Thank you.'),
      ),
      recipient: 'district',
      notes: [],
    };
  },
};
