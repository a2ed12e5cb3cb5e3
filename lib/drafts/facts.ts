/**
 * The facts every draft states, built from the tracker's data: names, inputs, the services as
 * written, what was delivered and missed, and a dated table of missed sessions. Missing data
 * becomes a visible fill-in marker. Student absences are shown apart and never counted as owed.
 */
import { addDays, type IsoDate } from '../dates';
import { coveredFrom, gapTotals, listPeriods } from '../gap';
import type { MissedSession, PeriodGap, ServiceGap } from '../gap/types';
import { attachedExhibits } from './exhibits';
import {
  DISTRICT_OUTCOME_LABELS,
  MISSED_REASONS,
  MISSED_REASON_LABELS,
  serviceName,
  type MissedReason,
} from '../model';
import {
  inline,
  marker,
  p,
  strong,
  table,
  ul,
  type Block,
  type Inline,
  type InlineLike,
  type Paragraph,
} from './blocks';
import type {
  DistrictFacts,
  DistrictMissed,
  DraftContext,
  SentLetter,
  ServiceFacts,
} from './types';
import {
  formatMinutes,
  joinAnd,
  longDate,
  listDates,
  periodPhrase,
  plural,
  validDate,
} from './words';
import { capitalize } from '../text';

// ---------------------------------------------------------------- people and places

export function childName(ctx: DraftContext): Inline {
  return ctx.student?.name.trim() || marker("your child's name");
}

export function schoolName(ctx: DraftContext): Inline {
  return ctx.student?.school.trim() || marker('school name');
}

export function districtName(ctx: DraftContext): Inline {
  return ctx.student?.district.trim() || ctx.profile.district.trim() || marker('school district');
}

export function directorName(ctx: DraftContext): Inline {
  return ctx.profile.directorName.trim() || marker("special education director's name");
}

export function parentName(ctx: DraftContext): Inline {
  return ctx.profile.parentName.trim() || marker('your name');
}

/** "I am the parent of Sam Rivera, who attends Lincoln Elementary in Pine Valley School District." */
export function parentOf(ctx: DraftContext): Inline[] {
  return inline(
    'I am the parent of ',
    childName(ctx),
    ', who attends ',
    schoolName(ctx),
    ' in ',
    districtName(ctx),
    '.',
  );
}

// ---------------------------------------------------------------- inputs

/** The trimmed input, or null when empty. */
export function optionalInput(ctx: DraftContext, id: string): string | null {
  return ctx.inputs[id]?.trim() || null;
}

/** An optional input used inside a sentence, its trailing period removed; null when empty. */
export function optionalClause(ctx: DraftContext, id: string): string | null {
  return fitClause(trimEnd(optionalInput(ctx, id) ?? '')) || null;
}

/** Sentence openers that become lower case when the user's text continues a sentence. */
const OPENERS = new Set(
  'a an the my our his her their its this that these those it they she he we there since after before when on in at from during for every each one two all no some'.split(
    ' ',
  ),
);

/**
 * Text the user typed, fitted to continue a sentence ("…, 2026, the OT now comes once a month"):
 * a capitalized ordinary first word is lowered; names, acronyms ("OT") and "I" are kept.
 */
export function fitClause(text: string): string {
  const match = /^([A-Z][a-z]*)\b/.exec(text);
  if (!match || !OPENERS.has(match[1]!.toLowerCase())) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * Text to continue a sentence with: trailing commas, semicolons and a final period removed, but
 * not the period of an abbreviation such as "a.m." or "U.S.".
 */
export function trimEnd(text: string): string {
  const trimmed = text.trim().replace(/[;,\s]+$/, '');
  return /\.\w\.$/.test(trimmed) ? trimmed : trimmed.replace(/\.+$/, '');
}

/** A required input used inside a sentence; a marker when empty. */
export function inputClause(ctx: DraftContext, id: string, need: string): Inline {
  return optionalClause(ctx, id) ?? marker(need);
}

/** An optional input used as whole sentences, ending with punctuation; null when empty. */
export function inputSentences(ctx: DraftContext, id: string): string | null {
  const text = optionalInput(ctx, id);
  if (!text) return null;
  return /[.!?)"'"]$/.test(text) ? text : `${text}.`;
}

