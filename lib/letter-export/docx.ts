/**
 * The Word (.docx) export of a letter and of the complaint packet, built with the `docx` library.
 * Loaded only with `import()` when the user asks for a Word file, so neither `docx` nor this code
 * is in any page's first load, the popup, the picker or the content script.
 *
 * `letterToDocx` and `packetToDocx` are pure functions over a DOM node (the letter page parses
 * the editor's clean HTML with DOMParser; unit tests build the DOM in happy-dom); `docxBlob` packs
 * the document. Only text nodes become text: tags outside the few a letter or packet uses are
 * unwrapped to their text, and scripts, styles, images and SVG are left out, so no markup a name
 * or a note carries can reach the file as anything but text.
 *
 * The page: US Letter, 1-inch margins, Arial (installed with every Windows and macOS, in Word on
 * iOS and Android and in Google Docs, and metric-compatible with Liberation Sans in LibreOffice,
 * so the file lays out the same wherever a district or an advocate opens it; Calibri is missing
 * on Macs without Office, Georgia, the print look, has no metric twin in LibreOffice). The
 * child's name and the date in the header, "Page x of y" in the footer (PAGE and NUMPAGES
 * fields), tables as real tables whose header rows repeat on each page and whose rows are not
 * split across pages, and the fill-in markers ("[your phone number]") highlighted in yellow.
 *
 * The packet (issue 13): one container `<div class="packet" data-packet>` holding the letter,
 * then each exhibit as `<section class="exhibit" data-exhibit="A">` whose first child is its
 * `<h2>` title. Each exhibit starts on a new page; a `<figure>` becomes its caption and whatever
 * else it holds but its SVG (the chart's data table stays a table). Elements marked `.no-print`
 * or `hidden` are left out, as they are from the printed packet.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ILevelsOptions,
  type IParagraphOptions,
} from 'docx';
import { DROPPED_WITH_CONTENT } from './dropped-tags';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface DocxMeta {
  /** The document's title in its properties (the letter's subject). */
  title: string;
  /** Shown in the header of every page, with the date. */
  studentName: string;
  /** The date as the letter writes it ("November 27, 2026"). */
  date: string;
  /** The fill-in markers to highlight, as the letter page flags them ("[your phone number]"). */
  markers?: readonly string[];
}

const FONT = 'Arial';
/** Half-points. */
const BODY_SIZE = 24;
const TABLE_SIZE = 20;
const SMALL_SIZE = 18;
/** Twips (1/1440 inch): US Letter, 1-inch margins, 6.5 inches of text. */
const INCH = 1440;
const PAGE = { width: 8.5 * INCH, height: 11 * INCH };
const TEXT_WIDTH = PAGE.width - 2 * INCH;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements that start a block; any other element is unwrapped into the text around it. */
const BLOCK = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'NAV',
  'BLOCKQUOTE',
  'ADDRESS',
  'DETAILS',
  'SUMMARY',
  'FIELDSET',
  'FORM',
  'PRE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'UL',
  'OL',
  'LI',
  'DL',
  'DT',
  'DD',
  'TABLE',
  'CAPTION',
  'FIGURE',
  'FIGCAPTION',
]);
const HEADINGS: Record<string, (typeof HeadingLevel)[keyof typeof HeadingLevel]> = {
  H1: HeadingLevel.HEADING_1,
  H2: HeadingLevel.HEADING_2,
  H3: HeadingLevel.HEADING_3,
  H4: HeadingLevel.HEADING_4,
  H5: HeadingLevel.HEADING_5,
  H6: HeadingLevel.HEADING_6,
};

type Block = Paragraph | Table;

interface Look {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  highlight?: boolean;
}
type Piece = { text: string; look: Look } | 'br';

/** Where the paragraphs being made go: a list item (its number on the first), a table cell. */
interface Frame {
  look: Look;
  inCell?: boolean;
  item?: { reference: 'bullets' | 'numbers'; level: number; instance: number; numbered: boolean };
}

/** Characters XML 1.0 cannot hold (a file with one does not open): controls, lone surrogates. */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, (c) => (c.length === 1 && c < '\u0020' ? '' : '\ufffd'));
}

