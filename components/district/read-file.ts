/**
 * Reading a district file into rows of cells, in the page. The parsers are loaded with import()
 * only when a file is chosen, so no other page carries them: Papa Parse for CSV and text (never
 * in worker mode: MV3 forbids blob workers) and read-excel-file for .xlsx (its "universal" entry,
 * which reads on this thread; the "browser" entry starts blob workers, which MV3 forbids too).
 */
import { MAX_FILE_BYTES, TOO_BIG_MESSAGE } from '../../lib/district';

export class DistrictFileError extends Error {}

const OLD_EXCEL =
  'This is an old Excel file (.xls). Open it in Excel or another spreadsheet and save it as .xlsx or CSV, then choose that file.';
const PDF =
  'PDF files cannot be read directly. Open the PDF, select the rows of its table, copy them, and paste them in the box below.';
const NOT_A_TABLE =
  'This file could not be read as a table. Use a CSV or Excel (.xlsx) export of the service log, or paste the rows below.';

export async function readDistrictFile(file: File): Promise<unknown[][]> {
  if (file.size > MAX_FILE_BYTES) throw new DistrictFileError(TOO_BIG_MESSAGE);
  const name = file.name.toLowerCase();
  if (name.endsWith('.pdf')) throw new DistrictFileError(PDF);
  if (name.endsWith('.xls')) throw new DistrictFileError(OLD_EXCEL);
  if (name.endsWith('.xlsx')) {
    const { readSheet } = await import('read-excel-file/universal');
    try {
      return (await readSheet(file, { trim: false })) as unknown[][];
    } catch {
      throw new DistrictFileError(NOT_A_TABLE);
    }
  }
  const text = await file.text();
  // A binary file (a zip, an image) has NUL characters; a CSV never does.
  if (text.slice(0, 4096).includes('\u0000')) throw new DistrictFileError(NOT_A_TABLE);
  return parseCsvText(text);
}

/** CSV (or tab-separated) text as rows, with Papa Parse on this thread. */
export async function parseCsvText(text: string): Promise<string[][]> {
  const { default: Papa } = await import('papaparse');
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    worker: false,
    skipEmptyLines: 'greedy',
  });
  return result.data;
}
