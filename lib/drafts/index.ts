/**
 * The Montana draft library: letters and paragraphs filled in from the tracker's data, with
 * citations only from the verified registry. Pure (no browser imports): it runs in the background,
 * in extension pages and in Node.
 *
 * API
 * - `draftKinds: readonly DraftKind[]` — the kinds, in the order of the seed article's
 *   steps: records request (step 1, verify), service concern (step 2), PWN request (step 3),
 *   compensatory services (step 4), state complaint (step 5), then the situation letters in the
 *   order the article raises them (progress-based cuts, IEE, teletherapy, IEP meeting, transfer,
 *   staffing vacancy), then the record-building letters: a follow-up when a reply is overdue, a
 *   service-log request to the provider or cooperative, and the confirmation of a conversation,
 *   and last the questions about the district's own service logs once they are imported
 *   (fifteen in all). Each kind has `id`, `title`, `description` ("Use this when …"), `inputs`
 *   (the fields it needs beyond the tracker's data), `citations` and `render(ctx)`.
 * - `getDraftKind(id: string): DraftKind | undefined`; `listDraftKinds()` gives the same data
 *   without the render function (safe to send in a message).
 * - `buildDraftContext(input: DraftContextInput): DraftContext` — takes raw tracker data (student,
 *   profile, calendar, services, sessions, letters, today; optional serviceIds, inputs,
 *   responseDate, enclosures, otherEnclosure, cc, exhibits, districtRecords, districtImports,
 *   countFrom, gaps) and computes each service's gap through lib/gap, both over every counted
 *   period (from `countFrom` on when given: `countServicesFrom`) and over the state complaint's
 *   one-year window; with `gaps` (each service's whole-IEP gap, lib/db's gap cache) both are
 *   worked out of those (lib/gap gapCountedFrom) and the log is read only for district records; with district records, each service's `district` and
 *   `recentDistrict` facts (./district, from lib/district's reconcileStudent over those gaps).
 *   Without serviceIds a draft covers the services with a problem (owed or unaccounted minutes, missed sessions, a reduction flag), or
 *   every service when none has one. The response date defaults to 10 school days after today
 *   (lib/calendar addSchoolDays); pass `responseDate` to change it.
 * - `renderDraft(kindId: string, ctx: DraftContext, form: DraftForm): RenderedDraft` —
 *   form 'paragraph' (one to three paragraphs for a message being written), 'message' (greeting
 *   to the director by name, body, request with the response date, closing, signature block) or
 *   'document' (the same as a printable letter: date line, the parent's name and address, the
 *   recipient's block — OPI's Dispute Resolution office for the state complaint — "Re:" line,
 *   body, signature line). Letters to the district (and to a named person: `recipient` 'person',
 *   greeted by `addressee`) also get, from ./common, the request to place the letter in the
 *   child's educational record, an "Enclosures:" line when `enclosures` are chosen and a "cc:"
 *   line when `cc` is (names from the profile). Returns { kind, form, recipient, subject, text,
 *   html, markers, notes, blocks }: `html` is safe (every value escaped; only p, ul, ol, li,
 *   table/thead/tbody/tr/th/td, strong, br), `markers` lists the fill-ins still needed ("[date of the evaluation]"), `notes` are plain
 *   notes for the sender that are not part of the letter, `blocks` is the structure text and html
 *   came from (./blocks: p, ul, ol, table; inline text, strong, br, marker) for callers that build
 *   DOM themselves. Throws RangeError for an unknown kind.
 * - Citations (./citations): `citations`, `getCitation`, `cite`, `formatCitation(key,
 *   { withMeaning })`, `searchCitations(query)`, `SHORTCUTS`, `shortcutKey(text)`,
 *   `expandShortcut(text)` (";pwn" → "34 C.F.R. § 300.503"; ";pwn+" adds the meaning).
 * - `escapeHtml`, `toHtml`, `toText` and the `Block`/`Inline` types (./blocks): the one escape
 *   function and the renderers, for callers that build HTML or DOM around a draft.
 * - Suggestions (./suggest): `followUpCandidates(letters, today)` (sent, reply date passed, no
 *   reply logged), `suggestedKinds(ctx)`, `kindsInOrder(ctx)` (suggested first; the service-log
 *   questions only when the district's logs show a conflict or a missed session) and
 *   `letterOptions(letters, today, titleOf)` for an input of type "letter".
 * - Types (./types): DraftKindId and DRAFT_KIND_IDS, DraftForm and DRAFT_FORMS, DraftKind,
 *   InputField, DraftContext, ServiceFacts, SentLetter, DraftParts, RenderedDraft; also
 *   DraftContextInput, DraftKindInfo, DEFAULT_RESPONSE_SCHOOL_DAYS, OPI_ADDRESS_LINES, OPI_PHONE.
 *
 * Inputs: each kind's `inputs` are read from `ctx.inputs[id]` as strings ("YYYY-MM-DD" for dates,
 * a service id for "service"). Empty or invalid values fall back to the tracker's data where the
 * kind says so (a PWN request's change date defaults to the reduction flag's start, a vacancy's
 * date to the first session missed for a vacancy), otherwise to a fill-in marker.
 *
 * Wording rules: facts first, then the request, then the deadline; plain, firm and courteous; the
 * letter is the parent's own request, so it never contains legal-advice language. Student
 * absences are shown but never counted as owed. Missing data is a visible "[…]" marker.
 */
