/**
 * What every host adapter provides. One adapter per host (gmail.ts, outlook.ts, generic.ts),
 * chosen by ./registry.ts. Adapters recognise editors by structure and ARIA roles, never by
 * obfuscated class names alone or by English labels alone (labels are in the user's language).
 */

/** A text field we can insert into: a rich-text editing host or a plain-text control. */
export type EditorElement = HTMLElement | HTMLTextAreaElement | HTMLInputElement;

export interface HostAdapter {
  /** Recorded with each insertion in the correspondence log, and used in tests. */
  readonly name: 'gmail' | 'outlook' | 'generic';
  /**
   * CSS selector for plausible editors, for the start-up scan. The detection stylesheet
   * (`DETECTION_SELECTOR` in ../detection.ts) must match at least these; empty for the generic
   * adapter, which only acts on the element the user chose.
   */
  readonly candidates: string;
  /**
   * The real compose editor that `element` is, or is inside of; null for anything else (hidden
   * plain-text twins, recipient fields, read-only message bodies, search boxes…). Called with
   * candidates from the detection stylesheet and with focused elements, so it must be cheap for
   * non-editors and do its structural checks only for plausible candidates.
   */
  editorFor(element: Element): EditorElement | null;
  /** The subject field of the compose this editor belongs to, or null (inline replies). */
  subjectFor(editor: EditorElement): HTMLInputElement | null;
}

export type { InsertContent, InsertMethod } from '../../messaging/protocol';
