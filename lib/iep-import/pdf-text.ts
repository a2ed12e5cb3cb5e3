/**
 * pdf.js text content → positioned `TextItem`s, for any pdf.js document (the extension's bundled
 * pdfjs-dist in ./pdf.ts, the legacy build in the Node tests). Imports nothing from pdf.js, so it
 * stays in the pure, unit-tested part.
 */
import type { TextItem } from './layout';

/** The parts of pdf.js's API this reads. */
export interface PdfTextRun {
  str: string;
  transform: number[];
  width: number;
  height: number;
}
export interface PdfPageLike {
  view: number[];
  getTextContent(): Promise<{ items: readonly (PdfTextRun | { type: string })[] }>;
  cleanup?(): unknown;
}
export interface PdfDocumentLike {
  numPages: number;
  getPage(n: number): Promise<PdfPageLike>;
}

export interface PdfLimits {
  /** Pages read at most (an IEP is rarely over 60). */
  maxPages: number;
  /** Gives up after this many milliseconds. */
  timeLimitMs: number;
  now?: () => number;
}

export const DEFAULT_PDF_LIMITS: PdfLimits = { maxPages: 150, timeLimitMs: 20_000 };

export class PdfTooSlowError extends Error {
  constructor() {
    super('Reading the PDF took too long.');
    this.name = 'PdfTooSlowError';
  }
}

function isRun(item: PdfTextRun | { type: string }): item is PdfTextRun {
  return (
    typeof (item as PdfTextRun).str === 'string' && Array.isArray((item as PdfTextRun).transform)
  );
}

/** One page's runs, y measured from the top of the page. */
export function itemsFromRuns(
  runs: readonly (PdfTextRun | { type: string })[],
  page: number,
  view: readonly number[],
): TextItem[] {
  const top = view[3] ?? 792;
  const out: TextItem[] = [];
  for (const run of runs) {
    if (!isRun(run) || run.str.trim() === '') continue;
    const [a = 0, b = 0, , , e = 0, f = 0] = run.transform;
    const size = Math.hypot(a, b) || run.height || 10;
    out.push({ page, x: e, y: top - f, width: run.width, height: size, text: run.str });
  }
  return out;
}

/** Every page's text items, within the limits. `pagesRead` tells whether pages were left out. */
export async function readPdfItems(
  pdf: PdfDocumentLike,
  limits: PdfLimits = DEFAULT_PDF_LIMITS,
): Promise<{ items: TextItem[]; pagesRead: number; pageCount: number }> {
  const now = limits.now ?? (() => Date.now());
  const started = now();
  const pageCount = pdf.numPages;
  const pagesRead = Math.min(pageCount, limits.maxPages);
  const items: TextItem[] = [];
  for (let n = 1; n <= pagesRead; n += 1) {
    if (now() - started > limits.timeLimitMs) throw new PdfTooSlowError();
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    items.push(...itemsFromRuns(content.items, n, page.view));
    page.cleanup?.();
  }
  return { items, pagesRead, pageCount };
}
