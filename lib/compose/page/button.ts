/**
 * The "Insert IEP paragraph" button beside each compose editor.
 *
 * Placement without touching the host's layout: a zero-size, absolutely positioned host element
 * is inserted right after the editor, so it scrolls and moves with the compose by itself (no
 * scroll or position tracking). The button inside is offset to the editor's bottom-right corner,
 * measured again only when the editor's size changes (ResizeObserver). The same observer tells us
 * when the editor is hidden (minimised compose: the button hides) or removed (it goes away).
 */
import { BUTTON_HOST } from '../names';
import { createShadowHost, detachFromLayout } from './shadow';
import type { EditorElement } from './types';

export const BUTTON_LABEL = 'Insert IEP paragraph';
const SIZE = 24;
const INSET = 6;

const CSS = `
button {
  all: initial;
  position: absolute;
  box-sizing: border-box;
  width: ${SIZE}px; height: ${SIZE}px;
  border-radius: 50%;
  border: 1px solid #1d4ed8;
  background: #ffffff;
  color: #1d4ed8;
  font: 700 14px/22px system-ui, sans-serif;
  text-align: center;
  cursor: pointer;
  opacity: 0.75;
  z-index: 1;
  box-shadow: 0 1px 3px rgba(0, 0, 0, 0.25);
}
button:hover, button:focus-visible { opacity: 1; background: #1d4ed8; color: #ffffff; }
button:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
`;

export interface EditorButton {
  readonly host: HTMLElement;
  remove(): void;
}

/**
 * Places the button for `editor` (its host marked with the install's `token`). `onActivate` runs
 * on a click by the user (mouse or keyboard; never a scripted one); `onGone` when the editor has
 * left the document.
 */
export function placeButton(
  editor: EditorElement,
  token: string,
  onActivate: () => void,
  onGone: () => void,
): EditorButton {
  const doc = editor.ownerDocument;
  const { host, root } = createShadowHost(doc, BUTTON_HOST, token, CSS);
  detachFromLayout(host);
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = '¶';
  button.setAttribute('aria-label', BUTTON_LABEL);
  button.title = BUTTON_LABEL;
  // Keep the editor's focus and selection: the caret must survive the click.
  button.addEventListener('mousedown', (event) => event.preventDefault());
  button.addEventListener('click', (event) => {
    event.preventDefault();
    event.stopPropagation();
    // Only the user opens the picker: a page script's .click() or dispatched event is untrusted.
    if (event.isTrusted) onActivate();
  });
  root.appendChild(button);
  editor.after(host);

  const place = () => {
    if (!editor.isConnected) {
      remove();
      onGone();
      return;
    }
    const box = editor.getBoundingClientRect();
    const hidden = box.width < SIZE + 2 * INSET || box.height < SIZE;
    host.style.setProperty('display', hidden ? 'none' : 'block', 'important');
    if (hidden) return;
    const origin = host.getBoundingClientRect();
    button.style.left = `${box.right - origin.left - SIZE - INSET}px`;
    button.style.top = `${box.bottom - origin.top - SIZE - Math.min(INSET, box.height - SIZE)}px`;
  };
  const observer = new ResizeObserver(place);
  observer.observe(editor);

  function remove() {
    observer.disconnect();
    host.remove();
  }
  return { host, remove };
}
