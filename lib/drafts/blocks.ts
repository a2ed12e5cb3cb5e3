/**
 * A tiny document model for drafts, rendered two ways: plain text (for e-mail bodies and text
 * fields) and safe HTML (for rich editors and the printable letter).
 *
 * Safety by construction: every string in the model is text, and the HTML renderer escapes every
 * string through `escapeHtml`, the one escape function. Structure comes only from the block kinds
 * below (p, ul, ol, li, table with thead, strong, br); there is no way to put raw HTML in a draft.
 *
 * Missing data is a `marker` node, printed as "[date of the evaluation]" in both forms and
 * reported by `collectMarkers` so the UI can warn before a letter goes out.
 */

export interface Marker {
  type: 'marker';
  /** What the reader must fill in, in plain words: "date of the evaluation". */
  need: string;
}
export interface Strong {
  type: 'strong';
  content: Inline[];
}
export interface LineBreak {
  type: 'br';
}
export type Inline = string | Marker | Strong | LineBreak;

export interface Paragraph {
  type: 'p';
  content: Inline[];
}
export interface List {
  type: 'ul' | 'ol';
  items: Inline[][];
}
export interface Table {
  type: 'table';
  head: string[];
  rows: Inline[][][];
}
export type Block = Paragraph | List | Table;

/** Anything a builder accepts as inline content; null, false and '' are dropped. */
export type InlineLike = Inline | readonly InlineLike[] | null | false | undefined;

export function inline(...parts: InlineLike[]): Inline[] {
  const out: Inline[] = [];
  const add = (part: InlineLike): void => {
    if (part === null || part === false || part === undefined || part === '') return;
    if (Array.isArray(part)) (part as readonly InlineLike[]).forEach(add);
    else out.push(part as Inline);
  };
  parts.forEach(add);
  return out;
}

export function marker(need: string): Marker {
  return { type: 'marker', need };
}
export function strong(...parts: InlineLike[]): Strong {
  return { type: 'strong', content: inline(...parts) };
}
export const br: LineBreak = { type: 'br' };

export function p(...parts: InlineLike[]): Paragraph {
  return { type: 'p', content: inline(...parts) };
}
export function ul(items: readonly InlineLike[]): List {
  return { type: 'ul', items: items.map((item) => inline(item)).filter((i) => i.length > 0) };
}
export function ol(items: readonly InlineLike[]): List {
  return { type: 'ol', items: items.map((item) => inline(item)).filter((i) => i.length > 0) };
}
export function table(head: string[], rows: readonly (readonly InlineLike[])[]): Table {
  return { type: 'table', head, rows: rows.map((row) => row.map((cell) => inline(cell))) };
}
/** Blocks in order, skipping the ones a condition left out (null, false, undefined). */
export function blocks(
  ...items: (Block | readonly Block[] | null | false | '' | undefined)[]
): Block[] {
  return items.flatMap((item) => (item ? (Array.isArray(item) ? [...item] : [item as Block]) : []));
}

/** Lines joined by line breaks, empty lines dropped: address and signature blocks. */
export function lines(...parts: InlineLike[][]): Inline[] {
  const kept = parts.map((part) => inline(part)).filter((part) => part.length > 0);
  return kept.flatMap((part, i) => (i === 0 ? part : [br, ...part]));
}

// ---------------------------------------------------------------- plain text

export function inlineText(content: readonly Inline[]): string {
  return content
    .map((node) => {
      if (typeof node === 'string') return node;
      if (node.type === 'marker') return `[${node.need}]`;
      if (node.type === 'br') return '\n';
      return inlineText(node.content);
    })
    .join('');
}

function blockText(block: Block): string {
  switch (block.type) {
    case 'p':
      return inlineText(block.content);
    case 'ul':
      return block.items.map((item) => `- ${inlineText(item)}`).join('\n');
    case 'ol':
      return block.items.map((item, i) => `${i + 1}. ${inlineText(item)}`).join('\n');
    case 'table':
      return [block.head.join(' | '), ...block.rows.map((row) => row.map(inlineText).join(' | '))]
        .map((line) => line.replace(/\n/g, ' '))
        .join('\n');
  }
}

/** Plain text: blocks separated by a blank line. */
export function toText(blocks: readonly Block[]): string {
  return blocks.map(blockText).join('\n\n');
}

// ---------------------------------------------------------------- HTML

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** The one escape function: every string that reaches HTML goes through it. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

export function inlineHtml(content: readonly Inline[]): string {
  return content
    .map((node) => {
      if (typeof node === 'string') return escapeHtml(node);
      if (node.type === 'marker') return `<strong>${escapeHtml(`[${node.need}]`)}</strong>`;
      if (node.type === 'br') return '<br>';
      return `<strong>${inlineHtml(node.content)}</strong>`;
    })
    .join('');
}

function blockHtml(block: Block): string {
  switch (block.type) {
    case 'p':
      return `<p>${inlineHtml(block.content)}</p>`;
    case 'ul':
    case 'ol':
      return `<${block.type}>${block.items.map((item) => `<li>${inlineHtml(item)}</li>`).join('')}</${block.type}>`;
    case 'table': {
      const head = block.head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
      const rows = block.rows
        .map((row) => `<tr>${row.map((cell) => `<td>${inlineHtml(cell)}</td>`).join('')}</tr>`)
        .join('');
      return `<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
    }
  }
}

export function toHtml(blocks: readonly Block[]): string {
  return blocks.map(blockHtml).join('\n');
}

// ---------------------------------------------------------------- markers

function inlineMarkers(content: readonly Inline[], found: string[]): void {
  for (const node of content) {
    if (typeof node === 'string' || node.type === 'br') continue;
    if (node.type === 'marker') found.push(`[${node.need}]`);
    else inlineMarkers(node.content, found);
  }
}

/** The fill-in markers left in a draft, each once, in reading order: ["[date of the evaluation]"]. */
export function collectMarkers(
  blocks: readonly Block[],
  subject: readonly Inline[] = [],
): string[] {
  const found: string[] = [];
  inlineMarkers(subject, found);
  for (const block of blocks) {
    if (block.type === 'p') inlineMarkers(block.content, found);
    else if (block.type === 'table')
      block.rows.forEach((row) => row.forEach((c) => inlineMarkers(c, found)));
    else block.items.forEach((item) => inlineMarkers(item, found));
  }
  return [...new Set(found)];
}
