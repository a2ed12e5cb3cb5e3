/**
 * Random tracker data for the draft property tests: services, log entries, letters, inputs with
 * hostile text in every user field, and the context input they make.
 */
import fc from 'fast-check';
import { addDays, type IsoDate } from '../../../lib/dates';
import { draftKinds, type DraftContextInput } from '../../../lib/drafts';
import {
  DISTRICT_OUTCOMES,
  MISSED_REASONS,
  districtImportSchema,
  districtRecordSchema,
  PERIODS,
  SERVICE_KINDS,
  calendarSchema,
  letterSchema,
  profileSchema,
  serviceSchema,
  sessionEntrySchema,
  studentSchema,
  type DistrictRecord,
  type Service,
  type SessionEntry,
} from '../../../lib/model';
import { JUNK, unknownCitations } from './checks';
import { calendar } from './fixtures';

export const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '</p><script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  "' onmouseover='x",
  '&amp; &lt;b&gt;',
  '<a href="javascript:alert(1)">click</a>',
  '{{constructor}}',
  '${x}',
  '\u202Eevil',
  'O\'Brien & "Sons" <Co>',
];

/** Random user text without words the checks look for (a user may type them; the code must not). */
export const userText = (maxLength = 60) =>
  fc
    .oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength }), fc.constantFrom('', '  '))
    .filter((s) => !JUNK.test(s) && unknownCitations(s) === '');

const BASE: IsoDate = '2026-08-26';
export const dateIn = (from: number, to: number) =>
  fc.integer({ min: from, max: to }).map((n) => addDays(BASE, n));

export const serviceArb = (index: number) =>
  fc
    .record({
      kind: fc.constantFrom(...SERVICE_KINDS),
      label: userText(40),
      minutes: fc.integer({ min: 1, max: 600 }),
      period: fc.constantFrom(...PERIODS),
      sessionsPerPeriod: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
      provider: userText(40),
      start: fc.integer({ min: 0, max: 120 }),
      length: fc.integer({ min: 0, max: 300 }),
      delivery: fc.constantFrom('direct' as const, 'consult' as const),
      prorate: fc.boolean(),
    })
    .map((r) =>
      serviceSchema.parse({
        id: `svc-${index}`,
        studentId: 'stu-p',
        kind: r.kind,
        label: r.kind === 'other' && !r.label.trim() ? 'Social skills group' : r.label,
        minutes: r.minutes,
        period: r.period,
        sessionsPerPeriod: r.sessionsPerPeriod,
        provider: r.provider,
        delivery: r.delivery,
        startDate: addDays(BASE, r.start),
        endDate: addDays(BASE, r.start + r.length),
        prorate: r.prorate,
      }),
    );

export const entryArb = (services: Service[], index: number) =>
  fc
    .record({
      service: fc.constantFrom(...services),
      date: dateIn(0, 200),
      status: fc.constantFrom('delivered' as const, 'partial' as const, 'missed' as const),
      scheduled: fc.integer({ min: 1, max: 120 }),
      fraction: fc.double({ min: 0, max: 0.99, noNaN: true }),
      reason: fc.constantFrom(...MISSED_REASONS),
      makeUp: fc.boolean(),
      note: userText(40),
    })
    .map((r) => {
      const delivered =
        r.status === 'delivered'
          ? r.scheduled
          : r.status === 'missed'
            ? 0
            : Math.floor(r.scheduled * r.fraction);
      return sessionEntrySchema.parse({
        id: `e-${index}`,
        studentId: 'stu-p',
        serviceId: r.service.id,
        date: r.date,
        status: r.status === 'partial' && delivered === 0 ? 'missed' : r.status,
        minutesDelivered: delivered,
        scheduledMinutes: r.scheduled,
        reason: r.status === 'delivered' ? null : r.reason,
        makeUp: r.makeUp,
        note: r.note,
        createdAt: index,
      });
    });

const letterArb = (index: number) =>
  fc
    .record({
      kind: fc.constantFrom(
        'service-concern',
        'records-request',
        'state-complaint',
        'unknown-kind',
      ),
      subject: userText(60),
      status: fc.constantFrom('draft' as const, 'sent' as const),
      sentDate: fc.option(dateIn(0, 200), { nil: null }),
      to: userText(40),
      method: fc.constantFrom(null, 'email' as const, 'mail' as const, 'hand' as const),
      requestedResponseDate: fc.option(dateIn(0, 220), { nil: null }),
      responseDate: fc.option(dateIn(0, 220), { nil: null }),
      responseSummary: userText(80),
    })
    .map((r) =>
      letterSchema.parse({ id: `l-${index}`, studentId: 'stu-p', createdAt: index, ...r }),
    );