import { addSchoolDays } from '../calendar';
import { addDays, endOfMonth, startOfMonth, startOfWeek, type IsoDate } from '../dates';
import { computeStudentGaps, describeService, gapCountedFrom, type ServiceGap } from '../gap';
import {
  MISSED_REASONS,
  emptyProfile,
  type DistrictImport,
  type DistrictRecord,
  type Letter,
  type MissedReason,
  type Profile,
  type SchoolCalendar,
  type Service,
  type SessionEntry,
  type Student,
} from '../model';
import { districtFactsOf } from './district';
import { availableExhibits } from './exhibits';
import { compensatoryServices } from './kinds/compensatory-services';
import { conversationConfirmation } from './kinds/conversation-confirmation';
import { followUp } from './kinds/follow-up';
import { iepMeetingRequest } from './kinds/iep-meeting-request';
import { ieeRequest } from './kinds/iee-request';
import { progressDataRequest } from './kinds/progress-data-request';
import { pwnRequest } from './kinds/pwn-request';
import { recordsRequest } from './kinds/records-request';
import { serviceConcern } from './kinds/service-concern';
import { serviceLogQuestions } from './kinds/service-log-questions';
import { serviceLogRequest } from './kinds/service-log-request';
import { staffingVacancy } from './kinds/staffing-vacancy';
import { stateComplaint } from './kinds/state-complaint';
import { teletherapyInquiry } from './kinds/teletherapy-inquiry';
import { transferComparableServices } from './kinds/transfer-comparable-services';
import { renderParts } from './letter';
import { suggestedKinds } from './suggest';
import type {
  CcId,
  DraftContext,
  DraftForm,
  DraftKind,
  EnclosureId,
  ExhibitId,
  InputField,
  RenderedDraft,
  SentLetter,
  ServiceFacts,
} from './types';
import { oneYearBefore, validDate } from './words';

export * from './types';
export * from './citations';
export { escapeHtml, toHtml, toText, type Block, type Inline } from './blocks';
export { OPI_ADDRESS_LINES, OPI_PHONE } from './opi';
export { CC_LABELS, CC_NAME_FIELDS, ENCLOSURE_LABELS } from './common';
export {
  EXHIBIT_LABELS,
  NO_RESPONSE,
  availableExhibits,
  exhibitLetter,
  exhibitPeriod,
  exhibitTitle,
  letterGap,
  periodText,
  sentBefore,
} from './exhibits';
export { districtFileLine } from './district';
export {
  followUpCandidates,
  letterOptions,
  suggestedKinds,
  type FollowUpCandidate,
} from './suggest';

export const draftKinds: readonly DraftKind[] = [
  recordsRequest,
  serviceConcern,
  pwnRequest,
  compensatoryServices,
  stateComplaint,
  progressDataRequest,
  ieeRequest,
  teletherapyInquiry,
  iepMeetingRequest,
  transferComparableServices,
  staffingVacancy,
  followUp,
  serviceLogRequest,
  conversationConfirmation,
  serviceLogQuestions,
];

/**
 * The kinds to offer, with the ones suggested for this context (`suggestedKinds`) first. The
 * questions about the district's service logs are offered only when the district's logs show a
 * conflict or a session not provided.
 */
export function kindsInOrder(ctx: DraftContext): DraftKind[] {
  const first = suggestedKinds(ctx);
  const offered = draftKinds.filter(
    (k) => k.id !== 'service-log-questions' || first.includes(k.id),
  );
  return [
    ...offered.filter((k) => first.includes(k.id)),
    ...offered.filter((k) => !first.includes(k.id)),
  ];
}

export function getDraftKind(id: string): DraftKind | undefined {
  return draftKinds.find((kind) => kind.id === id);
}

/** A kind without its render function, for menus and messages. */
export interface DraftKindInfo {
  id: DraftKind['id'];
  title: string;
  description: string;
  inputs: readonly InputField[];
}

export function listDraftKinds(): DraftKindInfo[] {
  return draftKinds.map(({ id, title, description, inputs }) => ({
    id,
    title,
    description,
    inputs,
  }));
}

