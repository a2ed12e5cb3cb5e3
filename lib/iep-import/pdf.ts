/**
 * The PDF side of the IEP reader: pdf.js (pdfjs-dist 5.x) turns the chosen file into positioned
 * text. Loaded only with `import()` from the tracker's "Read from the IEP" panel, so pdf.js never
 * enters the popup, the picker or the content script.
 *
 * Safe settings: no eval (`isEvalSupported: false`, and the build takes the `Function`
 * constructor out: scripts/pdfjs-without-eval.ts), the worker loaded from the extension's own
 * files, no font, CMap or other fetching (the bytes are handed over, no URLs are given), no XFA
 * forms or scripting. Limits: 50 MB (refused), 150 pages and 20 seconds (the pages read by then
 * are kept, and the result says why it stopped: ./pdf-text.ts describeStop); a PDF that breaks
 * pdf.js, or that does not open within the time, gets a plain message and the page stays usable
 * (the work happens in the worker, which is ended).
 */
import { PDFWorker, getDocument } from 'pdfjs-dist';
import { DEFAULT_PDF_LIMITS, readPdfItems, type PdfLimits, type PdfText } from './pdf-text';

export type { PdfText, PdfStop } from './pdf-text';

export const MAX_PDF_BYTES = 50 * 1024 * 1024;

/** Where the build puts the worker (scripts/pdfjs-without-eval.ts: PDFJS_WORKER_PATH). */
const WORKER_PATH = '/pdfjs/pdf.worker.mjs';

export type PdfProblem = 'too-big' | 'not-pdf' | 'password' | 'too-slow' | 'broken';

export class PdfReadError extends Error {
  constructor(
    readonly problem: PdfProblem,
    cause?: unknown,
  ) {
    super(problem, { cause });
    this.name = 'PdfReadError';
  }
}

function problemOf(error: unknown): PdfProblem {
  if (error instanceof PdfReadError) return error.problem;
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'PasswordException') return 'password';
  if (name === 'InvalidPDFException') return 'not-pdf';
  return 'broken';
}

/** Reads a PDF file's text with positions. Throws `PdfReadError` with a problem to explain. */
export async function readPdfFile(
  file: Blob,
  limits: PdfLimits = DEFAULT_PDF_LIMITS,
): Promise<PdfText> {
  if (file.size > MAX_PDF_BYTES) throw new PdfReadError('too-big');
  const data = new Uint8Array(await file.arrayBuffer());
  if (!isPdfHeader(data)) throw new PdfReadError('not-pdf');
  // Our own module worker from the extension's files, so a failure to start it is an error
  // (not pdf.js's silent fall-back to the page's thread), and a stuck read can be ended.
  const worker = new Worker(new URL(WORKER_PATH, location.href), { type: 'module' });
  // pdf.js's generated types say `port?: null`; its code takes a Worker (documented API).
  const pdfWorker = new PDFWorker({ port: worker as unknown as null, verbosity: 0 });
  const task = getDocument({
    data,
    worker: pdfWorker,
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  const now = limits.now ?? (() => Date.now());
  const started = now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const workerFailed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) => reject(new PdfReadError('broken', event)));
  });
  // Opening has the whole time limit; pages get what is left and stop with what they read.
  const openTimeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PdfReadError('too-slow')), limits.timeLimitMs);
  });
  try {
    const pdf = await Promise.race([task.promise, openTimeout, workerFailed]);
    clearTimeout(timer);
    const left = { ...limits, now, timeLimitMs: limits.timeLimitMs - (now() - started) };
    const text = await Promise.race([readPdfItems(pdf, left), workerFailed]);
    // Out of time before the first page: nothing to show.
    if (text.pagesRead === 0 && text.pageCount > 0) throw new PdfReadError('too-slow');
    return text;
  } catch (error) {
    throw new PdfReadError(problemOf(error), error);
  } finally {
    clearTimeout(timer);
    void task.destroy().catch(() => {});
    pdfWorker.destroy();
    // Ends the worker even when pdf.js is stuck inside a broken file.
    worker.terminate();
  }
}

/** "%PDF-" within the first kilobyte, as PDF readers accept. */
function isPdfHeader(data: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(data.subarray(0, 1024));
  return head.includes('%PDF-');
}
