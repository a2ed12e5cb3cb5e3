/**
 * The three kinds added for evidence-grade letters (issue 10, section 4): the follow-up, the
 * service-log request to the provider or cooperative, and the confirmation of a conversation.
 * What each must contain, no fill-ins when the data exists, and hostile text stays text.
 */
import { describe, expect, it } from 'vitest';
import {
  buildDraftContext,
  DRAFT_FORMS,
  DRAFT_KIND_IDS,
  renderDraft,
  type DraftKindId,
} from '../../../lib/drafts';
import { letterSchema, profileSchema } from '../../../lib/model';
import { hasUnsafeMarkup, JUNK } from './checks';
import { emptyContext, profile, richInput, RICH_INPUTS, TODAY } from './fixtures';

const NEW_KINDS: DraftKindId[] = ['follow-up', 'service-log-request', 'conversation-confirmation'];

/** The rich fixture a week later: the compensatory letter's reply date (Nov 5) has passed. */
const LATER = '2026-11-09';

function render(
  kind: DraftKindId,
  options: {
    inputs?: Record<string, string>;
    today?: string;
    form?: 'paragraph' | 'message' | 'document';
  } = {},
) {
  const ctx = buildDraftContext(
    richInput({ inputs: options.inputs ?? RICH_INPUTS, today: options.today ?? TODAY }),
  );
  return renderDraft(kind, ctx, options.form ?? 'message');
}

describe('follow-up', () => {
  it('says when the parent wrote, what they asked for, and that no reply came', () => {
    const draft = render('follow-up', { today: LATER });
    expect(draft.text).toContain(
      'I wrote on October 22, 2026, by mail, asking for a written plan to make up the missed service minutes (compensatory services); I have not had a reply. I had asked for one by November 5, 2026.',
    );
    expect(draft.text).toContain(
      'The subject of that letter was "Request to make up missed IEP services for Sam Rivera".',
    );
    expect(draft.text).toContain('Please reply in writing by');
    expect(draft.subject).toBe(
      'Follow-up: no reply to my letter of October 22, 2026, about Sam Rivera',
    );
    expect(draft.markers).toEqual([]);
  });

  it('follows up the letter chosen in the input, with the words typed for what it asked', () => {
    const draft = render('follow-up', {
      today: LATER,
      inputs: { letter: 'l1', asked: 'a plan for speech therapy.' },
    });
    expect(draft.text).toContain(
      'I wrote on October 5, 2026, by e-mail, asking for a plan for speech therapy; I have not had a reply.',
    );
  });

  it('lists the other letters still waiting past their reply date', () => {
    const letters = [
      ...richInput().letters,
      letterSchema.parse({
        id: 'l4',
        studentId: 'stu-1',
        kind: 'iep-meeting-request',
        subject: 'Request for an IEP meeting',
        status: 'sent',
        createdAt: 4,
        sentDate: '2026-10-26',
        method: 'email',
        requestedResponseDate: '2026-11-06',
      }),
    ];
    const ctx = buildDraftContext(richInput({ letters, today: LATER, inputs: {} }));
    const text = renderDraft('follow-up', ctx, 'message').text;
    // The most recently sent overdue letter is the one followed up…
    expect(text).toContain('I wrote on October 26, 2026, by e-mail, asking for an IEP meeting');
    // …and the other one is listed.
    expect(text).toMatch(
      /I also have no reply yet to:\n\n- my letter of October 22, 2026 \(.+\), reply asked for by November 5, 2026/,
    );
  });

  it('reads as a sentence for every kind it can follow up', () => {
    const followed = DRAFT_KIND_IDS.filter(
      (k) => k !== 'state-complaint' && k !== 'conversation-confirmation',
    );
    for (const kind of followed) {
      const letter = letterSchema.parse({
        ...richInput().letters[1],
        kind,
        id: `k-${kind}`,
      });
      const ctx = buildDraftContext(
        richInput({ letters: [letter], today: LATER, inputs: { letter: letter.id } }),
      );
      const text = renderDraft('follow-up', ctx, 'paragraph').text;
      expect(text, kind).toMatch(/asking for (a|an|access|Prior|the|what|comparable) /);
      expect(text, kind).not.toMatch(/asking for to|\[what your letter asked for\]/);
    }
  });

  it('keeps the paragraph short: what was asked, and the reply date', () => {
    const draft = render('follow-up', { today: LATER, form: 'paragraph' });
    expect(draft.text.split('\n\n')).toHaveLength(2);
    expect(draft.text).toMatch(/^I wrote on October 22, 2026, by mail, asking for/);
    expect(draft.text).not.toContain('Sincerely');
  });

  it('asks for the missing letter as a fill-in when nothing was sent', () => {
    const draft = renderDraft('follow-up', emptyContext(), 'message');
    expect(draft.markers).toContain('[date of your letter]');
    expect(draft.markers).toContain('[what your letter asked for]');
  });
});

