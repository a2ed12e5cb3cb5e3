/**
 * The reader end to end in Node: PDFs made with pdf-lib in the layouts real systems print, read
 * with pdf.js (the legacy build: the same text items the extension's bundled pdf.js gives), then
 * the table finder and the mapping to services. Pastes of the same tables read the same.
 */
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import {
  INFINITE_CAMPUS_PASTE,
  SENTENCE_PASTE,
  TAB_PASTE,
  coopPdf,
  infiniteCampusPdf,
  otherStatePdf,
  scannedPdf,
  twoPagePdf,
} from '../../fixtures/iep/make-pdfs';
import { readPdfItems } from '../../../lib/iep-import/pdf-text';
import { readIepItems, readIepText, type IepReading } from '../../../lib/iep-import';

const OPTIONS = { schoolWeeks: 36, calendarKnown: true };

async function readPdf(bytes: Uint8Array): Promise<IepReading> {
  const pdf = await getDocument({ data: bytes, isEvalSupported: false, verbosity: 0 }).promise;
  const { items } = await readPdfItems(pdf);
  await pdf.destroy();
  return readIepItems(items, OPTIONS);
}

/** The fields a parent checks, one row per service. */
function table(reading: IepReading) {
  return reading.services.map((s) => ({
    kind: s.kind,
    label: s.label,
    minutes: s.minutes,
    period: s.period,
    sessions: s.sessionsPerPeriod,
    provider: s.provider,
    location: s.location,
    delivery: s.delivery,
    start: s.startDate,
    end: s.endDate,
    sure: s.sure,
  }));
}

const MT_IEP_SERVICES = [
  {
    kind: 'reading',
    label: 'Specially Designed Instruction: Reading',
    minutes: 150,
    period: 'week',
    sessions: null,
    provider: 'Special Ed Teacher',
    location: 'Resource Room',
    delivery: 'direct',
    start: '2025-09-03',
    end: '2026-06-05',
    sure: true,
  },
  {
    kind: 'speech-language',
    label: 'Speech/Language Therapy',
    minutes: 60,
    period: 'week',
    sessions: null,
    provider: 'SLP',
    location: 'Therapy Room',
    delivery: 'direct',
    start: '2025-09-03',
    end: '2026-06-05',
    sure: true,
  },
  {
    kind: 'occupational',
    label: 'Occupational Therapy',
    minutes: 10,
    period: 'week',
    sessions: null,
    provider: 'OT',
    location: 'Gen Ed Classroom',
    delivery: 'direct',
    start: '2025-09-03',
    end: '2026-06-05',
    sure: false,
  },
  {
    kind: 'counseling',
    label: 'Counseling',
    minutes: null,
    period: null,
    sessions: null,
    provider: 'School Counselor',
    location: 'Counselor Office',
    delivery: 'direct',
    start: '2025-09-03',
    end: '2026-06-05',
    sure: false,
  },
];

describe('reading an Infinite Campus MT IEP', () => {
  it('finds every service in the grid, with wrapped names and cells pdf.js joined', async () => {
    const reading = await readPdf(await infiniteCampusPdf());
    expect(reading.fromTable).toBe(true);
    expect(table(reading)).toEqual(MT_IEP_SERVICES);
    expect(reading.unread).toEqual([]);
    // Nothing after the table (supplementary aids: "10 minutes daily") became a service.
    expect(reading.services.map((s) => s.label)).not.toContain('check-ins');
  });

  it('explains every guess and shows the text each row came from', async () => {
    const reading = await readPdf(await infiniteCampusPdf());
    const ot = reading.services[2]!;
    expect(ot.notes.join(' ')).toMatch(
      /90 minutes over about 9 school weeks is 10 minutes per week/,
    );
    expect(ot.source).toContain('90 Minutes per Quarter');
    expect(reading.services[3]!.notes.join(' ')).toMatch(/as needed/);
    expect(reading.services[0]!.source).toBe(
      'Specially Designed  Special Ed Teacher  Resource Room  150 Minutes per Week  09/03/2025  06/05/2026\nInstruction: Reading',
    );
  });

  it('reads the student, the school and the IEP dates', async () => {
    const { details } = await readPdf(await infiniteCampusPdf());
    expect(details.studentName?.value).toBe('Jane A. Doe');
    expect(details.school?.value).toBe('Broadwater Elementary');
    expect(details.meetingDate?.value).toBe('2025-09-02');
    expect(details.startDate?.value).toBe('2025-09-03');
    expect(details.reviewDate?.value).toBe('2026-09-01');
  });

  it('reads the same services from the text copied out of the PDF', () => {
    const reading = readIepText(INFINITE_CAMPUS_PASTE, OPTIONS);
    expect(table(reading)).toEqual(MT_IEP_SERVICES);
    expect(reading.details.studentName?.value).toBe('Jane A. Doe');
  });
});

