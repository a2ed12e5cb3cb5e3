/**
 * The complaint packet (issue 13): the evidence a letter relies on, as lettered exhibits in the
 * order the letter cites them (lib/drafts/exhibits.ts letters them and the letter names them).
 * Pure: it reads the draft context (built with `exhibits`) and the log, and reuses lib/gap (the
 * totals and the weekly series), lib/district (the reconciliation the context already holds)
 * and the correspondence log. Every figure is a sum of rows in the service log exhibit.
 *
 * - `buildPacket(input)` returns the kept exhibits: each with its `id`, `letter` ("A"), `title`
 *   ("Service log, September 8 – November 20, 2026") and content:
 *   - 'service-log': `rows` — each log entry of the letter's services in the counted period,
 *     oldest first: date, service, scheduled, delivered, missed (lib/gap missedMinutes), reason,
 *     note, and whether it was a make-up session;
 *   - 'gap-summary': `services` — each service with its gap (the complaint's one-year window for
 *     the complaint) and its weekly series inside the period, with the district's delivered
 *     minutes per week when its logs were imported (the chart's second series);
 *   - 'district-logs': `reconciliations` — lib/district's per-service reconciliation, its totals
 *     over the finished weeks or months the district's files cover (never the parent's whole
 *     period against a few weeks of the district's); `files` — what each file covers, a line per
 *     file and service ("File "IC export.csv": 4 records of speech-language therapy, from …");
 *     `differences` — the dates the logs disagree on (district says delivered where my log says
 *     missed, or absent where I logged my child there) or the district's minutes are under the
 *     IEP's per session; `districtMissed` — the sessions the district's own file shows as not
 *     provided; each dated row with what my log and the district's file say, and the file;
 *   - 'correspondence': `rows` — each letter sent before this one: date, subject, to, how sent,
 *     reply date and summary.
 * - `packetRecent(kindId)`: whether a kind counts only the one-year window (the state complaint).
 */
import { startOfWeek, type IsoDate } from '../dates';
import type { ServiceReconciliation } from '../district';
import { districtWeeklyDelivered, reconcileKindLabel } from '../district';
import {
  districtFileLine,
  exhibitLetter,
  exhibitPeriod,
  exhibitTitle,
  letterGap,
  sentBefore,
  type DistrictFacts,
  type DraftContext,
  type ExhibitId,
} from '../drafts';
import { missedMinutes, weeklySeries, type ServiceGap, type WeekPoint } from '../gap';
import {
  serviceName,
  type DistrictRecord,
  type Letter,
  type MissedReason,
  type Service,
  type SessionEntry,
} from '../model';

export interface LogRow {
  id: string;
  date: IsoDate;
  service: Service;
  scheduled: number;
  delivered: number;
  missed: number;
  reason: MissedReason | null;
  makeUp: boolean;
  note: string;
}

/** One service's sums of the service log exhibit's rows: what the letter's figures add up from. */
export interface LogTotals {
  service: Service;
  /** Minutes delivered in regular sessions. */
  delivered: number;
  /** Minutes delivered in make-up sessions. */
  madeUp: number;
  /** Minutes missed for any reason but the child's absence. */
  missed: number;
  /** Minutes missed because the child was absent (never owed). */
  absent: number;
}

/** The sums of the log's rows per service, in the order the services first appear. */
export function logTotals(rows: readonly LogRow[]): LogTotals[] {
  const totals = new Map<string, LogTotals>();
  for (const row of rows) {
    let sum = totals.get(row.service.id);
    if (!sum) {
      sum = { service: row.service, delivered: 0, madeUp: 0, missed: 0, absent: 0 };
      totals.set(row.service.id, sum);
    }
    if (row.makeUp) sum.madeUp += row.delivered;
    else sum.delivered += row.delivered;
    if (row.reason === 'student-absent') sum.absent += row.missed;
    else sum.missed += row.missed;
  }
  return [...totals.values()];
}

export interface SummaryService {
  service: Service;
  gap: ServiceGap;
  /** The finished weeks inside the exhibit's period. */
  series: WeekPoint[];
  /**
   * The district's delivered minutes for each week of `series` (null for a week its files do not
   * cover), when its logs were imported.
   */
  district?: (number | null)[];
}

/**
 * One dated row of the district exhibit's lists, in the packet's voice: what my log says and what
 * the district's file says that day, and which file.
 */
export interface DistrictDateRow {
  date: IsoDate;
  service: Service;
  /** My log's entry that day ("Missed, 30 minutes (provider absent)"; "No entry"). */
  mine: string;
  /** The district's records that day ("Delivered, 30 minutes (code P)"). */
  district: string;
  /** The district's files those records came from. */
  files: string[];
}

/** A date the two logs disagree on, or the district's minutes fall under the IEP's. */
export interface DistrictDifferenceRow extends DistrictDateRow {
  /** What differs: "Conflict: district says delivered, I logged missed" and/or the minutes. */
  what: string;
}

/** A session the district's own file shows as not (fully) provided, absences left out. */
export interface DistrictMissedRow extends DistrictDateRow {
  minutes: number;
}

export interface CorrespondenceRow {
  id: string;
  sentDate: IsoDate;
  kindTitle: string;
  subject: string;
  to: string;
  method: Letter['method'];
  responseDate: IsoDate | null;
  responseSummary: string;
}

interface ExhibitBase<Id extends ExhibitId> {
  id: Id;
  letter: string;
  title: string;
}

export type Exhibit =
  | (ExhibitBase<'service-log'> & { rows: LogRow[] })
  | (ExhibitBase<'gap-summary'> & { services: SummaryService[] })
  | (ExhibitBase<'district-logs'> & {
      reconciliations: ServiceReconciliation[];
      services: Service[];
      files: string[];
      differences: DistrictDifferenceRow[];
      districtMissed: DistrictMissedRow[];
    })
  | (ExhibitBase<'correspondence'> & { rows: CorrespondenceRow[] });

