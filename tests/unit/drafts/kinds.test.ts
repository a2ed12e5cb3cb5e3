import { describe, expect, it } from 'vitest';
import {
  DRAFT_FORMS,
  DRAFT_KIND_IDS,
  draftKinds,
  getDraftKind,
  renderDraft,
  type DraftContext,
  type DraftKindId,
} from '../../../lib/drafts';
import { JUNK, citedKeys, hasUnsafeMarkup, unknownCitations } from './checks';
import { RICH_INPUTS, emptyContext, richContext } from './fixtures';

const rich = richContext();
/** The rich data without the district's logs: the figures of the parent's log alone. */
const plain = richContext({ districtRecords: [], districtImports: [] });
const empty = emptyContext();

/** Kinds addressed to a named person rather than the director: whom the rich context greets. */
const TO_PERSON: Partial<Record<DraftKindId, string>> = {
  'service-log-request': 'Jo Hart',
  'conversation-confirmation': 'Ms. Lopez',
};

function text(
  kind: DraftKindId,
  ctx: DraftContext = rich,
  form: 'paragraph' | 'message' | 'document' = 'message',
) {
  return renderDraft(kind, ctx, form).text;
}

describe.each(DRAFT_KIND_IDS)('%s', (kindId) => {
  const kind = draftKinds.find((k) => k.id === kindId)!;

  it.each(DRAFT_FORMS)('renders the %s form from a rich context, complete and clean', (form) => {
    const draft = renderDraft(kindId, rich, form);
    expect(draft.kind).toBe(kindId);
    expect(draft.subject.length).toBeGreaterThan(10);
    expect(draft.text).not.toMatch(JUNK);
    expect(draft.html).not.toMatch(JUNK);
    expect(hasUnsafeMarkup(draft.html)).toBe(false);
    expect(unknownCitations(draft.text)).toBe('');
    // A kind prints only the citations it declares.
    for (const key of citedKeys(draft.text)) expect(kind.citations).toContain(key);
    // The rich context fills in everything: no markers left.
    expect(draft.markers).toEqual([]);
    expect(draft.text).not.toMatch(/\[[^\]]*\]/);
  });

  it.each(DRAFT_FORMS)('renders the %s form from an almost empty context with markers', (form) => {
    const draft = renderDraft(kindId, empty, form);
    expect(draft.text).not.toMatch(JUNK);
    expect(draft.html).not.toMatch(JUNK);
    expect(hasUnsafeMarkup(draft.html)).toBe(false);
    expect(unknownCitations(draft.text)).toBe('');
    expect(draft.markers.length).toBeGreaterThan(0);
    for (const m of draft.markers) expect(`${draft.subject}\n${draft.text}`).toContain(m);
    // Every bracketed fill-in in the text is reported.
    for (const m of draft.text.match(/\[[^\]]+\]/g) ?? []) expect(draft.markers).toContain(m);
    if (form !== 'paragraph') expect(draft.text).toContain('Ada');
  });

  it('keeps the paragraph form to one to three paragraphs', () => {
    for (const ctx of [rich, empty]) {
      const html = renderDraft(kindId, ctx, 'paragraph').html;
      const paragraphs = html.match(/<p>/g)?.length ?? 0;
      expect(paragraphs).toBeGreaterThanOrEqual(1);
      expect(paragraphs).toBeLessThanOrEqual(3);
      expect(html).not.toContain('Sincerely');
    }
  });

  it('has a message with a greeting, the response date, a closing and the signature', () => {
    const message = text(kindId);
    const person = TO_PERSON[kindId];
    // Only the printable document is the complaint; the message tells the district.
    expect(message).toMatch(new RegExp(`^Dear ${person ?? 'Dana Whitcomb'},`));
    // 10 school days after November 2, or the day before the first proposed meeting time.
    expect(message).toContain(
      kindId === 'iep-meeting-request' ? 'November 9, 2026' : 'November 16, 2026',
    );
    expect(message).toMatch(/Sincerely,\n\nMaria Rivera\nParent of Sam Rivera/);
  });

  it('has a printable document with date, addresses, Re: line and a signature line', () => {
    const doc = text(kindId, rich, 'document');
    expect(doc).toMatch(/^November 2, 2026\n\nMaria Rivera\n12 Aspen Road\nPine Valley, MT 59000/);
    expect(doc).toContain(`Re: ${renderDraft(kindId, rich, 'document').subject}`);
    expect(doc).toContain('______________________________\nMaria Rivera');
    if (kindId === 'state-complaint') {
      expect(doc).toContain(
        'Office of Public Instruction\nDispute Resolution\nP.O. Box 202501\nHelena, MT 59620-2501',
      );
    } else if (TO_PERSON[kindId]) {
      expect(doc).toContain(`\n\n${TO_PERSON[kindId]}\n`);
    } else {
      expect(doc).toContain(
        'Dana Whitcomb\nSpecial Education Director\nPine Valley School District',
      );
    }
  });

  it('matches the reviewed wording (snapshot)', () => {
    for (const form of DRAFT_FORMS) {
      expect(renderDraft(kindId, rich, form).text).toMatchSnapshot(form);
    }
    expect(renderDraft(kindId, empty, 'message').text).toMatchSnapshot('empty message');
  });
});

