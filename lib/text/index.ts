/**
 * Small plain-text helpers with no imports, so any module (pure lib code, pages, the content
 * script) may use them without pulling anything else in.
 */

/** The text with its first character in upper case ("student absent" → "Student absent"). */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A count with its noun: "1 session", "5 sessions", "2 entries" (with `many` given). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
