/**
 * Finds service tables by their structure: a header row of column names (in any of the forms
 * IEP systems print), rows aligned under it, rows that wrap onto two or more lines, and tables that
 * go on over the next page (with or without the header repeated). Pure: lines in, rows out.
 */
import { findDates } from './dates';
import { looksLikeFrequency } from './frequency';
import type { Cell, Line } from './layout';

export type Column = 'service' | 'amount' | 'location' | 'start' | 'end' | 'provider' | 'delivery';

/** Column names as IEP forms print them (lower case, punctuation removed). */
const COLUMN_NAMES: [Column, RegExp][] = [
  [
    'service',
    /^(?:(?:special education|related|sped|supplementary|instructional)\s+)?services?(?:\s+(?:type|name|description|area|provided|category))?$|^(?:type of service|description of services?|services? program|specially designed instruction|sdi|service and goal area)$/,
  ],
  [
    'amount',
    /^(?:frequency|amount|time|minutes|amount of time|amount frequency|frequency (?:and |& )?(?:duration|amount|time)|(?:service )?minutes(?: per)?|time frequency|minutes frequency|frequency minutes|how often|amount (?:and |& )?frequency|service time|minutes per (?:week|day|month)|sessions?)$/,
  ],
  ['location', /^(?:location|setting|location setting|service location|where|place)$/],
  [
    'start',
    /^(?:begin|start|begin(?:ning)? date|start date|initiation(?: date)?|date of initiation|projected (?:start|begin)(?:ning)?(?: date)?|from)$/,
  ],
  [
    'end',
    /^(?:end|end(?:ing)? date|duration|anticipated duration|projected end(?: date)?|ending|stop date|through|to|expected duration)$/,
  ],
  [
    'provider',
    /^(?:provider|responsible staff|position|service provider|staff responsible|person responsible|position responsible|responsible (?:person|position|party|staff position)|provider position|provided by|staff|responsible)$/,
  ],
  [
    'delivery',
    /^(?:direct (?:indirect|consult)|delivery|service delivery|direct or (?:indirect|consult)|type|method)$/,
  ],
];

export function normalizeHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9&]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function columnOf(text: string): Column | null {
  const name = normalizeHeader(text);
  if (name === '') return null;
  for (const [column, re] of COLUMN_NAMES) if (re.test(name)) return column;
  return null;
}

export interface HeaderColumn {
  column: Column;
  x0: number;
  x1: number;
}

export interface TableRow {
  /** Text per column; several amount columns are joined in reading order. */
  cells: Partial<Record<Column, string>>;
  /** The lines this row came from, as printed. */
  source: string;
  page: number;
}

export interface FoundTables {
  rows: TableRow[];
  /** Lines inside a table that fit no row. */
  unread: string[];
  /** Indexes of the lines used (headers and rows), so other readers skip them. */
  used: Set<number>;
}

/** Merges a header's second line (wrapped column names) into its first. */
function mergeHeaderLines(first: Line, second: Line): Cell[] {
  const cells = first.cells.map((c) => ({ ...c }));
  for (const cell of second.cells) {
    const over = cells.find((c) => cell.x0 < c.x1 + 4 && cell.x1 > c.x0 - 4);
    if (over) {
      over.text = `${over.text} ${cell.text}`;
      over.x0 = Math.min(over.x0, cell.x0);
      over.x1 = Math.max(over.x1, cell.x1);
    } else cells.push({ ...cell });
  }
  return cells.sort((a, b) => a.x0 - b.x0);
}

function headerFrom(cells: readonly Cell[]): HeaderColumn[] | null {
  const columns: HeaderColumn[] = [];
  let named = 0;
  for (const cell of cells) {
    const column = columnOf(cell.text);
    if (column) {
      named += 1;
      columns.push({ column, x0: cell.x0, x1: cell.x1 });
    } else if (cell.text.length > 40 || /\d/.test(cell.text)) {
      return null;
    }
  }
  const has = (c: Column) => columns.some((h) => h.column === c);
  if (!has('service') || !has('amount') || named < 2) return null;
  // Unnamed cells between named ones would make a row mean something else: not a header.
  if (named < cells.length - 1) return null;
  return columns;
}