describe('what each kind must contain (the reference table)', () => {
  it('service concern: services as written, delivered, period, missed, explanation, plan, date', () => {
    const t = text('service-concern');
    expect(t).toContain('60 minutes of speech-language therapy per week (2 sessions)');
    expect(t).toContain('30 minutes of occupational therapy per week (1 session)');
    expect(t).toContain(
      'From August 31 to November 1, 2026, the IEP required 504 minutes (8.4 hours).',
    );
    expect(t).toContain('My log shows 330 minutes (5.5 hours) delivered in regular sessions');
    // Dates listed, not a span that reads as continuous.
    expect(t).toContain(
      '5 sessions, 150 minutes (2.5 hours), missed on September 9, September 22, October 6, October 20 and October 28, 2026, because the provider was absent',
    );
    expect(t).toContain('an explanation of why these services were not delivered');
    expect(t).toContain('a plan to make up the 330 minutes (5.5 hours) missed so far');
    expect(t).toContain('Please reply by November 16, 2026.');
    // The seed's central point, and services back now.
    expect(t).toContain('A shortage of staff does not change what the IEP requires.');
    expect(t).toContain('now, as the IEP is written');
  });

  it('never counts student absences as owed', () => {
    for (const kind of DRAFT_KIND_IDS) {
      const t = text(kind, plain);
      expect(t).not.toMatch(/390 minutes/); // the 360 missed + the 30 the child was absent
    }
    const concern = text('service-concern');
    expect(concern).toContain(
      'My child was absent for 1 session (30 minutes) on October 1, 2026; I am not counting those minutes.',
    );
    expect(concern).toContain(
      'In all, my log shows 150 minutes (2.5 hours) missed; 30 minutes of them were made up, so 120 minutes (2 hours) have not been provided or made up.',
    );
    const complaint = text('state-complaint');
    expect(complaint).not.toContain('October 1, 2026 |');
    expect(complaint).not.toMatch(/Student absent/);
  });

  it('states the possible cut only for weeks with a record, and lists the weeks with none', () => {
    const t = text('service-concern');
    expect(t).toContain(
      'My log shows fewer than half of the required minutes delivered in each of the weeks of Sep 28, Oct 5, Oct 12 and Oct 19, 2026.',
    );
    expect(t).toContain(
      'My log has no entry for the weeks of Sep 7 and Oct 26, 2026: 54 minutes the IEP required that it shows neither as given nor as missed. I am not counting them as missed.',
    );
    expect(t).not.toMatch(/in a row|have been delivered, \d+ weeks/);
  });

  it('PWN request: the change, no meeting, § 300.503 with the (b) contents, implement meanwhile', () => {
    const t = text('pwn-request');
    expect(t).toContain(`Since October 5, 2026, ${RICH_INPUTS.change}.`);
    expect(t).toContain(
      'No IEP meeting was held about this change, and I did not agree to a written amendment.',
    );
    expect(t).toContain(
      'The district made this change without Prior Written Notice; please provide it now (34 C.F.R. § 300.503)',
    );
    expect(t).toContain('34 C.F.R. § 300.503');
    expect(t).toContain('34 C.F.R. § 300.324(a)(4), (a)(6)');
    for (const element of [
      'the action the district proposes or refuses',
      'why the district',
      'each evaluation, assessment, record or report',
      'procedural safeguards',
      'sources I can contact',
      'other options',
      'other factors',
    ]) {
      expect(t).toContain(element);
    }
    expect(t).toContain('as the IEP is written now');
  });

  it('PWN request: the change date defaults to the first week with a record of the cut', () => {
    const ctx = richContext({ inputs: { service: 'svc-ot', change: 'OT stopped' } });
    expect(text('pwn-request', ctx)).toContain('Since September 28, 2026, OT stopped.');
    const reading = richContext({ inputs: { service: 'svc-reading', change: 'It went down' } });
    // The first session logged as reduced without a meeting; the user's text fits the sentence.
    expect(text('pwn-request', reading)).toContain('Since October 5, 2026, it went down.');
  });

  it('PWN request: the paragraph keeps what the notice must contain', () => {
    const t = text('pwn-request', rich, 'paragraph');
    expect(t).toContain('please provide it now');
    expect(t).toContain('each evaluation, assessment, record or report');
    expect(t).toContain('sources I can contact');
  });

  it('compensatory services: missed sessions with dates, and when, by whom and how', () => {
    const t = text('compensatory-services', plain);
    expect(renderDraft('compensatory-services', rich, 'message').subject).toMatch(
      /^Request for compensatory services/,
    );
    expect(t).toContain('I am requesting compensatory services for Sam Rivera: make-up sessions');
    // The earlier concern letter and its answer.
    expect(t).toContain(
      'I wrote to the district about these missed services on October 5, 2026. The district replied on October 21, 2026: "Said the cooperative is short-staffed; no plan given".',
    );
    // The total asked for is the table's rows less what was made up.
    expect(t).toContain(
      'Total: 360 minutes (6 hours) missed, less 30 minutes made up: 330 minutes (5.5 hours) not provided or made up.',
    );
    expect(t).toContain('I am asking that the 330 minutes (5.5 hours) of');
    expect(t).toContain(
      'Date | Service | Minutes scheduled | Minutes delivered | Minutes missed | Reason',
    );
    expect(t).toContain(
      'September 9, 2026 | Speech-language therapy | 30 | 0 | 30 | Provider absent',
    );
    expect(t).toContain(
      'September 14, 2026 | Specialized reading instruction | 30 | 20 | 10 | Other: fire drill',
    );
    expect(t).toContain('when the missed minutes will be made up');
    expect(t).toContain('who will provide the make-up sessions');
    expect(t).toContain('how and where they will happen');
    expect(t).toContain('The missed minutes are my starting point.');
    expect(renderDraft('compensatory-services', rich, 'message').html).toContain(
      '<thead><tr><th scope="col">Date</th>',
    );
  });

  it('teletherapy inquiry: since when, steps taken, licensed teletherapy, the obligation stands', () => {
    const t = text('teletherapy-inquiry');
    expect(t).toContain('Since September 30, 2026, there has been no in-person provider'); // the user's date
    expect(t).toContain(
      'What steps has the district taken to find a provider, including teletherapy?',
    );
    expect(t).toContain(
      'Can a teletherapy provider licensed in Montana deliver the minutes in the IEP?',
    );
    expect(t).toContain(
      "The IEP's services are still required while the district looks for a provider",
    );
  });

  it('teletherapy inquiry: the date defaults to the first vacancy session, never one absence', () => {
    const ctx = richContext({ inputs: { service: 'svc-ot' } });
    expect(text('teletherapy-inquiry', ctx)).toContain(
      'Since September 30, 2026, there has been no in-person provider',
    );
    // Speech has only provider absences: no date is made up from them.
    const speechOnly = renderDraft(
      'teletherapy-inquiry',
      richContext({ inputs: { service: 'svc-speech' } }),
      'message',
    );
    expect(speechOnly.text).toContain('Since [date the in-person provider stopped], there has');
    expect(speechOnly.markers).toContain('[date the in-person provider stopped]');
  });

  it('teletherapy inquiry: for instruction, live remote instruction by a licensed teacher', () => {
    const t = text('teletherapy-inquiry', richContext({ inputs: { service: 'svc-reading' } }));
    expect(t).toContain('a special education teacher licensed in Montana');
    expect(t).toContain('live remote instruction');
    expect(t).not.toMatch(/teletherapy/i);
  });

  it('progress-based reduction: data, research basis, other options, IEE right', () => {
    const t = text('progress-data-request');
    expect(t).toContain('the progress-monitoring data for the IEP goals');
    expect(t).toContain('the peer-reviewed research the team relied on');
    expect(t).toContain('the other options the team considered, and why they were rejected');
    expect(t).toContain(
      "If the district relies on an evaluation of my child's progress and I disagree with that evaluation, I may ask for an independent educational evaluation at public expense (34 C.F.R. § 300.502(b))",
    );
    expect(t).toContain(
      'A change to the service is for the IEP team to decide, at a meeting with me.',
    );
    expect(t).toContain('it must give me Prior Written Notice before making the change');
    expect(t).toContain('the proposed level is 30 minutes per week');
  });

  it('IEE request: the named evaluation, public expense, the two options', () => {
    const t = text('iee-request');
    expect(t).toContain(
      "I disagree with the district's speech-language evaluation of my child, completed on September 18, 2026, by Jo Hart, SLP.",
    );
    expect(t).toContain('at public expense under 34 C.F.R. § 300.502(b)');
    expect(t).toContain('make sure the IEE is provided at public expense');
    expect(t).toContain('ask for a due process hearing to show that its evaluation is appropriate');
    expect(t).toContain("the district's criteria for an IEE");
    expect(t).toContain('the list of evaluators the district uses');
  });

  it('records request: logs and progress data for named services and period, 45 days, before a meeting', () => {
    const { service: _service, ...inputs } = RICH_INPUTS;
    const t = text('records-request', richContext({ inputs }));
    expect(t).toContain('from August 31 to November 2, 2026');
    expect(t).toContain('- Speech-language therapy. Provider: Jo Hart, SLP');
    expect(t).toContain('- Occupational therapy. Provider: Lee Park, OTR/L');
    expect(t).toContain('the progress-monitoring data');
    expect(t).toContain("- my child's current IEP;");
    expect(t).toContain('and for copies of them');
    expect(t).toContain('records kept by the special education cooperative');
    expect(t).toContain('no later than 45 days after a request');
    expect(t).toContain('before any IEP meeting');
    expect(t).toContain('An IEP meeting is planned for November 20, 2026');
    expect(t).toContain('54 minutes of occupational therapy (the weeks of Sep 7 and Oct 26, 2026)');
  });

  it('records request: the reply is due before the meeting it is about', () => {
    const soon = richContext({ inputs: { meetingDate: '2026-11-10' } });
    expect(text('records-request', soon)).toContain('Please let me know by November 9, 2026,');
    const tomorrow = richContext({ inputs: { meetingDate: '2026-11-03' } });
    expect(text('records-request', tomorrow)).toContain(
      'Please let me know by as soon as possible, and before November 3, 2026,',
    );
  });

  it('records request: the service logs for exactly the weeks with no record', () => {
    const ctx = richContext({
      inputs: { service: 'svc-ot', noRecordPeriods: '2026-09-07, 2026-10-28,not-a-date' },
    });
    const t = text('records-request', ctx);
    expect(t).toContain(
      "My log has no record of occupational therapy for the weeks of Sep 7 and Oct 26, 2026. Please send me copies of the provider's service logs for exactly those weeks",
    );
    expect(getDraftKind('records-request')!.inputs.map((i) => i.id)).toContain('noRecordPeriods');
    // A week with some entries is not called a week with no record.
    const partly = text(
      'records-request',
      richContext({ inputs: { service: 'svc-speech', noRecordPeriods: '2026-10-12' } }),
    );
    expect(partly).toContain(
      "My log does not account for all of the required minutes of speech-language therapy for the week of Oct 12, 2026. Please send me copies of the provider's service logs for exactly that week",
    );
  });

  it('IEP meeting request: any time, topics, proposed times', () => {
    const t = text('iep-meeting-request');
    expect(t).toContain('I do not want to wait for the annual review.');
    expect(t).toContain('- Reading progress');
    expect(t).toContain('- Tuesday, November 10, after 3:30 p.m.');
    expect(t).toContain(
      '- A plan to deliver the services as written and to make up the 330 minutes (5.5 hours) missed',
    );
  });

  it('transfer: enrollment date, prior IEP services, § 300.323(e) or (f)', () => {
    const inState = text('transfer-comparable-services');
    expect(inState).toContain(
      'My child enrolled on September 8, 2026, coming from Great Falls Public Schools',
    );
    // Counted from the enrollment date (the first whole week after it), never before.
    expect(inState).toContain('From September 14 to November 1, 2026');
    expect(inState).not.toContain('September 9, 2026');
    expect(inState).toContain('services comparable to those in that IEP now, in consultation');
    expect(inState).not.toContain('as written');
    expect(inState).toContain('The IEP from Great Falls Public Schools requires these services:');
    expect(inState).toContain('34 C.F.R. § 300.323(e)');
    expect(inState).not.toContain('300.323(f)');
    const outOfState = text(
      'transfer-comparable-services',
      richContext({ inputs: { ...RICH_INPUTS, origin: 'out-of-state' } }),
    );
    expect(outOfState).toContain('34 C.F.R. § 300.323(f)');
    expect(outOfState).not.toContain('300.323(e)');
  });

  it('staffing vacancy: what stopped, since when, no excuse, interim plan and make-up', () => {
    const ctx = richContext({ inputs: { position: 'The occupational therapist position.' } });
    const t = text('staffing-vacancy', ctx);
    expect(t).toContain(
      'I am writing about occupational therapy for my child. Since September 30, 2026, the occupational therapist position has been vacant.',
    );
    expect(t).toContain('a vacancy does not change what the IEP requires');
    expect(t).toContain("The IEP's services are still required while the position is open");
    expect(t).toContain(
      'how and by whom the services will be provided until the position is filled',
    );
    expect(t).toContain('how the 120 minutes (2 hours) missed so far will be made up');
    // Only what the log shows since that date, never more than was due.
    const paragraph = text('staffing-vacancy', ctx, 'paragraph');
    expect(paragraph).toContain(
      'My log shows 4 sessions, 120 minutes (2 hours), missed on September 30, October 7, October 14 and October 21, 2026, because of the vacancy.',
    );
  });

  it('state complaint: every § 300.153 / ARM 10.16.3662 element', () => {
    const t = text('state-complaint', plain, 'document');
    expect(t).toContain('under ARM 10.16.3662 and 34 C.F.R. § 300.153');
    expect(t).toContain(
      'Pine Valley School District has violated Part B of the Individuals with Disabilities Education Act (IDEA) by failing to implement',
    );
    expect(t).toContain('34 C.F.R. § 300.17(d)');
    expect(t).toContain('34 C.F.R. § 300.323(c)(2)');
    expect(t).toContain('- Name: Sam Rivera');
    expect(t).toContain('- Home address: 12 Aspen Road, Pine Valley, MT 59000');
    expect(t).toContain('- School: Lincoln Elementary');
    expect(t).toContain(
      'All of the facts below are from within one year of the date of this complaint.',
    );
    expect(t).toContain(
      'October 28, 2026 | Speech-language therapy | 30 | 0 | 30 | Provider absent',
    );
    expect(t).toContain(
      'October 5, 2026 | "IEP services not being delivered for Sam Rivera", to Dana Whitcomb, by e-mail; I asked for a reply by October 19, 2026 | October 21, 2026: Said the cooperative is short-staffed; no plan given.',
    );
    expect(t).toContain('by mail; I asked for a reply by November 5, 2026 | No response');
    expect(t).not.toContain('Draft not sent');
    expect(t).toContain(
      'Compensatory services, in addition to the regular IEP sessions, provided by qualified providers on a written schedule the district shares with me: at least 120 minutes (2 hours) of speech-language therapy, 120 minutes (2 hours) of occupational therapy, and 90 minutes (1.5 hours) of specialized reading instruction, the minutes my log documents as missed and not made up, and more if my child needs more',
    );
    expect(t).toContain('A written plan from the district to deliver');
    expect(t).toContain('4. An IEP meeting within 30 days to review the services');
    // No case law and no percentage by default; nothing on Early Assistance's timing.
    expect(t).not.toMatch(/F\.3d|%|sooner|15 business days/);
    expect(t).toContain(
      "I am willing to take part in OPI's Early Assistance Program (ARM 10.16.3660).",
    );
    const withCases = text(
      'state-complaint',
      richContext({ inputs: { ...RICH_INPUTS, caseLaw: 'include' } }),
      'document',
    );
    expect(withCases).toContain('Reid v. District of Columbia, 401 F.3d 516 (D.C. Cir. 2005)');
    expect(withCases).toContain('Van Duyn v. Baker Sch. Dist. 5J, 502 F.3d 811 (9th Cir. 2007)');
    // The second violation: a change without a meeting or Prior Written Notice.
    expect(t).toContain("The district also changed my child's IEP services on its own.");
    expect(t).toContain('34 C.F.R. § 300.324(a)(4), (a)(6)');
    expect(t).toContain('34 C.F.R. § 300.503');
    expect(t).toContain(
      '- Specialized reading instruction: my log shows 4 sessions cut short, 80 minutes (about 1.3 hours), missed on October 5, October 12, October 19 and October 26, 2026, because the service was reduced without an IEP meeting.',
    );
    expect(t).toContain('- Phone: (406) 555-0142');
    expect(t).toContain('- E-mail: maria@example.com');
    expect(t).toContain('at the same time I send it to OPI');
    expect(t).toContain(
      'cc: Dana Whitcomb, Special Education Director, Pine Valley School District',
    );
    const doc = text('state-complaint', rich, 'document');
    expect(doc).toContain('P.O. Box 202501');
    expect(doc).toContain('Date signed: ______________');
    expect(renderDraft('state-complaint', rich, 'message').notes.join(' ')).toContain(
      'mail or deliver',
    );
  });

  it('state complaint: the paragraph and message tell the district; only the document files', () => {
    for (const form of ['paragraph', 'message'] as const) {
      const draft = renderDraft('state-complaint', rich, form);
      expect(draft.text).toContain(
        'I am writing to let you know that I am filing a written state complaint with the Montana Office of Public Instruction (OPI)',
      );
      expect(draft.text).not.toMatch(/Date signed|To the Office of Public Instruction/);
      expect(draft.notes[0]).toContain('Only the printable letter is the complaint to file.');
    }
    expect(renderDraft('state-complaint', rich, 'message').subject).toBe(
      'I am filing a state complaint with OPI about the IEP services of Sam Rivera',
    );
  });

  it('uses the case law only in the state complaint', () => {
    for (const kind of DRAFT_KIND_IDS.filter((k) => k !== 'state-complaint')) {
      for (const form of DRAFT_FORMS)
        expect(renderDraft(kind, rich, form).text).not.toMatch(/F\.3d/);
    }
  });
});

