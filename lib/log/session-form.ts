/**
 * The values behind the "log a session" form (components/log/SessionForm.tsx), pure: defaults
 * from the IEP, what changes when the service or the status changes, the candidate entry handed
 * to sessionEntrySchema, and the note shown under an unusual date.
 */
import { closureOn, isSchoolDay } from '../calendar';
import { formatShortDate, isIsoDate, type IsoDate } from '../dates';
import { defaultScheduledMinutes } from '../gap';
import type { MissedReason, SchoolCalendar, Service, SessionEntry, SessionStatus } from '../model';
import { parseWholeNumber } from '../ui/forms';

/** The form's fields as typed (minutes as text, so a half-typed number is kept). */
export interface SessionValues {
  serviceId: string;
  date: IsoDate | '';
  status: SessionStatus;
  scheduledMinutes: string;
  minutesDelivered: string;
  reason: MissedReason | '';
  makeUp: boolean;
  note: string;
}

function scheduledFor(services: readonly Service[], serviceId: string): string {
  const service = services.find((s) => s.id === serviceId);
  return service ? String(defaultScheduledMinutes(service)) : '';
}

/**
 * A new entry's values: the service (`serviceId`, else `defaultServiceId`, else the first), today,
 * delivered, the service's scheduled minutes all given.
 */
export function freshSessionValues(
  services: readonly Service[],
  today: IsoDate,
  serviceId?: string,
): SessionValues {
  const id = serviceId ?? services[0]?.id ?? '';
  const scheduled = scheduledFor(services, id);
  return {
    serviceId: id,
    date: today,
    status: 'delivered',
    scheduledMinutes: scheduled,
    minutesDelivered: scheduled,
    reason: '',
    makeUp: false,
    note: '',
  };
}

/** A logged entry's values, for editing it. */
export function sessionValuesOf(entry: SessionEntry): SessionValues {
  return {
    serviceId: entry.serviceId,
    date: entry.date,
    status: entry.status,
    scheduledMinutes: String(entry.scheduledMinutes),
    minutesDelivered: String(entry.minutesDelivered),
    reason: entry.reason ?? '',
    makeUp: entry.makeUp,
    note: entry.note,
  };
}

/** Another service: its scheduled minutes, also given when the session was delivered. */
export function withService(
  values: SessionValues,
  services: readonly Service[],
  serviceId: string,
): SessionValues {
  const scheduled = scheduledFor(services, serviceId);
  return {
    ...values,
    serviceId,
    scheduledMinutes: scheduled,
    minutesDelivered: values.status === 'delivered' ? scheduled : values.minutesDelivered,
  };
}

/**
 * Another status: delivered gives the scheduled minutes and drops the reason, missed gives 0,
 * partial asks for the minutes given.
 */
export function withStatus(values: SessionValues, status: SessionStatus): SessionValues {
  return {
    ...values,
    status,
    minutesDelivered:
      status === 'delivered' ? values.scheduledMinutes : status === 'missed' ? '0' : '',
    reason: status === 'delivered' ? '' : values.reason,
  };
}

/** What sessionEntrySchema checks: a missed session gave 0 minutes, a delivered one has no reason. */
export function sessionCandidate(
  values: SessionValues,
  record: { id: string; studentId: string; createdAt: number },
) {
  return {
    ...record,
    serviceId: values.serviceId || undefined,
    date: values.date,
    status: values.status,
    scheduledMinutes: parseWholeNumber(values.scheduledMinutes),
    minutesDelivered: values.status === 'missed' ? 0 : parseWholeNumber(values.minutesDelivered),
    reason: values.status === 'delivered' ? null : values.reason || null,
    makeUp: values.makeUp,
    note: values.note,
  };
}

/** A gentle note when the date is unusual; the entry is still allowed (a make-up, say). */
export function sessionDateNote(
  calendar: SchoolCalendar | null | undefined,
  service: Service | undefined,
  date: string,
): string | undefined {
  if (!isIsoDate(date)) return undefined;
  if (service && (date < service.startDate || date > service.endDate)) {
    return `Outside this service's dates (${formatShortDate(service.startDate)} to ${formatShortDate(service.endDate)}).`;
  }
  if (calendar && !isSchoolDay(calendar, date)) {
    const closure = closureOn(calendar, date);
    return closure
      ? `No school that day (${closure.label || 'closed'}).`
      : 'Not a school day on your calendar.';
  }
  return undefined;
}
