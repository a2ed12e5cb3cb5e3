/**
 * The picker's iframe in the host page. The iframe shows an extension page (picker.html), so
 * the child's data is rendered in the extension's origin: the host page cannot read it, and the
 * closed shadow root of a built-in host element (./names.ts) keeps the frame element itself,
 * its address and its nonce out of the page's reach too.
 *
 * A hostile page can still reach the host element. So that it cannot steer the user's next
 * click or key into the picker (clickjacking), the host goes into the top layer (a manual
 * popover) where the browser supports it, above anything the page can stack; and the picker is
 * closed the moment its host is restyled, moved, hidden, navigated or, where the browser can
 * tell (IntersectionObserver v2), covered. Before each insertion `intact()` checks again: the
 * host unchanged, on top at its own place, and shown long enough for the user to have seen it.
 */
import { PICKER_HOST } from '../names';
import { createShadowHost } from './shadow';

export const PICKER_TITLE = 'Insert IEP paragraph';
const WIDTH = 420;
const HEIGHT = 560;
const MARGIN = 8;
/** How long the picker must have been shown before it may insert. */
export const MIN_VISIBLE_MS = 500;

const CSS = `
iframe {
  display: block;
  width: 100%; height: 100%;
  border: 1px solid #6b7280;
  border-radius: 8px;
  background: Canvas;
  box-shadow: 0 8px 28px rgba(0, 0, 0, 0.3);
  color-scheme: light dark;
}
`;

export interface PickerFrame {
  readonly host: HTMLElement;
  readonly frame: HTMLIFrameElement;
  /** Hides the picker (ours, not a tampering) while it records an insertion. */
  hide(): void;
  /** Whether the picker is still as we placed it, on top, and was shown long enough. */
  intact(): boolean;
  close(): void;
}

/** Where the picker goes: above-left of the anchor's bottom-right corner, inside the viewport. */
export function pickerPosition(
  anchor: { right: number; bottom: number } | null,
  viewport: { width: number; height: number },
): { left: number; top: number; width: number; height: number } {
  const width = Math.min(WIDTH, viewport.width - 2 * MARGIN);
  const height = Math.min(HEIGHT, viewport.height - 2 * MARGIN);
  const right = anchor ? anchor.right : viewport.width - MARGIN;
  const bottom = anchor ? anchor.bottom : viewport.height - MARGIN;
  const clamp = (value: number, max: number) => Math.max(MARGIN, Math.min(value, max));
  return {
    left: clamp(right - width, viewport.width - width - MARGIN),
    top: clamp(bottom - height, viewport.height - height - MARGIN),
    width,
    height,
  };
}

/** IntersectionObserver v2 (Chromium): tells whether the target is really visible. */
function tracksVisibility(view: Window): boolean {
  const Entry = (view as unknown as { IntersectionObserverEntry?: { prototype: object } })
    .IntersectionObserverEntry;
  return !!Entry && 'isVisible' in Entry.prototype;
}

export function openPickerFrame(
  doc: Document,
  url: string,
  anchor: DOMRect | null,
  token: string,
  onTampered: (reason: string) => void,
): PickerFrame {
  const view = doc.defaultView!;
  const { host, root } = createShadowHost(doc, PICKER_HOST, token, CSS);
  const place = pickerPosition(anchor, { width: view.innerWidth, height: view.innerHeight });
  const style = host.style;
  style.setProperty('all', 'initial', 'important');
  style.setProperty('position', 'fixed', 'important');
  style.setProperty('z-index', '2147483647', 'important');
  style.setProperty('left', `${place.left}px`, 'important');
  style.setProperty('top', `${place.top}px`, 'important');
  style.setProperty('width', `${place.width}px`, 'important');
  style.setProperty('height', `${place.height}px`, 'important');
  style.setProperty('margin', '0', 'important');
  style.setProperty('padding', '0', 'important');
  style.setProperty('border', '0', 'important');
  style.setProperty('overflow', 'visible', 'important');
  const popover = 'showPopover' in host;
  if (popover) host.setAttribute('popover', 'manual');

  const frame = doc.createElement('iframe');
  frame.title = PICKER_TITLE;
  // The picker copies to the clipboard where nothing can be inserted (canvas editors). "*"
  // because Chrome loads the page through its dynamic web-accessible URL, whose origin is not
  // the one the document ends up with, so the default allowlist ('src') would not match.
  frame.allow = 'clipboard-write *';
  frame.src = url;
  let loads = 0;
  frame.addEventListener('load', () => {
    // The first load is ours; another means someone navigated the frame.
    if (++loads === 1) frame.focus();
    else tampered('navigated');
  });
  root.appendChild(frame);
  doc.documentElement.appendChild(host);
  if (popover) host.showPopover();
  const shownAt = performance.now();
  const styleText = host.getAttribute('style');

  let watching = true;
  const attributes = new MutationObserver(() => tampered('restyled'));
  attributes.observe(host, { attributes: true });
  const moves = new MutationObserver(() => {
    if (host.parentNode !== doc.documentElement) tampered('moved');
  });
  moves.observe(doc.documentElement, { childList: true });
  const onToggle = (event: Event) => {
    if ((event as Event & { newState?: string }).newState === 'closed') tampered('hidden');
  };
  host.addEventListener('toggle', onToggle);
  let visibility: IntersectionObserver | null = null;
  let seenVisible = false;
  if (tracksVisibility(view)) {
    visibility = new IntersectionObserver(
      (entries) => {
        const entry = entries[entries.length - 1] as IntersectionObserverEntry & {
          isVisible: boolean;
        };
        if (entry.isVisible) seenVisible = true;
        else if (seenVisible) tampered('covered');
      },
      { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
    );
    visibility.observe(frame);
  }

  function stopWatching() {
    if (!watching) return;
    watching = false;
    attributes.disconnect();
    moves.disconnect();
    visibility?.disconnect();
    host.removeEventListener('toggle', onToggle);
  }

  function tampered(reason: string) {
    if (!watching) return;
    stopWatching();
    onTampered(reason);
  }

  /** Our host is what the page shows at the picker's middle and near its corners. */
  function onTop(): boolean {
    const box = host.getBoundingClientRect();
    if (
      Math.abs(box.left - place.left) > 1 ||
      Math.abs(box.top - place.top) > 1 ||
      Math.abs(box.width - place.width) > 1 ||
      Math.abs(box.height - place.height) > 1
    )
      return false;
    const inset = 12;
    const points = [
      [box.left + box.width / 2, box.top + box.height / 2],
      [box.left + inset, box.top + inset],
      [box.right - inset, box.top + inset],
      [box.left + inset, box.bottom - inset],
      [box.right - inset, box.bottom - inset],
    ];
    return points.every(([x, y]) => doc.elementFromPoint(x!, y!) === host);
  }

  return {
    host,
    frame,
    hide() {
      stopWatching();
      style.setProperty('visibility', 'hidden', 'important');
    },
    intact() {
      if (!watching || !host.isConnected || host.parentNode !== doc.documentElement) return false;
      if (host.getAttribute('style') !== styleText) return false;
      if (popover && !host.matches(':popover-open')) return false;
      const computed = view.getComputedStyle(host);
      if (computed.opacity !== '1' || computed.visibility !== 'visible') return false;
      if (performance.now() - shownAt < MIN_VISIBLE_MS) return false;
      return onTop();
    },
    close() {
      stopWatching();
      host.remove();
    },
  };
}