/** A multi-line value (an address) on one line: "12 Aspen Road, Pine Valley, MT 59000". */
export function oneLine(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/,$/, ''))
    .filter(Boolean)
    .join(', ');
}

/** A date input in long form; else the fallback from the data; else a marker. */
export function dateInput(
  ctx: DraftContext,
  id: string,
  need: string,
  fallback: IsoDate | null = null,
): Inline {
  const date = validDate(ctx.inputs[id]) ?? fallback;
  return date ? longDate(date) : marker(need);
}

export function responseBy(ctx: DraftContext): Inline {
  return ctx.responseDate ? longDate(ctx.responseDate) : marker('date you want a reply by');
}

/**
 * The reply date for a letter about an event (a meeting, the first proposed time): the usual
 * reply date, or the day before the event when that comes first, so a letter never asks for a
 * reply after the event it is about. "as soon as possible, and before <event>" when the event is
 * today or tomorrow.
 */
export function replyBefore(ctx: DraftContext, event: IsoDate | null): Inline {
  if (!event || (ctx.responseDate !== null && ctx.responseDate < event)) return responseBy(ctx);
  const dayBefore = addDays(event, -1);
  if (dayBefore <= ctx.today) return `as soon as possible, and before ${longDate(event)}`;
  return longDate(dayBefore);
}

/**
 * "A copy of my service log is enclosed." when the sender attaches the log; printed with
 * exhibits, the sentence naming each exhibit attached (./exhibits.ts); else null.
 */
export function logEnclosed(ctx: DraftContext): Paragraph | null {
  if (ctx.exhibits) return attachedExhibits(ctx);
  return ctx.enclosures.includes('service-log')
    ? p('A copy of my service log, which lists each session, is enclosed.')
    : null;
}

/** The latest letter of a kind marked as sent on or before today. */
export function lastSent(ctx: DraftContext, kind: string): SentLetter | null {
  const sent = ctx.letters.filter(
    (l) => l.letter.kind === kind && l.letter.sentDate !== null && l.letter.sentDate <= ctx.today,
  );
  return sent.at(-1) ?? null;
}

/**
 * "I wrote to you about these missed services on October 5, 2026. You replied on October 21,
 * 2026." or "… I have not had a reply." Null when no such letter is logged as sent.
 */
export function earlierLetterSentence(
  ctx: DraftContext,
  kind: string,
  about: string,
): string | null {
  const sent = lastSent(ctx, kind);
  if (!sent) return null;
  const { sentDate, responseDate, responseSummary } = sent.letter;
  const reply =
    responseDate && responseDate <= ctx.today
      ? ` The district replied on ${longDate(responseDate)}${responseSummary.trim() ? `: "${trimEnd(responseSummary)}"` : ''}.`
      : responseSummary.trim()
        ? ` The district replied: "${trimEnd(responseSummary)}".`
        : ' I have not had a reply.';
  return `I wrote to the district ${about} on ${longDate(sentDate!)}.${reply}`;
}

/**
 * The service a single-service kind is about: the one chosen in the input, else the first of the
 * draft's services that `prefer` likes, else the first of the draft's services.
 */
export function pickService(
  ctx: DraftContext,
  inputId: string,
  prefer: (facts: ServiceFacts) => boolean = () => true,
): ServiceFacts | null {
  const chosen = optionalInput(ctx, inputId);
  const byInput = chosen ? ctx.allServices.find((f) => f.service.id === chosen) : undefined;
  return byInput ?? ctx.services.find(prefer) ?? ctx.services[0] ?? null;
}

/** The services a kind covers: the one chosen in its "service" input, else all of the draft's. */
export function chosenServices(ctx: DraftContext, inputId: string): ServiceFacts[] {
  const chosen = optionalInput(ctx, inputId);
  const byInput = chosen ? ctx.allServices.find((f) => f.service.id === chosen) : undefined;
  return byInput ? [byInput] : ctx.services;
}

