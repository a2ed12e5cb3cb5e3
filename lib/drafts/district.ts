/**
 * What the district's own service logs show, as drafts state it: built from lib/district's
 * reconciliation (never recomputed here) and always stated apart from the parent's log. Every
 * total is the sum of the rows listed beside it.
 */
import type { IsoDate } from '../dates';
import { reconcileStudent } from '../district/reconcile';
import { underSentence } from '../district/words';
import type { DistrictDay, ParentDay, ServiceReconciliation } from '../district/reconcile';
import { formatMinutes as mins } from '../gap';
import type { ServiceGap } from '../gap/types';
import {
  DISTRICT_OUTCOME_LABELS,
  MISSED_REASON_LABELS,
  type DistrictImport,
  type DistrictRecord,
  type Service,
  type SessionEntry,
} from '../model';
import { inline, p, table, type Block, type Inline } from './blocks';
import { districtReason, serviceShortName as shortName, type OwedLedger } from './facts';
import type {
  DistrictConflict,
  DistrictFacts,
  DistrictFileSpan,
  DistrictMissed,
  DistrictUnder,
  ServiceFacts,
} from './types';
import { capitalize } from '../text';
import { formatMinutes, joinAnd, longDate, periodPhrase, plural, whenPhrase } from './words';

/** What the parent's log says on a day, in the parent's words: "Missed 30 minutes (provider absent)". */
export function parentSays(day: ParentDay | null): string {
  if (!day || day.regularEntries === 0) return 'No entry';
  const reasons = [...new Set(day.reasons)].map((r) => MISSED_REASON_LABELS[r]).join(', ');
  const why = reasons ? ` (${reasons})` : '';
  if (day.missed === 0) return `Delivered, ${mins(day.delivered)}`;
  if (day.delivered === 0) return `Missed, ${mins(day.missed)}${why}`;
  return `${capitalize(mins(day.delivered))} delivered, ${mins(day.missed)} missed${why}`;
}

/** What the district's log says on a day: "Delivered, 30 minutes (code P)". */
export function districtSays(day: DistrictDay): string {
  const outcomes = [...new Set(day.outcomes)].map((o) => DISTRICT_OUTCOME_LABELS[o]).join(', ');
  const given = day.delivered > 0 ? `, ${mins(day.delivered)} given` : '';
  const codes = [...new Set(day.codes.map((c) => c.trim()).filter(Boolean))];
  const code = codes.length > 0 ? ` (code ${codes.join(', ')})` : '';
  if (day.outcomes.every((o) => o === 'delivered')) {
    return `Delivered, ${mins(day.delivered)}${code}`;
  }
  return `${capitalize(outcomes)}${given}${code}`;
}

function inPeriods(gap: ServiceGap, date: IsoDate): boolean {
  return gap.periods.some((period) => period.start <= date && date <= period.end);
}

/** One service's district facts from its reconciliation; undefined when it has no record. */
export function districtFacts(
  reconciliation: ServiceReconciliation,
  gap: ServiceGap,
  records: readonly DistrictRecord[],
  imports: readonly DistrictImport[],
): DistrictFacts | undefined {
  const own = records.filter((r) => r.serviceId === reconciliation.serviceId);
  if (own.length === 0) return undefined;
  const dates = own.map((r) => r.date).sort();
  const importIds = new Set(own.map((r) => r.importId));
  const files = [
    ...new Set(imports.filter((i) => importIds.has(i.id)).map((i) => i.fileName.trim())),
  ].filter(Boolean);
  const fileOf = new Map(imports.map((i) => [i.id, i.fileName.trim()]));
  const fileSpans = reconciliation.spans.map((span): DistrictFileSpan => ({
    file: fileOf.get(span.importId) ?? '',
    from: span.from,
    to: span.to,
    records: span.records,
  }));
  const rowOf = new Map(reconciliation.rows.map((row) => [row.date, row]));
  const filesOf = (day: DistrictDay) => [
    ...new Set(day.importIds.map((id) => fileOf.get(id) ?? '').filter(Boolean)),
  ];
  const missed = reconciliation.districtConfirmedMissed.map((session): DistrictMissed => {
    const row = rowOf.get(session.date)!;
    const day = row.district!;
    return {
      date: session.date,
      minutes: session.minutesMissed,
      delivered: day.delivered,
      outcome: session.outcome,
      codes: [...new Set(day.codes.map((c) => c.trim()).filter(Boolean))],
      parentHadNoRecord: session.parentHadNoRecord,
      parentSays: parentSays(row.parent),
      districtSays: districtSays(day),
      files: filesOf(day),
    };
  });
  const conflicts = reconciliation.rows.flatMap((row): DistrictConflict[] =>
    row.kind === 'conflict-delivered' || row.kind === 'conflict-absent'
      ? [
          {
            date: row.date,
            kind: row.kind,
            parentSays:
              row.kind === 'conflict-absent'
                ? `My child was there: ${parentSays(row.parent).replace(/^./, (c) => c.toLowerCase())}`
                : parentSays(row.parent),
            districtSays: districtSays(row.district!),
            files: filesOf(row.district!),
          },
        ]
      : [],
  );
  const under = reconciliation.rows.flatMap((row): DistrictUnder[] => {
    const explanation = underSentence(row);
    return explanation
      ? [
          {
            date: row.date,
            explanation,
            parentSays: parentSays(row.parent),
            districtSays: districtSays(row.district!),
            files: filesOf(row.district!),
          },
        ]
      : [];
  });
  const madeUpNotInMyLog = reconciliation.rows
    .filter((row) => row.district && row.district.madeUp > 0 && (row.parent?.madeUp ?? 0) === 0)
    .filter((row) => inPeriods(gap, row.date))
    .reduce((sum, row) => sum + row.district!.madeUp, 0);
  return {
    records: own.length,
    from: dates[0]!,
    to: dates[dates.length - 1]!,
    files,
    fileSpans,
    missed,
    conflicts,
    under,
    madeUpNotInMyLog,
    reconciliation,
  };
}

