/**
 * The letter page's draft state as a pure reducer: the settings that shape the draft (kind,
 * format, services, counting start, the kind's inputs, reply date, enclosures and copies) and the
 * text in the editor with what is known about it (edited or not, its subject, its fill-ins).
 * components/letter/use-letter-draft.ts runs it with the data and the editor.
 *
 * The parent's edits are never lost to a re-render: the draft is regenerated only while the text
 * is untouched (not `frozen`); once edited or recorded, a change of settings is only noticed
 * (`settingsChanged`) and the text is replaced by `rebuild`, which the page asks about first.
 */
import {
  getDraftKind,
  type CcId,
  type DraftForm,
  type EnclosureId,
  type ExhibitId,
  type RenderedDraft,
} from '../drafts';

export const DEFAULT_KIND = 'service-concern';

/** The formats the letter page offers (the picker alone inserts a paragraph). */
export type LetterForm = Exclude<DraftForm, 'paragraph'>;

/** What the sender encloses and whom they copy: feeds lib/drafts' DraftContextInput. */
export interface LetterExtrasValue {
  enclosures: EnclosureId[];
  otherEnclosure: string;
  cc: CcId[];
  /**
   * Printing with exhibits (issue 13): the exhibits the sender keeps; absent or null when the
   * letter is printed alone.
   */
  exhibits?: ExhibitId[] | null;
}

export const NO_EXTRAS: LetterExtrasValue = { enclosures: [], otherEnclosure: '', cc: [] };

export interface DraftSettings {
  kindId: string;
  form: LetterForm;
  /** The services the letter is about; null for all of them. */
  serviceIds: string[] | null;
  /** Count missed minutes from this date ('' for each service's start). */
  countFrom: string;
  /** The kind's own inputs (lib/drafts/inputs). */
  inputs: Record<string, string>;
  /** The reply date typed by the user ('' for the suggested one). */
  responseDate: string;
  extras: LetterExtrasValue;
}

export interface DraftState {
  settings: DraftSettings;
  /** The HTML last put into the editor (the editor itself holds the edited text). */
  content: string;
  /** Goes up each time `content` is put into the editor, so the editor knows to replace its text. */
  version: number;
  /** The user changed the text since it was last filled in. */
  edited: boolean;
  /** settingsKey() of the settings the text was last filled in from. */
  generatedKey: string;
  subject: string;
  /** The user wrote the subject themselves: a new draft keeps it. */
  subjectEdited: boolean;
  /** The fill-in markers the text was filled in with. */
  markers: string[];
  /** The markers still in the editor's text. */
  remaining: string[];
  /** The editor's text as plain text (what the checklist and the reply date check read). */
  plainText: string;
}

/** The draft text's parts the state keeps. */
export type DraftText = Pick<RenderedDraft, 'html' | 'markers' | 'subject'>;

export type DraftAction =
  /** Another kind: its inputs start empty. */
  | { type: 'kind'; kindId: string }
  | { type: 'form'; form: LetterForm }
  | { type: 'services'; serviceIds: string[] }
  | { type: 'countFrom'; date: string }
  | { type: 'input'; id: string; value: string }
  | { type: 'responseDate'; date: string }
  | { type: 'extras'; extras: LetterExtrasValue }
  /** Puts the draft into the editor, and its subject unless `withSubject` is false. */
  | { type: 'fill'; draft: DraftText; withSubject: boolean }
  /** Replaces edited text (and subject) with the draft; the text follows the settings again. */
  | { type: 'rebuild'; draft: DraftText }
  | { type: 'subject'; subject: string }
  /** The editor loaded `content`: the markers found in it and its plain text. */
  | { type: 'loaded'; remaining: string[]; plainText: string }
  /** The user edited the text. */
  | { type: 'edited'; remaining: string[]; plainText: string }
  /** The page changed the text itself (the attachments list): counts as an edit. */
  | { type: 'changed'; plainText: string };

/** A fill-in marker typed or left in a saved letter: "[your phone number]". */
const MARKER_PATTERN = /\[[^\]\n]{2,80}\]/g;

/** The distinct fill-in markers in a text, in order. */
export function markersIn(text: string): string[] {
  return [...new Set(text.match(MARKER_PATTERN) ?? [])];
}