describe('service-log request', () => {
  it('is addressed to the provider of the chosen service, not the director', () => {
    const message = render('service-log-request').text;
    expect(message).toMatch(/^Dear Jo Hart,/);
    expect(message).not.toContain('Dana Whitcomb');
    const doc = render('service-log-request', { form: 'document' }).text;
    expect(doc).toContain(
      '\n\nJo Hart\nSpeech-language therapy provider\nPine Valley School District\n',
    );
  });

  it('asks for each session, missed sessions with reasons, make-ups, for the service and period', () => {
    const t = render('service-log-request').text;
    expect(t).toContain('60 minutes of speech-language therapy per week (2 sessions)');
    expect(t).toContain(
      "Could you please send me a copy of your service log for Sam Rivera's speech-language therapy from August 31 to November 2, 2026?",
    );
    expect(t).toContain('each scheduled session that was missed, cancelled or cut short, and why');
    expect(t).toContain('any make-up sessions, with their dates');
    expect(t).toContain('(34 C.F.R. § 300.613(a))');
  });

  it('names the weeks with no record, and never says a partly logged week has no entry', () => {
    const ctx = buildDraftContext(richInput({ inputs: RICH_INPUTS }));
    const speech = ctx.allServices.find((f) => f.service.id === 'svc-speech')!;
    const t = renderDraft('service-log-request', ctx, 'message').text;
    const periods = speech.gap.unaccountedPeriods;
    const none = periods.filter((p) => p.regularEntries === 0);
    const part = periods.filter((p) => p.regularEntries > 0);
    expect(periods.length).toBeGreaterThan(0);
    if (none.length > 0) expect(t).toContain('My own log has no entry, delivered or missed, for');
    else expect(t).not.toContain('no entry');
    if (part.length > 0) expect(t).toContain('accounts for only part of the scheduled time in');
    else expect(t).not.toContain('only part of');
  });

  it('goes to the cooperative director from Your details when chosen', () => {
    const withCoop = profileSchema.parse({
      ...profile,
      coopName: 'Big Sky Cooperative',
      coopDirectorName: 'Chris Doe',
    });
    const ctx = buildDraftContext(
      richInput({ profile: withCoop, inputs: { ...RICH_INPUTS, sendTo: 'cooperative' } }),
    );
    const doc = renderDraft('service-log-request', ctx, 'document').text;
    expect(doc).toContain('\n\nChris Doe\nDirector\nBig Sky Cooperative\n');
    expect(doc).toContain('Dear Chris Doe,');
    expect(doc).toContain('provided through your cooperative');
  });

  it('says the log is enclosed only when it is', () => {
    const ctx = (enclosures: ('service-log' | 'gap-summary')[]) =>
      buildDraftContext(richInput({ inputs: RICH_INPUTS, enclosures }));
    const sentence = 'My own log is enclosed';
    expect(renderDraft('service-log-request', ctx(['service-log']), 'message').text).toContain(
      sentence,
    );
    expect(renderDraft('service-log-request', ctx(['gap-summary']), 'message').text).not.toContain(
      sentence,
    );
  });
});

describe('conversation confirmation', () => {
  it('confirms the date, what was said, and asks for a correction by the reply date', () => {
    const t = render('conversation-confirmation').text;
    expect(t).toMatch(/^Dear Ms\. Lopez,/);
    expect(t).toContain(
      "To confirm what we discussed on October 30, 2026, about my child's IEP services, you told me:\n\n- We are short on therapists this fall.\n- Speech therapy should restart after Thanksgiving.",
    );
    expect(t).toContain(
      'If I have misunderstood or left out anything, please tell me in writing by November 16, 2026.',
    );
    expect(t).toContain("Please place this letter in my child's educational record");
    const doc = render('conversation-confirmation', { form: 'document' }).text;
    expect(doc).toContain('\n\nMs. Lopez\nPrincipal\nLincoln Elementary\n');
  });

  it('adds how they talked, what was agreed and what the parent asks', () => {
    const t = render('conversation-confirmation', {
      inputs: {
        ...RICH_INPUTS,
        how: 'by phone',
        agreed: '- Two make-up sessions in December',
        ask: 'Please send me the make-up schedule',
      },
    }).text;
    expect(t).toContain('on October 30, 2026, by phone, about');
    expect(t).toContain('We agreed:\n\n- Two make-up sessions in December.');
    expect(t).toContain('Please send me the make-up schedule.');
  });

  it('leaves fill-ins for the date, the person and what was said when they are empty', () => {
    const draft = renderDraft('conversation-confirmation', emptyContext(), 'message');
    expect(draft.markers).toEqual(
      expect.arrayContaining([
        '[date of the conversation]',
        '[name of the person you talked with]',
        '[what they told you]',
      ]),
    );
  });
});

describe('the new kinds with hostile text', () => {
  const hostile = '<img src=x onerror=alert(1)> "quoted" & \'single\' </p><script>x</script>';
  const inputs = {
    ...RICH_INPUTS,
    asked: hostile,
    name: hostile,
    person: hostile,
    role: hostile,
    how: hostile,
    said: `${hostile}\n${hostile}`,
    agreed: hostile,
    ask: hostile,
  };

  it.each(NEW_KINDS)('%s keeps typed text as text in every form', (kind) => {
    const ctx = buildDraftContext(
      richInput({ inputs, today: LATER, enclosures: ['other'], otherEnclosure: hostile }),
    );
    for (const form of DRAFT_FORMS) {
      const draft = renderDraft(kind, ctx, form);
      expect(hasUnsafeMarkup(draft.html), `${kind} ${form}`).toBe(false);
      expect(draft.html).not.toMatch(/<script|<img/);
      expect(draft.text).not.toMatch(JUNK);
    }
    const message = renderDraft(kind, ctx, 'message');
    expect(message.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(message.html).toContain('Enclosures: &lt;img');
  });
});
