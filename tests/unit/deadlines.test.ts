import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  allDeadlines,
  isBusinessDay,
  isMontanaHoliday,
  letterDeadlines,
  montanaHolidays,
  nextDue,
  nextStepsFor,
  oneYearAfter,
  oneYearStatus,
  overdueDeadlines,
} from '../../lib/deadlines';
import {
  calendarSchema,
  letterSchema,
  sessionEntrySchema,
  type Letter,
  type SessionEntry,
} from '../../lib/model';

// Every expected date below was counted by hand on a calendar (see the comments), not computed.

function letter(fields: Partial<Letter> & Pick<Letter, 'kind'>): Letter {
  return letterSchema.parse({
    id: `letter-${fields.kind}`,
    studentId: 'student-1',
    subject: 'Subject',
    status: 'sent',
    createdAt: 1,
    ...fields,
  });
}

function missed(date: string, fields: Partial<SessionEntry> = {}): SessionEntry {
  return sessionEntrySchema.parse({
    id: `entry-${date}`,
    studentId: 'student-1',
    serviceId: 'speech',
    date,
    status: 'missed',
    minutesDelivered: 0,
    scheduledMinutes: 30,
    reason: 'provider-absent',
    createdAt: 1,
    ...fields,
  });
}

describe('Montana business days (MCA 1-1-216)', () => {
  it('lists the observed legal holidays of an odd year', () => {
    // 2027: Jan 1 is a Friday; Jul 4 a Sunday (→ Mon Jul 5); Dec 25 a Saturday (→ Fri Dec 24).
    expect(montanaHolidays(2027).map((h) => h.date)).toEqual([
      '2027-01-01',
      '2027-01-18', // third Monday in January
      '2027-02-15', // third Monday in February
      '2027-05-31', // last Monday in May
      '2027-07-05',
      '2027-09-06', // first Monday in September
      '2027-10-11', // second Monday in October
      '2027-11-11', // a Thursday
      '2027-11-25', // fourth Thursday in November
      '2027-12-24',
    ]);
  });

  it('adds the state general election day in even years', () => {
    // 2026: Nov 2 is the first Monday, so election day is Tuesday Nov 3.
    const dates = montanaHolidays(2026).map((h) => h.date);
    expect(dates).toContain('2026-11-03');
    expect(montanaHolidays(2027).map((h) => h.name)).not.toContain('State general election day');
  });

  it("observes a Saturday New Year's Day on the Friday before, in the old year", () => {
    // Jan 1, 2028 is a Saturday.
    expect(isMontanaHoliday('2027-12-31')).toBe(true);
    expect(isBusinessDay('2027-12-31')).toBe(false);
    expect(isBusinessDay('2027-12-30')).toBe(true);
  });

  it('counts weekends and Juneteenth the Montana way', () => {
    expect(isBusinessDay('2026-11-07')).toBe(false); // Saturday
    expect(isBusinessDay('2026-11-08')).toBe(false); // Sunday
    expect(isBusinessDay('2026-06-19')).toBe(true); // federal, not a Montana legal holiday
  });

  it('adds business days skipping election day and Veterans Day', () => {
    // From Mon Nov 2, 2026: Nov 3 (election) and Nov 11 (Veterans Day) are skipped.
    // 4,5,6,9,10,12,13,16,17,18,19,20,23,24,25 → the 15th business day is Nov 25.
    expect(addBusinessDays('2026-11-02', 15)).toBe('2026-11-25');
    expect(addBusinessDays('2026-11-02', 0)).toBe('2026-11-02');
  });

  it('adds business days across Christmas and New Year', () => {
    // From Fri Dec 17, 2027: 20,21,22,23,[24],27,28,29,30,[31],Jan 3,4,5,6,7,10,11.
    expect(addBusinessDays('2027-12-17', 15)).toBe('2028-01-11');
  });
});

