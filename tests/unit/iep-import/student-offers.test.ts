/**
 * What the IEP reader offers for the student record: only fields that differ, as old → new, an
 * empty field ticked at first and a filled one never changed unless ticked; the ticked offers
 * applied give a student the schema accepts, saved with the services in one transaction.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../lib/db';
import { saveServices } from '../../../lib/db/services-import';
import type { IepDetails } from '../../../lib/iep-import';
import {
  initialChoices,
  studentOffers,
  studentWithOffers,
} from '../../../lib/iep-import/student-offers';
import { studentSchema, type Student } from '../../../lib/model';

const student: Student = {
  id: 'student-1',
  name: 'Jane Doe',
  school: '',
  district: 'Helena',
  grade: '4',
  homeAddress: '',
  calendarId: 'cal',
  createdAt: 1,
  iepMeetingDate: '2024-09-05',
};

const found = <T>(value: T, source: string) => ({ value, source });

const details: IepDetails = {
  studentName: found('Jane A. Doe', 'Student: Doe, Jane A.'),
  school: found('Broadwater Elementary', 'School: Broadwater Elementary'),
  meetingDate: found('2025-09-02', 'IEP Meeting Date: 09/02/2025'),
  startDate: found('2025-09-03', 'IEP Start Date: 09/03/2025'),
  reviewDate: found('2026-09-01', 'Annual Review Date: 09/01/2026'),
};

describe('what to offer for the student record', () => {
  it('offers every field that differs, old → new, in the order of the student form', () => {
    const offers = studentOffers(details, student);
    expect(offers.map((o) => [o.field, o.current, o.value, o.ticked, o.sentence])).toEqual([
      [
        'name',
        'Jane Doe',
        'Jane A. Doe',
        false,
        'Change your child’s name from “Jane Doe” to “Jane A. Doe”',
      ],
      ['school', '', 'Broadwater Elementary', true, 'Save school: “Broadwater Elementary”'],
      [
        'iepMeetingDate',
        '2024-09-05',
        '2025-09-02',
        false,
        'Change the IEP meeting date from September 5, 2024 to September 2, 2025',
      ],
      ['iepStartDate', '', '2025-09-03', true, 'Save the IEP start date: September 3, 2025'],
      ['iepReviewDate', '', '2026-09-01', true, 'Save the annual review date: September 1, 2026'],
    ]);
    expect(offers[2]!.source).toBe('IEP Meeting Date: 09/02/2025');
    expect(initialChoices(offers)).toEqual({
      name: false,
      school: true,
      iepMeetingDate: false,
      iepStartDate: true,
      iepReviewDate: true,
    });
  });

  it('offers nothing for a field that is the same or was not printed', () => {
    const same: Student = {
      ...student,
      name: 'Jane A. Doe',
      school: 'Broadwater Elementary',
      iepMeetingDate: '2025-09-02',
      iepStartDate: '2025-09-03',
    };
    const offers = studentOffers({ ...details, reviewDate: null }, same);
    expect(offers).toEqual([]);
    expect(studentWithOffers(same, offers, initialChoices(offers))).toBeNull();
  });

  it('cuts a value to what the record holds', () => {
    const long = 'A'.repeat(300);
    const [offer] = studentOffers(
      { ...details, studentName: null, school: found(long, `School: ${long}`) },
      { ...student, school: 'Old school' },
    );
    expect(offer).toMatchObject({ field: 'school', value: 'A'.repeat(200), ticked: false });
  });
});

describe('applying the ticked offers', () => {
  const offers = studentOffers(details, student);

  it('changes only the ticked fields, and never a filled one unless ticked', () => {
    const next = studentWithOffers(student, offers, initialChoices(offers));
    expect(next).toEqual({
      ...student,
      school: 'Broadwater Elementary',
      iepStartDate: '2025-09-03',
      iepReviewDate: '2026-09-01',
    });
    expect(studentSchema.parse(next)).toEqual(next);
  });

  it('changes a filled field when the parent ticks it, and writes nothing when all are unticked', () => {
    expect(
      studentWithOffers(student, offers, { iepMeetingDate: true, iepStartDate: false }),
    ).toEqual({ ...student, iepMeetingDate: '2025-09-02' });
    expect(studentWithOffers(student, offers, {})).toBeNull();
    expect(
      studentWithOffers(student, offers, {
        name: false,
        school: false,
        iepMeetingDate: false,
        iepStartDate: false,
        iepReviewDate: false,
      }),
    ).toBeNull();
  });

  it('is saved with the services in one transaction', async () => {
    const db = openDatabase(`student-offers-${Math.random()}`, { indexedDB, IDBKeyRange });
    try {
      await db.students.put(student);
      const next = studentWithOffers(student, offers, initialChoices(offers))!;
      const service = {
        id: 'svc-1',
        studentId: student.id,
        kind: 'speech-language',
        minutes: 60,
        period: 'week',
        provider: 'SLP',
        location: 'Therapy Room',
        startDate: '2025-09-03',
        endDate: '2026-06-05',
      };
      // One bad service: neither the services nor the dates are written.
      await expect(
        saveServices(db, [service, { ...service, id: 'svc-2', minutes: 0 }], next),
      ).rejects.toThrow();
      expect(await db.students.get(student.id)).toEqual(student);
      await saveServices(db, [service], next);
      expect(await db.students.get(student.id)).toMatchObject({
        iepMeetingDate: '2024-09-05',
        iepStartDate: '2025-09-03',
        iepReviewDate: '2026-09-01',
      });
      expect(await db.services.count()).toBe(1);
    } finally {
      await db.delete();
    }
  });
});
