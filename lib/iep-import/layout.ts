/**
 * Text with positions, grouped into lines and cells. A PDF gives text runs with coordinates
 * (lib/iep-import/pdf.ts turns pdf.js's items into `TextItem`s); a paste gives lines of text, where
 * tabs or runs of spaces separate the cells. Both become `Line`s the table finder reads.
 *
 * Coordinates: points from the page's top-left corner, y growing downwards.
 */

export interface TextItem {
  page: number;
  /** Left edge. */
  x: number;
  /** Baseline, from the top of the page. */
  y: number;
  width: number;
  /** Font size (height of the text). */
  height: number;
  text: string;
}

export interface Cell {
  x0: number;
  x1: number;
  text: string;
}

export interface Line {
  page: number;
  y: number;
  height: number;
  cells: Cell[];
  /** The cells' text, separated by two spaces (how the confirm table shows the source). */
  text: string;
}

/** Items closer than this (in font heights) are on the same line. */
const SAME_LINE = 0.45;
/** A horizontal gap wider than this (in font heights) starts a new cell. */
const CELL_GAP = 0.5;

export function lineText(cells: readonly Cell[]): string {
  return cells.map((c) => c.text).join('  ');
}

/** Groups positioned text runs into lines (top to bottom, page by page) of cells (left to right). */
export function linesFromItems(items: readonly TextItem[]): Line[] {
  const visible = items
    .filter((item) => item.text.trim() !== '' && Number.isFinite(item.x) && Number.isFinite(item.y))
    .slice()
    .sort((a, b) => a.page - b.page || a.y - b.y || a.x - b.x);
  const lines: Line[] = [];
  let group: TextItem[] = [];
  const flush = () => {
    if (group.length === 0) return;
    lines.push(toLine(group));
    group = [];
  };
  for (const item of visible) {
    const first = group[0];
    if (
      first &&
      (first.page !== item.page ||
        Math.abs(item.y - first.y) > SAME_LINE * Math.max(first.height, item.height, 1))
    ) {
      flush();
    }
    group.push(item);
  }
  flush();
  return lines;
}

function toLine(items: TextItem[]): Line {
  const sorted = items.slice().sort((a, b) => a.x - b.x);
  const height = Math.max(...sorted.map((i) => i.height), 1);
  const cells: Cell[] = [];
  for (const item of sorted) {
    const text = item.text.replace(/\s+/g, ' ').trim();
    const last = cells[cells.length - 1];
    const gap = last ? item.x - last.x1 : Infinity;
    if (last && gap < CELL_GAP * height) {
      last.text += gap > 0.12 * height || /\s$/.test(item.text) ? ` ${text}` : text;
      last.x1 = Math.max(last.x1, item.x + item.width);
    } else {
      cells.push({ x0: item.x, x1: item.x + item.width, text });
    }
  }
  const y = sorted.reduce((sum, i) => sum + i.y, 0) / sorted.length;
  return { page: items[0]!.page, y, height, cells, text: lineText(cells) };
}

/** Width of one character in a paste, in the made-up points pasted lines are laid out with. */
const CHAR = 5;
const PASTE_LINE = 12;

/**
 * Lines from pasted text. Tabs separate cells (a spreadsheet or a table copied from a web page);
 * otherwise two or more spaces do, at their character position (text copied from a PDF viewer
 * keeps the columns lined up with spaces). A form feed starts a new page.
 */
export function linesFromText(text: string): Line[] {
  const lines: Line[] = [];
  let page = 1;
  let row = 0;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (raw.includes('\f')) {
      page += 1;
      row = 0;
    }
    const line = raw.replace(/\f/g, '').replace(/\u00a0/g, ' ');
    row += 1;
    if (line.trim() === '') continue;
    const cells: Cell[] = [];
    if (line.includes('\t')) {
      line.split('\t').forEach((part, index) => {
        const t = part.replace(/\s+/g, ' ').trim();
        if (t) cells.push({ x0: index * 100, x1: index * 100 + 90, text: t });
      });
    } else {
      const re = /\S+(?: \S+)*/g;
      for (let m = re.exec(line); m; m = re.exec(line)) {
        cells.push({ x0: m.index * CHAR, x1: (m.index + m[0].length) * CHAR, text: m[0] });
      }
    }
    if (cells.length === 0) continue;
    lines.push({ page, y: row * PASTE_LINE, height: 10, cells, text: lineText(cells) });
  }
  return lines;
}
