/**
 * Step 5's groundwork: a written follow-up when a letter's reply date has passed with no reply.
 * A dated record of the request and of the silence is what a state complaint later relies on.
 */
import type { Letter } from '../../model';
import { blocks, inline, marker, p, ul, type Inline } from '../blocks';
import { childName, optionalClause, optionalInput, parentOf, responseBy } from '../facts';
import { followUpCandidates, NO_FOLLOW_UP } from '../suggest';
import type { DraftContext, DraftKind, SentLetter } from '../types';
import { longDate } from '../words';

/** What each kind of letter asked for, to finish "I wrote on <date> asking for …". */
const ASKED_FOR: Record<string, string> = {
  'records-request': "access to my child's service logs and progress-monitoring data",
  'service-concern':
    'a written explanation of why the IEP services are not being provided, and a written plan to provide them and make up the missed minutes',
  'pwn-request': "Prior Written Notice for the change made to my child's services",
  'compensatory-services':
    'a written plan to make up the missed service minutes (compensatory services)',
  'progress-data-request':
    "the progress-monitoring data and other information behind the proposal to reduce my child's services",
  'iee-request': 'an independent educational evaluation at public expense',
  'teletherapy-inquiry':
    'what the district is doing to provide the service while there is no in-person provider, including by teletherapy',
  'iep-meeting-request': 'an IEP meeting',
  'transfer-comparable-services': 'comparable services for my child from the day of enrollment',
  'staffing-vacancy':
    'a plan to provide the services while the position is vacant and to make up the missed minutes',
  'service-log-request': "a copy of the provider's service and attendance logs",
  'service-log-questions':
    "an explanation of the dates where the district's service logs and mine disagree, and a plan to make up the sessions its own logs show as not provided",
  'follow-up': 'a reply to my earlier letter',
};

const METHOD_WORDS: Record<NonNullable<Letter['method']>, string> = {
  email: 'by e-mail',
  mail: 'by mail',
  hand: 'delivered by hand',
};

/**
 * The letter being followed up: the one chosen, else the most recent one whose reply date passed
 * with no reply, else the most recent sent letter with no reply logged.
 */
function chosenLetter(ctx: DraftContext): SentLetter | null {
  const id = optionalInput(ctx, 'letter');
  const byId = id ? ctx.letters.find((l) => l.letter.id === id) : undefined;
  if (byId) return byId;
  const overdue = followUpCandidates(
    ctx.letters.map((l) => l.letter),
    ctx.today,
  )[0];
  if (overdue) return ctx.letters.find((l) => l.letter.id === overdue.letter.id) ?? null;
  const unanswered = ctx.letters.filter(
    (l) => !l.letter.responseDate && !NO_FOLLOW_UP.has(l.letter.kind),
  );
  return unanswered[unanswered.length - 1] ?? null;
}

/** "asking for an IEP meeting", from the input, the kind, or a fill-in. */
function askedFor(ctx: DraftContext, earlier: SentLetter | null): Inline {
  return (
    optionalClause(ctx, 'asked') ??
    (earlier ? ASKED_FOR[earlier.letter.kind] : undefined) ??
    marker('what your letter asked for')
  );
}

/**
 * "I wrote on October 22, 2026, by mail, asking for …; I have not had a reply. I had asked for
 * one by November 5, 2026."
 */
function wroteSentence(ctx: DraftContext, earlier: SentLetter | null): Inline[] {
  const letter = earlier?.letter;
  const sent = letter?.sentDate ? longDate(letter.sentDate) : marker('date of your letter');
  const how = letter?.method ? ` ${METHOD_WORDS[letter.method]},` : '';
  const by = letter?.requestedResponseDate
    ? ` I had asked for one by ${longDate(letter.requestedResponseDate)}.`
    : '';
  return inline(
    'I wrote on ',
    sent,
    ',',
    how,
    ' asking for ',
    askedFor(ctx, earlier),
    '; I have not had a reply.',
    by,
  );
}

/** Other letters still waiting past their reply date, to list in the full letter. */
function otherUnanswered(ctx: DraftContext, earlier: SentLetter | null): Inline[][] {
  return followUpCandidates(
    ctx.letters.map((l) => l.letter),
    ctx.today,
  )
    .filter((c) => c.letter.id !== earlier?.letter.id)
    .reverse()
    .map((c) => {
      const title = ctx.letters.find((l) => l.letter.id === c.letter.id)?.kindTitle ?? 'Letter';
      return inline(
        `my letter of ${longDate(c.letter.sentDate!)} (${title}), reply asked for by ${longDate(c.due)}`,
      );
    });
}

export const followUp: DraftKind = {
  id: 'follow-up',
  title: 'Follow-up: no reply to my letter',
  description:
    'Use this when the reply date you asked for has passed and the district has not answered.',
  inputs: [
    {
      id: 'letter',
      label: 'The letter you are following up',
      type: 'letter',
      required: true,
      help: 'Your sent letters whose reply date has passed with no reply logged are listed first.',
    },
    {
      id: 'asked',
      label: 'What that letter asked for (optional)',
      type: 'text',
      required: false,
      help: 'Leave it empty to use what that kind of letter asks for, for example "an IEP meeting".',
    },
  ],
  citations: [],
  render(ctx) {
    const earlier = chosenLetter(ctx);
    const subjectLine = earlier?.letter.subject.trim();
    const others = otherUnanswered(ctx, earlier);
    const sentDate = earlier?.letter.sentDate;
    return {
      subject: inline(
        'Follow-up: no reply to my letter of ',
        sentDate ? longDate(sentDate) : marker('date of your letter'),
        ', about ',
        childName(ctx),
      ),
      paragraph: blocks(
        p(wroteSentence(ctx, earlier)),
        p('Please reply in writing by ', responseBy(ctx), '.'),
      ),
      body: blocks(
        p(parentOf(ctx), ' ', wroteSentence(ctx, earlier)),
        subjectLine && p(`The subject of that letter was "${subjectLine}".`),
        others.length > 0 && p('I also have no reply yet to:'),
        others.length > 0 && ul(others),
        p(
          'Please reply in writing by ',
          responseBy(ctx),
          '. If the district needs more time, please tell me by then when I will have an answer, and why.',
        ),
        p(
          'I am keeping copies of my letters and of any replies. If I do not hear from you, I will consider my other options, including a state complaint to the Office of Public Instruction.',
        ),
      ),
      recipient: 'district',
      notes: [
        earlier
          ? 'If a reply did come, log it on the Letters page instead: then no follow-up is needed.'
          : 'None of your sent letters has a passed reply date with no reply logged. Choose the letter to follow up, or record it on the Letters page first.',
        'Keep this follow-up and any reply. A dated record of your written requests, and of the district not answering them, is part of the facts of a state complaint.',
      ],
    };
  },
};