export function serviceAsWritten(facts: ServiceFacts | null): Inline {
  return facts?.asWritten ?? marker('the service and minutes as the IEP writes them');
}

// ---------------------------------------------------------------- missed minutes

const BECAUSE: Record<MissedReason, string> = {
  'provider-absent': 'because the provider was absent',
  'provider-vacancy': 'because the provider position was vacant',
  'weather-travel': 'because of weather or travel problems',
  'scheduling-conflict': 'because of a scheduling conflict',
  'reduced-without-meeting': 'because the service was reduced without an IEP meeting',
  'student-absent': 'because my child was absent',
  other: 'for other reasons',
};

/**
 * What a draft may ask to be made up, for one service: the missed and partial sessions the log
 * documents (student absences left out), the make-up minutes set against them, and what is left.
 * `owed` always equals `missed − madeUp`; without district records it is the gap's own `owed`
 * (rules v2): a draft never asks for minutes the log does not show as missed.
 *
 * With the district's records (`district`), the sessions the district's own logs show as not
 * provided on dates the parent's log has no entry for are added (`districtRows`), never a date
 * the parent logged, so no date is counted twice; the district's make-up minutes on dates the
 * parent logged no make-up are set against them too.
 */
export interface ServiceLedger {
  facts: ServiceFacts;
  gap: ServiceGap;
  /** The sessions a draft lists from the parent's log, oldest first. */
  rows: MissedSession[];
  /** Sessions only the district's logs show as not provided (the parent's log has no entry). */
  districtRows: DistrictMissed[];
  /** Σ of the rows' missed minutes (both lists). */
  missed: number;
  /** Make-up minutes set against the rows (never more than `missed`). */
  madeUp: number;
  /** missed − madeUp. */
  owed: number;
}

/** The ledgers of several services and their totals; every owed figure a draft states comes from one. */
export interface OwedLedger {
  services: ServiceLedger[];
  missed: number;
  madeUp: number;
  owed: number;
}

export function serviceLedger(
  facts: ServiceFacts,
  gap: ServiceGap = facts.gap,
  district?: DistrictFacts,
): ServiceLedger {
  const rows = gap.missedSessions.filter((s) => s.reason !== 'student-absent');
  const districtRows = district?.missed.filter((m) => m.parentHadNoRecord) ?? [];
  const missed =
    rows.reduce((sum, s) => sum + s.missed, 0) +
    districtRows.reduce((sum, m) => sum + m.minutes, 0);
  const madeUp = Math.min(gap.madeUp + (district?.madeUpNotInMyLog ?? 0), missed);
  return { facts, gap, rows, districtRows, missed, madeUp, owed: missed - madeUp };
}

/** Which district facts go with a gap: none by default (the parent's log alone). */
export type DistrictOfFacts = (f: ServiceFacts) => DistrictFacts | undefined;
const noDistrict: DistrictOfFacts = () => undefined;

export function owedLedger(
  services: readonly ServiceFacts[],
  gapOf: (f: ServiceFacts) => ServiceGap = (f) => f.gap,
  districtOf: DistrictOfFacts = noDistrict,
): OwedLedger {
  const ledgers = services.map((f) => serviceLedger(f, gapOf(f), districtOf(f)));
  const sum = (key: 'missed' | 'madeUp' | 'owed') => ledgers.reduce((n, l) => n + l[key], 0);
  return { services: ledgers, missed: sum('missed'), madeUp: sum('madeUp'), owed: sum('owed') };
}

export interface MissedGroup {
  reason: MissedReason;
  sessions: number;
  /** Of those, sessions that were cut short rather than missed. */
  partial: number;
  minutes: number;
  dates: IsoDate[];
  /** The distinct notes of the sessions (printed for "other", which needs the explanation). */
  notes: string[];
}