/** Equal for equal settings: tells whether the text was filled in from the current ones. */
export function settingsKey(settings: DraftSettings): string {
  const { kindId, form, serviceIds, countFrom, inputs, responseDate, extras } = settings;
  return JSON.stringify([kindId, form, serviceIds, countFrom, inputs, responseDate, extras]);
}

export interface InitialDraft {
  /** The kind asked for (?kind= or a saved letter's); an unknown one gives DEFAULT_KIND. */
  kindId: string | null;
  /** The one service asked for (?service=), if it is one of `serviceIds`. */
  serviceId: string | null;
  /** The student's services. */
  serviceIds: readonly string[];
  inputs: Record<string, string>;
  /** A saved letter reopened: its text, subject and the plain text of its body. */
  saved: { bodyHtml: string; subject: string; text: string } | null;
}

export function initialDraftState(initial: InitialDraft): DraftState {
  const settings: DraftSettings = {
    kindId: getDraftKind(initial.kindId ?? '') ? initial.kindId! : DEFAULT_KIND,
    form: 'document',
    serviceIds:
      initial.serviceId !== null && initial.serviceIds.includes(initial.serviceId)
        ? [initial.serviceId]
        : null,
    countFrom: '',
    inputs: initial.inputs,
    responseDate: '',
    extras: NO_EXTRAS,
  };
  const { saved } = initial;
  return {
    settings,
    content: saved?.bodyHtml ?? '',
    version: saved ? 1 : 0,
    edited: saved !== null,
    generatedKey: settingsKey(settings),
    subject: saved?.subject ?? '',
    subjectEdited: saved !== null,
    markers: saved ? markersIn(saved.text) : [],
    remaining: [],
    plainText: '',
  };
}

function withSettings(state: DraftState, change: Partial<DraftSettings>): DraftState {
  return { ...state, settings: { ...state.settings, ...change } };
}

function filled(state: DraftState, draft: DraftText, withSubject: boolean): DraftState {
  return {
    ...state,
    markers: draft.markers,
    content: draft.html,
    version: state.version + 1,
    generatedKey: settingsKey(state.settings),
    subject: withSubject ? draft.subject : state.subject,
  };
}

export function draftReducer(state: DraftState, action: DraftAction): DraftState {
  switch (action.type) {
    case 'kind':
      return withSettings(state, { kindId: action.kindId, inputs: {} });
    case 'form':
      return withSettings(state, { form: action.form });
    case 'services':
      return withSettings(state, { serviceIds: action.serviceIds });
    case 'countFrom':
      return withSettings(state, { countFrom: action.date });
    case 'input':
      return withSettings(state, {
        inputs: { ...state.settings.inputs, [action.id]: action.value },
      });
    case 'responseDate':
      return withSettings(state, { responseDate: action.date });
    case 'extras':
      return withSettings(state, { extras: action.extras });
    case 'fill':
      return filled(state, action.draft, action.withSubject);
    case 'rebuild':
      return { ...filled(state, action.draft, true), subjectEdited: false, edited: false };
    case 'subject':
      return { ...state, subject: action.subject, subjectEdited: true };
    case 'loaded':
      return { ...state, remaining: action.remaining, plainText: action.plainText };
    case 'edited':
      return { ...state, remaining: action.remaining, edited: true, plainText: action.plainText };
    case 'changed':
      return { ...state, edited: true, plainText: action.plainText };
  }
}

/**
 * The text stops following the settings and the tracker's data once edited or recorded: a saved
 * or sent letter keeps its words even when the log changes afterwards.
 */
export function isFrozen(state: DraftState, recorded: boolean): boolean {
  return state.edited || recorded;
}

/** The settings changed since the frozen text was filled in: the page offers to rebuild. */
export function settingsChanged(state: DraftState, recorded: boolean): boolean {
  return isFrozen(state, recorded) && state.generatedKey !== settingsKey(state.settings);
}

/**
 * The fill-ins left: those in the subject (from the draft's markers) and those still in the
 * editor's text, each once.
 */
export function fillInsLeft(state: DraftState): { inSubject: string[]; all: string[] } {
  const inSubject = state.markers.filter((m) => state.subject.includes(m));
  return { inSubject, all: [...new Set([...inSubject, ...state.remaining])] };
}
