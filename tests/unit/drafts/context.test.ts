import { describe, expect, it } from 'vitest';
import { buildDraftContext, renderDraft } from '../../../lib/drafts';
import { formatMinutes } from '../../../lib/drafts/words';
import { calendarSchema, letterSchema, serviceSchema } from '../../../lib/model';
import {
  calendar,
  emptyContext,
  entry,
  ot,
  richContext,
  richInput,
  richLetters,
  speech,
} from './fixtures';

const counseling = serviceSchema.parse({
  id: 'svc-counseling',
  studentId: 'stu-1',
  kind: 'counseling',
  minutes: 30,
  period: 'week',
  startDate: '2026-10-19',
  endDate: '2027-05-28',
});
const fullyDelivered = [
  entry(counseling, '2026-10-20', 30, null, { scheduledMinutes: 30 }),
  entry(counseling, '2026-10-27', 30, null, { scheduledMinutes: 30 }),
];

describe('buildDraftContext', () => {
  it('computes each service gap through lib/gap', () => {
    const ctx = richContext();
    const speechFacts = ctx.allServices.find((f) => f.service.id === 'svc-speech')!;
    expect(speechFacts.asWritten).toBe(
      '60 minutes of speech-language therapy per week (2 sessions)',
    );
    expect(speechFacts.gap).toMatchObject({ expected: 504, delivered: 330, madeUp: 30, owed: 120 });
    expect(speechFacts.gap.excused).toBe(30);
  });

  it('covers the services with a problem by default, or exactly the ones chosen', () => {
    const input = richInput({
      services: [speech, ot, counseling],
      sessions: [...richInput().sessions, ...fullyDelivered],
    });
    const byDefault = buildDraftContext(input);
    expect(byDefault.services.map((f) => f.service.id)).toEqual(['svc-speech', 'svc-ot']);
    expect(byDefault.allServices).toHaveLength(3);
    const chosen = buildDraftContext({ ...input, serviceIds: ['svc-counseling'] });
    expect(chosen.services.map((f) => f.service.id)).toEqual(['svc-counseling']);
    expect(renderDraft('service-concern', chosen, 'message').text).toContain(
      'All of the required minutes I can count were delivered or made up.',
    );
  });

  it('covers every service when none has a problem', () => {
    const ctx = buildDraftContext(
      richInput({ services: [counseling], sessions: fullyDelivered, letters: [] }),
    );
    expect(ctx.services.map((f) => f.service.id)).toEqual(['svc-counseling']);
  });

  it("ignores other students' services and letters", () => {
    const other = serviceSchema.parse({ ...speech, id: 'svc-x', studentId: 'stu-9' });
    const otherLetter = letterSchema.parse({ ...richLetters()[0], id: 'lx', studentId: 'stu-9' });
    const ctx = buildDraftContext(
      richInput({ services: [speech, other], letters: [...richLetters(), otherLetter] }),
    );
    expect(ctx.allServices.map((f) => f.service.id)).toEqual(['svc-speech']);
    expect(ctx.letters.map((l) => l.letter.id)).toEqual(['l1', 'l2']);
  });

  it('keeps only sent letters, oldest first, with the title of their kind', () => {
    const [first, second] = richLetters();
    const ctx = buildDraftContext(richInput({ letters: [second!, first!] }));
    expect(ctx.letters.map((l) => [l.letter.id, l.kindTitle])).toEqual([
      ['l1', 'Services not delivered: written concern'],
      ['l2', 'Request for compensatory services (make-up of missed services)'],
    ]);
  });

  it('asks for a reply 10 school days after today, skipping closures and four-day weeks', () => {
    expect(richContext().responseDate).toBe('2026-11-16');
    // From Friday November 20: Thanksgiving (November 25-27) is closed.
    expect(richContext({ today: '2026-11-20' }).responseDate).toBe('2026-12-09');
    const fourDay = calendarSchema.parse({ ...calendar, weekdays: [1, 2, 3, 4] });
    expect(richContext({ calendar: fourDay }).responseDate).toBe('2026-11-18');
  });

  it('uses an edited response date, and a marker when there is no calendar', () => {
    const edited = richContext({ responseDate: '2026-12-01' });
    expect(edited.responseDate).toBe('2026-12-01');
    expect(renderDraft('iee-request', edited, 'message').text).toContain('by December 1, 2026');
    const none = emptyContext();
    expect(none.responseDate).toBeNull();
    expect(renderDraft('iee-request', none, 'message').markers).toContain(
      '[date you want a reply by]',
    );
  });

  it('sets the state complaint window to one year before today', () => {
    expect(richContext().complaintWindowStart).toBe('2025-11-02');
  });
});

describe('the state complaint one-year window', () => {
  // A long calendar so that sessions more than a year old are inside it.
  const longCalendar = calendarSchema.parse({
    ...calendar,
    firstDay: '2025-08-25',
    closures: [],
  });
  const weekly = serviceSchema.parse({ ...ot, id: 'svc-long', startDate: '2025-08-25' });
  const sessions = [
    entry(weekly, '2025-09-03', 0, 'provider-absent'), // more than a year before TODAY
    entry(weekly, '2025-10-29', 0, 'provider-absent'), // also older than 2025-11-02
    entry(weekly, '2026-10-21', 0, 'provider-absent'),
  ];
  const ctx = buildDraftContext(
    richInput({ calendar: longCalendar, services: [weekly], sessions, letters: [] }),
  );
  const facts = ctx.services[0]!;

  it('counts only from the first whole week inside the year', () => {
    expect(facts.gap.countedFrom).toBe('2025-08-25');
    expect(facts.recentGap.countedFrom).toBe('2025-11-03');
    expect(facts.recentGap.missedSessions.map((s) => s.date)).toEqual(['2026-10-21']);
  });

  it('leaves older sessions out of the table and flags them for the parent', () => {
    const draft = renderDraft('state-complaint', ctx, 'document');
    expect(draft.text).toContain('October 21, 2026 | 30 | 0 | 30 | Provider absent');
    expect(draft.text).not.toContain('September 3, 2025');
    expect(draft.text).not.toContain('October 29, 2025');
    expect(draft.notes).toContain(
      '2 missed sessions from before November 2, 2025 are more than one year old, so they are left out of this complaint. A state complaint can only cover problems from the year before OPI receives it.',
    );
    // Letters to the district still use the whole record.
    expect(renderDraft('compensatory-services', ctx, 'message').text).toContain(
      'September 3, 2025',
    );
  });

  it('asks for the complaint-window minutes only', () => {
    const text = renderDraft('state-complaint', ctx, 'document').text;
    expect(text).toContain(
      `shares with me: at least ${formatMinutes(facts.recentGap.owed)} of occupational therapy`,
    );
    expect(facts.recentGap.owed).toBeLessThan(facts.gap.owed);
  });
});

describe('notes for the sender', () => {
  it('says when the transfer draft assumes a move within Montana', () => {
    const ctx = richContext({ inputs: { enrollmentDate: '2026-09-08' } });
    const draft = renderDraft('transfer-comparable-services', ctx, 'message');
    expect(draft.notes).toEqual([
      'Choose where the old district is. Until you do, the draft uses the rule for a move within Montana.',
    ]);
    expect(draft.text).not.toContain('Choose where');
  });
});
