/**
 * Builds the DOM for a draft's blocks (lib/drafts/blocks: paragraphs, lists, the missed-sessions
 * table) with createElement and text nodes only. Nothing is ever parsed from an HTML string in
 * the page, so a draft cannot inject markup and the host's Trusted Types policy is never
 * involved; the HTML handed to paste/insertHTML is serialised from this safe tree.
 */
import type { Block, Inline } from '../drafts/blocks';

function appendInline(doc: Document, parent: Node, content: readonly Inline[]): void {
  for (const node of content) {
    if (typeof node === 'string') parent.appendChild(doc.createTextNode(node));
    else if (node.type === 'br') parent.appendChild(doc.createElement('br'));
    else if (node.type === 'marker') {
      // Left-over fill-ins stand out in the message so they are not sent by mistake.
      const strong = parent.appendChild(doc.createElement('strong'));
      strong.textContent = `[${node.need}]`;
    } else appendInline(doc, parent.appendChild(doc.createElement('strong')), node.content);
  }
}

function cell(doc: Document, tag: 'td' | 'th', content: readonly Inline[]): HTMLElement {
  const element = doc.createElement(tag);
  if (tag === 'th') element.setAttribute('scope', 'col');
  element.setAttribute('align', 'left');
  appendInline(doc, element, content);
  return element;
}

function blockElement(doc: Document, block: Block): HTMLElement {
  switch (block.type) {
    case 'p': {
      const p = doc.createElement('p');
      appendInline(doc, p, block.content);
      return p;
    }
    case 'ul':
    case 'ol': {
      const list = doc.createElement(block.type);
      for (const item of block.items)
        appendInline(doc, list.appendChild(doc.createElement('li')), item);
      return list;
    }
    case 'table': {
      // Borders and padding as table attributes, not style="": the HTML handed to paste and
      // insertHTML is parsed in the host page, and under a strict style-src (the fixtures', and
      // Firefox applies it to insertHTML) every inline style is refused. E-mail keeps these too.
      const table = doc.createElement('table');
      table.setAttribute('border', '1');
      table.setAttribute('cellpadding', '6');
      table.setAttribute('cellspacing', '0');
      const head = table
        .appendChild(doc.createElement('thead'))
        .appendChild(doc.createElement('tr'));
      for (const title of block.head) head.appendChild(cell(doc, 'th', [title]));
      const body = table.appendChild(doc.createElement('tbody'));
      for (const row of block.rows) {
        const tr = body.appendChild(doc.createElement('tr'));
        for (const content of row) tr.appendChild(cell(doc, 'td', content));
      }
      return table;
    }
  }
}

/** The draft as DOM nodes; plain text (a citation) becomes text nodes and line breaks. */
export function buildFragment(
  doc: Document,
  blocks: readonly Block[],
  text: string,
): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  if (blocks.length > 0) {
    for (const block of blocks) fragment.appendChild(blockElement(doc, block));
  } else {
    text.split('\n').forEach((line, i) => {
      if (i > 0) fragment.appendChild(doc.createElement('br'));
      if (line) fragment.appendChild(doc.createTextNode(line));
    });
  }
  return fragment;
}

/** The fragment's HTML, for the clipboard data of a paste and for insertHTML. */
export function fragmentHtml(doc: Document, fragment: DocumentFragment): string {
  const holder = doc.createElement('div');
  holder.appendChild(fragment.cloneNode(true));
  return holder.innerHTML;
}