function groupOf(reason: MissedReason, sessions: readonly MissedSession[]): MissedGroup {
  return {
    reason,
    sessions: sessions.length,
    partial: sessions.filter((s) => s.delivered > 0).length,
    minutes: sessions.reduce((sum, s) => sum + s.missed, 0),
    dates: sessions.map((s) => s.date).sort(),
    notes: [...new Set(sessions.map((s) => s.note.trim()).filter(Boolean))].slice(0, 3),
  };
}

/** Missed and partial sessions grouped by reason, in the model's order of reasons. */
export function missedGroups(sessions: readonly MissedSession[]): MissedGroup[] {
  return MISSED_REASONS.flatMap((reason) => {
    const of = sessions.filter((s) => s.reason === reason);
    return of.length === 0 ? [] : [groupOf(reason, of)];
  });
}

/** "5 sessions", "2 sessions cut short", "5 sessions (2 cut short)". */
function sessionCount(group: Pick<MissedGroup, 'sessions' | 'partial'>): string {
  if (group.partial === 0) return plural(group.sessions, 'session');
  if (group.partial === group.sessions) return `${plural(group.sessions, 'session')} cut short`;
  return `${plural(group.sessions, 'session')} (${group.partial} cut short)`;
}

/**
 * "5 sessions, 150 minutes (2.5 hours), missed on September 9, September 22 and October 6, 2026,
 * because the provider was absent". Each group's minutes are the sum of its sessions.
 */
export function missedGroupPhrase(group: MissedGroup, withReason = true): string {
  const notes =
    group.reason === 'other' && group.notes.length > 0 ? ` (${group.notes.join('; ')})` : '';
  const why = withReason ? `, ${BECAUSE[group.reason]}${notes}` : '';
  return `${sessionCount(group)}, ${formatMinutes(group.minutes)}, missed ${listDates(group.dates)}${why}`;
}

/**
 * "In all, 150 minutes (2.5 hours) have not been provided or made up." or, with make-ups, "In all,
 * my log shows 180 minutes missed; 30 minutes of them were made up, so 150 minutes … have not been
 * provided or made up." The figures are the ledger's: the listed rows less what was made up.
 */
export function owedSentence(ledger: Pick<ServiceLedger, 'missed' | 'madeUp' | 'owed'>): string {
  const verb = ledger.owed === 1 ? 'has' : 'have';
  if (ledger.madeUp === 0) {
    return `In all, ${formatMinutes(ledger.owed)} ${verb} not been provided or made up.`;
  }
  return `In all, my log shows ${formatMinutes(ledger.missed)} missed; ${formatMinutes(ledger.madeUp)} of them ${ledger.madeUp === 1 ? 'was' : 'were'} made up, so ${formatMinutes(ledger.owed)} ${verb} not been provided or made up.`;
}

/**
 * "My log has no entry for the weeks of Oct 5 and Oct 12, 2026, and shows only part of the week of
 * Sep 7, 2026: 150 more minutes the IEP required that it shows neither as given nor as missed. I
 * am not counting them as missed." Null when every expected minute is in the log.
 */
export function noRecordSentence(gap: ServiceGap): string | null {
  if (gap.unaccounted <= 0) return null;
  const none = gap.unaccountedPeriods.filter((p) => p.regularEntries === 0);
  const part = gap.unaccountedPeriods.filter((p) => p.regularEntries > 0);
  const pieces: string[] = [];
  if (none.length > 0) pieces.push(`has no entry for ${listPeriods(none, gap.period)}`);
  if (part.length > 0) {
    pieces.push(
      `${none.length > 0 ? 'shows only part of' : 'shows only part of the required minutes for'} ${listPeriods(part, gap.period)}`,
    );
  }
  return `My log ${pieces.join(', and ')}: ${formatMinutes(gap.unaccounted)} the IEP required that it shows neither as given nor as missed. I am not counting ${gap.unaccounted === 1 ? 'it' : 'them'} as missed.`;
}

/** The counted periods of a reduction run, oldest first. */
export function reductionPeriods(gap: ServiceGap): PeriodGap[] {
  const run = gap.reduction;
  if (!run) return [];
  return gap.periods
    .filter((p) => p.start >= run.startDate && (!run.endDate || p.end <= run.endDate))
    .slice(0, run.periods);
}

