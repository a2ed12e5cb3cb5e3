/**
 * The IEP reader's time for a 40-page IEP PDF: pdf.js text with positions for every page, then
 * the table finder and the frequency grammar (readIepItems), median of 5 runs after a warm-up.
 * Target ≤ 2 s (the figure for the tracker page). Measured in Node with pdf.js's legacy
 * build, the same library the extension bundles (there its parser runs in a worker).
 *
 * Baseline, same run and same file: pdf.js's text extraction alone, the part we cannot speed up.
 *
 * Run alone: `npx tsx tests/bench/iep-import.ts`, or with the others: `npm run bench`.
 */
import { pathToFileURL } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readIepItems } from '../../lib/iep-import';
import { readPdfItems } from '../../lib/iep-import/pdf-text';
import { longIepPdf } from '../fixtures/iep/make-pdfs';
import type { BenchRow } from './types';

const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function extract(bytes: Uint8Array) {
  // pdf.js takes the buffer over: give each run its own copy.
  const pdf = await getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0 })
    .promise;
  try {
    return await readPdfItems(pdf);
  } finally {
    await pdf.destroy();
  }
}

export async function run(): Promise<BenchRow[]> {
  const bytes = await longIepPdf(40);
  await extract(bytes);
  const whole: number[] = [];
  const textOnly: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    let started = performance.now();
    await extract(bytes);
    textOnly.push(performance.now() - started);
    started = performance.now();
    const { items } = await extract(bytes);
    const reading = readIepItems(items, { schoolWeeks: 36, calendarKnown: true });
    if (reading.services.length !== 1) throw new Error('the bench IEP lost its service');
    whole.push(performance.now() - started);
  }
  return [
    {
      name: 'IEP reader: 40-page PDF to services',
      value: Math.round(median(whole)),
      unit: 'ms',
      baseline: { name: 'pdf.js text only', value: Math.round(median(textOnly)) },
      target: '≤ 2000 ms',
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await run());
}
