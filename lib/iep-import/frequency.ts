/**
 * The frequency grammar: reads how much of a service an IEP promises, written any of the dozen
 * ways IEPs write it ("60 min/week", "2 x 30 min weekly", "30 minutes 2 times per week",
 * "1.5 hrs/wk", "120 minutes every 2 weeks", "consult 15 min/month", "as needed", …).
 *
 * Pure: `readFrequency(text)` finds the parts (minutes, a count of sessions, the period, "every N",
 * consult, ranges), then `toServiceFrequency(reading, schoolWeeks)` turns them into the tracker's
 * day/week/month service, converting terms, quarters and years with the school calendar. Every
 * guess is kept as a plain-language note, so the confirm table can mark the row as unsure.
 */
import type { Period } from '../model';

/** Periods an IEP may write; the tracker keeps day, week and month. */
export type IepPeriod =
  'day' | 'week' | 'month' | 'quarter' | 'trimester' | 'semester' | 'term' | 'year';

export interface FrequencyReading {
  /** Minutes in one period (sessions multiplied out), before "every N" or term conversion. */
  minutes: number | null;
  period: IepPeriod | null;
  /** "every 2 weeks": 2. */
  every: number;
  /** Sessions in one period (before "every N"). */
  sessions: number | null;
  consult: boolean;
  asNeeded: boolean;
  /** Plain-language notes about guesses; empty when the reading is certain. */
  notes: string[];
}

export interface ServiceFrequency {
  minutes: number | null;
  period: Period | null;
  sessionsPerPeriod: number | null;
  delivery: 'direct' | 'consult';
  asNeeded: boolean;
  notes: string[];
  /** True when nothing was guessed and minutes and period were found. */
  sure: boolean;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  'forty-five': 45,
  fifty: 50,
  sixty: 60,
  ninety: 90,
};

const FRACTIONS: Record<string, number> = { '½': 0.5, '¼': 0.25, '¾': 0.75 };

const PERIOD_WORDS: [RegExp, IepPeriod][] = [
  [/^(?:school\s+)?(?:days?|d)$/, 'day'],
  [/^(?:weeks?|wks?|w)$/, 'week'],
  [/^(?:months?|mos?|mths?|mnths?|m)$/, 'month'],
  [/^(?:quarters?|qtrs?|qs?|grading\s+periods?|marking\s+periods?)$/, 'quarter'],
  [/^(?:trimesters?|tri)$/, 'trimester'],
  [/^(?:semesters?|sems?)$/, 'semester'],
  [/^(?:terms?)$/, 'term'],
  [/^(?:(?:school\s+)?years?|yrs?|iep\s+years?)$/, 'year'],
];

const PERIOD_ADVERBS: Record<string, IepPeriod> = {
  daily: 'day',
  weekly: 'week',
  monthly: 'month',
  quarterly: 'quarter',
  yearly: 'year',
  annually: 'year',
};

const PERIOD_NOUN =
  '(?:school\\s+days?|days?|d|weeks?|wks?|w|months?|mos?|mths?|mnths?|m|quarters?|qtrs?|q|grading\\s+periods?|marking\\s+periods?|trimesters?|tri|semesters?|sems?|terms?|school\\s+years?|iep\\s+years?|years?|yrs?)';
const MINUTE_UNIT = '(?:minutes?|mins?|mns?|m)\\b\\.?';
const HOUR_UNIT = '(?:hours?|hrs?|h)\\b\\.?';
const NUM = '(\\d+(?:\\.\\d+)?|\\.\\d+)';

function periodOf(word: string): IepPeriod | null {
  const w = word.trim().replace(/\s+/g, ' ');
  for (const [re, period] of PERIOD_WORDS) if (re.test(w)) return period;
  return null;
}

