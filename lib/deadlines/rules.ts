/**
 * The deadlines that follow from a sent letter.
 *
 * Which days each rule counts (as the rule itself says):
 * - the reply the letter asked for: the date written in the letter (no counting);
 * - a records request: 45 calendar days (34 C.F.R. § 300.613(a) says "45 days");
 * - OPI's decision on a state complaint: 60 calendar days (34 C.F.R. § 300.152(a));
 * - OPI's Early Assistance Program: 15 business days (ARM 10.16.3660), see ./business-days.ts.
 * None of these rules counts school days, so a school break never moves them; when a
 * calendar-day deadline lands while school is closed we say so, because district offices may be
 * slower then (the deadline itself does not move).
 *
 * Every period is counted from the day the letter was sent (the first day counted is the day
 * after). The rules count from the day the district or OPI received it, so a mailed letter's
 * real deadline is a few days later: we say that in plain words rather than guess mail times.
 */
import { addDays, daysBetween, formatLongDate, type IsoDate } from '../dates';
import type { Letter, SchoolCalendar } from '../model';
import { closureOn } from '../calendar';
import { addBusinessDays } from './business-days';
import { cite } from '../drafts/citations';

export type DeadlineRule =
  | 'requested-response'
  | 'records-45-days'
  | 'early-assistance-15-business-days'
  | 'opi-decision-60-days';

export type DeadlineStatus = 'answered' | 'overdue' | 'due-today' | 'upcoming';

export type DayCount = 'as-written' | 'calendar-days' | 'business-days';

export interface Deadline {
  /** Stable id: `${letterId}:${rule}`. */
  id: string;
  letterId: string;
  studentId: string;
  letterKind: string;
  rule: DeadlineRule;
  /** Short plain-words title: "OPI's decision is due". */
  label: string;
  /** The day the period starts from (the letter's sent date). */
  from: IsoDate;
  due: IsoDate;
  dayCount: DayCount;
  /** The number of days the rule gives (null for the reply date the letter asked for). */
  days: number | null;
  /** The rule, printed as montana-iep-reference.md says (null for the reply the letter asked for). */
  citation: string | null;
  /** How the date was computed, in plain words. */
  how: string;
  status: DeadlineStatus;
  /** Days from today to the due date (negative once it has passed). */
  daysLeft: number;
  /** The response logged on the letter, if any. */
  answeredOn: IsoDate | null;
  /** Whether a reminder should fire when it passes without a logged response. */
  remind: boolean;
  /**
   * For a deadline the district must meet: a note when school is closed on the due date
   * (a break, or outside the school year). The date does not move; offices may be slower.
   */
  schoolNote: string | null;
}

/** Printed forms come from the one citation registry, so no unverified citation is shown. */
export const CITATIONS = {
  records: cite('records'),
  complaintTimeline: cite('complaint-timeline'),
  earlyAssistance: cite('mt-early-assistance'),
} as const;

const RECORDS_DAYS = 45;
const OPI_DECISION_DAYS = 60;
const EARLY_ASSISTANCE_BUSINESS_DAYS = 15;

function statusOf(due: IsoDate, answeredOn: IsoDate | null, today: IsoDate): DeadlineStatus {
  if (answeredOn) return 'answered';
  if (due < today) return 'overdue';
  if (due === today) return 'due-today';
  return 'upcoming';
}

function mailNote(letter: Letter): string {
  return letter.method === 'mail'
    ? ' You mailed it, so the real deadline is a few days later: it counts from the day it arrived.'
    : '';
}

/** Says when school is closed on a district deadline; the deadline itself does not move. */
export function schoolClosedNote(calendar: SchoolCalendar | null, date: IsoDate): string | null {
  if (!calendar) return null;
  if (date < calendar.firstDay || date > calendar.lastDay) {
    return 'That day is outside the school year. The deadline still counts calendar days, but district offices may answer more slowly.';
  }
  const closure = closureOn(calendar, date);
  if (!closure) return null;
  const name = closure.label || 'a school closure';
  return `School is closed that day (${name}). The deadline still counts calendar days, but district offices may answer more slowly.`;
}

type DeadlineFields = Omit<
  Deadline,
  | 'id'
  | 'letterId'
  | 'studentId'
  | 'letterKind'
  | 'from'
  | 'status'
  | 'daysLeft'
  | 'answeredOn'
  | 'schoolNote'
>;

