/**
 * The names our elements carry in a page, which say nothing about the tool.
 *
 * Hosts are built-in elements (a <span> for the button, a <div> for the picker) with a closed
 * shadow root: a page cannot define them as custom elements, so it cannot run code in their
 * constructor, take their shadow root through attachInternals() or stop attachShadow(). Each
 * carries one attribute whose name is the install's random token, so a later instance of the
 * content script finds an earlier one's leftovers; the same token names the detection
 * animation (lib/compose/detection.ts). The background makes the token once per install and keeps
 * it in storage.local (lib/compose/background/names.ts); nothing in a page can read it there.
 */
export const BUTTON_HOST = 'span';
export const PICKER_HOST = 'div';

/** A token: lowercase letters only, so it is a valid attribute, keyframes and property name. */
export const TOKEN_PATTERN = /^[a-z]{12,32}$/;

/** The selector for our button hosts, picker hosts, or both, under `token`. */
export function hostSelector(token: string, kind?: 'button' | 'picker'): string {
  if (kind === 'button') return `${BUTTON_HOST}[${token}]`;
  if (kind === 'picker') return `${PICKER_HOST}[${token}]`;
  return `[${token}]`;
}