describe('enclosures and reply dates', () => {
  const RELY_ON_LOG = [
    'service-concern',
    'compensatory-services',
    'pwn-request',
    'teletherapy-inquiry',
    'staffing-vacancy',
    'transfer-comparable-services',
    'iep-meeting-request',
  ] as const;

  it('says the log is enclosed only when the sender attaches it', () => {
    const attached = richContext({ enclosures: ['service-log'] });
    for (const kind of RELY_ON_LOG) {
      expect(text(kind, attached), kind).toContain('A copy of my service log');
      expect(text(kind, rich), kind).not.toContain('A copy of my service log');
    }
    expect(text('iee-request', attached)).not.toContain('A copy of my service log');
  });

  it('asks for a reply before the first proposed meeting time', () => {
    const ctx = richContext({
      inputs: { ...RICH_INPUTS, times: 'Thursday, November 12, at 8:00 a.m.\nNovember 5, 3 p.m.' },
    });
    expect(text('iep-meeting-request', ctx)).toContain('Please let me know by November 4, 2026,');
    const tomorrow = richContext({ inputs: { ...RICH_INPUTS, times: 'November 3, 2026, 9 a.m.' } });
    expect(text('iep-meeting-request', tomorrow)).toContain(
      'as soon as possible, and before November 3, 2026',
    );
  });
});