function make(
  letter: Letter,
  sent: IsoDate,
  today: IsoDate,
  fields: DeadlineFields,
  calendar: SchoolCalendar | null = null,
): Deadline {
  return {
    schoolNote: schoolClosedNote(calendar, fields.due),
    id: `${letter.id}:${fields.rule}`,
    letterId: letter.id,
    studentId: letter.studentId,
    letterKind: letter.kind,
    from: sent,
    status: statusOf(fields.due, letter.responseDate, today),
    daysLeft: daysBetween(today, fields.due),
    answeredOn: letter.responseDate,
    ...fields,
  };
}

/**
 * The deadlines that follow from one letter, soonest first. A draft (not sent, or no sent date)
 * has none: every period starts when the letter goes out. The student's calendar (null when
 * unknown) only adds a note when school is closed on a district deadline.
 */
export function letterDeadlines(
  letter: Letter,
  today: IsoDate,
  calendar: SchoolCalendar | null = null,
): Deadline[] {
  const sent = letter.status === 'sent' ? letter.sentDate : null;
  if (!sent) return [];
  const deadlines: Deadline[] = [];

  if (letter.requestedResponseDate) {
    deadlines.push(
      make(
        letter,
        sent,
        today,
        {
          rule: 'requested-response',
          label: 'The reply you asked for is due',
          due: letter.requestedResponseDate,
          dayCount: 'as-written',
          days: null,
          citation: null,
          how: 'The date your letter asked the district to answer by.',
          remind: true,
        },
        calendar,
      ),
    );
  }

  if (letter.kind === 'records-request') {
    deadlines.push(
      make(
        letter,
        sent,
        today,
        {
          rule: 'records-45-days',
          label: 'Records must be shown to you (45-day limit)',
          due: addDays(sent, RECORDS_DAYS),
          dayCount: 'calendar-days',
          days: RECORDS_DAYS,
          citation: CITATIONS.records,
          how:
            'The district must let you see the records without unnecessary delay, before any IEP ' +
            `meeting, and no later than 45 days after your request (${CITATIONS.records}). ` +
            'Counted in calendar days (weekends and school breaks count) from the day you sent it.' +
            mailNote(letter),
          remind: true,
        },
        calendar,
      ),
    );
  }

  if (letter.kind === 'state-complaint') {
    const earlyAssistanceEnd = addBusinessDays(sent, EARLY_ASSISTANCE_BUSINESS_DAYS);
    const decision = addDays(sent, OPI_DECISION_DAYS);
    const latestDecision = addDays(earlyAssistanceEnd, OPI_DECISION_DAYS);
    deadlines.push(
      make(letter, sent, today, {
        rule: 'early-assistance-15-business-days',
        label: "OPI's Early Assistance window ends",
        due: earlyAssistanceEnd,
        dayCount: 'business-days',
        days: EARLY_ASSISTANCE_BUSINESS_DAYS,
        citation: CITATIONS.earlyAssistance,
        how:
          "OPI's Early Assistance Program may try to settle the complaint informally; it has 15 " +
          `business days (${CITATIONS.earlyAssistance}). Business days are Monday to Friday, ` +
          'skipping Montana legal holidays.' +
          mailNote(letter),
        // Informal and optional: nothing to chase if it passes.
        remind: false,
      }),
      make(letter, sent, today, {
        rule: 'opi-decision-60-days',
        label: "OPI's written decision is due",
        due: decision,
        dayCount: 'calendar-days',
        days: OPI_DECISION_DAYS,
        citation: CITATIONS.complaintTimeline,
        how:
          'OPI has 60 calendar days after a complaint is filed to investigate and send a written ' +
          `decision (${CITATIONS.complaintTimeline}). If the Early Assistance Program worked on ` +
          "it, those days don't count toward the 60, so the decision can be due as late as " +
          `${formatLongDate(latestDecision)}.` +
          mailNote(letter),
        remind: true,
      }),
    );
  }

  return deadlines.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
}

/** All deadlines of one student's letters, soonest first. */
export function allDeadlines(
  letters: readonly Letter[],
  today: IsoDate,
  calendar: SchoolCalendar | null = null,
): Deadline[] {
  return letters
    .flatMap((letter) => letterDeadlines(letter, today, calendar))
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.id < b.id ? -1 : 1));
}

/** The first open deadline on or after today (what is due next), or null. */
export function nextDue(deadlines: readonly Deadline[]): Deadline | null {
  return deadlines.find((d) => d.status === 'due-today' || d.status === 'upcoming') ?? null;
}

/** Deadlines that passed without a logged response and should prompt a next step. */
export function overdueDeadlines(deadlines: readonly Deadline[]): Deadline[] {
  return deadlines.filter((d) => d.status === 'overdue' && d.remind);
}
