/** The seed's closing advice: a meeting can be requested at any time, in writing. */
import { isIsoDate, monthNumberOf, parseIsoDate, type IsoDate } from '../../dates';
import { blocks, inline, marker, p, ul, type Inline } from '../blocks';
import { cite } from '../citations';
import {
  childName,
  inputSentences,
  logEnclosed,
  optionalClause,
  optionalInput,
  owedPhrase,
  parentOf,
  reductionSentence,
  replyBefore,
  trimEnd,
} from '../facts';
import type { DraftContext, DraftKind } from '../types';
import { formatMinutes } from '../words';
import { capitalize } from '../../text';

/**
 * The calendar date a proposed time names ("Tuesday, November 10, after 3:30 p.m.", "Nov 10",
 * "2026-11-10"), or null. Without a year, the first such date on or after today.
 */
export function dateInText(text: string, today: IsoDate): IsoDate | null {
  const iso = /\b(\d{4}-\d{2}-\d{2})\b/.exec(text)?.[1];
  if (iso && isIsoDate(iso)) return iso;
  const named =
    /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?/i.exec(
      text,
    );
  if (!named) return null;
  const month = monthNumberOf(named[1]!)!;
  const day = Number(named[2]);
  const build = (year: number) =>
    `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (named[3]) return isIsoDate(build(Number(named[3]))) ? build(Number(named[3])) : null;
  const year = parseIsoDate(today)!.year;
  for (const y of [year, year + 1]) {
    const date = build(y);
    if (isIsoDate(date) && date >= today) return date;
  }
  return null;
}

/** Topics from the tracker's data: each service with minutes owed or a reduction, then make-up. */
function dataTopics(ctx: DraftContext): Inline[][] {
  const owing = ctx.services.filter((f) => f.gap.owed > 0 || reductionSentence(f.gap) !== '');
  const topics = owing.map((f) =>
    inline(
      capitalize(f.asWritten),
      f.gap.owed > 0
        ? `: ${formatMinutes(f.gap.owed)} ${f.gap.owed === 1 ? 'has' : 'have'} not been provided or made up`
        : '',
      reductionSentence(f.gap) && `. ${reductionSentence(f.gap).replace(/\.$/, '')}`,
    ),
  );
  if (owing.length > 0) {
    topics.push(
      owing.some((f) => f.gap.owed > 0)
        ? inline(
            'A plan to deliver the services as written and to make up the ',
            owedPhrase(owing),
            ' missed',
          )
        : inline('A plan to deliver the services as written'),
    );
  }
  return topics;
}

/** True when the last item ends with an abbreviation's period ("a.m."), so no period is added. */
function endsWithPeriod(items: Inline[][]): boolean {
  const last = items[items.length - 1]?.at(-1);
  return typeof last === 'string' && last.endsWith('.');
}

/** User-entered lines, one topic or time per line. */
function lineItems(ctx: DraftContext, id: string): Inline[][] {
  return (optionalInput(ctx, id) ?? '')
    .split(/\r?\n/)
    .map((line) => trimEnd(line.replace(/^[-*•\s]+/, '')))
    .filter(Boolean)
    .map((line) => [line]);
}

export const iepMeetingRequest: DraftKind = {
  id: 'iep-meeting-request',
  title: 'Request for an IEP meeting',
  description:
    'Use this when you want the IEP team to meet now, without waiting for the annual review.',
  inputs: [
    {
      id: 'topics',
      label: 'Topics (optional)',
      type: 'textarea',
      required: false,
      help: 'One per line. The draft already lists the services with missed minutes.',
    },
    {
      id: 'times',
      label: 'Times that work for you',
      type: 'textarea',
      required: true,
      help: 'Two or three dates and times, one per line. For example: "Tuesday, November 10, after 3:30 p.m."',
    },
    {
      id: 'attendees',
      label: 'People you would like there (optional)',
      type: 'text',
      required: false,
      help: 'For example: "the speech-language pathologist and the classroom teacher".',
    },
    {
      id: 'note',
      label: 'Anything else (optional)',
      type: 'textarea',
      required: false,
      help: 'For example: "I would like to bring an advocate."',
    },
  ],
  citations: ['parent-participation'],
  render(ctx) {
    const topics = [...dataTopics(ctx), ...lineItems(ctx, 'topics')];
    const times = lineItems(ctx, 'times');
    const attendees = optionalClause(ctx, 'attendees');
    const note = inputSentences(ctx, 'note');
    const topicList = topics.length > 0 ? topics : [[marker('what you want the team to discuss')]];
    const timeList =
      times.length > 0 ? times : [[marker('two or three dates and times that work for you')]];
    // The reply is asked for before the first proposed time, never after it.
    const first = times
      .map((t) => dateInText(String(t[0]), ctx.today))
      .filter((d): d is IsoDate => d !== null)
      .sort()[0];
    const replyBy = replyBefore(ctx, first ?? null);
    return {
      subject: inline('Request for an IEP meeting for ', childName(ctx)),
      paragraph: blocks(
        p(
          'I am requesting an IEP team meeting for my child, ',
          childName(ctx),
          ', to talk about ',
          topics.length > 0
            ? 'the services that have not been delivered as the IEP is written'
            : topicList[0]!,
          '. I do not want to wait for the annual review.',
        ),
        p(
          'These times work for me: ',
          timeList.flatMap((t, i) => (i === 0 ? t : ['; ', ...t])),
          endsWithPeriod(timeList) ? ' Please let me know by ' : '. Please let me know by ',
          replyBy,
          ', which one works, or suggest others.',
        ),
      ),
      body: blocks(
        p(
          parentOf(ctx),
          ' I am requesting an IEP team meeting. I do not want to wait for the annual review.',
        ),
        p('I would like the team to discuss:'),
        ul(topicList),
        topics.length > lineItems(ctx, 'topics').length && logEnclosed(ctx),
        p('These times work for me:'),
        ul(timeList),
        attendees && p('Please invite ', attendees, '.'),
        note && p(note),
        p(
          'I would like to take part, at a time and place we agree on (',
          cite('parent-participation'),
          '). Please let me know by ',
          replyBy,
          ', which time works, or suggest others, and who will attend. Thank you.',
        ),
      ),
      recipient: 'district',
      notes: [],
    };
  },
};
