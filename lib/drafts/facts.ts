/**
 * The facts every draft states, built from the tracker's data: names, inputs, the services as
 * written, what was delivered and missed, and a dated table of missed sessions. Missing data
 * becomes a visible fill-in marker. Student absences are shown apart and never counted as owed.
 */
import type { IsoDate } from '../dates';
import type { MissedSession, ServiceGap } from '../gap/types';
import { MISSED_REASONS, MISSED_REASON_LABELS, serviceName, type MissedReason } from '../model';
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
  type Table,
} from './blocks';
import type { DraftContext, ServiceFacts } from './types';
import {
  capitalize,
  formatMinutes,
  joinAnd,
  longDate,
  periodPhrase,
  plural,
  validDate,
  whenPhrase,
} from './words';

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
  return trimEnd(optionalInput(ctx, id) ?? '') || null;
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

export interface MissedGroup {
  reason: MissedReason;
  sessions: number;
  /** Of those, sessions that were cut short rather than missed. */
  partial: number;
  minutes: number;
  first: IsoDate;
  last: IsoDate;
  /** The distinct notes of the sessions (printed for "other", which needs the explanation). */
  notes: string[];
}

/** Missed and partial sessions grouped by reason, in the model's order of reasons. */
export function missedGroups(gap: ServiceGap): MissedGroup[] {
  return MISSED_REASONS.flatMap((reason) => {
    const sessions = gap.missedSessions.filter((s) => s.reason === reason);
    if (sessions.length === 0) return [];
    const dates = sessions.map((s) => s.date).sort();
    return [
      {
        reason,
        sessions: sessions.length,
        partial: sessions.filter((s) => s.delivered > 0).length,
        minutes: sessions.reduce((sum, s) => sum + s.missed, 0),
        first: dates[0]!,
        last: dates[dates.length - 1]!,
        notes: [...new Set(sessions.map((s) => s.note.trim()).filter(Boolean))].slice(0, 3),
      },
    ];
  });
}

/** "5 sessions", "2 sessions cut short", "5 sessions (2 cut short)". */
function sessionCount(group: MissedGroup): string {
  if (group.partial === 0) return plural(group.sessions, 'session');
  if (group.partial === group.sessions) return `${plural(group.sessions, 'session')} cut short`;
  return `${plural(group.sessions, 'session')} (${group.partial} cut short)`;
}

/** "5 sessions, 300 minutes (5 hours), missed between … because the provider was absent" */
export function missedGroupPhrase(group: MissedGroup): string {
  const notes =
    group.reason === 'other' && group.notes.length > 0 ? ` (${group.notes.join('; ')})` : '';
  return `${sessionCount(group)}, ${formatMinutes(group.minutes)}, missed ${whenPhrase(group.first, group.last)}, ${BECAUSE[group.reason]}${notes}`;
}

/**
 * The first day the numbers cover: the first counted period's start, or the service's start date
 * when the service began inside that period (a week counted from Monday for a Wednesday start).
 */
export function coveredFrom(facts: ServiceFacts, countedFrom: IsoDate): IsoDate {
  return facts.service.startDate > countedFrom ? facts.service.startDate : countedFrom;
}

/** Sentences that state, for one service, what was required, delivered, missed and owed. */
export function serviceStatus(facts: ServiceFacts, gap: ServiceGap = facts.gap): Inline[] {
  if (gap.countedFrom === null || gap.countedTo === null) {
    return [marker('dates covered, minutes required, minutes delivered and minutes missed')];
  }
  const parts: InlineLike[] = [];
  const made = gap.madeUp > 0 ? `, and ${formatMinutes(gap.madeUp)} were made up` : '';
  parts.push(
    `${capitalize(periodPhrase(coveredFrom(facts, gap.countedFrom), gap.countedTo))}, the IEP required ${formatMinutes(gap.expected)}. Of those, ${formatMinutes(gap.delivered)} ${gap.delivered === 1 ? 'was' : 'were'} delivered${made}.`,
  );
  const groups = missedGroups(gap);
  const counted = groups.filter((g) => g.reason !== 'student-absent');
  if (counted.length > 0) {
    parts.push(
      counted.length === 1
        ? ` My log shows ${missedGroupPhrase(counted[0]!)}.`
        : ` My log shows these missed minutes: ${counted.map(missedGroupPhrase).join('; ')}.`,
    );
  }
  const absent = groups.find((g) => g.reason === 'student-absent');
  if (absent) {
    parts.push(
      ` My child was absent for ${plural(absent.sessions, 'session')} (${formatMinutes(absent.minutes)}) ${whenPhrase(absent.first, absent.last)}; I am not counting those minutes.`,
    );
  }
  if (gap.unaccounted > 0) {
    parts.push(
      ` My records have no entry, delivered or missed, for another ${formatMinutes(gap.unaccounted)} the IEP required.`,
    );
  }
  if (gap.reduction) parts.push(' ', reductionSentence(gap));
  parts.push(
    gap.owed > 0
      ? ` In all, ${formatMinutes(gap.owed)} ${gap.owed === 1 ? 'has' : 'have'} not been provided or made up.`
      : ' All of the required minutes I can count were delivered or made up.',
  );
  return inline(parts);
}

