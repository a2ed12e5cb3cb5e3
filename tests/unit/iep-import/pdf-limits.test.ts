/**
 * The PDF reader's limits, with a fake pdf.js document and a fake clock (nothing waits): files
 * over 50 MB are refused before they are read, at most 150 pages are read, and when time runs out
 * the pages read so far are kept. Both stops come back with the reason, in plain words for the
 * confirm step.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_PDF_LIMITS,
  describeStop,
  readPdfItems,
  type PdfDocumentLike,
  type PdfLimits,
  type PdfPageLike,
  type PdfTimer,
} from '../../../lib/iep-import/pdf-text';

const getDocument = vi.hoisted(() => vi.fn());
vi.mock('pdfjs-dist', () => ({ getDocument, PDFWorker: vi.fn() }));
const { MAX_PDF_BYTES, PdfReadError, readPdfFile } = await import('../../../lib/iep-import/pdf');

/** A page with one line of text: "Page n". */
function page(n: number, read: () => Promise<void> = async () => {}): PdfPageLike {
  return {
    view: [0, 0, 612, 792],
    async getTextContent() {
      await read();
      return {
        items: [{ str: `Page ${n}`, transform: [12, 0, 0, 12, 72, 700], width: 40, height: 12 }],
      };
    },
  };
}

function fakePdf(numPages: number, pageFor = (n: number) => page(n)) {
  const asked: number[] = [];
  const pdf: PdfDocumentLike = {
    numPages,
    async getPage(n) {
      asked.push(n);
      return pageFor(n);
    },
  };
  return { pdf, asked };
}

/** A clock the pages move on, and timers that end only when the test says so. */
function fakeClock() {
  let time = 1_000_000;
  const timers: { ms: number; end: () => void; cancelled: boolean }[] = [];
  const limits: PdfLimits = {
    ...DEFAULT_PDF_LIMITS,
    now: () => time,
    timer: (ms): PdfTimer => {
      let end = () => {};
      const done = new Promise<void>((resolve) => (end = resolve));
      const entry = { ms, end, cancelled: false };
      timers.push(entry);
      return { done, cancel: () => (entry.cancelled = true) };
    },
  };
  return { limits, timers, advance: (ms: number) => (time += ms) };
}

const pagesOf = (items: { page: number }[]) => [...new Set(items.map((i) => i.page))];

describe('the page limit', () => {
  it('reads every page of a PDF within the limit, and says nothing', async () => {
    const { pdf } = fakePdf(3);
    const text = await readPdfItems(pdf, fakeClock().limits);
    expect(text).toMatchObject({ pagesRead: 3, pageCount: 3, stop: null });
    expect(pagesOf(text.items)).toEqual([1, 2, 3]);
    expect(text.items[0]).toMatchObject({ page: 1, text: 'Page 1', x: 72, y: 92 });
    expect(describeStop(text)).toBeNull();
  });

  it('reads exactly 150 pages of a 150-page PDF', async () => {
    const { pdf, asked } = fakePdf(150);
    const text = await readPdfItems(pdf, fakeClock().limits);
    expect(text).toMatchObject({ pagesRead: 150, pageCount: 150, stop: null });
    expect(asked).toHaveLength(150);
  });

  it('stops after page 150 of 212, keeps those pages and says which were left out', async () => {
    const { pdf, asked } = fakePdf(212);
    const text = await readPdfItems(pdf, fakeClock().limits);
    expect(text).toMatchObject({ pagesRead: 150, pageCount: 212, stop: 'page-limit' });
    expect(asked).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
    expect(pagesOf(text.items)).toHaveLength(150);
    expect(describeStop(text)).toBe(
      'This PDF has 212 pages. We read the first 150 pages; services listed after page 150 are not shown. Add them by hand.',
    );
  });

  it('uses the limit it is given', async () => {
    const { pdf } = fakePdf(5);
    const text = await readPdfItems(pdf, { ...fakeClock().limits, maxPages: 1 });
    expect(text).toMatchObject({ pagesRead: 1, pageCount: 5, stop: 'page-limit' });
    expect(describeStop(text)).toBe(
      'This PDF has 5 pages. We read the first page; services listed after page 1 are not shown. Add them by hand.',
    );
  });
});

describe('the time limit', () => {
  it('keeps the pages read in time and stops before the next one', async () => {
    const clock = fakeClock();
    // Each page takes 7 seconds: pages 1–3 start within 20 seconds, page 4 would start at 21.
    const { pdf, asked } = fakePdf(40, (n) => page(n, async () => void clock.advance(7_000)));
    const text = await readPdfItems(pdf, clock.limits);
    expect(text).toMatchObject({ pagesRead: 3, pageCount: 40, stop: 'time-limit' });
    expect(asked).toEqual([1, 2, 3]);
    expect(pagesOf(text.items)).toEqual([1, 2, 3]);
    // Each page had the time that was left, and its timer was stopped once it was read.
    expect(clock.timers.map((t) => [t.ms, t.cancelled])).toEqual([
      [20_000, true],
      [13_000, true],
      [6_000, true],
    ]);
    expect(describeStop(text)).toBe(
      'Reading this PDF took too long, so we stopped after the first 3 pages of 40: services listed after page 3 are not shown. Add them by hand, or paste the text of the services page instead (“Read another file or paste”).',
    );
  });

  it('cuts off a page that never finishes, keeping the pages before it', async () => {
    const clock = fakeClock();
    const hang = () => new Promise<void>(() => {});
    const { pdf } = fakePdf(10, (n) => (n === 2 ? page(n, hang) : page(n)));
    const reading = readPdfItems(pdf, clock.limits);
    await vi.waitFor(() => expect(clock.timers).toHaveLength(2));
    clock.timers[1]!.end();
    const text = await reading;
    expect(text).toMatchObject({ pagesRead: 1, pageCount: 10, stop: 'time-limit' });
    expect(pagesOf(text.items)).toEqual([1]);
    expect(describeStop(text)).toMatch(
      /^Reading this PDF took too long, so we stopped after the first page of 10: /,
    );
  });

  it('is not a stop when the last page was read in time', () => {
    expect(describeStop({ stop: 'time-limit', pagesRead: 4, pageCount: 4 })).toBeNull();
  });
});

describe('the size limit', () => {
  function fakeFile(size: number, bytes = new TextEncoder().encode('not a PDF')) {
    const arrayBuffer = vi.fn(async () => bytes.buffer);
    return { file: { size, arrayBuffer } as unknown as Blob, arrayBuffer };
  }

  it('refuses a file over 50 MB without reading it', async () => {
    expect(MAX_PDF_BYTES).toBe(50 * 1024 * 1024);
    const { file, arrayBuffer } = fakeFile(MAX_PDF_BYTES + 1);
    const refused = await readPdfFile(file).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PdfReadError);
    expect((refused as InstanceType<typeof PdfReadError>).problem).toBe('too-big');
    expect(arrayBuffer).not.toHaveBeenCalled();
    expect(getDocument).not.toHaveBeenCalled();
  });

  it('reads a file of exactly 50 MB (here: finds it is not a PDF)', async () => {
    const { file, arrayBuffer } = fakeFile(MAX_PDF_BYTES);
    const refused = await readPdfFile(file).catch((error: unknown) => error);
    expect((refused as InstanceType<typeof PdfReadError>).problem).toBe('not-pdf');
    expect(arrayBuffer).toHaveBeenCalledOnce();
    expect(getDocument).not.toHaveBeenCalled();
  });
});