describe('deadlines that follow a letter', () => {
  it('gives a draft no deadlines', () => {
    const draft = letter({ kind: 'records-request', status: 'draft', sentDate: null });
    expect(letterDeadlines(draft, '2026-10-01')).toEqual([]);
  });

  it('uses the reply date the letter asked for', () => {
    const concern = letter({
      kind: 'service-concern',
      sentDate: '2026-10-05',
      requestedResponseDate: '2026-10-19',
    });
    const [reply] = letterDeadlines(concern, '2026-10-10');
    expect(reply).toMatchObject({
      rule: 'requested-response',
      due: '2026-10-19',
      dayCount: 'as-written',
      status: 'upcoming',
      daysLeft: 9,
      remind: true,
    });
  });

  it('gives a records request 45 calendar days', () => {
    // Oct 5 + 26 days = Oct 31; 19 more = Nov 19, 2026.
    const request = letter({ kind: 'records-request', sentDate: '2026-10-05' });
    const [records] = letterDeadlines(request, '2026-11-20');
    expect(records).toMatchObject({
      rule: 'records-45-days',
      due: '2026-11-19',
      dayCount: 'calendar-days',
      days: 45,
      citation: '34 C.F.R. § 300.613(a)',
      status: 'overdue',
      daysLeft: -1,
    });
  });

  it('gives a state complaint the Early Assistance window and the 60-day decision', () => {
    // Nov 2 + 28 days = Nov 30; 32 more = Jan 1, 2027.
    const complaint = letter({ kind: 'state-complaint', sentDate: '2026-11-02', method: 'mail' });
    const deadlines = letterDeadlines(complaint, '2026-11-25');
    expect(deadlines.map((d) => [d.rule, d.due, d.dayCount, d.status])).toEqual([
      ['early-assistance-15-business-days', '2026-11-25', 'business-days', 'due-today'],
      ['opi-decision-60-days', '2027-01-01', 'calendar-days', 'upcoming'],
    ]);
    const decision = deadlines[1]!;
    expect(decision.citation).toBe('34 C.F.R. § 300.152(a)');
    // The latest decision date when Early Assistance ran: Nov 25 + 60 = Jan 24, 2027.
    expect(decision.how).toContain('January 24, 2027');
    expect(decision.how).toContain('mailed');
    expect(deadlines[0]!.remind).toBe(false);
  });

  it('notes when school is closed on a district deadline, without moving it', () => {
    const calendar = calendarSchema.parse({
      id: 'cal',
      name: 'Four-day week',
      firstDay: '2026-08-26',
      lastDay: '2027-06-04',
      weekdays: [1, 2, 3, 4],
      closures: [{ start: '2026-12-21', end: '2027-01-01', label: 'Winter break' }],
    });
    // Nov 10 + 20 days = Nov 30; 25 more = Dec 25, in winter break.
    const winter = letter({ kind: 'records-request', sentDate: '2026-11-10' });
    const [records] = letterDeadlines(winter, '2026-11-11', calendar);
    expect(records!.due).toBe('2026-12-25');
    expect(records!.schoolNote).toContain('Winter break');
    // May 1 + 30 = May 31; 15 more = Jun 15, after the last day of school.
    const summer = letter({ kind: 'records-request', sentDate: '2027-05-01' });
    expect(letterDeadlines(summer, '2027-05-02', calendar)[0]!.schoolNote).toContain(
      'outside the school year',
    );
    // OPI's own deadlines never get a school note.
    const complaint = letter({ kind: 'state-complaint', sentDate: '2026-10-26' });
    expect(letterDeadlines(complaint, '2026-10-27', calendar).map((d) => d.schoolNote)).toEqual([
      null,
      null,
    ]);
  });

  it('marks deadlines answered once a response is logged', () => {
    const request = letter({
      kind: 'records-request',
      sentDate: '2026-10-05',
      responseDate: '2026-10-30',
    });
    const [records] = letterDeadlines(request, '2026-12-01');
    expect(records!.status).toBe('answered');
    expect(overdueDeadlines(letterDeadlines(request, '2026-12-01'))).toEqual([]);
  });

  it('orders all deadlines and finds what is due next', () => {
    const letters = [
      letter({ id: 'a', kind: 'state-complaint', sentDate: '2026-11-02' }),
      letter({
        id: 'b',
        kind: 'service-concern',
        sentDate: '2026-10-01',
        requestedResponseDate: '2026-10-15',
      }),
    ];
    const deadlines = allDeadlines(letters, '2026-11-10');
    expect(deadlines.map((d) => d.due)).toEqual(['2026-10-15', '2026-11-25', '2027-01-01']);
    expect(nextDue(deadlines)?.due).toBe('2026-11-25');
    expect(overdueDeadlines(deadlines).map((d) => d.letterId)).toEqual(['b']);
  });
});