function skipped(element: Element): boolean {
  return (
    DROPPED_WITH_CONTENT.has(element.tagName.toUpperCase()) ||
    element.hasAttribute('hidden') ||
    // A chart's legend is for the drawing, which the file leaves out.
    element.getAttribute('aria-hidden') === 'true' ||
    element.classList.contains('no-print')
  );
}

function hasText(pieces: Piece[]): boolean {
  return pieces.some((piece) => piece !== 'br' && /\S/.test(piece.text));
}

/** Folds white space as a browser shows it, and drops it at the start and end of each line. */
function foldSpace(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  const trimEnd = () => {
    for (let i = out.length - 1; i >= 0; i--) {
      const piece = out[i]!;
      if (piece === 'br') return;
      piece.text = piece.text.replace(/ +$/, '');
      if (piece.text) return;
      out.splice(i, 1);
    }
  };
  let lineStart = true;
  for (const piece of pieces) {
    if (piece === 'br') {
      trimEnd();
      out.push(piece);
      lineStart = true;
      continue;
    }
    let text = xmlSafe(piece.text).replace(/[ \t\n\r\f]+/g, ' ');
    if (lineStart) text = text.replace(/^ /, '');
    if (!text) continue;
    out.push({ text, look: piece.look });
    lineStart = text.endsWith(' ');
  }
  trimEnd();
  return out;
}

class Converter {
  /** Numbered lists made so far: each list is an instance of its own, numbered from 1. */
  private lists = 0;
  /** The next block starts a new page (an exhibit's first). */
  private breakBefore = false;

  constructor(private readonly markers: readonly string[]) {}

  /** The blocks of an element's children; loose text and inline elements make paragraphs. */
  blocks(parent: Node, frame: Frame, except?: ReadonlySet<Node>): Block[] {
    const out: Block[] = [];
    let loose: Piece[] = [];
    const flush = () => {
      if (loose.includes('br') || hasText(loose)) out.push(this.paragraph(loose, frame));
      loose = [];
    };
    for (const child of Array.from(parent.childNodes)) {
      if (except?.has(child)) continue;
      if (child.nodeType === TEXT_NODE) {
        loose.push({ text: child.textContent ?? '', look: frame.look });
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE) continue;
      const element = child as Element;
      if (skipped(element)) continue;
      if (!BLOCK.has(element.tagName.toUpperCase())) {
        this.inline(element, frame.look, loose);
        continue;
      }
      flush();
      out.push(...this.block(element, frame));
    }
    flush();
    return out;
  }

  private block(element: Element, frame: Frame): Block[] {
    const tag = element.tagName.toUpperCase();
    const heading = HEADINGS[tag];
    if (heading && !frame.inCell) {
      const pieces: Piece[] = [];
      this.inline(element, frame.look, pieces);
      return [this.paragraph(pieces, frame, { heading, keepNext: true })];
    }
    switch (tag) {
      case 'P': {
        // An empty paragraph is the writer's blank line (space for a signature): kept.
        const inner = this.blocks(element, frame);
        return inner.length > 0 ? inner : [this.paragraph([], frame)];
      }
      case 'UL':
      case 'OL':
        return this.list(element, frame);
      case 'TABLE':
        return this.table(element, frame);
      case 'FIGURE':
        return this.figure(element, frame);
      case 'CAPTION':
      case 'FIGCAPTION':
        return this.caption(element, frame);
      case 'SECTION':
        if (element.hasAttribute('data-exhibit')) this.breakBefore = true;
        return this.blocks(element, frame);
      default:
        return this.blocks(element, frame);
    }
  }

  private inline(element: Element, look: Look, into: Piece[]): void {
    const tag = element.tagName.toUpperCase();
    if (tag === 'BR') {
      into.push('br');
      return;
    }
    const next: Look = { ...look };
    if (tag === 'STRONG' || tag === 'B') next.bold = true;
    if (tag === 'EM' || tag === 'I' || tag === 'CITE') next.italics = true;
    if (tag === 'U' || tag === 'INS') next.underline = true;
    if (tag === 'MARK') next.highlight = true;
    for (const child of Array.from(element.childNodes)) {
      if (child.nodeType === TEXT_NODE) into.push({ text: child.textContent ?? '', look: next });
      else if (child.nodeType === ELEMENT_NODE && !skipped(child as Element))
        this.inline(child as Element, next, into);
    }
  }