/** Lower case, plain ASCII punctuation, number words as digits, "1 1/2" as 1.5. */
export function normalizeFrequencyText(text: string): string {
  let t = text
    .toLowerCase()
    .replace(/(\d)?\s*([½¼¾])/g, (_, whole: string | undefined, part: string) =>
      String(Number(whole ?? 0) + FRACTIONS[part]!),
    )
    .normalize('NFKC')
    .replace(/[×✕✖]/g, ' x ')
    .replace(/[‐‑‒–—−]/g, '-')
    .replace(/\s+/g, ' ');
  // "1 1/2 hours" → 1.5; "1/2 hour" → .5
  t = t.replace(/\b(\d+)\s+(\d)\/(\d)\b/g, (_, w: string, n: string, d: string) =>
    String(Number(w) + Number(n) / Number(d)),
  );
  t = t.replace(
    /(^|[^\d/])(1)\/(2|4)\s*(?=(?:an?\s+)?(?:hours?|hrs?)\b)/g,
    (_, pre: string, n, d) => `${pre}${Number(n) / Number(d)} `,
  );
  t = t.replace(/\b(?:a\s+)?half\s+(?:an\s+)?hour\b/g, '30 min');
  t = t.replace(/\b(?:a|an|one)\s+hour\s+and\s+a\s+half\b/g, '90 min');
  t = t.replace(/\bonce\b/g, '1 times').replace(/\btwice\b/g, '2 times');
  t = t.replace(/\bthrice\b/g, '3 times');
  t = t.replace(/\b(forty-five|[a-z]+)\b/g, (word: string) =>
    word in NUMBER_WORDS ? String(NUMBER_WORDS[word]) : word,
  );
  // "2x" "x2" "30-minute" → spaced forms
  t = t.replace(/(\d)\s*x(?=\s|\d|\/|$)/g, '$1 x ').replace(/\bx\s*(\d)/g, 'x $1');
  t = t.replace(/(\d)\s*-\s*(minutes?|mins?|hours?|hrs?)\b/g, '$1 $2');
  t = t.replace(/(\d)(minutes?|mins?|mns?|m|hours?|hrs?|h)\b/g, '$1 $2');
  return t.replace(/\s+/g, ' ').trim();
}

interface Duration {
  minutes: number;
  index: number;
  end: number;
  range: boolean;
}

function findDurations(t: string): Duration[] {
  const found: Duration[] = [];
  const re = new RegExp(
    `${NUM}(?:\\s*(?:-|to)\\s*${NUM})?\\s*(?:(${HOUR_UNIT})(?:\\s*(?:and\\s*)?${NUM}\\s*${MINUTE_UNIT})?|(${MINUTE_UNIT}))`,
    'g',
  );
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const low = Number(m[1]);
    const hours = m[3] !== undefined;
    let minutes = hours ? low * 60 + (m[4] ? Number(m[4]) : 0) : low;
    minutes = Math.round(minutes * 100) / 100;
    found.push({ minutes, index: m.index, end: m.index + m[0].length, range: m[2] !== undefined });
  }
  return found;
}

interface PeriodHit {
  period: IepPeriod;
  every: number;
  index: number;
  end: number;
}

function findPeriods(t: string): PeriodHit[] {
  const hits: PeriodHit[] = [];
  const re = new RegExp(
    `(?:\\b(?:per|a|an|each|every|in\\s+a|each\\s+and\\s+every)\\s+|\\/\\s*)(?:(other)\\s+|(\\d+)\\s+)?${PERIOD_NOUN}\\b|\\b(daily|weekly|monthly|quarterly|yearly|annually|bi-?weekly|bi-?monthly|every\\s+other\\s+week)\\b`,
    'g',
  );
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const text = m[0];
    if (m[3]) {
      const word = m[3].replace(/\s+/g, ' ');
      if (word.startsWith('bi')) {
        const base: IepPeriod = word.endsWith('weekly') ? 'week' : 'month';
        hits.push({ period: base, every: 2, index: m.index, end: m.index + text.length });
      } else if (word === 'every other week') {
        hits.push({ period: 'week', every: 2, index: m.index, end: m.index + text.length });
      } else {
        hits.push({
          period: PERIOD_ADVERBS[word] ?? 'week',
          every: 1,
          index: m.index,
          end: m.index + text.length,
        });
      }
      continue;
    }
    const noun = text
      .replace(/^(?:per|a|an|each|every|in\s+a|each\s+and\s+every)\s+|^\/\s*/, '')
      .replace(/^(?:other|\d+)\s+/, '');
    const period = periodOf(noun);
    if (!period) continue;
    // "/m" after a plain number means a month only when minutes were written elsewhere
    const every = m[1] ? 2 : m[2] ? Number(m[2]) : 1;
    hits.push({ period, every, index: m.index, end: m.index + text.length });
  }
  return hits;
}

interface CountHit {
  count: number;
  index: number;
  end: number;
  /** "2 x 30", "2 sessions of 30": the count multiplies the duration after it. */
  before: boolean;
}