export interface PacketInput {
  /** The letter's context, built with `exhibits` (lib/drafts buildDraftContext). */
  ctx: DraftContext;
  /** Whether the letter counts only the one-year window (packetRecent). */
  recent: boolean;
  /** The student's log. */
  sessions: readonly SessionEntry[];
  /** The district's own service logs, if imported. */
  districtRecords?: readonly DistrictRecord[];
}

export function packetRecent(kindId: string): boolean {
  return kindId === 'state-complaint';
}

function logRows(input: PacketInput, from: IsoDate, to: IsoDate): LogRow[] {
  const services = new Map(input.ctx.services.map((f) => [f.service.id, f.service]));
  return input.sessions
    .filter((e) => services.has(e.serviceId) && e.date >= from && e.date <= to)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.createdAt - b.createdAt))
    .map((e) => ({
      id: e.id,
      date: e.date,
      service: services.get(e.serviceId)!,
      scheduled: e.scheduledMinutes,
      delivered: e.minutesDelivered,
      missed: e.status === 'delivered' ? 0 : missedMinutes(e),
      reason: e.status === 'delivered' ? null : e.reason,
      makeUp: e.makeUp,
      note: e.note,
    }));
}

function summaryServices(input: PacketInput, from: IsoDate, to: IsoDate): SummaryService[] {
  const { ctx, recent } = input;
  const records = input.districtRecords ?? [];
  return ctx.services.map((f) => {
    const gap = letterGap(f, recent);
    const all = ctx.calendar
      ? weeklySeries(f.service, ctx.calendar, [...input.sessions], ctx.today)
      : [];
    const series = all.filter(
      (w) => !w.inProgress && w.weekStart >= startOfWeek(from) && w.weekStart <= to,
    );
    const mine = records.filter((r) => r.serviceId === f.service.id);
    return {
      service: f.service,
      gap,
      series,
      ...(mine.length > 0
        ? { district: districtWeeklyDelivered(f.service, series, mine, ctx.today) }
        : {}),
    };
  });
}

const byDate = <T extends { date: IsoDate }>(rows: T[]) =>
  rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

/**
 * The district exhibit's dated lists over the services with district records, oldest first: the
 * dates the logs disagree on (the letter's conflicts, and the district's own minutes under the
 * IEP's per session, one row per service and date), and the sessions the district's file shows
 * as not provided (the letter's table of them, with the file).
 */
function districtLists(having: { service: Service; facts: DistrictFacts }[]) {
  const differences = having.flatMap(({ service, facts }) => {
    const rows = new Map<IsoDate, DistrictDifferenceRow>();
    for (const c of facts.conflicts) {
      const what = reconcileKindLabel(c.kind, 'me');
      rows.set(c.date, {
        date: c.date,
        service,
        what,
        mine: c.parentSays,
        district: c.districtSays,
        files: c.files,
      });
    }
    for (const u of facts.under) {
      const known = rows.get(u.date);
      if (known) known.what = `${known.what}. ${u.explanation}`;
      else
        rows.set(u.date, {
          date: u.date,
          service,
          what: u.explanation,
          mine: u.parentSays,
          district: u.districtSays,
          files: u.files,
        });
    }
    return [...rows.values()];
  });
  const districtMissed = having.flatMap(({ service, facts }) =>
    facts.missed.map((m): DistrictMissedRow => ({
      date: m.date,
      service,
      minutes: m.minutes,
      mine: m.parentSays,
      district: m.districtSays,
      files: m.files,
    })),
  );
  return { differences: byDate(differences), districtMissed: byDate(districtMissed) };
}

/** One sent letter as the correspondence history lists it (the evidence report's table too). */
export function correspondenceRow(letter: Letter, kindTitle: string): CorrespondenceRow {
  return {
    id: letter.id,
    sentDate: letter.sentDate!,
    kindTitle,
    subject: letter.subject.trim(),
    to: letter.to.trim(),
    method: letter.method,
    responseDate: letter.responseDate,
    responseSummary: letter.responseSummary.trim(),
  };
}

function correspondenceRows(ctx: DraftContext): CorrespondenceRow[] {
  return sentBefore(ctx).map(({ letter, kindTitle }) => correspondenceRow(letter, kindTitle));
}

/** The kept exhibits, lettered, in the order the letter cites them. */
export function buildPacket(input: PacketInput): Exhibit[] {
  const { ctx, recent } = input;
  const period = exhibitPeriod(ctx, recent);
  return (ctx.exhibits ?? []).map((id): Exhibit => {
    const base = { letter: exhibitLetter(ctx, id)!, title: exhibitTitle(ctx, id, recent) };
    switch (id) {
      case 'service-log':
        return { id, ...base, rows: period ? logRows(input, period.from, period.to) : [] };
      case 'gap-summary':
        return {
          id,
          ...base,
          services: period ? summaryServices(input, period.from, period.to) : [],
        };
      case 'district-logs': {
        const having = ctx.services.flatMap((f) => {
          const facts = recent ? f.recentDistrict : f.district;
          return facts ? [{ service: f.service, facts }] : [];
        });
        return {
          id,
          ...base,
          services: ctx.services.map((f) => f.service),
          reconciliations: having.map((h) => h.facts.reconciliation),
          files: having.flatMap((h) =>
            h.facts.fileSpans.map((span) => districtFileLine(serviceName(h.service), span)),
          ),
          ...districtLists(having),
        };
      }
      case 'correspondence':
        return { id, ...base, rows: correspondenceRows(ctx) };
    }
  });
}