// ---------------------------------------------------------------- context

export interface DraftContextInput {
  student: Student | null;
  profile: Profile | null;
  calendar: SchoolCalendar | null;
  /** The student's services (others are ignored). */
  services: readonly Service[];
  /**
   * The student's log. With `gaps` it is read only for the district's records (their
   * reconciliation), so it may be left empty when there are none.
   */
  sessions: readonly SessionEntry[];
  /**
   * Each service's gap as of `today` over its whole IEP, as the gap engine gives it for the
   * services as stored (lib/db's gap cache): the gaps are then taken from it instead of worked
   * out from the log (`gapCountedFrom` for a later start). Default: computed from `sessions`.
   */
  gaps?: readonly ServiceGap[];
  /** Count each service only from the period containing this date (the letter page's choice). */
  countFrom?: IsoDate | null;
  letters: readonly Letter[];
  today: IsoDate;
  /** The services the draft is about; default: those with a problem. */
  serviceIds?: readonly string[];
  inputs?: Readonly<Record<string, string>>;
  /** The reply date to ask for; default 10 school days after today. */
  responseDate?: IsoDate | null;
  /** What the sender attaches; default none. */
  enclosures?: readonly EnclosureId[];
  /** What the `other` enclosure is, in the sender's words; default ''. */
  otherEnclosure?: string;
  /** Who gets a copy; default nobody. */
  cc?: readonly CcId[];
  /**
   * Printing with exhibits: the exhibits the sender keeps, and whether the letter counts only the
   * complaint's one-year window (`recent`); default null (no exhibits).
   */
  exhibits?: { keep: readonly ExhibitId[]; recent: boolean } | null;
  /** The district's own service logs as imported (lib/db listDistrictRecords); default none. */
  districtRecords?: readonly DistrictRecord[];
  /** The imports they came from, for the file names; default none. */
  districtImports?: readonly DistrictImport[];
}

/** School days a district is asked to reply within by default. */
export const DEFAULT_RESPONSE_SCHOOL_DAYS = 10;

/** A gap with nothing counted, for services that cannot be computed (no calendar). */
function emptyGap(service: Service, asOf: IsoDate): ServiceGap {
  const byReason = Object.fromEntries(MISSED_REASONS.map((r) => [r, 0])) as Record<
    MissedReason,
    number
  >;
  return {
    serviceId: service.id,
    period: service.period,
    asOf,
    countedFrom: null,
    countedTo: null,
    periods: [],
    inProgress: null,
    expected: 0,
    delivered: 0,
    madeUp: 0,
    shortfall: 0,
    documentedMissed: 0,
    missedByReason: byReason,
    excused: 0,
    owed: 0,
    unaccounted: 0,
    unaccountedPeriods: [],
    deliveryRate: null,
    reduction: null,
    missedSessions: [],
    makeUpSessions: [],
    entriesOutsidePeriods: 0,
  };
}

/** The first day of the first whole period on or after the window's start. */
function firstPeriodStart(service: Service, windowStart: IsoDate): IsoDate {
  if (service.period === 'week') {
    return startOfWeek(windowStart) === windowStart
      ? windowStart
      : startOfWeek(addDays(windowStart, 7));
  }
  if (service.period === 'month') {
    return startOfMonth(windowStart) === windowStart
      ? windowStart
      : addDays(endOfMonth(windowStart), 1);
  }
  return windowStart;
}

function hasProblem(facts: ServiceFacts): boolean {
  const { gap } = facts;
  return (
    gap.owed > 0 ||
    gap.unaccounted > 0 ||
    gap.reduction !== null ||
    gap.missedSessions.some((s) => s.reason !== 'student-absent') ||
    (facts.district?.conflicts.length ?? 0) > 0 ||
    (facts.district?.missed.length ?? 0) > 0
  );
}

/**
 * Counts a service only from the period (week or month, or the day) containing `from`: its start
 * date moves there, so the draft's totals and "from … to …" cover only that stretch.
 */
export function countServicesFrom(services: readonly Service[], from: IsoDate | null): Service[] {
  if (!from) return [...services];
  return services.map((service) => {
    const start =
      service.period === 'week'
        ? startOfWeek(from)
        : service.period === 'month'
          ? startOfMonth(from)
          : from;
    return start > service.startDate ? { ...service, startDate: start } : service;
  });
}

/**
 * Each counted service's gap over its counted periods: from the given whole-IEP gaps when there
 * are some (a service counted from later is worked out from its whole gap), else from the log.
 */
