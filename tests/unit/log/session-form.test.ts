/** The "log a session" form's values (lib/log/session-form.ts). */
import { describe, expect, it } from 'vitest';
import {
  freshSessionValues,
  sessionCandidate,
  sessionDateNote,
  sessionValuesOf,
  withService,
  withStatus,
} from '../../../lib/log/session-form';
import { sessionEntrySchema } from '../../../lib/model';
import { entry, fiveDayWeek, service } from '../gap/helpers';

// Speech: 60 a week in 2 sessions, 30 scheduled each; OT: 40 a week in 1 session.
const speech = service();
const ot = service({ id: 'ot', kind: 'occupational', minutes: 40, sessionsPerPeriod: 1 });
const services = [speech, ot];
const TODAY = '2026-09-15';
const record = { id: 'new', studentId: 'stu', createdAt: 7 };

describe('a new entry’s values', () => {
  it('start with the first service, today, delivered, all scheduled minutes given', () => {
    expect(freshSessionValues(services, TODAY)).toEqual({
      serviceId: 'svc',
      date: TODAY,
      status: 'delivered',
      scheduledMinutes: '30',
      minutesDelivered: '30',
      reason: '',
      makeUp: false,
      note: '',
    });
  });

  it('start with the service asked for', () => {
    expect(freshSessionValues(services, TODAY, 'ot')).toMatchObject({
      serviceId: 'ot',
      scheduledMinutes: '40',
      minutesDelivered: '40',
    });
  });

  it('have no service and no minutes when there is no service', () => {
    expect(freshSessionValues([], TODAY)).toMatchObject({
      serviceId: '',
      scheduledMinutes: '',
    });
  });
});

describe('changing the service and the status', () => {
  const fresh = freshSessionValues(services, TODAY);

  it('another service brings its scheduled minutes, given too while delivered', () => {
    expect(withService(fresh, services, 'ot')).toMatchObject({
      scheduledMinutes: '40',
      minutesDelivered: '40',
    });
    const partial = { ...withStatus(fresh, 'partial'), minutesDelivered: '10' };
    expect(withService(partial, services, 'ot')).toMatchObject({
      scheduledMinutes: '40',
      minutesDelivered: '10',
    });
  });

  it('missed gives 0, partial asks, delivered gives all and drops the reason', () => {
    const missed = { ...withStatus(fresh, 'missed'), reason: 'provider-absent' as const };
    expect(missed.minutesDelivered).toBe('0');
    expect(withStatus(missed, 'partial')).toMatchObject({
      minutesDelivered: '',
      reason: 'provider-absent',
    });
    expect(withStatus(missed, 'delivered')).toMatchObject({ minutesDelivered: '30', reason: '' });
  });
});

describe('the candidate entry', () => {
  it('is a valid entry for a delivered session', () => {
    const parsed = sessionEntrySchema.parse(
      sessionCandidate(freshSessionValues(services, TODAY), record),
    );
    expect(parsed).toMatchObject({
      id: 'new',
      serviceId: 'svc',
      date: TODAY,
      minutesDelivered: 30,
      reason: null,
      createdAt: 7,
    });
  });

  it('gives 0 minutes for a missed session whatever was typed, and keeps its reason', () => {
    const values = {
      ...withStatus(freshSessionValues(services, TODAY), 'missed'),
      minutesDelivered: '25',
      reason: 'weather-travel' as const,
    };
    expect(sessionCandidate(values, record)).toMatchObject({
      minutesDelivered: 0,
      reason: 'weather-travel',
    });
  });

  it('round-trips a logged entry', () => {
    const logged = entry('2026-09-08', {
      status: 'partial',
      minutesDelivered: 20,
      reason: 'scheduling-conflict',
      note: 'Short day',
    });
    const again = sessionEntrySchema.parse(sessionCandidate(sessionValuesOf(logged), logged));
    expect(again).toEqual(logged);
  });
});

describe('the note under the date', () => {
  it('says when the date is outside the service’s dates', () => {
    const late = service({ startDate: '2026-10-01' });
    expect(sessionDateNote(fiveDayWeek, late, '2026-09-15')).toMatch(
      /^Outside this service's dates/,
    );
  });

  it('names the closure, or says it is not a school day', () => {
    expect(sessionDateNote(fiveDayWeek, speech, '2026-09-07')).toBe(
      'No school that day (Labor Day).',
    );
    expect(sessionDateNote(fiveDayWeek, speech, '2026-09-12')).toBe(
      'Not a school day on your calendar.',
    );
  });

  it('says nothing on a school day or for a half-typed date', () => {
    expect(sessionDateNote(fiveDayWeek, speech, '2026-09-15')).toBeUndefined();
    expect(sessionDateNote(fiveDayWeek, speech, '2026-09')).toBeUndefined();
  });
});
