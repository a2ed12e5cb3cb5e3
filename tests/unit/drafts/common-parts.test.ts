/**
 * What every letter to the district gets (issue 10, section 3): the educational-record request,
 * the "Enclosures:" line only when something is enclosed, the "cc:" line only when someone is
 * copied; and the follow-up suggestions (lib/drafts/suggest).
 */
import { describe, expect, it } from 'vitest';
import {
  buildDraftContext,
  DRAFT_KIND_IDS,
  followUpCandidates,
  kindsInOrder,
  letterOptions,
  renderDraft,
  suggestedKinds,
  type DraftContextInput,
} from '../../../lib/drafts';
import { letterSchema, profileSchema, type Letter } from '../../../lib/model';
import { profile, richInput, RICH_INPUTS } from './fixtures';

const RECORD =
  "Please place this letter in my child's educational record and confirm that you received it.";

function ctx(overrides: Partial<DraftContextInput> = {}) {
  return buildDraftContext(richInput({ inputs: RICH_INPUTS, ...overrides }));
}

const withNames = profileSchema.parse({
  ...profile,
  principalName: 'Pat Lee',
  caseManagerName: 'Sam Jones',
  coopName: 'Big Sky Cooperative',
  coopDirectorName: 'Chris Doe',
});

describe('the record request', () => {
  it.each(DRAFT_KIND_IDS.filter((k) => k !== 'state-complaint'))(
    '%s asks for it in the message and the document, before the closing',
    (kind) => {
      for (const form of ['message', 'document'] as const) {
        const text = renderDraft(kind, ctx(), form).text;
        if (kind === 'service-log-request') {
          expect(text).not.toContain(RECORD);
          continue;
        }
        expect(text).toContain(`${RECORD}\n\nSincerely,`);
      }
      expect(renderDraft(kind, ctx(), 'paragraph').text).not.toContain(RECORD);
    },
  );

  it('is not in the state complaint to OPI', () => {
    expect(renderDraft('state-complaint', ctx(), 'document').text).not.toContain(RECORD);
  });
});

describe('the Enclosures line', () => {
  it.each(DRAFT_KIND_IDS)('%s has none when nothing is enclosed', (kind) => {
    for (const form of ['paragraph', 'message', 'document'] as const) {
      expect(renderDraft(kind, ctx(), form).text).not.toMatch(/Enclosures:/);
    }
  });

  it('lists what is chosen, in order, after the signature, in the message and the document', () => {
    const context = ctx({
      enclosures: ['earlier-letters', 'service-log', 'iep-services-page', 'gap-summary'],
    });
    for (const form of ['message', 'document'] as const) {
      const text = renderDraft('service-concern', context, form).text;
      expect(text).toContain(
        'Enclosures: Service log for Sam Rivera, as of November 2, 2026 (each session I logged, with the minutes delivered or missed and the reason); Summary of the required, delivered and missed minutes for each service, as of November 2, 2026; Services page of the IEP (minutes and frequency); Copies of my letters of October 5, 2026 and October 22, 2026.',
      );
      expect(text.indexOf('Enclosures:')).toBeGreaterThan(text.indexOf('Parent of Sam Rivera'));
    }
    expect(renderDraft('service-concern', context, 'paragraph').text).not.toContain('Enclosures:');
  });

  it('prints "something else" in the sender\'s words, or a fill-in when empty', () => {
    const typed = ctx({ enclosures: ['other'], otherEnclosure: "the principal's e-mail" });
    expect(renderDraft('iee-request', typed, 'message').text).toContain(
      "Enclosures: The principal's e-mail.",
    );
    const empty = renderDraft('iee-request', ctx({ enclosures: ['other'] }), 'message');
    expect(empty.markers).toContain('[what else you are enclosing]');
  });

  it('is not added to the state complaint (it has its own attachments)', () => {
    const text = renderDraft(
      'state-complaint',
      ctx({ enclosures: ['service-log'] }),
      'document',
    ).text;
    expect(text).not.toContain('Enclosures:');
  });
});