  private paragraph(pieces: Piece[], frame: Frame, options: IParagraphOptions = {}): Paragraph {
    const item = frame.item;
    const list: IParagraphOptions = !item
      ? {}
      : item.numbered
        ? { indent: { left: 720 * (item.level + 1) } }
        : {
            numbering: {
              reference: item.reference,
              level: item.level,
              ...(item.reference === 'numbers' ? { instance: item.instance } : {}),
            },
          };
    if (item) item.numbered = true;
    const pageBreakBefore = this.takeBreak();
    return new Paragraph({
      ...list,
      ...(frame.inCell ? { spacing: { after: 0 } } : {}),
      ...(pageBreakBefore ? { pageBreakBefore } : {}),
      ...options,
      children: this.runs(foldSpace(pieces), frame.inCell ? TABLE_SIZE : undefined),
    });
  }

  private takeBreak(): boolean {
    const pending = this.breakBefore;
    this.breakBefore = false;
    return pending;
  }

  /** Text runs, each fill-in marker a highlighted run of its own. */
  private runs(pieces: Piece[], size: number | undefined): TextRun[] {
    const runs: TextRun[] = [];
    let lineBreak = false;
    for (const piece of pieces) {
      if (piece === 'br') {
        if (lineBreak) runs.push(new TextRun({ break: 1 }));
        lineBreak = true;
        continue;
      }
      for (const [text, marker] of this.splitMarkers(piece.text)) {
        const { bold, italics, underline, highlight } = piece.look;
        runs.push(
          new TextRun({
            text,
            ...(lineBreak ? { break: 1 } : {}),
            ...(bold ? { bold } : {}),
            ...(italics ? { italics } : {}),
            ...(underline ? { underline: { type: 'single' } } : {}),
            ...(marker || highlight ? { highlight: 'yellow' } : {}),
            ...(size ? { size } : {}),
          }),
        );
        lineBreak = false;
      }
    }
    if (lineBreak) runs.push(new TextRun({ break: 1 }));
    return runs;
  }

  /** The text in parts, each with whether it is a fill-in marker. */
  private splitMarkers(text: string): [string, boolean][] {
    const parts: [string, boolean][] = [];
    let rest = text;
    for (;;) {
      let at = -1;
      let found = '';
      for (const marker of this.markers) {
        const index = marker ? rest.indexOf(marker) : -1;
        if (index !== -1 && (at === -1 || index < at)) [at, found] = [index, marker];
      }
      if (at === -1) break;
      if (at > 0) parts.push([rest.slice(0, at), false]);
      parts.push([found, true]);
      rest = rest.slice(at + found.length);
    }
    if (rest) parts.push([rest, false]);
    return parts;
  }

  private list(list: Element, frame: Frame): Block[] {
    const reference = list.tagName.toUpperCase() === 'OL' ? 'numbers' : 'bullets';
    const level = Math.min(frame.item ? frame.item.level + 1 : 0, 8);
    const instance = reference === 'numbers' ? ++this.lists : 0;
    const out: Block[] = [];
    for (const child of Array.from(list.childNodes)) {
      const itemFrame: Frame = { ...frame, item: { reference, level, instance, numbered: false } };
      let blocks: Block[];
      if (child.nodeType === ELEMENT_NODE) {
        if (skipped(child as Element)) continue;
        blocks = this.blocks(child, itemFrame);
      } else if (child.nodeType === TEXT_NODE && /\S/.test(child.textContent ?? '')) {
        blocks = [this.paragraph([{ text: child.textContent ?? '', look: frame.look }], itemFrame)];
      } else continue;
      // An empty item still shows its bullet or number.
      out.push(...(blocks.length > 0 ? blocks : [this.paragraph([], itemFrame)]));
    }
    return out;
  }