function findCounts(t: string, durations: Duration[]): CountHit[] {
  const hits: CountHit[] = [];
  const inDuration = (i: number) => durations.some((d) => i >= d.index && i < d.end);
  const patterns: [RegExp, boolean][] = [
    // 2 x 30 min / 2 sessions of 30 min / 2 30 min sessions / 2 sessions @ 30
    [
      /\b(\d+)\s*(?:x|sessions?\s+(?:of|at|@|for|lasting)|times\s+(?:of|at|for))\s*(?=\d|\.\d)/g,
      true,
    ],
    [
      /\b(\d+)\s+(?=\d+(?:\.\d+)?\s*(?:minutes?|mins?|hours?|hrs?)\s*(?:sessions?|periods?|visits?))/g,
      true,
    ],
    // 2 times, 2x, 2 sessions, 5 days a week
    [
      /\b(\d+)\s*(?:x|times|sessions?|visits?|periods?|classes|class\s+periods?)\b(?!\s*(?:of|at|@|for)\s*\d)/g,
      false,
    ],
    [/\b(\d+)\s+days?\s*(?=(?:per|a|an|each|every|\/)\s*(?:week|wk|w)\b)/g, false],
    // 30 min x 5
    [/x\s*(\d+)\b/g, false],
  ];
  for (const [re, before] of patterns) {
    for (let m = re.exec(t); m; m = re.exec(t)) {
      const numberIndex = m.index + m[0].indexOf(m[1]!);
      if (inDuration(numberIndex)) continue;
      if (hits.some((h) => numberIndex >= h.index && numberIndex < h.end)) continue;
      hits.push({ count: Number(m[1]), index: numberIndex, end: m.index + m[0].length, before });
    }
  }
  return hits.sort((a, b) => a.index - b.index);
}

const CONSULT = /\b(?:consult(?:ation|ative|ing)?|indirect)\b/;
const AS_NEEDED =
  /\b(?:as\s+needed|as\s+necessary|prn|p\.r\.n\.|on\s+an?\s+as[- ]needed\s+basis|when\s+needed)\b/;

function isPerSession(t: string, at: number): boolean {
  return /^\s*(?:per|\/|a|an|each|for\s+each|every)\s*(?:session|visit|class|period\b(?!s))/.test(
    t.slice(at),
  );
}

