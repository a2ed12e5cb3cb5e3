/**
 * The picker's iframe in the host page. The iframe shows an extension page (picker.html), so
 * the child's data is rendered in the extension's origin: the host page cannot read it, and the
 * closed shadow root keeps the frame element itself out of the page's reach too.
 */
import { createShadowHost } from './shadow';

export const PICKER_TAG = 'iep-advocate-picker';
export const PICKER_TITLE = 'Insert IEP paragraph';
const WIDTH = 420;
const HEIGHT = 560;
const MARGIN = 8;

const CSS = `
iframe {
  display: block;
  width: 100%; height: 100%;
  border: 1px solid #6b7280;
  border-radius: 8px;
  background: #ffffff;
  box-shadow: 0 8px 28px rgba(0, 0, 0, 0.3);
  color-scheme: light;
}
`;

export interface PickerFrame {
  readonly host: HTMLElement;
  readonly frame: HTMLIFrameElement;
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

export function openPickerFrame(doc: Document, url: string, anchor: DOMRect | null): PickerFrame {
  const view = doc.defaultView!;
  const { host, root } = createShadowHost(doc, PICKER_TAG, CSS);
  const place = pickerPosition(anchor, { width: view.innerWidth, height: view.innerHeight });
  const style = host.style;
  style.setProperty('all', 'initial', 'important');
  style.setProperty('position', 'fixed', 'important');
  style.setProperty('z-index', '2147483647', 'important');
  style.setProperty('left', `${place.left}px`, 'important');
  style.setProperty('top', `${place.top}px`, 'important');
  style.setProperty('width', `${place.width}px`, 'important');
  style.setProperty('height', `${place.height}px`, 'important');

  const frame = doc.createElement('iframe');
  frame.title = PICKER_TITLE;
  // The picker copies to the clipboard where nothing can be inserted (canvas editors). "*"
  // because Chrome loads the page through its dynamic web-accessible URL, whose origin is not
  // the one the document ends up with, so the default allowlist ('src') would not match.
  frame.allow = 'clipboard-write *';
  frame.src = url;
  frame.addEventListener('load', () => frame.focus(), { once: true });
  root.appendChild(frame);
  doc.documentElement.appendChild(host);
  return { host, frame, close: () => host.remove() };
}