/** Every input id any kind has, with random text, dates, service ids or select values. */
export const inputIds = [...new Set(draftKinds.flatMap((k) => k.inputs.map((i) => i.id)))];
const inputsArb = (serviceIds: string[]) =>
  fc.dictionary(
    fc.constantFrom(...inputIds),
    fc.oneof(
      userText(80),
      dateIn(-30, 250),
      fc.constantFrom('2026-02-30', 'not a date', 'in-state', 'out-of-state', ...serviceIds),
    ),
  );

/**
 * A district's records for the services: on random dates and on dates of the parent's log (so
 * the two agree, conflict, or fill a day the parent has no entry for), with hostile codes.
 */
export const districtRecordsArb = (
  services: Service[],
  sessions: readonly SessionEntry[],
): fc.Arbitrary<DistrictRecord[]> => {
  if (services.length === 0) return fc.constant([]);
  const logged = sessions.map((e) => e.date);
  const date =
    logged.length > 0 ? fc.oneof(dateIn(0, 200), fc.constantFrom(...logged)) : dateIn(0, 200);
  const record = (index: number) =>
    fc
      .record({
        service: fc.constantFrom(...services),
        date,
        outcome: fc.constantFrom(...DISTRICT_OUTCOMES),
        minutes: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
        code: userText(10),
        note: userText(20),
      })
      .map((r) =>
        districtRecordSchema.parse({
          id: `dr-${index}`,
          importId: 'imp-p',
          studentId: 'stu-p',
          serviceId: r.service.id,
          date: r.date,
          outcome: r.outcome,
          minutesServed: r.minutes,
          code: r.code.slice(0, 100),
          note: r.note,
          row: index + 1,
        }),
      );
  return fc
    .integer({ min: 0, max: 20 })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => record(i))));
};

/** The import the random district records belong to. */
export const randomImport = districtImportSchema.parse({
  id: 'imp-p',
  studentId: 'stu-p',
  fileName: 'Service Log.csv',
  importedAt: 1,
  rowsRead: 20,
  records: 20,
  leftOut: { otherStudent: 0, otherService: 0, notADate: 0, outsideIep: 0, badMinutes: 0 },
});

/** The tracker's data alone, without district records. */
export const parentOnlyInputArb: fc.Arbitrary<DraftContextInput> = fc
  .integer({ min: 0, max: 4 })
  .chain((count) =>
    fc.tuple(...Array.from({ length: count }, (_, i) => serviceArb(i))).map((s) => s as Service[]),
  )
  .chain((services) =>
    fc.record({
      services: fc.constant(services),
      sessions:
        services.length === 0
          ? fc.constant([])
          : fc
              .integer({ min: 0, max: 30 })
              .chain((n) =>
                fc.tuple(...Array.from({ length: n }, (_, i) => entryArb(services, i))),
              ),
      letters: fc
        .integer({ min: 0, max: 3 })
        .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => letterArb(i)))),
      inputs: inputsArb(services.map((s) => s.id)),
      student: fc
        .record({
          name: userText(40).filter((s) => s.trim() !== ''),
          school: userText(40),
          district: userText(40),
          grade: userText(10),
          homeAddress: userText(80),
        })
        .map((r) => studentSchema.parse({ id: 'stu-p', calendarId: 'c', createdAt: 1, ...r })),
      profile: fc
        .record({
          parentName: userText(40),
          phone: userText(20).map((s) => s.slice(0, 40)),
          address: userText(120),
          district: userText(40),
          directorName: userText(40),
          email: fc.constantFrom('', 'parent@example.com'),
          directorEmail: fc.constantFrom('', 'director@example.com'),
        })
        .map((r) => profileSchema.parse({ id: 'profile', ...r })),
      calendar: fc.constantFrom(
        calendar,
        null,
        calendarSchema.parse({ ...calendar, weekdays: [1, 2, 3, 4] }),
      ),
      today: dateIn(10, 320),
      responseDate: fc.option(dateIn(10, 340), { nil: undefined }),
      serviceIds: fc.option(fc.subarray(services.map((s) => s.id)), { nil: undefined }),
    }),
  );

/** Random tracker data, with random district records for about two thirds of the logs. */
export const contextInputArb: fc.Arbitrary<DraftContextInput> = parentOnlyInputArb.chain((input) =>
  fc
    .oneof(
      fc.constant([] as DistrictRecord[]),
      districtRecordsArb([...input.services], input.sessions),
      districtRecordsArb([...input.services], input.sessions),
    )
    .map((records) => ({
      ...input,
      districtRecords: records,
      districtImports: records.length > 0 ? [randomImport] : [],
    })),
);