describe('next steps when no answer came', () => {
  it('follows the seed: concern → make-up plan or PWN; no plan → OPI complaint', () => {
    expect(nextStepsFor({ letterKind: 'service-concern' }).map((s) => s.draftKind)).toEqual([
      'compensatory-services',
      'pwn-request',
    ]);
    expect(nextStepsFor({ letterKind: 'compensatory-services' })[0]!.draftKind).toBe(
      'state-complaint',
    );
    const afterComplaint = nextStepsFor({ letterKind: 'state-complaint' })[0]!;
    expect(afterComplaint.draftKind).toBeNull();
    expect(afterComplaint.text).toContain('(406) 444-2046');
  });
});

describe('the one-year window for a state complaint', () => {
  it('takes one year to the same day, February 29 to February 28', () => {
    expect(oneYearAfter('2025-03-10')).toBe('2026-03-10');
    expect(oneYearAfter('2028-02-29')).toBe('2029-02-28');
  });

  it('warns 300 days after a missed session with no complaint filed', () => {
    // Mar 10, 2025 → Jan 10, 2026: 21+30+31+30+31+31+30+31+30+31 = 306 days.
    const sessions = [missed('2025-03-10'), missed('2025-09-01')];
    const status = oneYearStatus(sessions, [], '2026-01-10');
    expect(status.warning).toMatchObject({
      oldestDate: '2025-03-10',
      lastDayToFile: '2026-03-10',
      daysLeft: 59, // Jan 10 → Mar 10: 21 + 28 + 10
    });
    expect(status.warning!.atRisk.map((e) => e.date)).toEqual(['2025-03-10']);
    expect(status.openCount).toBe(2);
    // Jan 3, 2026 is day 299: no warning yet.
    expect(oneYearStatus(sessions, [], '2026-01-03').warning).toBeNull();
  });

  it('does not warn about sessions a filed complaint covers', () => {
    const complaint = letter({ kind: 'state-complaint', sentDate: '2025-12-01' });
    expect(oneYearStatus([missed('2025-03-10')], [complaint], '2026-01-10').warning).toBeNull();
    // A complaint sent before the session does not cover it.
    const earlier = letter({ kind: 'state-complaint', sentDate: '2025-01-01' });
    expect(oneYearStatus([missed('2025-03-10')], [earlier], '2026-01-10').warning).not.toBeNull();
    // A draft complaint covers nothing.
    const draft = letter({ kind: 'state-complaint', status: 'draft', sentDate: null });
    expect(oneYearStatus([missed('2025-03-10')], [draft], '2026-01-10').warning).not.toBeNull();
  });

  it('leaves out student absences, make-ups and delivered sessions', () => {
    const sessions = [
      missed('2025-03-10', { reason: 'student-absent' }),
      missed('2025-03-11', { makeUp: true }),
      missed('2025-03-12', { status: 'delivered', minutesDelivered: 30, reason: null }),
    ];
    expect(oneYearStatus(sessions, [], '2026-01-10')).toEqual({
      warning: null,
      openCount: 0,
      expiredCount: 0,
    });
  });

  it('counts sessions whose year has passed', () => {
    const status = oneYearStatus([missed('2024-12-01'), missed('2025-03-10')], [], '2026-01-10');
    expect(status.expiredCount).toBe(1);
    expect(status.warning!.oldestDate).toBe('2025-03-10');
  });
});
