/**
 * The confirm table's rows: what the reader found, as the raw text the parent edits (so a failed
 * check never loses anything), and back to service records checked with lib/model's schema.
 */
import { startOfWeek, type IsoDate } from '../dates';
import { listSchoolDays } from '../calendar';
import { newId, serviceSchema, type Period, type SchoolCalendar, type ServiceKind } from '../model';
import { parseWholeNumber, validate, type FieldErrors } from '../ui/forms';
import type { ServiceDraft } from './services';

export interface ConfirmRow {
  key: string;
  include: boolean;
  kind: ServiceKind | '';
  label: string;
  minutes: string;
  period: Period;
  sessions: string;
  provider: string;
  location: string;
  delivery: 'direct' | 'consult';
  startDate: string;
  endDate: string;
  draft: ServiceDraft;
}

/** Weeks with school in the calendar's year (36 when there is no calendar yet). */
export function schoolWeeksOf(calendar: SchoolCalendar | null): number {
  if (!calendar) return 36;
  const weeks = new Set(
    listSchoolDays(calendar, calendar.firstDay, calendar.lastDay).map((d) => startOfWeek(d)),
  );
  return Math.max(1, weeks.size);
}

export function rowFromDraft(
  draft: ServiceDraft,
  index: number,
  fallback: { startDate: IsoDate; endDate: IsoDate },
): ConfirmRow {
  return {
    key: `row-${index}`,
    include: true,
    kind: draft.kind ?? '',
    label: draft.label,
    minutes: draft.minutes === null ? '' : String(draft.minutes),
    period: draft.period ?? 'week',
    sessions: draft.sessionsPerPeriod === null ? '' : String(draft.sessionsPerPeriod),
    provider: draft.provider,
    location: draft.location,
    delivery: draft.delivery,
    startDate: draft.startDate ?? fallback.startDate,
    endDate: draft.endDate ?? fallback.endDate,
    draft,
  };
}

export type RowCheck = { ok: true; service: unknown } | { ok: false; errors: FieldErrors };

/** Checks one row as a service of this student; errors are keyed by the row's field names. */
export function checkRow(row: ConfirmRow, studentId: string): RowCheck {
  const result = validate(serviceSchema, {
    id: newId(),
    studentId,
    kind: row.kind || undefined,
    // The IEP's own words for the service are kept as its name.
    label: row.label,
    minutes: parseWholeNumber(row.minutes),
    period: row.period,
    sessionsPerPeriod: parseWholeNumber(row.sessions, null),
    provider: row.provider,
    location: row.location,
    delivery: row.delivery,
    startDate: row.startDate,
    endDate: row.endDate,
  });
  if (result.ok) return { ok: true, service: result.data };
  const errors: FieldErrors = {};
  for (const [path, message] of Object.entries(result.errors)) {
    const field = path === 'sessionsPerPeriod' ? 'sessions' : path;
    errors[field] =
      field === 'minutes' ? `${message} Enter the minutes, or leave this row out.` : message;
  }
  return { ok: false, errors };
}