describe('the cc line', () => {
  it.each(DRAFT_KIND_IDS)('%s has no cc line of its own when nobody is copied', (kind) => {
    const context = ctx({ profile: withNames });
    // The complaint's own copy line goes to the district, on the document filed with OPI; its
    // message form is the note telling the district, so it copies nobody.
    expect(renderDraft(kind, context, 'message').text).not.toContain('cc:');
    if (kind === 'state-complaint') {
      expect(renderDraft(kind, context, 'document').text).toContain('cc: Dana Whitcomb');
    }
  });

  it('copies the chosen people by name and title, after the Enclosures line', () => {
    const context = ctx({
      profile: withNames,
      enclosures: ['service-log'],
      cc: ['coop-director', 'principal', 'case-manager'],
    });
    for (const form of ['message', 'document'] as const) {
      const text = renderDraft('records-request', context, form).text;
      expect(text).toMatch(
        /\n\ncc: Pat Lee, Principal, Lincoln Elementary; Sam Jones, Case Manager; Chris Doe, Director, Big Sky Cooperative$/,
      );
      expect(text.indexOf('cc:')).toBeGreaterThan(text.indexOf('Enclosures:'));
    }
  });

  it('never copies the director on a letter to the director, but does on a letter to a provider', () => {
    const context = ctx({ profile: withNames, cc: ['director'] });
    expect(renderDraft('service-concern', context, 'message').text).not.toContain('cc:');
    expect(renderDraft('service-log-request', context, 'message').text).toMatch(
      /\n\ncc: Dana Whitcomb, Special Education Director$/,
    );
  });

  it('shows a fill-in for a chosen person whose name is not saved', () => {
    const draft = renderDraft('service-concern', ctx({ cc: ['principal'] }), 'document');
    expect(draft.text).toContain("cc: [principal's name], Principal, Lincoln Elementary");
    expect(draft.markers).toContain("[principal's name]");
  });

  it('keeps hostile names as text', () => {
    const hostile = profileSchema.parse({ ...profile, principalName: '<b onmouseover=x>Pat</b>' });
    const html = renderDraft(
      'service-concern',
      ctx({ profile: hostile, cc: ['principal'] }),
      'message',
    ).html;
    expect(html).toContain('cc: &lt;b onmouseover=x&gt;Pat&lt;/b&gt;, Principal');
  });
});

describe('follow-up suggestions', () => {
  const sent = (over: Partial<Letter>): Letter =>
    letterSchema.parse({
      id: 'x',
      studentId: 'stu-1',
      kind: 'service-concern',
      subject: 'Concern',
      status: 'sent',
      createdAt: 1,
      sentDate: '2026-10-01',
      method: 'email',
      requestedResponseDate: '2026-10-15',
      ...over,
    });

  it('offers a sent letter once its reply date has passed with no reply logged', () => {
    const letter = sent({});
    expect(followUpCandidates([letter], '2026-10-15')).toEqual([]);
    expect(followUpCandidates([letter], '2026-10-16')).toEqual([{ letter, due: '2026-10-15' }]);
    expect(followUpCandidates([{ ...letter, responseDate: '2026-10-14' }], '2026-10-20')).toEqual(
      [],
    );
  });

  it('counts the 45-day limit of a records request, and never a complaint, a confirmation or a draft', () => {
    const records = sent({ id: 'r', kind: 'records-request', requestedResponseDate: null });
    expect(followUpCandidates([records], '2026-11-15')).toEqual([]);
    expect(followUpCandidates([records], '2026-11-16')).toEqual([
      { letter: records, due: '2026-11-15' },
    ]);
    const others = [
      sent({ id: 'c', kind: 'state-complaint' }),
      sent({ id: 'k', kind: 'conversation-confirmation' }),
      sent({ id: 'd', status: 'draft', sentDate: null }),
      sent({ id: 'n', requestedResponseDate: null }),
    ];
    expect(followUpCandidates(others, '2027-01-01')).toEqual([]);
  });

  it('lists the most recently sent first', () => {
    const a = sent({ id: 'a', sentDate: '2026-10-01' });
    const b = sent({ id: 'b', sentDate: '2026-10-05', requestedResponseDate: '2026-10-10' });
    expect(followUpCandidates([a, b], '2026-11-01').map((c) => c.letter.id)).toEqual(['b', 'a']);
  });

  it('puts the follow-up first only when a reply is overdue', () => {
    const before = ctx();
    expect(suggestedKinds(before)).toEqual([]);
    // Without district records, the questions about the district's logs are not offered.
    const offered = DRAFT_KIND_IDS.filter((k) => k !== 'service-log-questions');
    expect(kindsInOrder(before).map((k) => k.id)).toEqual(offered);
    const after = ctx({ today: '2026-11-06' });
    expect(suggestedKinds(after)).toEqual(['follow-up']);
    expect(kindsInOrder(after)[0]!.id).toBe('follow-up');
    expect(kindsInOrder(after)).toHaveLength(offered.length);
  });

  it('offers the overdue letters first in the letter choice, then other unanswered ones', () => {
    const overdue = sent({ id: 'o', subject: 'Late one' });
    const waiting = sent({ id: 'w', sentDate: '2026-10-20', requestedResponseDate: '2026-11-20' });
    const answered = sent({ id: 'a', responseDate: '2026-10-10' });
    const complaint = sent({ id: 'c', kind: 'state-complaint', requestedResponseDate: null });
    const options = letterOptions(
      [waiting, answered, overdue, complaint],
      '2026-11-01',
      () => 'Title',
    );
    expect(options).toEqual([
      { value: 'o', label: 'October 1, 2026: Late one (reply was due October 15, 2026)' },
      { value: 'w', label: 'October 20, 2026: Concern' },
    ]);
  });
});