  private caption(element: Element, frame: Frame): Block[] {
    const pieces: Piece[] = [];
    this.inline(element, { ...frame.look, bold: true }, pieces);
    return hasText(pieces) ? [this.paragraph(pieces, frame, { keepNext: true })] : [];
  }

  /** A figure: its caption first, then what it holds but the picture (its data table stays). */
  private figure(figure: Element, frame: Frame): Block[] {
    const captions = Array.from(figure.children).filter(
      (c) => c.tagName.toUpperCase() === 'FIGCAPTION',
    );
    return [
      ...captions.flatMap((caption) => this.caption(caption, frame)),
      ...this.blocks(figure, frame, new Set(captions)),
    ];
  }

  private table(table: Element, frame: Frame): Block[] {
    const out: Block[] = [];
    for (const caption of Array.from(table.children).filter(
      (c) => c.tagName.toUpperCase() === 'CAPTION',
    ))
      out.push(...this.caption(caption, frame));
    const rows = tableRows(table);
    if (rows.length === 0) return out;
    const columns = Math.max(
      ...rows.map(({ row }) => cellsOf(row).reduce((n, c) => n + span(c), 0)),
    );
    const widths = columnWidths(rows, columns, frame.inCell ? TEXT_WIDTH / 2 : TEXT_WIDTH);
    if (this.takeBreak()) out.push(new Paragraph({ pageBreakBefore: true, spacing: { after: 0 } }));
    out.push(
      new Table({
        width: { size: sum(widths), type: WidthType.DXA },
        columnWidths: widths,
        layout: TableLayoutType.FIXED,
        rows: rows.map(({ row, header }) => {
          let column = 0;
          const cells = cellsOf(row).map((cell) => {
            const columnSpan = Math.min(span(cell), columns - column);
            const width = sum(widths.slice(column, column + columnSpan));
            column += columnSpan;
            const isHead = cell.tagName.toUpperCase() === 'TH';
            const blocks = this.blocks(cell, {
              look: isHead ? { ...frame.look, bold: true } : frame.look,
              inCell: true,
            });
            return new TableCell({
              children: apart(blocks, true),
              width: { size: width, type: WidthType.DXA },
              margins: { top: 40, bottom: 40, left: 100, right: 100 },
              ...(columnSpan > 1 ? { columnSpan } : {}),
              ...(header
                ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8E8E8' } }
                : {}),
            });
          });
          // Every row as wide as the table, so each editor draws the grid the same.
          for (; column < columns; column++)
            cells.push(
              new TableCell({
                children: [emptyParagraph()],
                width: { size: widths[column]!, type: WidthType.DXA },
              }),
            );
          return new TableRow({
            children: cells,
            cantSplit: true,
            ...(header ? { tableHeader: true } : {}),
          });
        }),
      }),
    );
    return out;
  }
}

/**
 * Word joins two tables with nothing between them, and a table cell must end with a paragraph:
 * an empty paragraph goes where either is needed.
 */
function apart(blocks: Block[], inCell = false): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    if (block instanceof Table && out.at(-1) instanceof Table) out.push(emptyParagraph());
    out.push(block);
  }
  if (out.length === 0 || (inCell && out.at(-1) instanceof Table)) out.push(emptyParagraph());
  return out;
}

