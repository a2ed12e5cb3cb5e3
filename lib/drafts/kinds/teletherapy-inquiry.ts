/**
 * The seed's teletherapy section: no in-person provider, so ask what the district has tried. The
 * "no in-person provider since" date comes only from the user or from sessions logged as missed
 * for a vacancy (one absent provider is not a vacancy); otherwise it is a fill-in. For instruction
 * (reading, special education) the letter asks for live remote instruction by a Montana-licensed
 * special education teacher, not "teletherapy".
 */
import { blocks, inline, ol, p, type Inline } from '../blocks';
import { cite } from '../citations';
import {
  childName,
  dateInput,
  firstMissedDate,
  logEnclosed,
  parentOf,
  pickService,
  responseBy,
  serviceAsWritten,
  serviceShortName,
  serviceStatusShort,
} from '../facts';
import { serviceInput, toldSoFarBlock, toldSoFarInput, vacancySinceInput } from '../inputs';
import type { DraftKind, ServiceFacts } from '../types';

const lacksProvider = (f: ServiceFacts) =>
  f.gap.missedSessions.some((s) => s.reason === 'provider-vacancy');

/** Reading and special education are instruction: a teacher teaches, a therapist does not. */
function isInstruction(f: ServiceFacts | null): boolean {
  return f?.service.kind === 'reading' || f?.service.kind === 'special-education';
}

interface Remote {
  /** "teletherapy", "live remote instruction" */
  name: string;
  /** "a teletherapy provider licensed in Montana" */
  who: string;
  /** One sentence saying what it is. */
  what: string;
}

function remote(f: ServiceFacts | null): Remote {
  return isInstruction(f)
    ? {
        name: 'live remote instruction',
        who: 'a special education teacher licensed in Montana, teaching by live video,',
        what: 'Live remote instruction, where a Montana-licensed special education teacher teaches my child by live video, is one way to deliver this service.',
      }
    : {
        name: 'teletherapy',
        who: 'a teletherapy provider licensed in Montana',
        what: 'Teletherapy, where a licensed provider works with the child by live video, is one way to deliver this service.',
      };
}

export const teletherapyInquiry: DraftKind = {
  id: 'teletherapy-inquiry',
  title: 'Question about teletherapy when no provider is available',
  description:
    'Use this when a service is not happening because the district has no in-person provider.',
  inputs: [
    serviceInput('The service without a provider', true),
    vacancySinceInput('No in-person provider since (optional)'),
    toldSoFarInput('The cooperative says it cannot send a therapist until January.'),
  ],
  citations: ['implement-asap', 'personnel'],
  render(ctx) {
    const service = pickService(ctx, 'service', lacksProvider);
    const asWritten = serviceAsWritten(service);
    const name = service ? serviceShortName(service) : asWritten;
    const how = remote(service);
    const since = dateInput(
      ctx,
      'since',
      'date the in-person provider stopped',
      service ? firstMissedDate([service], ['provider-vacancy']) : null,
    );
    const noProvider: Inline[] = inline(
      'Since ',
      since,
      ', there has been no in-person provider for ',
      name,
      '.',
    );
    const questions = ol([
      inline(`What steps has the district taken to find a provider, including ${how.name}?`),
      inline(`Can ${how.who} deliver the minutes in the IEP? If so, when can the sessions start?`),
      inline(
        'Until a provider is in place, how will the district deliver the IEP minutes and make up the ones missed?',
      ),
    ]);
    return {
      subject: inline('Question about ', how.name, ' for ', name, ' for ', childName(ctx)),
      paragraph: blocks(
        p("My child's IEP requires ", asWritten, '. ', noProvider),
        p(
          `What steps has the district taken to secure ${how.name}, and can ${how.who} deliver the IEP minutes? Please let me know by `,
          responseBy(ctx),
          '. The IEP services are still required while the district looks for a provider.',
        ),
      ),
      body: blocks(
        p(parentOf(ctx), ' I am writing because there is no in-person provider for ', name, '.'),
        p(
          'The IEP requires ',
          asWritten,
          '. ',
          noProvider,
          ' ',
          service ? serviceStatusShort(service) : '',
        ),
        logEnclosed(ctx),
        toldSoFarBlock(ctx),
        p(
          'I know qualified providers can be hard to find in rural Montana. ',
          how.what,
          ' Please answer these questions:',
        ),
        questions,
        p(
          "The IEP's services are still required while the district looks for a provider (",
          cite('implement-asap'),
          '). Whoever provides them, in person or by video, must be appropriately prepared and licensed (',
          cite('personnel'),
          `). Moving the service to ${how.name} would change how the IEP is delivered, so I would like to decide that with the IEP team.`,
        ),
        p('Please reply by ', responseBy(ctx), '. Thank you.'),
      ),
      recipient: 'district',
      notes: [],
    };
  },
};