/**
 * The possible cut, only where the log has a record: "My log shows fewer than half of the required
 * minutes delivered in each of the weeks of Sep 28, Oct 5 and Oct 12, 2026." Periods of the run
 * with no record are never said to be short (the no-record sentence lists them). Empty when no
 * period of the run has a record.
 */
export function reductionSentence(gap: ServiceGap): string {
  const recorded = reductionPeriods(gap).filter((p) => p.regularEntries > 0);
  if (recorded.length === 0) return '';
  const where = listPeriods(recorded, gap.period);
  return recorded.length === 1
    ? `My log shows fewer than half of the required minutes delivered in ${where}.`
    : `My log shows fewer than half of the required minutes delivered in each of ${where}.`;
}

/** Sentences that state, for one service, what was required, delivered, missed and owed. */
export function serviceStatus(facts: ServiceFacts, gap: ServiceGap = facts.gap): Inline[] {
  if (gap.countedFrom === null || gap.countedTo === null) {
    return [marker('dates covered, minutes required, minutes delivered and minutes missed')];
  }
  const ledger = serviceLedger(facts, gap);
  const parts: string[] = [];
  const madeUpSessions =
    gap.madeUp > 0 ? `, and ${formatMinutes(gap.madeUp)} in make-up sessions` : '';
  parts.push(
    `${capitalize(periodPhrase(coveredFrom(facts.service, gap.countedFrom), gap.countedTo))}, the IEP required ${formatMinutes(gap.expected)}. My log shows ${formatMinutes(gap.delivered)} delivered in regular sessions${madeUpSessions}.`,
  );
  const groups = missedGroups(ledger.rows);
  if (groups.length === 1) parts.push(`It shows ${missedGroupPhrase(groups[0]!)}.`);
  else if (groups.length > 1) {
    parts.push(
      `It shows these missed minutes: ${groups.map((g) => missedGroupPhrase(g)).join('; ')}.`,
    );
  }
  const absent = missedGroups(gap.missedSessions).find((g) => g.reason === 'student-absent');
  if (absent) {
    parts.push(
      `My child was absent for ${plural(absent.sessions, 'session')} (${formatMinutes(absent.minutes)}) ${listDates(absent.dates)}; I am not counting those minutes.`,
    );
  }
  const noRecord = noRecordSentence(gap);
  if (noRecord) parts.push(noRecord);
  const reduction = reductionSentence(gap);
  if (reduction) parts.push(reduction);
  if (ledger.missed > 0) parts.push(owedSentence(ledger));
  else if (gap.unaccounted === 0) {
    parts.push('All of the required minutes I can count were delivered or made up.');
  } else parts.push('My log shows no session missed for this service.');
  return [parts.join(' ')];
}

/**
 * The short form for a paragraph: "From August 31 to November 1, 2026, the IEP required 540
 * minutes (9 hours); my log shows 330 minutes (5.5 hours) delivered, and 5 sessions, 150 minutes
 * (2.5 hours), missed on …, because the provider was absent. In all, …"
 */
export function serviceStatusShort(facts: ServiceFacts, gap: ServiceGap = facts.gap): Inline[] {
  if (gap.countedFrom === null || gap.countedTo === null) {
    return [marker('dates covered, minutes delivered and minutes missed')];
  }
  const ledger = serviceLedger(facts, gap);
  const groups = missedGroups(ledger.rows);
  const only = groups.length === 1 ? groups[0]! : null;
  const all = groupOf(only?.reason ?? 'other', ledger.rows);
  const missed =
    ledger.rows.length > 0 ? `, and ${missedGroupPhrase(only ?? all, only !== null)}` : '';
  const parts = [
    `${capitalize(periodPhrase(coveredFrom(facts.service, gap.countedFrom), gap.countedTo))}, the IEP required ${formatMinutes(gap.expected)}; my log shows ${formatMinutes(gap.delivered)} delivered${missed}.`,
  ];
  if (ledger.missed > 0) parts.push(owedSentence(ledger));
  const noRecord = gap.unaccounted > 0 ? noRecordShort(gap) : null;
  if (noRecord) parts.push(noRecord);
  return [parts.join(' ')];
}

