/**
 * Step 4 of the seed: ask for compensatory services, a written plan to make up the minutes that
 * were missed. The amount asked for is the ledger's: the missed sessions listed, less what was
 * made up.
 */
import { blocks, inline, ol, p } from '../blocks';
import {
  districtAddedNote,
  districtAlsoShows,
  districtMissedBlocks,
  districtSource,
  fullDistrict,
} from '../district';
import {
  childName,
  earlierLetterSentence,
  inputSentences,
  logEnclosed,
  missedTable,
  owedLedger,
  owedPhrase,
  parentOf,
  responseBy,
  serviceNames,
  servicesBlock,
} from '../facts';
import type { DraftKind } from '../types';

export const compensatoryServices: DraftKind = {
  id: 'compensatory-services',
  title: 'Request for compensatory services (make-up of missed services)',
  description:
    "Use this when sessions were missed for reasons other than your child's absence and you want a written plan to make up the minutes.",
  inputs: [
    {
      id: 'proposal',
      label: 'Your idea for the make-up schedule (optional)',
      type: 'textarea',
      required: false,
      help: 'For example: "one extra 30-minute session each week until the minutes are made up".',
    },
  ],
  citations: [],
  render(ctx) {
    // With the district's logs imported, the sessions they show as not provided on dates my log
    // has no entry for are added to what is asked for (lib/drafts/facts serviceLedger).
    const ledger = owedLedger(ctx.services, undefined, fullDistrict);
    const owed = owedPhrase(ctx.services, undefined, fullDistrict);
    const source = districtSource(ctx.services);
    const added = ledger.services.flatMap((l) => l.districtRows);
    const proposal = inputSentences(ctx, 'proposal');
    const earlier = earlierLetterSentence(ctx, 'service-concern', 'about these missed services');
    const opening = inline(
      'I am requesting compensatory services for ',
      childName(ctx),
      ': make-up sessions for the IEP services my child did not receive, in addition to the regular IEP sessions.',
    );
    const plan = ol([
      inline(
        'when the missed minutes will be made up: the days and times, and the date they will be finished;',
      ),
      inline('who will provide the make-up sessions (name and role);'),
      inline(
        'how and where they will happen, for example extra sessions during the school day, before or after school, or in the summer;',
      ),
      inline('how the regular IEP sessions will continue while the missed minutes are made up.'),
    ]);
    return {
      subject: inline(
        'Request for compensatory services (make-up of missed IEP services) for ',
        childName(ctx),
      ),
      paragraph: blocks(
        p(opening, earlier && ` ${earlier}`),
        servicesBlock(ctx.services, undefined, "My child's IEP requires", { short: true }),
        p(
          districtAlsoShows(ledger) && `${districtAlsoShows(ledger)} `,
          'Please send me, by ',
          responseBy(ctx),
          ', a written plan for making up the ',
          owed,
          ' that were missed: when, by whom and how.',
        ),
      ),
      body: blocks(
        p(parentOf(ctx), ' ', opening),
        earlier && p(earlier),
        servicesBlock(ctx.services, undefined, "My child's IEP requires", { short: true }),
        source && p(source),
        districtMissedBlocks(ctx.services),
        districtAddedNote(ledger) && p(districtAddedNote(ledger)),
        ledger.missed > 0 &&
          p(
            added.length > 0
              ? "These are the sessions that were missed or cut short, from my log and, where my log has no entry, from the district's:"
              : 'These are the sessions that were missed or cut short, from my log:',
          ),
        missedTable(ledger),
        logEnclosed(ctx),
        p(
          'Sessions that my child missed because of absence are not included in what I am asking to be made up.',
        ),
        p(
          'I am asking that the ',
          owed,
          ' of ',
          serviceNames(ctx.services),
          ' be made up, in addition to the regular IEP sessions. Please send me a written plan that says:',
        ),
        plan,
        proposal && p('My suggestion: ', proposal),
        p(
          'The missed minutes are my starting point. If the IEP team believes my child needs more make-up services to catch up, I am glad to meet about it.',
        ),
        p('Please send the plan by ', responseBy(ctx), '. Thank you.'),
      ),
      recipient: 'district',
      notes:
        ledger.owed === 0 && ctx.services.some((f) => f.gap.countedFrom !== null)
          ? [
              'Your log shows no missed minutes left to make up for these services. Log the missed sessions first, or choose other services.',
            ]
          : [],
    };
  },
};