/**
 * One sentence for the paragraph form: "From August 31 to November 1, 2026, 330 of the 540
 * required minutes were delivered, and 150 minutes (2.5 hours) have not been provided or made up,
 * mainly because the provider was absent."
 */
export function serviceStatusShort(facts: ServiceFacts, gap: ServiceGap = facts.gap): Inline[] {
  if (gap.countedFrom === null || gap.countedTo === null) {
    return [marker('dates covered, minutes delivered and minutes missed')];
  }
  const made = gap.madeUp > 0 ? ` (plus ${formatMinutes(gap.madeUp)} made up)` : '';
  const counted = missedGroups(gap).filter((g) => g.reason !== 'student-absent');
  // Name the reason only when it explains all of the missing minutes.
  const only = counted.length === 1 && gap.unaccounted === 0 ? counted[0] : undefined;
  const why = only && gap.owed > 0 ? `, ${BECAUSE[only.reason]}` : '';
  const owed =
    gap.owed > 0
      ? `, and ${formatMinutes(gap.owed)} ${gap.owed === 1 ? 'has' : 'have'} not been provided or made up${why}`
      : '';
  const reduction = gap.reduction ? ` ${reductionSentence(gap)}` : '';
  return [
    `${capitalize(periodPhrase(coveredFrom(facts, gap.countedFrom), gap.countedTo))}, the IEP required ${formatMinutes(gap.expected)}; ${formatMinutes(gap.delivered)} ${gap.delivered === 1 ? 'was' : 'were'} delivered${made}${owed}.${reduction}`,
  ];
}

/**
 * "Since the week of September 14, 2026, fewer than half of the required minutes have been
 * delivered, 4 weeks in a row." A run that has stopped gives both ends instead.
 */
export function reductionSentence(gap: ServiceGap): string {
  const run = gap.reduction;
  if (!run) return '';
  const month = gap.period === 'month';
  const count = plural(run.periods, month ? 'month' : 'week');
  const start = month ? longDate(run.startDate) : `the week of ${longDate(run.startDate)}`;
  if (run.ongoing === false && run.endDate) {
    return `From ${start} to ${longDate(run.endDate)}, fewer than half of the required minutes were delivered, ${count} in a row.`;
  }
  return `Since ${start}, fewer than half of the required minutes have been delivered, ${count} in a row.`;
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

/** Total owed minutes over the services. */
export function totalOwed(
  services: readonly ServiceFacts[],
  gapOf: (f: ServiceFacts) => ServiceGap = (f) => f.gap,
): number {
  return services.reduce((sum, f) => sum + gapOf(f).owed, 0);
}

/** "300 minutes (5 hours)", or a marker when nothing can be counted yet. */
export function owedPhrase(
  services: readonly ServiceFacts[],
  gapOf: (f: ServiceFacts) => ServiceGap = (f) => f.gap,
): Inline {
  const counted = services.some((f) => gapOf(f).countedFrom !== null);
  return counted ? formatMinutes(totalOwed(services, gapOf)) : marker('total minutes missed');
}

function reasonLabel(session: MissedSession): string {
  const label = capitalize(MISSED_REASON_LABELS[session.reason]);
  return session.reason === 'other' && session.note.trim()
    ? `${label}: ${session.note.trim()}`
    : label;
}

/**
 * A dated table of missed sessions (student absences left out unless asked), oldest first. The
 * service column appears only when several services are listed.
 */
export function missedTable(
  services: readonly ServiceFacts[],
  gapOf: (f: ServiceFacts) => ServiceGap = (f) => f.gap,
  options: { includeStudentAbsent?: boolean } = {},
): Table | null {
  const rows = services
    .flatMap((f) =>
      gapOf(f)
        .missedSessions.filter((s) => options.includeStudentAbsent || s.reason !== 'student-absent')
        .map((s) => ({ f, s })),
    )
    .sort((a, b) => (a.s.date < b.s.date ? -1 : a.s.date > b.s.date ? 1 : 0));
  if (rows.length === 0) return null;
  const withService = services.length > 1;
  const head = [
    'Date',
    ...(withService ? ['Service'] : []),
    'Minutes scheduled',
    'Minutes delivered',
    'Minutes missed',
    'Reason',
  ];
  return table(
    head,
    rows.map(({ f, s }) => [
      longDate(s.date),
      ...(withService ? [capitalize(serviceShortName(f))] : []),
      String(s.scheduled),
      String(s.delivered),
      String(s.missed),
      reasonLabel(s),
    ]),
  );
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
