/**
 * Step 5 of the seed: a state complaint to OPI when the district has not fixed the problem.
 * Contains every element of 34 C.F.R. § 300.153 and ARM 10.16.3662: the statement that a rule
 * was violated, the facts, the child's name, home address and school, a description with facts
 * (a dated table of missed services from the log), only violations within one year, the earlier
 * written requests and responses, a proposed resolution, the complainant's signature and contact
 * information, and the copy sent to the district at the same time.
 */
import type { ServiceGap } from '../../gap/types';
import {
  blocks,
  inline,
  marker,
  ol,
  p,
  strong,
  table,
  ul,
  type Block,
  type Inline,
} from '../blocks';
import { cite } from '../citations';
import {
  childName,
  directorName,
  districtName,
  inputSentences,
  missedGroupPhrase,
  missedGroups,
  missedTable,
  oneLine,
  optionalInput,
  owedLedger,
  owedPhrase,
  parentName,
  parentOf,
  reductionSentence,
  responseBy,
  schoolName,
  serviceNames,
  serviceShortName,
  servicesBlock,
  trimEnd,
} from '../facts';
import {
  conflictBlocks,
  districtAddedNote,
  districtAlsoShows,
  districtMissedBlocks,
  districtSource,
  recentDistrict,
} from '../district';
import { NO_RESPONSE, exhibitSentence, sentBefore } from '../exhibits';
import { OPI_ADDRESS_LINES, OPI_PHONE } from '../opi';
import { selectInput } from '../inputs';
import type { DraftContext, DraftKind, SentLetter, ServiceFacts } from '../types';
import { formatMinutes, joinAnd, longDate, plural } from '../words';
import { capitalize } from '../../text';

const recent = (f: ServiceFacts): ServiceGap => f.recentGap;

function heading(text: string): Block {
  return p(strong(text));
}

const METHOD_WORDS = { email: 'by e-mail', mail: 'by mail', hand: 'by hand' } as const;

function requestCell(sent: SentLetter) {
  const { letter } = sent;
  return inline(
    letter.subject.trim() ? `"${letter.subject.trim()}"` : sent.kindTitle,
    letter.to.trim() && `, to ${letter.to.trim()}`,
    letter.method && `, ${METHOD_WORDS[letter.method]}`,
    letter.requestedResponseDate &&
      `; I asked for a reply by ${longDate(letter.requestedResponseDate)}`,
  );
}

function responseCell(sent: SentLetter) {
  const { responseDate, responseSummary } = sent.letter;
  const summary = responseSummary.trim();
  if (!responseDate && !summary) return inline(NO_RESPONSE);
  return inline(responseDate && longDate(responseDate), responseDate && summary && ': ', summary);
}

function earlierRequests(ctx: DraftContext): Block[] {
  const sent = sentBefore(ctx);
  if (sent.length === 0) {
    return [p(marker('the dates of your written requests to the district and its responses'))];
  }
  return blocks(
    p('I wrote to the district before filing this complaint:'),
    table(
      ['Date sent', 'What I sent', "District's response"],
      sent.map((s) => [longDate(s.letter.sentDate!), requestCell(s), responseCell(s)]),
    ),
    exhibitSentence(ctx, 'correspondence'),
  );
}

function childDetails(ctx: DraftContext): Block {
  const student = ctx.student;
  return ul([
    inline('Name: ', childName(ctx)),
    inline(
      'Home address: ',
      oneLine(student?.homeAddress ?? '') || marker("your child's home address"),
    ),
    inline('School: ', schoolName(ctx)),
    inline('School district: ', districtName(ctx)),
    student?.grade.trim() && inline('Grade: ', student.grade.trim()),
  ]);
}

function complainantDetails(ctx: DraftContext): Block {
  const { address, phone, email } = ctx.profile;
  return ul([
    inline('Name: ', parentName(ctx)),
    inline('Relationship to the child: parent'),
    inline('Mailing address: ', oneLine(address) || marker('your mailing address')),
    inline('Phone: ', phone.trim() || marker('your phone number')),
    inline('E-mail: ', email.trim() || marker('your e-mail address')),
  ]);
}

function resolutionItems(ctx: DraftContext): Inline[][] {
  const ledger = owedLedger(ctx.services, recent, recentDistrict);
  const owing = ledger.services.filter((l) => l.owed > 0);
  const fromDistrict = ledger.services.some((l) => l.districtRows.length > 0);
  const amounts =
    owing.length > 0
      ? joinAnd(owing.map((l) => `${formatMinutes(l.owed)} of ${serviceShortName(l.facts)}`))
      : [marker('the make-up minutes you are asking for, by service')];
  return [
    inline(
      'Compensatory services, in addition to the regular IEP sessions, provided by qualified providers on a written schedule the district shares with me: at least ',
      amounts,
      fromDistrict
        ? ", the minutes my log documents as missed, with those the district's own service logs show as not provided on dates my log has no entry for, less what was made up, and more if my child needs more to make up for the missed services"
        : ', the minutes my log documents as missed and not made up, and more if my child needs more to make up for the missed services',
    ),
    inline(
      'A written plan from the district to deliver ',
      serviceNames(ctx.services),
      ' as the IEP requires from now on, including who will provide each service and how sessions will be covered when a provider is absent',
    ),
    inline('Service logs sent to me each month until the make-up services are complete'),
  ];
}

