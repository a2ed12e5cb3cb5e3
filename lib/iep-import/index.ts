/**
 * Reads an IEP's services (and its dates, the student's name and school) from text with
 * positions: a PDF's text (./pdf.ts, loaded only by the page that reads a PDF) or a paste.
 *
 * Pure and synchronous: `readIep(lines, options)` finds the service tables by structure
 * (./tables.ts), reads each row's frequency (./frequency.ts), and falls back to lines that name a
 * service and a frequency when there is no table. Nothing here saves anything: the confirm table
 * (components/iep-import/) shows the drafts and the parent decides.
 */
import { readDetails, type IepDetails } from './details';
import { linesFromItems, linesFromText, type Line, type TextItem } from './layout';
import { draftFromRow, draftsFromFreeText, type DraftOptions, type ServiceDraft } from './services';
import { findServiceTables } from './tables';

export type { IepDetails, Found } from './details';
export type { ServiceDraft, DraftOptions } from './services';
export type { TextItem, Line } from './layout';
export { linesFromItems, linesFromText };
export { parseFrequency, readFrequency } from './frequency';

export interface IepReading {
  services: ServiceDraft[];
  /** Lines in a services table that the reader could not turn into a service. */
  unread: string[];
  details: IepDetails;
  /** Whether any text was found at all (a scanned IEP has none). */
  hasText: boolean;
  /** Whether the services came from a table (false: from lines of text). */
  fromTable: boolean;
}

export interface ReadOptions {
  schoolWeeks: number;
  calendarKnown: boolean;
}

export function readIep(lines: readonly Line[], options: ReadOptions): IepReading {
  const details = readDetails(lines);
  const draftOptions: DraftOptions = {
    ...options,
    iepStart: details.startDate?.value ?? null,
    iepEnd: details.reviewDate?.value ?? null,
  };
  const tables = findServiceTables(lines);
  const fromTable = tables.rows.length > 0;
  const services = fromTable
    ? tables.rows.map((row) => draftFromRow(row, draftOptions))
    : draftsFromFreeText(lines, tables.used, draftOptions);
  return {
    services,
    unread: tables.unread,
    details,
    hasText: lines.some((l) => /[\p{L}\p{N}]/u.test(l.text)),
    fromTable,
  };
}

export function readIepText(text: string, options: ReadOptions): IepReading {
  return readIep(linesFromText(text), options);
}

export function readIepItems(items: readonly TextItem[], options: ReadOptions): IepReading {
  return readIep(linesFromItems(items), options);
}
