/**
 * From what was read to services the parent can check: the kind of service from its name, the
 * minutes from the frequency grammar, dates, provider, location, direct or consult. Each draft
 * keeps the text it came from and the reader's notes; a draft is "sure" only when nothing was
 * guessed.
 */
import type { IsoDate } from '../dates';
import type { Period, ServiceKind } from '../model';
import { findDates } from './dates';
import { looksLikeFrequency, parseFrequency } from './frequency';
import type { Line } from './layout';
import type { TableRow } from './tables';

export interface ServiceDraft {
  kind: ServiceKind | null;
  /** The service's name as the IEP writes it. */
  label: string;
  minutes: number | null;
  period: Period | null;
  sessionsPerPeriod: number | null;
  provider: string;
  location: string;
  delivery: 'direct' | 'consult';
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  /** The printed text the draft was read from. */
  source: string;
  page: number;
  /** Plain words about what the reader guessed or could not find. */
  notes: string[];
  sure: boolean;
}

export interface DraftOptions {
  /** School weeks in a year (from the calendar), for terms, quarters and years. */
  schoolWeeks: number;
  calendarKnown: boolean;
  /** The IEP's own dates, used when a service row prints none. */
  iepStart: IsoDate | null;
  iepEnd: IsoDate | null;
}

const KIND_WORDS: [ServiceKind, RegExp][] = [
  [
    'speech-language',
    /\b(?:speech|language|slp|articulation|fluency|communication|pragmatic|s\/l|sli)\b/i,
  ],
  ['occupational', /\b(?:occupational|ot|cota|fine motor|sensory)\b/i],
  ['physical', /\b(?:physical therapy|pt|gross motor|physical therapist|mobility)\b/i],
  [
    'counseling',
    /\b(?:counsel(?:ing|ling|or)?|social work|social[- ]emotional|psycholog|mental health)/i,
  ],
  ['reading', /\b(?:reading|literacy|dyslexia|phonics|orton|wilson)\b/i],
  [
    'special-education',
    /\b(?:special education|specially designed|sdi|resource|academic|math(?:ematics)?|written expression|writing|instruction|learning center|life skills|behavior|functional|adaptive)\b/i,
  ],
];

/** The service kind from its printed name; null when nothing matches (the parent picks). */
export function kindOf(name: string): ServiceKind | null {
  for (const [kind, re] of KIND_WORDS) if (re.test(name)) return kind;
  return null;
}

function cleanLabel(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/^[\s•·*–-]+/, '')
    .trim()
    .slice(0, 120);
}

function fieldText(text: string | undefined, max: number): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().slice(0, max);
}

/** One draft from a service's name, its frequency text and the rest. */
export function draftService(
  parts: {
    service: string;
    amount: string;
    provider?: string | undefined;
    location?: string | undefined;
    start?: string | undefined;
    end?: string | undefined;
    delivery?: string | undefined;
    source: string;
    page: number;
  },
  options: DraftOptions,
): ServiceDraft {
  const frequency = parseFrequency(parts.amount, options.schoolWeeks, options.calendarKnown);
  const notes = [...frequency.notes];
  const label = cleanLabel(parts.service);
  const kind = kindOf(label);
  if (!kind) notes.push('We could not tell which kind of service this is: pick one.');
  if (frequency.minutes === null && !frequency.asNeeded) {
    notes.push('We could not read the minutes: enter them from the IEP.');
  }
  const startDates = findDates(parts.start ?? '');
  const endDates = findDates(parts.end ?? '');
  // "Duration: 09/02/2025 - 06/05/2026" in one cell: both dates
  let startDate = startDates[0]?.date ?? (endDates.length > 1 ? endDates[0]!.date : null);
  let endDate = endDates[endDates.length - 1]?.date ?? startDates[1]?.date ?? null;
  if (!startDate && options.iepStart) {
    startDate = options.iepStart;
    notes.push("No start date was printed for this service: we used the IEP's start date.");
  }
  if (!endDate && options.iepEnd) {
    endDate = options.iepEnd;
    notes.push("No end date was printed for this service: we used the IEP's end date.");
  }
  if (!startDate || !endDate) notes.push('Check the start and end dates.');
  if (startDate && endDate && startDate > endDate) {
    notes.push('The end date is before the start date: check both.');
  }
  const consult =
    frequency.delivery === 'consult' ||
    /\b(?:consult|indirect)/i.test(`${parts.delivery ?? ''} ${label}`);
  return {
    kind,
    label,
    minutes: frequency.minutes,
    period: frequency.period,
    sessionsPerPeriod: frequency.sessionsPerPeriod,
    provider: fieldText(parts.provider, 120),
    location: fieldText(parts.location, 120),
    delivery: consult ? 'consult' : 'direct',
    startDate,
    endDate,
    source: parts.source,
    page: parts.page,
    notes,
    sure: frequency.sure && notes.length === 0,
  };
}

export function draftFromRow(row: TableRow, options: DraftOptions): ServiceDraft {
  return draftService(
    {
      service: row.cells.service ?? '',
      amount: row.cells.amount ?? '',
      provider: row.cells.provider,
      location: row.cells.location,
      start: row.cells.start,
      end: row.cells.end,
      delivery: row.cells.delivery,
      source: row.source,
      page: row.page,
    },
    options,
  );
}

/**
 * Without a table: lines that hold a frequency, with the service named on the same line or on
 * one of the three lines before it ("Speech-language therapy: 60 minutes per week").
 */
export function draftsFromFreeText(
  lines: readonly Line[],
  skip: ReadonlySet<number>,
  options: DraftOptions,
): ServiceDraft[] {
  const drafts: ServiceDraft[] = [];
  lines.forEach((line, index) => {
    if (skip.has(index) || !looksLikeFrequency(line.text)) return;
    const frequencyCell = line.cells.find((c) => looksLikeFrequency(c.text));
    const before = frequencyCell
      ? line.cells
          .slice(0, line.cells.indexOf(frequencyCell))
          .map((c) => c.text)
          .join(' ')
      : '';
    let service = kindOf(before) ? before : '';
    let amount = frequencyCell?.text ?? line.text;
    if (!service) {
      // "Speech Language Therapy 60 minutes per week" in one run of text
      const m = /^(.*?)[\s:–-]+(\d.*|as needed.*|once.*|twice.*)$/i.exec(line.text);
      if (m && kindOf(m[1]!)) {
        service = m[1]!;
        amount = m[2]!;
      }
    }
    for (let k = index - 1; !service && k >= Math.max(0, index - 3); k -= 1) {
      if (!skip.has(k) && kindOf(lines[k]!.text) && !looksLikeFrequency(lines[k]!.text)) {
        service = lines[k]!.text;
      }
    }
    if (!service) return;
    const dates = findDates(line.text);
    drafts.push(
      draftService(
        {
          service: service.replace(/[:\s]+$/, ''),
          amount,
          start: dates[0] ? line.text.slice(dates[0].index) : undefined,
          end: dates[1] ? line.text.slice(dates[1].index) : undefined,
          source: line.text,
          page: line.page,
        },
        options,
      ),
    );
  });
  return drafts;
}