/** A service whose log shows a cut made without a meeting, in the complaint's window. */
function reducedWithoutMeeting(f: ServiceFacts): boolean {
  const gap = f.recentGap;
  return (
    gap.missedSessions.some((s) => s.reason === 'reduced-without-meeting') ||
    (gap.reduction !== null && reductionSentence(gap) !== '')
  );
}

/** The second violation's facts, one item per service: the logged cuts and the short periods. */
function changeFacts(services: readonly ServiceFacts[]): Inline[][] {
  return services.map((f) => {
    const gap = f.recentGap;
    const cut = missedGroups(gap.missedSessions).find(
      (g) => g.reason === 'reduced-without-meeting',
    );
    const short = reductionSentence(gap);
    const facts = cut
      ? `my log shows ${missedGroupPhrase(cut, false)}, because the service was reduced without an IEP meeting.${short ? ` ${short.replace(/^My log shows/, 'It also shows')}` : ''}`
      : short.replace(/^My/, 'my');
    return inline(capitalize(serviceShortName(f)), ': ', facts);
  });
}

/** "The district also changed …" (34 C.F.R. § 300.324(a)(4), (a)(6) and § 300.503), or nothing. */
function secondViolation(ctx: DraftContext): Block[] {
  const changed = ctx.services.filter(reducedWithoutMeeting);
  if (changed.length === 0) return [];
  return [
    p(
      "The district also changed my child's IEP services on its own. After the annual IEP meeting, an IEP may be changed only by the IEP team at a meeting, or by a written amendment that the parent and the district both agree to (",
      cite('amend-iep'),
      '), and the district must give the parent Prior Written Notice before it changes the services (',
      cite('pwn'),
      '). No IEP meeting was held, I did not agree to an amendment, and I did not receive Prior Written Notice:',
    ),
    ul(changeFacts(changed)),
  ];
}

function olderSessionsNote(ctx: DraftContext): string[] {
  const older = ctx.services
    .flatMap((f) => f.gap.missedSessions)
    .filter((s) => s.reason !== 'student-absent' && s.date < ctx.complaintWindowStart);
  if (older.length === 0) return [];
  return [
    `${plural(older.length, 'missed session')} from before ${longDate(ctx.complaintWindowStart)} ${older.length === 1 ? 'is' : 'are'} more than one year old, so ${older.length === 1 ? 'it is' : 'they are'} left out of this complaint. A state complaint can only cover problems from the year before OPI receives it.`,
  ];
}

