/** Types shared by the draft kinds and the renderer (documented in ./index.ts). */
import type { IsoDate } from '../dates';
import type { ServiceReconciliation } from '../district/reconcile';
import type { ServiceGap } from '../gap/types';
import type { DistrictOutcome, Letter, Profile, SchoolCalendar, Service, Student } from '../model';
import type { Block, Inline } from './blocks';
import type { CitationKey } from './citations';

export const DRAFT_KIND_IDS = [
  'records-request',
  'service-concern',
  'pwn-request',
  'compensatory-services',
  'state-complaint',
  'progress-data-request',
  'iee-request',
  'teletherapy-inquiry',
  'iep-meeting-request',
  'transfer-comparable-services',
  'staffing-vacancy',
  'follow-up',
  'service-log-request',
  'conversation-confirmation',
  'service-log-questions',
] as const;
export type DraftKindId = (typeof DRAFT_KIND_IDS)[number];

export const DRAFT_FORMS = ['paragraph', 'message', 'document'] as const;
/**
 * paragraph: one to three paragraphs to drop into a message being written;
 * message: a full e-mail (greeting, body, request with a date, closing, signature);
 * document: the message as a printable letter (date, addresses, "Re:" line, signature line).
 */
export type DraftForm = (typeof DRAFT_FORMS)[number];

/** One service with its gap, as drafts use it. */
export interface ServiceFacts {
  service: Service;
  /** As the IEP writes it: "60 minutes of speech-language therapy per week (2 sessions)". */
  asWritten: string;
  /** The gap as of today over every counted period. */
  gap: ServiceGap;
  /** The gap counted only from the first full period within one year of today (state complaint). */
  recentGap: ServiceGap;
  /**
   * What the district's own service logs show for this service, reconciled with the parent's log
   * over `gap`'s counted periods (lib/district reconcile); undefined when no district record of
   * this service was imported.
   */
  district?: DistrictFacts;
  /** The same over `recentGap` (the state complaint's year); undefined as `district` is. */
  recentDistrict?: DistrictFacts;
}

/** A date the district's log and the parent's log disagree on (a reconcile conflict). */
export interface DistrictConflict {
  date: IsoDate;
  kind: 'conflict-delivered' | 'conflict-absent';
  /** What the parent's log says that day, in the parent's words: "Missed (provider absent)". */
  parentSays: string;
  /** What the district's log says that day: "Delivered, 30 minutes (code P)". */
  districtSays: string;
  /** The names of the district's files that day's records came from. */
  files: string[];
}

/**
 * A date the district's own log gives fewer minutes than the IEP's per-session minutes (one
 * session's share), whatever the parent's log says.
 */
export interface DistrictUnder {
  date: IsoDate;
  /** "The district's own log shows 20 minutes of the IEP's 30 minutes per session." */
  explanation: string;
  parentSays: string;
  districtSays: string;
  files: string[];
}

/** A session the district's own log shows as not (fully) provided, student absences left out. */
export interface DistrictMissed {
  date: IsoDate;
  /** Minutes the district's log shows as not provided that day (student absences left out). */
  minutes: number;
  /** Minutes the district's log shows as given that day. */
  delivered: number;
  /** The district's reason, once its attendance code was read. */
  outcome: DistrictOutcome;
  /** The codes as the district wrote them. */
  codes: string[];
  /** True when the parent's log has no regular entry that day (the date may be added to owed). */
  parentHadNoRecord: boolean;
  /** What the parent's log says that day ("No entry" when nothing). */
  parentSays: string;
  /** What the district's log says that day: "Provider absent (code PA)". */
  districtSays: string;
  /** The names of the district's files that day's records came from. */
  files: string[];
}

/** The dates one district file's records of a service run over (what the file covers). */
export interface DistrictFileSpan {
  /** The file's name as imported ("" when it had none). */
  file: string;
  from: IsoDate;
  to: IsoDate;
  records: number;
}

/** One service's district records as drafts use them; every figure is a sum of listed rows. */
export interface DistrictFacts {
  /** District records of this service imported (all dates). */
  records: number;
  /** The first and last date of those records. */
  from: IsoDate;
  to: IsoDate;
  /** The names of the files they came from. */
  files: string[];
  /** Per file: its name and the first and last date of its records of this service. */
  fileSpans: DistrictFileSpan[];
  /** Sessions the district's log shows as not provided, in counted periods, oldest first. */
  missed: DistrictMissed[];
  /** Dates the two logs disagree on, oldest first. */
  conflicts: DistrictConflict[];
  /** Dates the district's own log gives less than the IEP's per-session minutes, oldest first. */
  under: DistrictUnder[];
  /**
   * Make-up minutes the district's log shows, in counted periods, on dates the parent's log has
   * no make-up entry (set against owed minutes when district-confirmed sessions are added).
   */
  madeUpNotInMyLog: number;
  /** The reconciliation these facts come from. */
  reconciliation: ServiceReconciliation;
}

/** A letter already sent, with the title of its kind (for the complaint's history of requests). */
export interface SentLetter {
  letter: Letter;
  kindTitle: string;
}

