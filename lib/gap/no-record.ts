/**
 * "Log what happened" for periods with no record: plans the log entries that account for a
 * service's unaccounted minutes in the weeks, months or days the parent picks. Pure.
 *
 * For each chosen counted period with unaccounted minutes:
 * - one entry per scheduled session the unaccounted minutes call for: each session is
 *   `defaultScheduledMinutes(service)` (the IEP's minutes ÷ sessions per period, or the whole
 *   minutes when the IEP gives no number of sessions), and the last one takes only what is left,
 *   so the entries' scheduled minutes add up to exactly the unaccounted minutes (a partly logged
 *   week gets only what it is missing; a week the school calendar shortened gets its shorter
 *   share). Never more entries than the period's sessions (one for a day service without a
 *   number of sessions);
 * - dated on the period's school days on which the service is active, first those with no log
 *   entry for the service yet, oldest first (a week with three sessions on two school days puts
 *   two on the first day).
 * Dates go through day numbers (lib/calendar), never local Date objects.
 */
import type { IsoDate } from '../dates';
import { dayNumberOf, isoDateOf, schoolDays } from '../calendar';
import {
  isoDate,
  MISSED_REASONS,
  z,
  type MissedReason,
  type SchoolCalendar,
  type Service,
  type SessionEntry,
  type SessionStatus,
} from '../model';
import { defaultScheduledMinutes } from './gaps';
import { activeRange } from './periods';
import type { PeriodGap, ServiceGap } from './types';

/** One entry to write: its date and the minutes it was scheduled for. */
export interface PlannedSession {
  date: IsoDate;
  scheduledMinutes: number;
}

/** The entries planned for one period with no record. */
export interface NoRecordPlan {
  period: PeriodGap;
  sessions: PlannedSession[];
}

/** What the parent says happened in every chosen session. */
export interface NoRecordOutcome {
  /** "missed" (with a reason) or "delivered" (given as scheduled). */
  status: Extract<SessionStatus, 'missed' | 'delivered'>;
  reason: MissedReason | null;
  note: string;
}

/** What the "log what happened" form sends: the chosen periods and what happened in them. */
export const noRecordRequestSchema = z
  .object({
    periodStarts: z.array(isoDate).min(1, 'Pick at least one.'),
    status: z.enum(['missed', 'delivered'], { message: 'Pick what happened.' }),
    reason: z.enum(MISSED_REASONS).nullable(),
    note: z.string().trim().max(2000, 'The note must be 2000 characters or fewer.'),
  })
  .refine((r) => r.status === 'delivered' || r.reason !== null, {
    message: 'Pick a reason for the missed minutes.',
    path: ['reason'],
  });
export type NoRecordRequest = z.infer<typeof noRecordRequestSchema>;

/** Sessions a period of the service holds: its number of sessions, or one. */
export function sessionsPerPeriod(service: Pick<Service, 'sessionsPerPeriod'>): number {
  return service.sessionsPerPeriod ?? 1;
}

/** Splits a period's unaccounted minutes into sessions (see the header). */
export function splitIntoSessions(
  service: Pick<Service, 'minutes' | 'sessionsPerPeriod'>,
  minutes: number,
): number[] {
  const each = Math.max(1, defaultScheduledMinutes(service));
  const most = sessionsPerPeriod(service);
  const parts: number[] = [];
  let left = minutes;
  while (left > 0) {
    const last = parts.length === most - 1;
    const part = last ? left : Math.min(each, left);
    parts.push(part);
    left -= part;
  }
  return parts;
}

/**
 * The entries that would account for the unaccounted minutes of the chosen periods (by their
 * first day; all of the gap's unaccounted periods when `periodStarts` is omitted). `entries` are
 * the log's entries (any service): days that already have an entry for this service come last.
 */
export function planNoRecordSessions(
  service: Service,
  calendar: SchoolCalendar,
  gap: Pick<ServiceGap, 'unaccountedPeriods'>,
  entries: readonly Pick<SessionEntry, 'serviceId' | 'date'>[],
  periodStarts?: readonly IsoDate[],
): NoRecordPlan[] {
  const days = schoolDays(calendar);
  const range = activeRange(service, days);
  if (!range) return [];
  const chosen = periodStarts ? new Set(periodStarts) : null;
  const logged = new Set(entries.filter((e) => e.serviceId === service.id).map((e) => e.date));
  const plans: NoRecordPlan[] = [];
  for (const period of gap.unaccountedPeriods) {
    if (period.unaccounted <= 0 || (chosen && !chosen.has(period.start))) continue;
    const open: IsoDate[] = [];
    const taken: IsoDate[] = [];
    const last = Math.min(dayNumberOf(period.end), range.end);
    for (let day = Math.max(dayNumberOf(period.start), range.start); day <= last; day++) {
      if (!days.isSchoolDay(day)) continue;
      const date = isoDateOf(day);
      (logged.has(date) ? taken : open).push(date);
    }
    const schoolDates = [...open, ...taken];
    if (schoolDates.length === 0) continue;
    const minutes = splitIntoSessions(service, period.unaccounted);
    const dates = minutes.map((_, i) => schoolDates[i % schoolDates.length]!).sort();
    plans.push({
      period,
      sessions: minutes.map((scheduledMinutes, i) => ({ date: dates[i]!, scheduledMinutes })),
    });
  }
  return plans;
}

/** The planned sessions as log entries (validate them with sessionEntrySchema before writing). */
export function noRecordEntries(
  plans: readonly NoRecordPlan[],
  service: Pick<Service, 'id' | 'studentId'>,
  outcome: NoRecordOutcome,
  make: { newId: () => string; createdAt: number },
): SessionEntry[] {
  return plans.flatMap((plan) =>
    plan.sessions.map((session) => ({
      id: make.newId(),
      studentId: service.studentId,
      serviceId: service.id,
      date: session.date,
      status: outcome.status,
      minutesDelivered: outcome.status === 'delivered' ? session.scheduledMinutes : 0,
      scheduledMinutes: session.scheduledMinutes,
      reason: outcome.status === 'delivered' ? null : outcome.reason,
      makeUp: false,
      note: outcome.note.trim(),
      createdAt: make.createdAt,
    })),
  );
}