/** "My log has no record for 60 minutes (1 hour) of it (the week of Oct 12, 2026)." */
function noRecordShort(gap: ServiceGap): string {
  return `My log has no record either way for ${formatMinutes(gap.unaccounted)} the IEP required (${listPeriods(gap.unaccountedPeriods, gap.period)}).`;
}

/**
 * The services with their status: one paragraph for a single service, a list for several (so
 * several services read as a list, not repeated sentences).
 */
export function servicesBlock(
  services: readonly ServiceFacts[],
  gapOf: (f: ServiceFacts) => ServiceGap = (f) => f.gap,
  lead: InlineLike = "My child's IEP requires",
  options: { short?: boolean } = {},
): Block[] {
  const status = options.short ? serviceStatusShort : serviceStatus;
  if (services.length === 0) {
    return [
      p(
        lead,
        ' ',
        marker('each service as the IEP writes it, with the minutes delivered and missed'),
        '.',
      ),
    ];
  }
  if (services.length === 1) {
    const only = services[0]!;
    return [p(lead, ' ', strong(only.asWritten), '. ', status(only, gapOf(only)))];
  }
  return [
    p(lead, ' these services:'),
    ul(services.map((f) => inline(strong(f.asWritten), '. ', status(f, gapOf(f))))),
  ];
}

/** Total owed minutes over the services (the ledger's total). */
export function totalOwed(
  services: readonly ServiceFacts[],
  gapOf: (f: ServiceFacts) => ServiceGap = (f) => f.gap,
  districtOf: DistrictOfFacts = noDistrict,
): number {
  return owedLedger(services, gapOf, districtOf).owed;
}

/** "300 minutes (5 hours)", or a marker when nothing can be counted yet. */
export function owedPhrase(
  services: readonly ServiceFacts[],
  gapOf: (f: ServiceFacts) => ServiceGap = (f) => f.gap,
  districtOf: DistrictOfFacts = noDistrict,
): Inline {
  const counted = services.some((f) => gapOf(f).countedFrom !== null);
  return counted
    ? formatMinutes(totalOwed(services, gapOf, districtOf))
    : marker('total minutes missed');
}

/** The district's reason in a cell: "Provider absent (code PA)". */
export function districtReason(row: Pick<DistrictMissed, 'outcome' | 'codes'>): string {
  const code = row.codes.length > 0 ? ` (code ${row.codes.join(', ')})` : '';
  return `${capitalize(DISTRICT_OUTCOME_LABELS[row.outcome])}${code}`;
}

function reasonLabel(session: MissedSession): string {
  const label = capitalize(MISSED_REASON_LABELS[session.reason]);
  return session.reason === 'other' && session.note.trim()
    ? `${label}: ${session.note.trim()}`
    : label;
}

/**
 * The ledger's rows as a dated table (oldest first; the service column only when several services
 * are listed; a "Record" column when the district's logs add sessions the parent's log has no
 * entry for), followed by its total: "Total: 810 minutes missed, less 30 minutes made up: 780
 * minutes (13 hours) not provided or made up." Empty when no missed session is documented.
 */