export const stateComplaint: DraftKind = {
  id: 'state-complaint',
  title: 'State complaint to OPI',
  description:
    'Use this when the district has not fixed the problem after your written requests and you want the Office of Public Instruction to investigate.',
  inputs: [
    {
      id: 'moreFacts',
      label: 'Other facts OPI should know (optional)',
      type: 'textarea',
      required: false,
      help: 'Short, dated facts. For example: "On October 5, 2026, the principal told me no speech therapist will be available until January."',
    },
    {
      id: 'moreResolution',
      label: 'Anything else you are asking for (optional)',
      type: 'textarea',
      required: false,
      help: 'For example: "an IEP meeting within 30 days to review the services".',
    },
    selectInput(
      'caseLaw',
      'Court cases about make-up services (optional)',
      'Most complaints do not need them. An advocate may want the two court cases added.',
      { none: 'Leave them out', include: 'Add them' },
    ),
  ],
  citations: [
    'mt-state-complaint',
    'complaint-contents',
    'fape',
    'implement-asap',
    'amend-iep',
    'pwn',
    'reid',
    'van-duyn',
    'complaint-remedies',
    'complaint-timeline',
    'mt-early-assistance',
  ],
  render(ctx) {
    const moreFacts = inputSentences(ctx, 'moreFacts');
    // A list item of its own: the user's capital letter stays.
    const moreResolution = trimEnd(optionalInput(ctx, 'moreResolution') ?? '') || null;
    const ledger = owedLedger(ctx.services, recent, recentDistrict);
    const owed = owedPhrase(ctx.services, recent, recentDistrict);
    const source = districtSource(ctx.services, recentDistrict);
    const conflicts = conflictBlocks(ctx.services, recentDistrict);
    const alsoShows = districtAlsoShows(ledger);
    const changed = ctx.services.filter(reducedWithoutMeeting);
    const violation = inline(
      districtName(ctx),
      " has violated Part B of the Individuals with Disabilities Education Act (IDEA) by failing to implement my child's IEP as written.",
    );
    const rules = inline(
      ' A free appropriate public education means special education and related services provided in conformity with the IEP (',
      cite('fape'),
      "), and the IEP's services must be made available in accordance with the IEP (",
      cite('implement-asap'),
      ').',
    );
    const filing = inline(
      'I am writing to let you know that I am filing a written state complaint with the Montana Office of Public Instruction (OPI), because ',
      childName(ctx),
      "'s IEP has not been carried out as written",
      changed.length > 0
        ? inline(
            ' and because ',
            serviceNames(changed),
            ' ',
            changed.length === 1 ? 'was' : 'were',
            ' changed without an IEP meeting or Prior Written Notice',
          )
        : '',
      '. I will send you a copy of the complaint at the same time I send it to OPI.',
    );
    const stillAsking = inline(
      'Filing the complaint does not stop the district from fixing the problem now. Please resume the services as the IEP is written',
      ledger.owed > 0
        ? inline(
            ', and send me by ',
            responseBy(ctx),
            ', a written plan to make up the ',
            owed,
            ' that were not provided',
          )
        : '',
      '.',
    );
    const caseLaw =
      ctx.inputs.caseLaw === 'include' &&
      p(
        'Compensatory education is decided for the individual child, to put the child where they would have been (',
        cite('reid'),
        '). A failure to implement an IEP violates IDEA when it is material, meaning more than a minor gap between the services the IEP requires and the services provided (',
        cite('van-duyn'),
        ').',
      );
    return {
      subject: inline(
        'State complaint: ',
        districtName(ctx),
        ' did not implement the IEP of ',
        childName(ctx),
      ),
      paragraph: blocks(
        p(filing),
        servicesBlock(ctx.services, recent, "My child's IEP requires", { short: true }),
        p(alsoShows && `${alsoShows} `, stillAsking),
      ),
      messageParts: {
        subject: inline(
          'I am filing a state complaint with OPI about the IEP services of ',
          childName(ctx),
        ),
        body: blocks(
          p(parentOf(ctx), ' ', filing),
          servicesBlock(ctx.services, recent, "My child's IEP requires", { short: true }),
          p(alsoShows && `${alsoShows} `, stillAsking),
        ),
        recipient: 'district',
      },
      body: blocks(
        p(
          'I am filing this written, signed complaint under ',
          cite('mt-state-complaint'),
          ' and ',
          cite('complaint-contents'),
          '.',
        ),
        heading('1. The violation'),
        p(violation, rules),
        secondViolation(ctx),
        heading('2. The child'),
        childDetails(ctx),
        heading('3. The facts'),
        p('All of the facts below are from within one year of the date of this complaint.'),
        exhibitSentence(ctx, 'service-log'),
        servicesBlock(ctx.services, recent, 'The IEP requires'),
        exhibitSentence(ctx, 'gap-summary'),
        source && p(source),
        exhibitSentence(ctx, 'district-logs'),
        districtMissedBlocks(ctx.services, recentDistrict),
        districtAddedNote(ledger) && p(districtAddedNote(ledger)),
        conflicts.length > 0 &&
          p("On these dates the district's log says something different from my log:"),
        conflicts,
        ledger.missed > 0 &&
          p(
            ledger.services.some((l) => l.districtRows.length > 0)
              ? "Each missed or shortened session, from my records and, where my records have no entry, from the district's own logs (sessions my child missed because of absence are not included):"
              : 'Each missed or shortened session, from my records (sessions my child missed because of absence are not included):',
          ),
        missedTable(ledger),
        moreFacts && p(moreFacts),
        heading("4. My earlier written requests and the district's responses"),
        earlierRequests(ctx),
        heading('5. Proposed resolution'),
        p('I ask OPI to order the district to provide:'),
        ol([...resolutionItems(ctx), moreResolution]),
        caseLaw,
        p(
          'When a complaint finds that services were not provided, OPI can order corrective action such as compensatory services and address how services will be provided from now on (',
          cite('complaint-remedies'),
          ').',
        ),
        heading('6. Contact information'),
        complainantDetails(ctx),
        heading('7. Copy to the district'),
        p(
          'I am sending a copy of this complaint to ',
          directorName(ctx),
          ', Special Education Director, ',
          districtName(ctx),
          ', at the same time I send it to OPI.',
        ),
        p(
          'I understand OPI will investigate and issue a written decision within 60 days (',
          cite('complaint-timeline'),
          "). I am willing to take part in OPI's Early Assistance Program (",
          cite('mt-early-assistance'),
          ').',
        ),
      ),
      recipient: 'opi',
      notes: [
        'Only the printable letter is the complaint to file. The paragraph and the e-mail message tell the district that you are filing.',
        `Sign and date the complaint, then mail or deliver it to the ${OPI_ADDRESS_LINES.join(', ')} (phone ${OPI_PHONE}).`,
        'Send a copy to the district at the same time you send the complaint to OPI.',
        'OPI counts the one year back from the day it receives the complaint, so send it soon after you date it.',
        ...(changed.length > 0
          ? [
              'The complaint says you did not receive Prior Written Notice about the change to the services. If you did, remove that part.',
            ]
          : []),
        ...olderSessionsNote(ctx),
      ],
    };
  },
};
