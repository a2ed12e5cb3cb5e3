/**
 * Elements left out with everything inside them, by both the letter cleaner (print, clipboard,
 * .html) and the Word converter: code, styles, embedded content and form controls never belong
 * in a letter, and their text (a script's source, a <noscript> fallback, a button's label) is
 * not letter text either. One list, so the two exports cannot drift apart on what is dropped.
 * Any element not listed is kept or unwrapped (its text kept) by each converter's own rules.
 */
export const DROPPED_WITH_CONTENT: ReadonlySet<string> = new Set([
  'SCRIPT',
  'STYLE',
  'TEMPLATE',
  'NOSCRIPT',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'MATH',
  'IMG',
  'PICTURE',
  'VIDEO',
  'AUDIO',
  'CANVAS',
  'INPUT',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
  // A rule has no text; the cleaner would unwrap it to nothing, the Word converter drop it.
  'HR',
]);