function countedGaps(input: DraftContextInput, stored: Service[], counted: Service[]) {
  const { calendar, today } = input;
  if (!calendar) return counted.map((s) => emptyGap(s, today));
  if (!input.gaps) return computeStudentGaps(counted, calendar, [...input.sessions], today);
  const byService = new Map(input.gaps.map((gap) => [gap.serviceId, gap]));
  return counted.map((service, i) => {
    const whole = byService.get(service.id);
    if (!whole) throw new Error('A service has no gap: the gaps are not for these services.');
    return service === stored[i] ? whole : gapCountedFrom(whole, service.startDate);
  });
}

function serviceFacts(input: DraftContextInput, stored: Service[], windowStart: IsoDate) {
  const { calendar, today } = input;
  const sessions = [...input.sessions];
  const services = countServicesFrom(stored, input.countFrom ?? null);
  const gaps = countedGaps(input, stored, services);
  // The complaint window: count each service only from its first whole period inside the year.
  const clipped = services.map((service) => {
    const start = firstPeriodStart(service, windowStart);
    return service.startDate >= start ? service : { ...service, startDate: start };
  });
  const changed = clipped.filter((s, i) => s !== services[i]);
  const recent =
    calendar && !input.gaps
      ? computeStudentGaps(
          changed.filter((s) => s.startDate <= s.endDate),
          calendar,
          sessions,
          today,
        )
      : [];
  const recentGaps = services.map((service, i) => {
    const inWindow = clipped[i]!;
    if (inWindow === service) return gaps[i]!;
    if (calendar && input.gaps && inWindow.startDate <= inWindow.endDate)
      return gapCountedFrom(gaps[i]!, inWindow.startDate);
    return recent.find((g) => g.serviceId === service.id) ?? emptyGap(service, today);
  });
  // What the district's own logs show, reconciled over the same gaps (lib/district).
  const records = (input.districtRecords ?? []).filter((r) =>
    services.some((s) => s.id === r.serviceId),
  );
  const imports = input.districtImports ?? [];
  const district = districtFactsOf(services, gaps, sessions, records, imports);
  const recentDistrict = districtFactsOf(
    services,
    recentGaps,
    sessions,
    records,
    imports,
    windowStart,
  );
  return services.map((service, i): ServiceFacts => ({
    service,
    asWritten: describeService(service),
    gap: gaps[i]!,
    recentGap: recentGaps[i]!,
    ...(district[i] ? { district: district[i] } : {}),
    ...(recentDistrict[i] ? { recentDistrict: recentDistrict[i] } : {}),
  }));
}

function sentLetters(letters: readonly Letter[], studentId: string | null): SentLetter[] {
  return letters
    .filter((l) => (studentId === null || l.studentId === studentId) && l.status === 'sent')
    .filter((l) => l.sentDate !== null)
    .sort((a, b) => (a.sentDate! < b.sentDate! ? -1 : a.sentDate! > b.sentDate! ? 1 : 0))
    .map((letter) => ({ letter, kindTitle: getDraftKind(letter.kind)?.title ?? 'Letter' }));
}

/** Everything a kind renders from, computed from raw tracker data. */
export function buildDraftContext(input: DraftContextInput): DraftContext {
  const { student, calendar, today } = input;
  const studentId = student?.id ?? null;
  const services = input.services.filter((s) => studentId === null || s.studentId === studentId);
  const complaintWindowStart = oneYearBefore(today);
  const allServices = serviceFacts(input, services, complaintWindowStart);
  const chosen = input.serviceIds
    ? allServices.filter((f) => input.serviceIds!.includes(f.service.id))
    : allServices.filter(hasProblem);
  const responseDate =
    validDate(input.responseDate) ??
    (calendar ? addSchoolDays(calendar, today, DEFAULT_RESPONSE_SCHOOL_DAYS) : null);
  const ctx: DraftContext = {
    today,
    student,
    profile: input.profile ?? emptyProfile,
    calendar,
    services: chosen.length > 0 || input.serviceIds ? chosen : allServices,
    allServices,
    letters: sentLetters(input.letters, studentId),
    inputs: input.inputs ?? {},
    responseDate,
    complaintWindowStart,
    enclosures: input.enclosures ?? [],
    otherEnclosure: input.otherEnclosure ?? '',
    cc: input.cc ?? [],
    exhibits: null,
  };
  const { exhibits } = input;
  if (!exhibits) return ctx;
  const kept = availableExhibits(ctx, exhibits.recent).filter((id) => exhibits.keep.includes(id));
  return { ...ctx, exhibits: kept };
}

// ---------------------------------------------------------------- render

export function renderDraft(kindId: string, ctx: DraftContext, form: DraftForm): RenderedDraft {
  const kind = getDraftKind(kindId);
  if (!kind) throw new RangeError(`Unknown draft kind: ${kindId.slice(0, 60)}`);
  return renderParts(kind, ctx, form);
}
