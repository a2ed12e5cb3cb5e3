/**
 * Dates as IEPs print them: 09/02/2025, 9/2/25, 2025-09-02, September 2, 2025, Sept. 2 2025,
 * 2 September 2025. Month first for slashes (United States forms). Returns ISO calendar dates.
 */
import { isIsoDate, monthNumberOf, type IsoDate } from '../dates';

const MONTH_NAME =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

const DATE_PATTERNS: RegExp[] = [
  /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g,
  /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b/g,
  new RegExp(`\\b${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'gi'),
  new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_NAME},?\\s+(\\d{4})\\b`, 'gi'),
];

export interface FoundDate {
  date: IsoDate;
  index: number;
}

function iso(year: number, month: number, day: number): IsoDate | null {
  const value = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(value) ? value : null;
}

function fullYear(text: string): number {
  const n = Number(text);
  return text.length === 2 ? 2000 + n : n;
}

/** Every date in the text, in order. */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  DATE_PATTERNS.forEach((pattern, kind) => {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      let date: IsoDate | null = null;
      if (kind === 0) date = iso(Number(m[1]), Number(m[2]), Number(m[3]));
      else if (kind === 1) date = iso(fullYear(m[3]!), Number(m[1]), Number(m[2]));
      else if (kind === 2) date = iso(Number(m[3]), monthNumberOf(m[1]!) ?? 0, Number(m[2]));
      else date = iso(Number(m[3]), monthNumberOf(m[2]!) ?? 0, Number(m[1]));
      if (date && !found.some((f) => m!.index >= f.index && m!.index < f.index + 6)) {
        found.push({ date, index: m.index });
      }
    }
  });
  return found.sort((a, b) => a.index - b.index);
}

export function firstDate(text: string): IsoDate | null {
  return findDates(text)[0]?.date ?? null;
}