function emptyParagraph(): Paragraph {
  return new Paragraph({ spacing: { after: 0 }, children: [] });
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function span(cell: Element): number {
  const value = Number.parseInt(cell.getAttribute('colspan') ?? '1', 10);
  return Number.isFinite(value) && value > 1 ? Math.min(value, 63) : 1;
}

function cellsOf(row: Element): Element[] {
  return Array.from(row.children).filter((c) => /^T[HD]$/i.test(c.tagName) && !skipped(c));
}

/** The table's own rows in order; the header rows (a thead, or leading rows of th) first. */
function tableRows(table: Element): { row: Element; header: boolean }[] {
  const parts = Array.from(table.children).filter((c) => !skipped(c));
  const rowsOf = (tags: string[]) =>
    parts
      .filter((part) => tags.includes(part.tagName.toUpperCase()))
      .flatMap((part) => (part.tagName.toUpperCase() === 'TR' ? [part] : Array.from(part.children)))
      .filter((row) => row.tagName.toUpperCase() === 'TR' && !skipped(row));
  const head = rowsOf(['THEAD']);
  const body = rowsOf(['TR', 'TBODY', 'TFOOT']);
  // Without a thead, the leading rows made only of th are the header.
  let leading = 0;
  if (head.length === 0)
    while (
      leading < body.length &&
      cellsOf(body[leading]!).length > 0 &&
      cellsOf(body[leading]!).every((c) => c.tagName.toUpperCase() === 'TH')
    )
      leading++;
  return [
    ...head.map((row) => ({ row, header: true })),
    ...body.map((row, i) => ({ row, header: i < leading })),
  ];
}

/** Column widths in twips, by the longest text each column holds (within bounds). */
function columnWidths(rows: { row: Element }[], columns: number, total: number): number[] {
  const weights = Array.from({ length: columns }, () => 4);
  for (const { row } of rows) {
    let column = 0;
    for (const cell of cellsOf(row)) {
      const cellSpan = span(cell);
      if (cellSpan === 1 && column < columns) {
        const length = (cell.textContent ?? '').replace(/\s+/g, ' ').trim().length;
        weights[column] = Math.max(weights[column]!, Math.min(length, 32));
      }
      column += cellSpan;
    }
  }
  const whole = sum(weights);
  return weights.map((w) => Math.floor((total * w) / whole));
}

const BULLETS = ['\u2022', '\u2013', '\u25aa'];
const NUMBER_FORMATS = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];

function levels(kind: 'bullets' | 'numbers'): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: kind === 'bullets' ? LevelFormat.BULLET : NUMBER_FORMATS[level % 3]!,
    text: kind === 'bullets' ? BULLETS[level % 3]! : `%${level + 1}.`,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));
}

function wordDocument(blocks: Block[], meta: DocxMeta): Document {
  const small = { font: FONT, size: SMALL_SIZE, color: '444444' };
  return new Document({
    title: xmlSafe(meta.title),
    creator: '',
    lastModifiedBy: '',
    styles: {
      default: {
        document: {
          run: { font: FONT, size: BODY_SIZE, language: { value: 'en-US' } },
          paragraph: { spacing: { after: 180, line: 264 } },
        },
        heading1: { run: { font: FONT, size: 32, bold: true, color: '000000' } },
        heading2: {
          run: { font: FONT, size: 28, bold: true, color: '000000' },
          paragraph: { spacing: { before: 0, after: 200 } },
        },
        heading3: { run: { font: FONT, size: 26, bold: true, color: '000000' } },
      },
    },
    numbering: {
      config: [
        { reference: 'bullets', levels: levels('bullets') },
        { reference: 'numbers', levels: levels('numbers') },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: PAGE,
            margin: { top: INCH, right: INCH, bottom: INCH, left: INCH, header: 720, footer: 720 },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({ ...small, text: xmlSafe(`${meta.studentName} · ${meta.date}`) }),
                ],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    ...small,
                    children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
                  }),
                ],
              }),
            ],
          }),
        },
        children: apart(blocks),
      },
    ],
  });
}

/** A letter (the root's children: the editor's clean HTML) as a Word document. */
export function letterToDocx(root: Element, meta: DocxMeta): Document {
  return wordDocument(new Converter(meta.markers ?? []).blocks(root, { look: {} }), meta);
}

/**
 * The packet (`<div class="packet" data-packet>`: the letter, then each exhibit's section) as
 * one Word document, each exhibit from a new page, pages numbered across the whole packet.
 */
export function packetToDocx(container: Element, meta: DocxMeta): Document {
  return letterToDocx(container, meta);
}

/** Clean letter HTML (lib/letter-export's cleanLetterHtml), parsed inert, as a Word document. */
export function letterHtmlToDocx(cleanHtml: string, meta: DocxMeta): Document {
  const parsed = new DOMParser().parseFromString(cleanHtml, 'text/html');
  return letterToDocx(parsed.body, meta);
}

/** The .docx file's bytes. */
export function docxBlob(doc: Document): Promise<Blob> {
  return Packer.toBlob(doc);
}
