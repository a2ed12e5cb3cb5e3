/**
 * A district file as a table of text cells, and the limits every file is held to. Parsing the file
 * itself happens in the page (Papa Parse for CSV, read-excel-file for .xlsx, loaded only there);
 * pasted rows are split here. Cells stay text: a formula or HTML in a cell is kept as the
 * characters it is, never run or rendered (Preact escapes it, lib/csv neutralises it on export).
 */

/** Largest file read, in bytes. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** Most rows read from one file. */
export const MAX_ROWS = 200_000;
/** Longest cell kept, in characters (a note longer than this is cut). */
export const MAX_CELL_CHARS = 2000;

export interface DistrictTable {
  header: string[];
  /** Data rows, each as long as the header. */
  rows: string[][];
}

export type TableResult = { ok: true; table: DistrictTable } | { ok: false; message: string };

export const TOO_BIG_MESSAGE =
  'This file is over 50 MB. Export a shorter date range from the district system (one school year is plenty) and try again.';
const TOO_MANY_ROWS_MESSAGE = `This file has more than ${MAX_ROWS.toLocaleString('en-US')} rows. Export one school year, or only your child's rows, and try again.`;
const NOT_A_TABLE_MESSAGE =
  'This does not look like a table: no rows with several columns were found. Use a CSV or Excel (.xlsx) export of the service log, or copy the rows from a spreadsheet.';

/** Text of one cell, whatever the parser gave (a Date from a spreadsheet is read as its calendar date). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // read-excel-file gives spreadsheet dates as UTC midnight: its UTC parts are the calendar date.
    if (Number.isNaN(value.getTime())) return '';
    const y = value.getUTCFullYear();
    const m = String(value.getUTCMonth() + 1).padStart(2, '0');
    const d = String(value.getUTCDate()).padStart(2, '0');
    return `${y}-${m}-${d}`;
  }
  const text = typeof value === 'string' ? value : String(value);
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').slice(0, MAX_CELL_CHARS);
}

/**
 * Rows (as parsed) → a table: drops blank rows, finds the header (see findHeaderRow; the first row
 * when none names a date, so the user can still map by hand), pads rows to the header's width.
 */
export function toTable(
  raw: readonly (readonly unknown[])[],
  findHeader: (rows: string[][]) => number | null,
): TableResult {
  if (raw.length > MAX_ROWS + 10) return { ok: false, message: TOO_MANY_ROWS_MESSAGE };
  const rows = raw
    .map((row) => row.map(cellText))
    .filter((row) => row.some((cell) => cell.trim() !== ''));
  const wide = rows.filter((row) => row.filter((cell) => cell.trim() !== '').length >= 2);
  if (wide.length < 2) return { ok: false, message: NOT_A_TABLE_MESSAGE };
  const headerIndex = findHeader(rows) ?? rows.indexOf(wide[0]!);
  const header = rows[headerIndex]!.map((cell) => cell.trim());
  const body = rows.slice(headerIndex + 1);
  if (body.length > MAX_ROWS) return { ok: false, message: TOO_MANY_ROWS_MESSAGE };
  const width = Math.max(header.length, ...body.slice(0, 1000).map((row) => row.length));
  while (header.length < width) header.push('');
  return {
    ok: true,
    table: {
      header,
      rows: body.map((row) =>
        row.length >= width
          ? row.slice(0, width)
          : [...row, ...Array<string>(width - row.length).fill('')],
      ),
    },
  };
}

/**
 * Rows pasted from a spreadsheet (tab-separated) or from a PDF table (columns separated by two
 * or more spaces, or tabs). A line with a single cell stays a row: a wrapped line of a PDF table
 * is joined to the row above when the import reads it (see buildImport).
 */
export function splitPasted(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const tabbed = lines.some((line) => line.includes('\t'));
  return lines.map((line) =>
    (tabbed ? line.split('\t') : line.trim().split(/\s{2,}/)).map((cell) => cell.trim()),
  );
}
