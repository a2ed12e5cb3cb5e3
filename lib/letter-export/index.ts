/**
 * What leaves the letter editor: clean HTML (only the few tags a letter needs, no attributes but
 * a table header's scope), plain text in the same shape as lib/drafts' text form, a standalone
 * .html document, and the clipboard (rich text and plain text together).
 *
 * Everything that enters the editor goes through `cleanLetterHtml` too: a pasted web page or a
 * letter body from an imported backup cannot bring scripts, styles, links or images along.
 */
import { escapeHtml } from '../drafts';
import { DROPPED_WITH_CONTENT } from './dropped-tags';

/** Tags kept as they are. Others are unwrapped (their text kept), or dropped entirely. */
const KEEP = new Set([
  'P',
  'BR',
  'STRONG',
  'EM',
  'U',
  'UL',
  'OL',
  'LI',
  'TABLE',
  'THEAD',
  'TBODY',
  'TR',
  'TH',
  'TD',
]);
const RENAME: Record<string, string> = {
  B: 'strong',
  I: 'em',
  DIV: 'p',
  H1: 'p',
  H2: 'p',
  H3: 'p',
};
function cleanInto(source: Node, target: Node, doc: Document): void {
  for (const child of Array.from(source.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) {
      target.appendChild(doc.createTextNode(child.textContent ?? ''));
      continue;
    }
    if (child.nodeType !== Node.ELEMENT_NODE) continue;
    const element = child as Element;
    const tag = element.tagName.toUpperCase();
    if (DROPPED_WITH_CONTENT.has(tag)) continue;
    const name = KEEP.has(tag) ? tag.toLowerCase() : RENAME[tag];
    if (!name) {
      cleanInto(element, target, doc);
      continue;
    }
    const copy = doc.createElement(name);
    if (name === 'th')
      copy.setAttribute('scope', element.getAttribute('scope') === 'row' ? 'row' : 'col');
    cleanInto(element, copy, doc);
    target.appendChild(copy);
  }
}

/** Clean HTML from any HTML string (parsed inert: nothing runs, nothing loads). */
export function cleanLetterHtml(html: string): string {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const out = parsed.createElement('div');
  cleanInto(parsed.body, out, parsed);
  return out.innerHTML;
}

/**
 * Replaces `target`'s content with clean letter HTML: parsed inert, then the nodes moved in (no
 * innerHTML assignment, which Mozilla's linter flags on every upload).
 */
export function replaceWithLetterHtml(target: HTMLElement, cleanHtml: string): void {
  const parsed = new DOMParser().parseFromString(cleanHtml, 'text/html');
  target.replaceChildren(...Array.from(parsed.body.childNodes));
}

function inlineText(node: Node): string {
  let text = '';
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) text += child.textContent ?? '';
    else if (child.nodeName === 'BR') text += '\n';
    else if (child.nodeType === Node.ELEMENT_NODE) text += inlineText(child);
  }
  return text.replace(/\u00a0/g, ' ');
}

function tableText(table: Element): string {
  return Array.from(table.querySelectorAll('tr'))
    .map((row) =>
      Array.from(row.children)
        .map((cell) =>
          inlineText(cell)
            .replace(/\s*\n\s*/g, ' ')
            .trim(),
        )
        .join(' | '),
    )
    .join('\n');
}

function blockText(element: Element): string {
  switch (element.nodeName) {
    case 'UL':
      return Array.from(element.children)
        .map((li) => `- ${inlineText(li).trim()}`)
        .join('\n');
    case 'OL':
      return Array.from(element.children)
        .map((li, i) => `${i + 1}. ${inlineText(li).trim()}`)
        .join('\n');
    case 'TABLE':
      return tableText(element);
    default:
      return inlineText(element).replace(/^\n+|\n+$/g, '');
  }
}

/** Plain text of clean letter HTML: blocks separated by a blank line (as lib/drafts' text). */
export function letterText(html: string): string {
  const root = new DOMParser().parseFromString(`<div>${html}</div>`, 'text/html').body
    .firstElementChild!;
  const blocks: string[] = [];
  let loose = '';
  const flush = () => {
    if (loose.trim()) blocks.push(loose.trim());
    loose = '';
  };
  for (const child of Array.from(root.childNodes)) {
    const isBlock =
      child.nodeType === Node.ELEMENT_NODE && ['P', 'UL', 'OL', 'TABLE'].includes(child.nodeName);
    if (!isBlock) {
      loose += child.nodeName === 'BR' ? '\n' : (child.textContent ?? '');
      continue;
    }
    flush();
    const text = blockText(child as Element);
    if (text.trim()) blocks.push(text);
  }
  flush();
  return blocks.join('\n\n');
}

/** The print look of a letter, shared by the page's print styles and the downloaded .html. */
export const LETTER_DOCUMENT_CSS = `
  body { font-family: Georgia, 'Times New Roman', serif; font-size: 12pt; line-height: 1.4;
    color: #000; max-width: 7in; margin: 1in auto; }
  p { margin: 0 0 0.8em; }
  table { border-collapse: collapse; width: 100%; margin: 0 0 1em; font-size: 10.5pt; }
  th, td { border: 1px solid #444; padding: 3pt 5pt; text-align: left; vertical-align: top; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  @page { margin: 2cm 2.2cm; @bottom-center { content: "Page " counter(page) " of " counter(pages); font-size: 9pt; } }
  @media print { body { margin: 0; max-width: none; } }
`;

/** A standalone HTML file of the letter, for the .html download. */
export function letterDocument(subject: string, html: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(subject || 'Letter')}</title>
<style>${LETTER_DOCUMENT_CSS}</style>
</head>
<body>
${html}
</body>
</html>
`;
}

/** Copies rich text (text/html) with its plain text (text/plain), so any editor pastes well. */
export async function copyRichText(html: string, text: string): Promise<void> {
  if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) {
    await navigator.clipboard.writeText(text);
    return;
  }
  await navigator.clipboard.write([
    new ClipboardItem({
      'text/html': new Blob([html], { type: 'text/html' }),
      'text/plain': new Blob([text], { type: 'text/plain' }),
    }),
  ]);
}

export async function copyPlainText(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
}