/**
 * Each service's district facts over the given gaps (one per service, same order), through
 * lib/district's reconcileStudent. `from` leaves out conflicts before a date (the complaint's year).
 */
export function districtFactsOf(
  services: readonly Service[],
  gaps: readonly ServiceGap[],
  entries: readonly SessionEntry[],
  records: readonly DistrictRecord[],
  imports: readonly DistrictImport[],
  from: IsoDate | null = null,
): (DistrictFacts | undefined)[] {
  if (records.length === 0) return services.map(() => undefined);
  const reconciled = reconcileStudent(services, gaps, entries, records);
  return services.map((service, i) => {
    const reconciliation = reconciled.find((r) => r.serviceId === service.id);
    const facts = reconciliation && districtFacts(reconciliation, gaps[i]!, records, imports);
    if (!facts || from === null) return facts;
    return {
      ...facts,
      conflicts: facts.conflicts.filter((c) => c.date >= from),
      under: facts.under.filter((u) => u.date >= from),
    };
  });
}

// ---------------------------------------------------------------- what drafts print

export type DistrictOf = (f: ServiceFacts) => DistrictFacts | undefined;
export const fullDistrict: DistrictOf = (f) => f.district;
export const recentDistrict: DistrictOf = (f) => f.recentDistrict;

/** The services among these with district records imported. */
export function withDistrict(services: readonly ServiceFacts[], of: DistrictOf = fullDistrict) {
  return services.filter((f) => of(f) !== undefined);
}

/**
 * "The district's service logs show 9 sessions of speech-language therapy not provided between
 * September 8 and November 5, 2026 (270 minutes)." Null when they show none.
 */
export function districtMissedSentence(name: string, missed: readonly DistrictMissed[]) {
  if (missed.length === 0) return null;
  const total = missed.reduce((sum, m) => sum + m.minutes, 0);
  const when = whenPhrase(missed[0]!.date, missed[missed.length - 1]!.date);
  return `The district's service logs show ${plural(missed.length, 'session')} of ${name}, ${formatMinutes(total)} in all, not provided or cut short ${when}.`;
}

interface Listed<T> {
  f: ServiceFacts;
  row: T;
}

/**
 * A dated table over several services, oldest first: the service column only when rows come from
 * more than one service. Null when there is no row.
 */
function datedTable<T extends { date: IsoDate }>(
  services: readonly ServiceFacts[],
  rowsOf: (f: ServiceFacts) => readonly T[],
  serviceName: (f: ServiceFacts) => string,
  head: string[],
  cells: (row: T) => string[],
): { listed: Listed<T>[]; block: Block } | null {
  const listed = services
    .flatMap((f) => rowsOf(f).map((row) => ({ f, row })))
    .sort((a, b) => (a.row.date < b.row.date ? -1 : a.row.date > b.row.date ? 1 : 0));
  if (listed.length === 0) return null;
  const withService = new Set(listed.map((l) => l.f)).size > 1;
  const block = table(
    ['Date', ...(withService ? ['Service'] : []), ...head],
    listed.map(({ f, row }) => [
      longDate(row.date),
      ...(withService ? [capitalize(serviceName(f))] : []),
      ...cells(row),
    ]),
  );
  return { listed, block };
}

/**
 * What the district's own logs show as not provided, per service, then one dated table of those
 * sessions with its total ("Total: 270 minutes in 9 sessions, from the district's own logs.").
 * Empty when the district's logs show no such session.
 */