export function missedTable(ledger: OwedLedger): Block[] {
  type Row = { f: ServiceFacts; date: IsoDate; cells: string[]; record: string };
  const rows: Row[] = ledger.services
    .flatMap((l) => [
      ...l.rows.map((s) => ({
        f: l.facts,
        date: s.date,
        cells: [String(s.scheduled), String(s.delivered), String(s.missed), reasonLabel(s)],
        record: 'My log',
      })),
      ...l.districtRows.map((m) => ({
        f: l.facts,
        date: m.date,
        cells: [
          String(m.delivered + m.minutes),
          String(m.delivered),
          String(m.minutes),
          districtReason(m),
        ],
        record: "The district's log (no entry in mine)",
      })),
    ])
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (rows.length === 0) return [];
  const withService =
    ledger.services.filter((l) => l.rows.length + l.districtRows.length > 0).length > 1;
  const withRecord = ledger.services.some((l) => l.districtRows.length > 0);
  const head = [
    'Date',
    ...(withService ? ['Service'] : []),
    ...(withRecord ? ['Record'] : []),
    'Minutes scheduled',
    'Minutes delivered',
    'Minutes missed',
    'Reason',
  ];
  return [
    table(
      head,
      rows.map(({ f, date, cells, record }) => [
        longDate(date),
        ...(withService ? [capitalize(serviceShortName(f))] : []),
        ...(withRecord ? [record] : []),
        ...cells,
      ]),
    ),
    p(tableTotal(ledger)),
  ];
}

/** "Total: 810 minutes missed, less 30 minutes made up: 780 minutes (13 hours) not provided or made up." */
export function tableTotal(ledger: Pick<OwedLedger, 'missed' | 'madeUp' | 'owed'>): string {
  const less = ledger.madeUp > 0 ? `, less ${formatMinutes(ledger.madeUp)} made up` : '';
  return `Total: ${formatMinutes(ledger.missed)} missed${less}: ${formatMinutes(ledger.owed)} not provided or made up.`;
}

/** The service's name without minutes: "speech-language therapy". */
export function serviceShortName(facts: ServiceFacts): string {
  return serviceName(facts.service).trim();
}

/** "speech-language therapy and occupational therapy", or a marker. */
export function serviceNames(services: readonly ServiceFacts[]): Inline[] {
  if (services.length === 0) return [marker('the services')];
  return joinAnd(services.map(serviceShortName));
}

/** The first date a service was missed for one of the reasons, for "since when" defaults. */
export function firstMissedDate(
  services: readonly ServiceFacts[],
  reasons: readonly MissedReason[],
): IsoDate | null {
  const dates = services
    .flatMap((f) => f.gap.missedSessions)
    .filter((s) => reasons.includes(s.reason))
    .map((s) => s.date)
    .sort();
  return dates[0] ?? null;
}

/**
 * The gap counted only from the first whole period that starts on or after `from` (a transfer
 * counts from the enrollment date): periods, sessions and totals before it are left out, so the
 * figures never include minutes due before that date. A partly covered period is left out too.
 */
export function gapFrom(gap: ServiceGap, from: IsoDate | null): ServiceGap {
  if (!from || gap.countedFrom === null || gap.countedFrom >= from) return gap;
  const periods = gap.periods.filter((period) => period.start >= from);
  const start = periods[0]?.start ?? null;
  const inside = (date: IsoDate) => start !== null && date >= start;
  const missedSessions = gap.missedSessions.filter((s) => inside(s.date));
  const sum = (key: 'expected' | 'delivered' | 'madeUp' | 'documentedMissed' | 'unaccounted') =>
    periods.reduce((n, period) => n + period[key], 0);
  const missedByReason = Object.fromEntries(
    MISSED_REASONS.map((r) => [
      r,
      missedSessions.filter((s) => s.reason === r).reduce((n, s) => n + s.missed, 0),
    ]),
  ) as Record<MissedReason, number>;
  const run = gap.reduction;
  return {
    ...gap,
    countedFrom: start,
    countedTo: start === null ? null : gap.countedTo,
    periods,
    missedByReason,
    ...gapTotals({
      expected: sum('expected'),
      delivered: sum('delivered'),
      madeUp: sum('madeUp'),
      documentedMissed: sum('documentedMissed'),
      excused: missedByReason['student-absent'],
    }),
    unaccounted: sum('unaccounted'),
    unaccountedPeriods: periods.filter((period) => period.unaccounted > 0),
    reduction: run && start !== null && run.startDate >= start ? run : null,
    missedSessions,
    makeUpSessions: gap.makeUpSessions.filter((e) => inside(e.date)),
  };
}
