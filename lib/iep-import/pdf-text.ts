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

/** A timer the reader races a page against; `cancel` stops it once the page is read. */
export interface PdfTimer {
  done: Promise<void>;
  cancel(): void;
}

export interface PdfLimits {
  /** Pages read at most (an IEP is rarely over 60). */
  maxPages: number;
  /** Stops reading after this many milliseconds, keeping the pages read so far. */
  timeLimitMs: number;
  /** The clock (Date.now); tests pass their own. */
  now?: () => number;
  /** A timer that ends after `ms` (setTimeout); tests pass their own, so nothing waits. */
  timer?: (ms: number) => PdfTimer;
}

export const DEFAULT_PDF_LIMITS: PdfLimits = { maxPages: 150, timeLimitMs: 20_000 };

/** Why the reader stopped before the last page: too many pages, or out of time. */
export type PdfStop = 'page-limit' | 'time-limit';

export interface PdfText {
  items: TextItem[];
  /** Pages read, from page 1. */
  pagesRead: number;
  /** Pages in the PDF. */
  pageCount: number;
  /** Set when pages were left unread. */
  stop: PdfStop | null;
}

function realTimer(ms: number): PdfTimer {
  let handle: ReturnType<typeof setTimeout> | undefined;
  const done = new Promise<void>((resolve) => {
    handle = setTimeout(resolve, ms);
  });
  return { done, cancel: () => clearTimeout(handle) };
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

/**
 * Every page's text items, within the limits. At a limit it stops and returns what it read, with
 * the reason, so the parent sees the services it found and is told which pages were left out.
 * A page that never finishes (a hostile PDF) is cut off by the timer.
 */
export async function readPdfItems(
  pdf: PdfDocumentLike,
  limits: PdfLimits = DEFAULT_PDF_LIMITS,
): Promise<PdfText> {
  const now = limits.now ?? (() => Date.now());
  const timer = limits.timer ?? realTimer;
  const started = now();
  const pageCount = pdf.numPages;
  const lastPage = Math.min(pageCount, limits.maxPages);
  const items: TextItem[] = [];
  let pagesRead = 0;
  for (let n = 1; n <= lastPage; n += 1) {
    const left = limits.timeLimitMs - (now() - started);
    if (left <= 0) return { items, pagesRead, pageCount, stop: 'time-limit' };
    const clock = timer(left);
    const page = await Promise.race([readPage(pdf, n), clock.done.then(() => null)]);
    clock.cancel();
    if (page === null) return { items, pagesRead, pageCount, stop: 'time-limit' };
    items.push(...page);
    pagesRead = n;
  }
  return { items, pagesRead, pageCount, stop: pagesRead < pageCount ? 'page-limit' : null };
}

async function readPage(pdf: PdfDocumentLike, n: number): Promise<TextItem[]> {
  const page = await pdf.getPage(n);
  const content = await page.getTextContent();
  page.cleanup?.();
  return itemsFromRuns(content.items, n, page.view);
}

function pagesWord(count: number): string {
  return count === 1 ? '1 page' : `${count} pages`;
}

/**
 * Plain words for a read that stopped early, shown above the confirm table; null when every page
 * was read.
 */
export function describeStop(
  text: Pick<PdfText, 'stop' | 'pagesRead' | 'pageCount'>,
): string | null {
  const { stop, pagesRead, pageCount } = text;
  if (stop === null || pagesRead >= pageCount) return null;
  const firstPages = pagesRead === 1 ? 'the first page' : `the first ${pagesRead} pages`;
  const after = `services listed after page ${pagesRead} are not shown. Add them by hand`;
  if (stop === 'page-limit') {
    return `This PDF has ${pagesWord(pageCount)}. We read ${firstPages}; ${after}.`;
  }
  return (
    `Reading this PDF took too long, so we stopped after ${firstPages} of ${pageCount}: ` +
    `${after}, or paste the text of the services page instead (“Read another file or paste”).`
  );
}