export function districtMissedBlocks(
  services: readonly ServiceFacts[],
  of = fullDistrict,
): Block[] {
  const made = datedTable(
    services,
    (f) => of(f)?.missed ?? [],
    shortName,
    ['Minutes not provided', "The district's log", 'My log'],
    (row) => [String(row.minutes), districtReason(row), row.parentSays],
  );
  if (!made) return [];
  const sentences = services.flatMap((f) => {
    const text = districtMissedSentence(shortName(f), of(f)?.missed ?? []);
    return text ? [text] : [];
  });
  const total = made.listed.reduce((sum, l) => sum + l.row.minutes, 0);
  return [
    p(sentences.join(' ')),
    made.block,
    p(
      `Total: ${formatMinutes(total)} in ${plural(made.listed.length, 'session')}, from the district's own service logs.`,
    ),
  ];
}

/**
 * The dates the two logs disagree on, as a table (date, what my log says, what the district's log
 * says). Empty when there is none.
 */
export function conflictBlocks(services: readonly ServiceFacts[], of = fullDistrict): Block[] {
  const made = datedTable(
    services,
    (f) => of(f)?.conflicts ?? [],
    shortName,
    ['My log', "The district's log"],
    (row) => [row.parentSays, row.districtSays],
  );
  return made ? [made.block] : [];
}

/** The number of conflicts over the services. */
export function conflictCount(services: readonly ServiceFacts[], of: DistrictOf = fullDistrict) {
  return services.reduce((n, f) => n + (of(f)?.conflicts.length ?? 0), 0);
}

/** The number of district-confirmed missed sessions over the services. */
export function districtMissedCount(
  services: readonly ServiceFacts[],
  of: DistrictOf = fullDistrict,
) {
  return services.reduce((n, f) => n + (of(f)?.missed.length ?? 0), 0);
}

/**
 * "I have the district's service logs for speech-language therapy (from September 8 to November
 * 5, 2026; file "IC export.csv")." Null when none was imported.
 */
export function districtSource(
  services: readonly ServiceFacts[],
  of: DistrictOf = fullDistrict,
  serviceName: (f: ServiceFacts) => string = shortName,
): Inline[] | null {
  const having = services.filter((f) => of(f) !== undefined);
  if (having.length === 0) return null;
  const from = having.map((f) => of(f)!.from).sort()[0]!;
  const to = having
    .map((f) => of(f)!.to)
    .sort()
    .at(-1)!;
  const files = [...new Set(having.flatMap((f) => of(f)!.files))];
  const fileWords =
    files.length === 0
      ? ''
      : `; ${files.length === 1 ? 'file' : 'files'} ${joinAnd(files.map((name) => `"${name}"`)).join('')}`;
  const span = from === to ? `for ${longDate(from)}` : periodPhrase(from, to);
  return inline(
    "I have compared my log with the district's own service logs for ",
    joinAnd(having.map(serviceName)),
    ` (${span}${fileWords}).`,
  );
}

/**
 * What one district file covers, for the comparison exhibit: "File "IC export.csv": 4 records of
 * speech-language therapy, from September 8 to October 13, 2026."
 */
export function districtFileLine(name: string, span: DistrictFileSpan): string {
  const file = span.file ? `File "${span.file}"` : 'A file with no name';
  return `${file}: ${plural(span.records, 'record')} of ${name}, ${periodPhrase(span.from, span.to)}.`;
}

/** The sessions a ledger takes from the district's logs (dates the parent's log has no entry for). */
function added(ledger: OwedLedger): { sessions: number; minutes: number } {
  const rows = ledger.services.flatMap((l) => l.districtRows);
  return { sessions: rows.length, minutes: rows.reduce((n, m) => n + m.minutes, 0) };
}

/**
 * "The district's own service logs also show 2 sessions (60 minutes) not provided on dates my log
 * has no entry for." Null when the ledger takes none from them.
 */
export function districtAlsoShows(ledger: OwedLedger): string | null {
  const { sessions, minutes } = added(ledger);
  if (sessions === 0) return null;
  return `The district's own service logs also show ${plural(sessions, 'session')} (${formatMinutes(minutes)}) not provided on ${sessions === 1 ? 'a date' : 'dates'} my log has no entry for.`;
}

/**
 * After the district's table: which of its sessions the ledger adds, and that no date is counted
 * twice. Null when the ledger takes none from the district's logs.
 */
export function districtAddedNote(ledger: OwedLedger): string | null {
  const { sessions, minutes } = added(ledger);
  if (sessions === 0) return null;
  const one = sessions === 1;
  return `Of those, ${plural(sessions, 'session')} (${formatMinutes(minutes)}) ${one ? 'is' : 'are'} on ${one ? 'a date' : 'dates'} my log has no entry for; I have added ${one ? 'it' : 'them'} to the sessions listed below. For every other date my own log's entry is used, so no date is counted twice.`;
}
