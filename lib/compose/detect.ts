/**
 * Finding compose editors at (almost) no cost per DOM mutation.
 *
 * The content script's stylesheet (entrypoints/mail.content/detect.css) gives every candidate
 * editor a 1 ms animation named DETECTION_ANIMATION; the browser's style engine matches the
 * selector as part of its normal work and fires one `animationstart` when such an element is
 * rendered. One document-level listener hears it and asks the host adapter for its structural
 * checks. No MutationObserver looks at the page's mutations.
 *
 * Two cheap complements: a scan at start-up (editors rendered before the script ran), and
 * `focusin` (a page that turns animations off still gets a button once the user is in an editor).
 * After each, SCANNED_EVENT tells whoever listens in the page that the look has finished.
 */
import type { EditorElement, HostAdapter } from './types';

/** Must equal the @keyframes name in entrypoints/mail.content/detect.css. */
export const DETECTION_ANIMATION = 'iep-advocate-editor-seen';

/**
 * Dispatched on the document, with no data but which look it was ('start' or 'focus'), when the
 * start-up scan or a focus look has finished (buttons placed, if any): the positive signal the
 * e2e tests wait for before they check that a page got nothing from us.
 */
export const SCANNED_EVENT = 'iep-advocate-scanned';

export type Listen = (
  target: EventTarget,
  type: string,
  handler: (event: Event) => void,
  options?: AddEventListenerOptions,
) => void;

export function watchEditors(
  doc: Document,
  listen: Listen,
  adapter: HostAdapter,
  onEditor: (editor: EditorElement) => void,
): void {
  const consider = (target: EventTarget | null) => {
    if (!(target instanceof Element)) return;
    const editor = adapter.editorFor(target);
    if (editor) onEditor(editor);
  };
  listen(
    doc,
    'animationstart',
    (event) => {
      if ((event as AnimationEvent).animationName === DETECTION_ANIMATION) consider(event.target);
    },
    { capture: true },
  );
  const scanned = (look: 'start' | 'focus') =>
    doc.dispatchEvent(new CustomEvent(SCANNED_EVENT, { detail: look }));
  listen(
    doc,
    'focusin',
    (event) => {
      consider(event.target);
      scanned('focus');
    },
    { capture: true },
  );
  if (adapter.candidates) doc.querySelectorAll(adapter.candidates).forEach(consider);
  scanned('start');
}