/** A header at `index` (one line, or two when the names wrap). Returns the lines it takes. */
export function headerAt(
  lines: readonly Line[],
  index: number,
): { columns: HeaderColumn[]; lineCount: number } | null {
  const line = lines[index]!;
  const next = lines[index + 1];
  const wrapsOnto =
    next &&
    next.page === line.page &&
    next.y - line.y < 1.8 * line.height &&
    next.cells.every((c) => !/\d/.test(c.text) && c.text.split(' ').length <= 3);
  const two = wrapsOnto ? headerFrom(mergeHeaderLines(line, next)) : null;
  const one = headerFrom(line.cells);
  if (two && (!one || two.length > one.length)) return { columns: two, lineCount: 2 };
  return one ? { columns: one, lineCount: 1 } : null;
}

/**
 * pdf.js joins runs closer than about half a font size into one item ("Gen Ed Classroom 90
 * Minutes per Week"), so a tight table's neighbouring cells can arrive as one. Splits such a cell
 * at the word that starts where a column starts (character positions estimated from the width).
 */
export function splitAtColumns(header: readonly HeaderColumn[], cells: readonly Cell[]): Cell[] {
  const out: Cell[] = [];
  for (const cell of cells) {
    let rest = cell;
    for (const column of header) {
      if (column.x0 <= rest.x0 + 4 || column.x0 >= rest.x1 - 4) continue;
      const perChar = (rest.x1 - rest.x0) / Math.max(rest.text.length, 1);
      let best = -1;
      let bestDistance = Infinity;
      for (let i = 1; i < rest.text.length; i += 1) {
        if (rest.text[i - 1] !== ' ' || rest.text[i] === ' ') continue;
        const distance = Math.abs(rest.x0 + i * perChar - column.x0);
        if (distance < bestDistance) {
          best = i;
          bestDistance = distance;
        }
      }
      if (best < 0 || bestDistance > 3 * perChar) continue;
      const splitX = rest.x0 + best * perChar;
      out.push({ x0: rest.x0, x1: splitX - perChar, text: rest.text.slice(0, best).trimEnd() });
      rest = { x0: column.x0, x1: rest.x1, text: rest.text.slice(best) };
    }
    out.push(rest);
  }
  return out;
}

/** Assigns a line's cells to the header's columns (by where each cell starts). */
export function assignCells(
  header: readonly HeaderColumn[],
  lineCells: readonly Cell[],
): Map<number, string> {
  const cells = splitAtColumns(header, lineCells);
  const bounds = header.map((h, i) => {
    const next = header[i + 1];
    return next ? (h.x1 + next.x0) / 2 : Infinity;
  });
  const out = new Map<number, string>();
  for (const cell of cells) {
    let index = bounds.findIndex((b) => cell.x0 + 1 < b);
    if (index < 0) index = header.length - 1;
    out.set(index, out.has(index) ? `${out.get(index)!} ${cell.text}` : cell.text);
  }
  return out;
}

const SECTION_HEADING =
  /^(?:supplementary aids|supplemental aids|program modifications|modifications|accommodations|least restrictive|extent of (?:non-?)?participation|explanation of|extended school year|transportation|assistive technology|participation in|(?:state|district)(?:wide)? assessments?|signatures?|team members|present levels|annual goals?|measurable|progress report|transition|behavior intervention|prior written notice|consent|notes?:|comments?:)/i;
const PAGE_FOOTER =
  /^(?:page\s*\d+(?:\s*(?:of|\/)\s*\d+)?|\d+\s*(?:of|\/)\s*\d+|printed|confidential)\b/i;

function isDateCell(column: Column) {
  return column === 'start' || column === 'end';
}

function complete(column: Column, text: string | undefined): boolean {
  if (!text) return false;
  if (column === 'amount') return looksLikeFrequency(text);
  if (isDateCell(column)) return findDates(text).length > 0;
  return false;
}

interface OpenTable {
  header: HeaderColumn[];
  rows: { cells: Map<number, string>; lines: Line[] }[];
}

function rowOf(table: OpenTable, cells: Map<number, string>) {
  const out: Partial<Record<Column, string>> = {};
  table.header.forEach((h, i) => {
    const text = cells.get(i);
    if (!text) return;
    out[h.column] = out[h.column] ? `${out[h.column]!} ${text}` : text;
  });
  return out;
}

