/**
 * Small plain-text helpers with no imports, so any module (pure lib code, pages, the content
 * script) may use them without pulling anything else in.
 */

/** The text with its first character in upper case ("student absent" → "Student absent"). */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
