/**
 * The one-year window for a state complaint: the violation must have happened not more than one
 * year before OPI receives the complaint (34 C.F.R. § 300.153, ARM 10.16.3662).
 *
 * A missed session is "covered" once a state complaint was sent on or after its date and within
 * its year. Uncovered missed sessions that are `warnAfterDays` old or older (300 by default) and
 * still inside their year are at risk: we warn with the last day OPI can receive a complaint that
 * includes the oldest of them. Sessions whose year has passed can no longer be part of a
 * complaint; we count them so the page can say so.
 *
 * Which sessions count: missed or partial entries that are not make-ups and whose reason is not
 * "student absent" (those minutes are generally not owed, see the reference).
 */
import { daysBetween, daysInMonth, parseIsoDate, type IsoDate } from '../dates';
import type { Letter, SessionEntry } from '../model';
import { cite } from '../drafts/citations';

export const ONE_YEAR_CITATIONS = `${cite('complaint-contents')} and ${cite('mt-state-complaint')}`;

/** Warn once a missed session is this many days old without a complaint filed. */
export const DEFAULT_WARN_AFTER_DAYS = 300;

/**
 * The same month and day one year later; February 29 becomes February 28 (the earlier reading
 * of "one year", so we never tell a parent they have a day they may not have).
 */
export function oneYearAfter(date: IsoDate): IsoDate {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`Not a calendar date: ${date}`);
  const year = parts.year + 1;
  const day = Math.min(parts.day, daysInMonth(year, parts.month));
  return `${String(year).padStart(4, '0')}-${String(parts.month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isOwedMissedSession(entry: SessionEntry): boolean {
  return entry.status !== 'delivered' && !entry.makeUp && entry.reason !== 'student-absent';
}

/** An owed missed session dated up to `today` whose one year has not passed yet. */
export function owedStillInWindow(entry: SessionEntry, today: IsoDate): boolean {
  return isOwedMissedSession(entry) && entry.date <= today && oneYearAfter(entry.date) >= today;
}

/** Sent dates of the state complaints among the letters. */
function complaintDates(letters: readonly Letter[]): IsoDate[] {
  return letters
    .filter((l) => l.kind === 'state-complaint' && l.status === 'sent' && l.sentDate)
    .map((l) => l.sentDate as IsoDate);
}

export interface OneYearWarning {
  /** Uncovered missed sessions at least `warnAfterDays` old and still inside their year. */
  atRisk: SessionEntry[];
  /** The oldest at-risk session's date. */
  oldestDate: IsoDate;
  /** The last day OPI can receive a complaint that still includes the oldest at-risk session. */
  lastDayToFile: IsoDate;
  /** Days from today to lastDayToFile (0 = today is the last day). */
  daysLeft: number;
}

export interface OneYearStatus {
  warning: OneYearWarning | null;
  /** Uncovered missed sessions still inside their year (at risk or not). */
  openCount: number;
  /** Uncovered missed sessions whose year has passed. */
  expiredCount: number;
}

export function oneYearStatus(
  sessions: readonly SessionEntry[],
  letters: readonly Letter[],
  today: IsoDate,
  warnAfterDays = DEFAULT_WARN_AFTER_DAYS,
): OneYearStatus {
  const complaints = complaintDates(letters);
  const atRisk: SessionEntry[] = [];
  let openCount = 0;
  let expiredCount = 0;
  for (const entry of sessions) {
    if (!isOwedMissedSession(entry) || entry.date > today) continue;
    const lastDay = oneYearAfter(entry.date);
    if (complaints.some((sent) => sent >= entry.date && sent <= lastDay)) continue;
    if (today > lastDay) {
      expiredCount++;
      continue;
    }
    openCount++;
    if (daysBetween(entry.date, today) >= warnAfterDays) atRisk.push(entry);
  }
  if (atRisk.length === 0) return { warning: null, openCount, expiredCount };
  atRisk.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const oldestDate = atRisk[0]!.date;
  const lastDayToFile = oneYearAfter(oldestDate);
  return {
    warning: { atRisk, oldestDate, lastDayToFile, daysLeft: daysBetween(today, lastDayToFile) },
    openCount,
    expiredCount,
  };
}