/**
 * Something the sender attaches to a letter, chosen on the letter page. The letter's
 * "Enclosures:" line lists them, and a letter that relies on the log says the log is enclosed
 * when `service-log` is among them.
 */
export const ENCLOSURE_IDS = [
  'service-log',
  'gap-summary',
  'iep-services-page',
  'earlier-letters',
  'other',
] as const;
export type EnclosureId = (typeof ENCLOSURE_IDS)[number];

/**
 * Evidence printed after the letter as lettered exhibits (issue 13; ./exhibits.ts), in the order
 * the letters cite them: the log, the totals with the weekly chart, the district's own logs next
 * to the parent's, and the earlier letters with the replies.
 */
export const EXHIBIT_IDS = [
  'service-log',
  'gap-summary',
  'district-logs',
  'correspondence',
] as const;
export type ExhibitId = (typeof EXHIBIT_IDS)[number];

/**
 * People a letter can be copied to ("cc:"), chosen on the letter page; their names come from the
 * profile ("Your details"). The director is offered only for letters not addressed to them.
 */
export const CC_IDS = ['director', 'principal', 'case-manager', 'coop-director'] as const;
export type CcId = (typeof CC_IDS)[number];

export interface DraftContext {
  today: IsoDate;
  student: Student | null;
  profile: Profile;
  calendar: SchoolCalendar | null;
  /** The services this draft is about. */
  services: ServiceFacts[];
  /** Every service of the student (for inputs of type "service"). */
  allServices: ServiceFacts[];
  /** Letters marked as sent, oldest first. */
  letters: SentLetter[];
  /** Values of the kind's extra inputs, by input id (dates as "YYYY-MM-DD"). */
  inputs: Readonly<Record<string, string>>;
  /** The date the letter asks for a reply by; null when it cannot be computed (no calendar). */
  responseDate: IsoDate | null;
  /** One year before today: a state complaint covers only violations from this date on. */
  complaintWindowStart: IsoDate;
  /** What the sender attaches (letter page); empty when nothing is chosen. */
  enclosures: readonly EnclosureId[];
  /** What `other` in `enclosures` stands for, in the sender's words ("" when not given). */
  otherEnclosure: string;
  /** Who gets a copy (letter page); empty when nobody is chosen. */
  cc: readonly CcId[];
  /**
   * The exhibits printed after the letter, in citing order (the first is Exhibit A); null when
   * the letter is not printed with exhibits. Only exhibits the data can fill are kept.
   */
  exhibits: readonly ExhibitId[] | null;
}

export interface InputOption {
  value: string;
  label: string;
}

/** An input a kind needs beyond the tracker's data. */
export interface InputField {
  id: string;
  label: string;
  /**
   * "service" is the id of one of the student's services; "letter" is the id of one of the
   * student's sent letters (offer `followUpCandidates` first: sent, reply date passed, no reply).
   */
  type: 'text' | 'date' | 'textarea' | 'service' | 'select' | 'letter';
  required: boolean;
  /** One plain sentence shown under the field. */
  help: string;
  /** For "select". */
  options?: readonly InputOption[];
}

/** What a kind renders; ./index.ts wraps it into the three forms. */
export interface DraftParts {
  subject: Inline[];
  /** One to three paragraphs (a list may sit between them) for a message being written. */
  paragraph: Block[];
  /** The full message body: facts first, then the request, then the deadline. */
  body: Block[];
  /**
   * Who the message and document are addressed to: the special education director (district),
   * OPI's Dispute Resolution office, or another named person at the school, the district or the
   * cooperative (a provider, the cooperative's director, the principal), named in `addressee`.
   */
  recipient: 'district' | 'opi' | 'person';
  /** For 'person': the greeting's name, then the address block's lines (title, organization). */
  addressee?: { name: Inline; lines: Inline[][] };
  /**
   * Whether the message and document ask for the letter to be placed in the child's educational
   * record (default: only letters to the district).
   */
  fileInRecord?: boolean;
  /** Plain notes for the person sending (shown by the UI, never part of the letter). */
  notes: string[];
  /**
   * What the message form uses instead of subject, body and recipient, when it differs from the
   * printable document (the state complaint: only the document is the complaint; the message
   * tells the district the parent is filing).
   */
  messageParts?: Pick<DraftParts, 'subject' | 'body' | 'recipient'>;
}

export interface DraftKind {
  id: DraftKindId;
  title: string;
  /** One line: "Use this when …". */
  description: string;
  inputs: readonly InputField[];
  /** Every citation the kind may print. */
  citations: readonly CitationKey[];
  render(ctx: DraftContext): DraftParts;
}

export interface RenderedDraft {
  kind: DraftKindId;
  form: DraftForm;
  /** Who the message and document are addressed to (DraftParts.recipient). */
  recipient: DraftParts['recipient'];
  subject: string;
  text: string;
  html: string;
  /** Fill-in markers left in the subject or text, e.g. "[date of the evaluation]". */
  markers: string[];
  /** Notes for the sender, not part of the letter. */
  notes: string[];
  /** The structure text and html were rendered from (for callers that build DOM from it). */
  blocks: Block[];
}