describe('reading a co-op form', () => {
  it('joins wrapped cells and the amount and frequency columns', async () => {
    const reading = await readPdf(await coopPdf());
    expect(
      table(reading).map((r) => [r.kind, r.label, r.minutes, r.period, r.sessions, r.delivery]),
    ).toEqual([
      ['occupational', 'Occupational Therapy', 60, 'week', 2, 'direct'],
      ['speech-language', 'Speech Language Therapy', 60, 'week', 3, 'direct'],
      ['physical', 'Physical Therapy (consult)', 15, 'month', null, 'consult'],
    ]);
    expect(reading.services[0]).toMatchObject({
      provider: 'Co-op OT',
      location: 'Special Ed Room',
      startDate: '2025-10-15',
      endDate: '2026-10-13',
      sure: true,
    });
    expect(reading.details.school?.value).toBe('Clancy School');
    expect(reading.details.studentName?.value).toBe('Riley Parker');
    expect(reading.details.meetingDate?.value).toBe('2025-10-14');
    expect(reading.details.reviewDate?.value).toBe('2026-10-13');
  });

  it('reads a tab-separated copy of the same table', () => {
    const reading = readIepText(TAB_PASTE, OPTIONS);
    expect(
      table(reading).map((r) => [r.kind, r.minutes, r.period, r.sessions, r.provider]),
    ).toEqual([
      ['occupational', 60, 'week', 2, 'Co-op OT'],
      ['speech-language', 60, 'week', 3, 'Co-op SLP'],
    ]);
  });
});

describe("reading another state's IEP", () => {
  it('reads "Special Education Service / Amount of Time / Setting / Begin / Duration"', async () => {
    const reading = await readPdf(await otherStatePdf());
    expect(
      table(reading).map((r) => [
        r.label,
        r.minutes,
        r.period,
        r.sessions,
        r.location,
        r.end,
        r.sure,
      ]),
    ).toEqual([
      ['Math instruction', 60, 'week', 2, 'Resource', '2026-06-12', true],
      ['Written expression', 60, 'week', null, 'Resource', '2026-06-12', false],
      ['Language therapy', 20, 'week', null, 'Speech room', '2026-06-12', false],
    ]);
    expect(reading.services[1]!.notes[0]).toMatch(/120 minutes every 2 weeks/);
    expect(reading.services[2]!.notes[0]).toMatch(/lower number/);
    expect(reading.details.startDate?.value).toBe('2025-09-08');
    expect(reading.details.reviewDate?.value).toBe('2026-06-12');
  });
});

describe('a table split across pages', () => {
  it('goes on after the running header of the next page', async () => {
    const reading = await readPdf(await twoPagePdf());
    expect(reading.services.map((s) => [s.label, s.minutes, s.period, s.page])).toEqual([
      ['Specially Designed Instruction: Math', 200, 'week', 1],
      ['Specially Designed Instruction: Writing', 100, 'week', 1],
      ['Speech/Language Therapy', 30, 'week', 1],
      ['Reading Intervention', 20, 'day', expect.any(Number)],
      ['Counseling', 120, 'month', expect.any(Number)],
      ['Occupational Therapy', 60, 'month', expect.any(Number)],
      ['Physical Therapy', 8, 'week', expect.any(Number)],
      ['Social Skills Group', 30, 'week', 2],
    ]);
    const last = reading.services[7]!;
    expect(last.kind).toBeNull();
    expect(last.notes).toContain('We could not tell which kind of service this is: pick one.');
    // The running header on page 2 ("Student: Doe, Jane A. …") is not part of any row.
    expect(reading.services.some((s) => s.source.includes('DOB'))).toBe(false);
  });
});

describe('no table', () => {
  it('reads services written as sentences, with the service named on the line before', () => {
    const reading = readIepText(SENTENCE_PASTE, OPTIONS);
    expect(reading.fromTable).toBe(false);
    expect(
      table(reading).map((r) => [r.kind, r.minutes, r.period, r.sessions, r.delivery]),
    ).toEqual([
      ['speech-language', 60, 'week', 2, 'direct'],
      ['occupational', 15, 'month', null, 'consult'],
    ]);
    expect(reading.services[0]!.notes).toContain('Check the start and end dates.');
  });

  it('says a scanned IEP has no text', async () => {
    const reading = await readPdf(await scannedPdf());
    expect(reading).toMatchObject({ hasText: false, services: [] });
  });

  it('lists table lines it could not read', () => {
    const reading = readIepText(
      [
        'Service                 Frequency          Location',
        'Speech Therapy          60 min/week        Room 4',
        '                                           see attached schedule',
        '',
        '',
        '',
        '',
        '',
        'Service                 Frequency          Location',
        '                                           Library',
      ].join('\n'),
      OPTIONS,
    );
    expect(reading.services.map((s) => [s.label, s.location])).toEqual([
      ['Speech Therapy', 'Room 4 see attached schedule'],
    ]);
    expect(reading.unread).toEqual(['Library']);
  });
});