/** Reads the parts of a frequency. Never throws; unknown text gives minutes: null. */
export function readFrequency(text: string): FrequencyReading {
  const t = normalizeFrequencyText(text);
  const notes: string[] = [];
  const consult = CONSULT.test(t);
  const asNeeded = AS_NEEDED.test(t);
  const reading = (partial: Partial<FrequencyReading>): FrequencyReading => ({
    minutes: null,
    period: null,
    every: 1,
    sessions: null,
    consult,
    asNeeded,
    notes,
    ...partial,
  });

  const durations = findDurations(t);
  const periods = findPeriods(t);
  let duration = durations[0];
  if (!duration) {
    // "60/week", "60 per week": a bare number right before the period
    const bare = /(?:^|[^\d.])(\d+(?:\.\d+)?)\s*(?:\/|per\b|a\b|each\b)\s*(?:\d+\s+)?[a-z]/.exec(t);
    const period = periods[0];
    if (bare && period && Number(bare[1]) > 0) {
      notes.push('No unit was written: we read the number as minutes.');
      const index = bare.index + bare[0].indexOf(bare[1]!);
      duration = { minutes: Number(bare[1]), index, end: index + bare[1]!.length, range: false };
    } else {
      if (asNeeded) notes.push('The IEP says "as needed": no set minutes to count.');
      return reading({ period: period?.period ?? null, every: period?.every ?? 1 });
    }
  }
  if (duration.range) {
    notes.push('The IEP gives a range of minutes: we used the lower number.');
  }
  if (durations.length > 1 && !durations.every((d) => d.minutes === duration!.minutes)) {
    // "30 minutes per session, 60 minutes per week": the total per period wins
    const total = durations.find((d) => {
      const after = periods.find((p) => p.index >= d.end && p.index - d.end <= 2);
      return after !== undefined;
    });
    if (total) duration = total;
    else notes.push('More than one length was written: we used the first.');
  }
  const counts = findCounts(t, durations);
  const perSession = isPerSession(t, duration.end);
  // The period that belongs to the amount: the first one after the duration, or any.
  const periodsAfterSession = periods.filter((p) => !/session|visit/.test(t.slice(p.index, p.end)));
  const period =
    periodsAfterSession.find((p) => p.index >= duration.end) ?? periodsAfterSession[0] ?? null;
  const directlyPeriodic =
    period !== null &&
    period.index >= duration.end &&
    /^\s*$/.test(t.slice(duration.end, period.index));

  const multiplier = counts.find((c) => c.before && c.end <= duration.index + 1);
  const count =
    multiplier ??
    counts.find((c) => !c.before && c.index >= duration.end) ??
    counts.find((c) => !c.before);
  let minutes = duration.minutes;
  let sessions: number | null = null;
  if (count) {
    sessions = count.count;
    const multiplies = count === multiplier || perSession || !directlyPeriodic;
    if (multiplies) minutes = duration.minutes * count.count;
  } else if (perSession) {
    sessions = 1;
  }
  let resultPeriod = period?.period ?? null;
  let every = period?.every ?? 1;
  // "20 min/day, 3 days per week": per day times days in the week
  if (period && period.period === 'day' && count && !count.before) {
    const weekly = periods.find((p) => p.period === 'week' && p.index > count.index);
    if (weekly) {
      resultPeriod = 'week';
      every = weekly.every;
      minutes = duration.minutes * count.count;
    }
  }
  if (minutes !== Math.round(minutes)) {
    notes.push(`${round2(minutes)} minutes is not a whole number: we rounded it.`);
    minutes = Math.round(minutes);
  }
  if (!resultPeriod) notes.push('No period (day, week, month) was written: check it.');
  return reading({ minutes, period: resultPeriod, every, sessions });
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** How many school weeks make one of these periods, for a school year of `schoolWeeks` weeks. */
function weeksIn(period: IepPeriod, schoolWeeks: number): number {
  switch (period) {
    case 'quarter':
    case 'term':
      return schoolWeeks / 4;
    case 'trimester':
      return schoolWeeks / 3;
    case 'semester':
      return schoolWeeks / 2;
    case 'year':
      return schoolWeeks;
    default:
      return 1;
  }
}

const PERIOD_PHRASE: Record<IepPeriod, string> = {
  day: 'day',
  week: 'week',
  month: 'month',
  quarter: 'quarter',
  trimester: 'trimester',
  semester: 'semester',
  term: 'term',
  year: 'school year',
};

/**
 * Turns a reading into the tracker's terms: minutes per day, week or month. "Every 2 weeks"
 * becomes half the minutes per week; a quarter, trimester, semester, term or year becomes minutes
 * per week over `schoolWeeks` (the school calendar's weeks). Each conversion adds a note.
 */
export function toServiceFrequency(
  reading: FrequencyReading,
  schoolWeeks: number,
  calendarKnown = true,
): ServiceFrequency {
  const notes = [...reading.notes];
  let minutes = reading.minutes;
  let period: Period | null = null;
  let sessions = reading.sessions;
  const written = reading.period;
  if (written === 'day' || written === 'week' || written === 'month') {
    period = written;
    if (minutes !== null && reading.every > 1) {
      const per = minutes / reading.every;
      notes.push(
        `The IEP says ${minutes} minutes every ${reading.every} ${PERIOD_PHRASE[written]}s: we counted ${formatRounded(per)} minutes per ${PERIOD_PHRASE[written]}.`,
      );
      minutes = Math.round(per);
      sessions =
        sessions !== null && sessions % reading.every === 0 ? sessions / reading.every : null;
    }
  } else if (written !== null) {
    const weeks = weeksIn(written, schoolWeeks) * reading.every;
    period = 'week';
    if (minutes !== null) {
      const per = minutes / weeks;
      notes.push(
        `The IEP counts minutes per ${PERIOD_PHRASE[written]}: ${minutes} minutes over about ${formatRounded(weeks)} school weeks is ${formatRounded(per)} minutes per week${calendarKnown ? ' (from your school calendar)' : ' (a school year of 36 weeks; add your school calendar to check)'}.`,
      );
      minutes = Math.max(1, Math.round(per));
    }
    sessions = null;
  }
  if (minutes !== null && minutes > 10_000) {
    notes.push('That is more minutes than a period can hold: check the number.');
  }
  const sure =
    minutes !== null && minutes > 0 && period !== null && notes.length === 0 && !reading.asNeeded;
  return {
    minutes: minutes !== null && minutes > 0 ? minutes : null,
    period,
    sessionsPerPeriod: sessions !== null && sessions >= 1 && sessions <= 100 ? sessions : null,
    delivery: reading.consult ? 'consult' : 'direct',
    asNeeded: reading.asNeeded,
    notes,
    sure,
  };
}

function formatRounded(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** Both steps at once. */
export function parseFrequency(
  text: string,
  schoolWeeks = 36,
  calendarKnown = true,
): ServiceFrequency {
  return toServiceFrequency(readFrequency(text), schoolWeeks, calendarKnown);
}

/** True when the text looks like a frequency at all (used to find table cells and lines). */
export function looksLikeFrequency(text: string): boolean {
  const t = normalizeFrequencyText(text);
  return (
    AS_NEEDED.test(t) ||
    (findDurations(t).length > 0 && (findPeriods(t).length > 0 || /\bsessions?\b/.test(t))) ||
    /\d+\s*(?:\/|per)\s*(?:week|wk|day|month|mo)\b/.test(t)
  );
}
