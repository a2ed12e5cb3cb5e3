/**
 * Things said aloud leave no record ("we are short on therapists"). This letter puts a
 * conversation in writing, addressed to the person who spoke, and asks them to say if anything
 * in it is wrong: their silence then confirms it.
 */
import { blocks, inline, marker, p, ul, type Inline } from '../blocks';
import {
  childName,
  dateInput,
  inputSentences,
  optionalClause,
  parentOf,
  responseBy,
  schoolName,
} from '../facts';
import type { DraftContext, DraftKind } from '../types';
import { capitalize } from '../../text';

/** A textarea's lines as list items, each ending with punctuation; null when empty. */
function statements(ctx: DraftContext, id: string): Inline[][] | null {
  const text = ctx.inputs[id]?.trim();
  if (!text) return null;
  const items = text
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/^[-*•]\s*/, ''))
    .filter(Boolean)
    .map((line) => [/[.!?)"'"]$/.test(line) ? line : `${line}.`]);
  return items.length > 0 ? items : null;
}

export const conversationConfirmation: DraftKind = {
  id: 'conversation-confirmation',
  title: 'Confirm a conversation in writing',
  description:
    'Use this when someone at the school told you something important aloud, in person or by phone.',
  inputs: [
    {
      id: 'conversationDate',
      label: 'Date of the conversation',
      type: 'date',
      required: true,
      help: 'The day you talked.',
    },
    {
      id: 'person',
      label: 'Who you talked with',
      type: 'text',
      required: true,
      help: 'Their name, as you would greet them: for example "Ms. Lopez".',
    },
    {
      id: 'role',
      label: 'Their role (optional)',
      type: 'text',
      required: false,
      help: 'For example "principal" or "speech-language pathologist".',
    },
    {
      id: 'how',
      label: 'Where or how you talked (optional)',
      type: 'text',
      required: false,
      help: 'For example "by phone" or "at school pick-up".',
    },
    {
      id: 'said',
      label: 'What they told you',
      type: 'textarea',
      required: true,
      help: 'One point per line, in their words where you can: for example "We are short on therapists this fall."',
    },
    {
      id: 'agreed',
      label: 'What was agreed or promised (optional)',
      type: 'textarea',
      required: false,
      help: 'One point per line: for example "Speech therapy will restart the week of November 9."',
    },
    {
      id: 'ask',
      label: 'What you are asking for now (optional)',
      type: 'textarea',
      required: false,
      help: 'For example "Please tell me in writing when the missed sessions will be made up."',
    },
  ],
  citations: [],
  render(ctx) {
    const date = dateInput(ctx, 'conversationDate', 'date of the conversation');
    const person = optionalClause(ctx, 'person');
    const role = optionalClause(ctx, 'role');
    const how = optionalClause(ctx, 'how');
    const said = statements(ctx, 'said');
    const agreed = statements(ctx, 'agreed');
    const ask = inputSentences(ctx, 'ask');
    const saidList = said ?? [[marker('what they told you')]];
    const intro = inline(
      'To confirm what we discussed on ',
      date,
      how ? `, ${how}` : '',
      ', about ',
    );
    const correct = inline(
      'If I have misunderstood or left out anything, please tell me in writing by ',
      responseBy(ctx),
      '. If I do not hear from you, I will take this summary as accurate.',
    );
    return {
      subject: inline('Confirming our conversation of ', date, ', about ', childName(ctx)),
      paragraph: blocks(
        p(intro, childName(ctx), "'s IEP services, you told me:"),
        ul(saidList),
        agreed && p('We agreed:'),
        agreed && ul(agreed),
        p(correct, ask ? ` ${ask}` : ''),
      ),
      body: blocks(
        p(parentOf(ctx)),
        p(intro, "my child's IEP services, you told me:"),
        ul(saidList),
        agreed && p('We agreed:'),
        agreed && ul(agreed),
        ask && p(ask),
        p(correct),
      ),
      recipient: 'person',
      fileInRecord: true,
      addressee: {
        name: person ?? marker('name of the person you talked with'),
        lines: [role ? [capitalize(role)] : [], [schoolName(ctx)]].filter((l) => l.length > 0),
      },
      notes: [
        'Send this within a day or two, while the conversation is fresh. Write what was said as closely as you remember it, without adding what you think it meant.',
        'To keep the director informed, copy them (cc) below.',
      ],
    };
  },
};