/** Does this line start a new row (rather than continue the last one)? */
function startsRow(
  table: OpenTable,
  cells: Map<number, string>,
  line: Line,
  previous: Line | null,
) {
  const last = table.rows[table.rows.length - 1];
  if (!last) return true;
  const columns = table.header.map((h) => h.column);
  for (const [index, text] of cells) {
    const column = columns[index]!;
    // A second date or a second complete frequency in the same column: a new row.
    if ((isDateCell(column) || column === 'amount') && complete(column, text)) {
      if (complete(column, last.cells.get(index))) return true;
    }
  }
  const serviceIndex = columns.indexOf('service');
  const gapped =
    previous !== null &&
    previous.page === line.page &&
    line.y - previous.y > 1.75 * Math.max(line.height, previous.height);
  return gapped && cells.has(serviceIndex) && cells.size >= 2;
}

function endsTable(table: OpenTable, line: Line, previous: Line | null): boolean {
  if (SECTION_HEADING.test(line.text)) return true;
  if (previous && previous.page === line.page && line.y - previous.y > 4.5 * line.height) {
    return true;
  }
  // One long run of words across several columns: a paragraph, not a row.
  const bounds = table.header.map((h) => h.x0);
  return line.cells.some(
    (c) => c.text.length > 60 && bounds.filter((x) => x > c.x0 + 8 && x < c.x1 - 8).length >= 2,
  );
}

/**
 * Finds every service table in the lines, and the rows in each. A table ends at a section
 * heading, a paragraph, a wide gap, or a page whose first lines are not more of it.
 */
export function findServiceTables(lines: readonly Line[]): FoundTables {
  const rows: TableRow[] = [];
  const unread: string[] = [];
  const used = new Set<number>();
  let table: OpenTable | null = null;
  let previous: Line | null = null;
  /** Lines skipped at the top of a new page while deciding whether the table goes on. */
  let pageTop: number[] = [];

  const close = () => {
    if (!table) return;
    for (const row of table.rows) {
      const cells = rowOf(table, row.cells);
      const source = row.lines.map((l) => l.text).join('\n');
      if (!cells.service && !cells.amount) unread.push(source);
      else rows.push({ cells, source, page: row.lines[0]!.page });
    }
    table = null;
  };

  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    const header = headerAt(lines, i);
    if (header) {
      const sameAgain =
        table !== null &&
        header.columns.length === table.header.length &&
        header.columns.every((c, k) => c.column === table!.header[k]!.column);
      if (sameAgain && previous && previous.page !== line.page) {
        // The header repeated at the top of the next page: the same table goes on.
        table!.header = header.columns;
      } else {
        close();
        table = { header: header.columns, rows: [] };
      }
      for (let k = 0; k < header.lineCount; k += 1) used.add(i + k);
      pageTop.forEach((k) => used.add(k));
      pageTop = [];
      i += header.lineCount - 1;
      previous = lines[i]!;
      continue;
    }
    if (!table) {
      previous = line;
      continue;
    }
    if (PAGE_FOOTER.test(line.text)) continue;
    const newPage = previous !== null && previous.page !== line.page;
    if (newPage || pageTop.length > 0) {
      // The top of a new page: a running header, or the table's next rows?
      const cells = assignCells(table.header, line.cells);
      const fits =
        cells.size >= 2 &&
        [...cells].some(([index, text]) => complete(table!.header[index]!.column, text));
      if (!fits) {
        pageTop.push(i);
        if (pageTop.length > 8) {
          close();
          pageTop = [];
        }
        previous = line;
        continue;
      }
      pageTop.forEach((k) => used.add(k));
      pageTop = [];
    } else if (endsTable(table, line, previous)) {
      close();
      previous = line;
      continue;
    }
    const cells = assignCells(table.header, line.cells);
    if (startsRow(table, cells, line, newPage ? null : previous)) {
      table.rows.push({ cells, lines: [line] });
    } else {
      const last = table.rows[table.rows.length - 1]!;
      for (const [index, text] of cells) {
        last.cells.set(index, last.cells.has(index) ? `${last.cells.get(index)!} ${text}` : text);
      }
      last.lines.push(line);
    }
    used.add(i);
    previous = line;
  }
  close();
  return { rows, unread, used };
}
