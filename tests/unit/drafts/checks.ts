/** Checks shared by the draft tests: citations only from the registry, safe HTML, no junk. */
import { citations } from '../../../lib/drafts/citations';

/** Patterns that look like a legal citation. */
const CITATION_LIKE = /C\.\s?F\.\s?R\.|\bCFR\b|\bARM\b|F\.\s?\dd|§|U\.S\.C|\bMCA\b/;

/** Registry printed forms, longest first so none is removed as part of another. */
const PRINTED = citations.map((c) => c.citeAs).sort((a, b) => b.length - a.length);

/** The registry keys whose printed form appears in the text. */
export function citedKeys(text: string): string[] {
  return citations.filter((c) => text.includes(c.citeAs)).map((c) => c.key);
}

/** What is left that looks like a citation once every registry citation is removed ('' if none). */
export function unknownCitations(text: string): string {
  let rest = text;
  for (const printed of PRINTED) rest = rest.split(printed).join(' ');
  const match = CITATION_LIKE.exec(rest);
  return match ? rest.slice(Math.max(0, match.index - 40), match.index + 40) : '';
}

const ALLOWED_TAGS =
  /<\/?(?:p|ul|ol|li|table|thead|tbody|tr|td|strong)>|<th scope="col">|<\/th>|<br>/g;

/** HTML with the allowed structure tags removed: must contain no markup or quotes at all. */
export function htmlWithoutStructure(html: string): string {
  return html.replace(ALLOWED_TAGS, '');
}

export function hasUnsafeMarkup(html: string): boolean {
  return /[<>"']/.test(htmlWithoutStructure(html));
}

export const JUNK = /undefined|NaN|\[object Object\]|null\b|Infinity/;
