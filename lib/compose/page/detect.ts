/**
 * Finding compose editors at (almost) no cost per DOM mutation.
 *
 * The background injects a stylesheet (`detectionCss`, through scripting.insertCSS, so it is not
 * in the page's document.styleSheets and no page CSP blocks it) that gives every candidate
 * editor a 1 ms animation named after the install's random token (./names.ts): no name that
 * tells a page which tool is here. The browser's style engine matches the selector as part of
 * its normal work and fires one `animationstart` when such an element is rendered (or when the
 * sheet arrives, for editors already there). One document-level listener hears it and asks the
 * host adapter for its structural checks. No MutationObserver looks at the page's mutations.
 *
 * Two cheap complements: a scan at start-up (editors rendered before the script ran), and
 * `focusin` (a page that turns animations off still gets a button once the user is in an editor).
 * Only trusted events count: a page's dispatched ones are ignored. In test builds only, an event
 * named after the install's token says when each look has finished (scannedEvent).
 */
import { scannedEvent } from '../detection';
import type { EditorElement, HostAdapter } from './types';

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
  token: string,
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
      if (event.isTrusted && (event as AnimationEvent).animationName === token)
        consider(event.target);
    },
    { capture: true },
  );
  const scanned = (look: 'start' | 'focus') => {
    if (__TEST_HOOKS__) doc.dispatchEvent(new CustomEvent(scannedEvent(token), { detail: look }));
  };
  listen(
    doc,
    'focusin',
    (event) => {
      if (!event.isTrusted) return;
      consider(event.target);
      scanned('focus');
    },
    { capture: true },
  );
  if (adapter.candidates) doc.querySelectorAll(adapter.candidates).forEach(consider);
  scanned('start');
}
