/**
 * What the IEP reader offers for the student record: the printed name, school and IEP dates that
 * differ from what is saved, each as old → new with its own checkbox. Pure: the confirm step
 * shows the offers, and only the ticked ones go into the student saved with the services.
 *
 * An offer starts ticked only when the student has nothing in that field (filling it in replaces
 * nothing); a field that already has a value is changed only if the parent ticks it.
 */
import { formatLongDate, isIsoDate } from '../dates';
import type { Student } from '../model';
import type { Found, IepDetails } from './details';

export type OfferField = 'name' | 'school' | 'iepMeetingDate' | 'iepStartDate' | 'iepReviewDate';

export interface StudentOffer {
  field: OfferField;
  /** The saved value ('' when there is none). */
  current: string;
  /** The value read from the IEP. */
  value: string;
  /** The line of the IEP it was read from. */
  source: string;
  /** Ticked at first: only when the field is empty. */
  ticked: boolean;
  /** "Change the IEP start date from … to …" or "Save the IEP start date: …". */
  sentence: string;
}

interface FieldSpec {
  field: OfferField;
  /** Its name inside a sentence. */
  name: string;
  read: (details: IepDetails) => Found<string> | null;
  /** Longest value the student schema takes. */
  max: number;
  date: boolean;
}

const FIELDS: readonly FieldSpec[] = [
  { field: 'name', name: 'your child’s name', read: (d) => d.studentName, max: 120, date: false },
  { field: 'school', name: 'school', read: (d) => d.school, max: 200, date: false },
  {
    field: 'iepMeetingDate',
    name: 'the IEP meeting date',
    read: (d) => d.meetingDate,
    max: 10,
    date: true,
  },
  {
    field: 'iepStartDate',
    name: 'the IEP start date',
    read: (d) => d.startDate,
    max: 10,
    date: true,
  },
  {
    field: 'iepReviewDate',
    name: 'the annual review date',
    read: (d) => d.reviewDate,
    max: 10,
    date: true,
  },
];

function shown(value: string, date: boolean): string {
  if (!date) return `“${value}”`;
  return isIsoDate(value) ? formatLongDate(value) : value;
}

/** The fields read from the IEP that differ from the student record, in form order. */
export function studentOffers(details: IepDetails, student: Student): StudentOffer[] {
  const offers: StudentOffer[] = [];
  for (const spec of FIELDS) {
    const found = spec.read(details);
    if (!found) continue;
    const value = found.value.slice(0, spec.max);
    const current = student[spec.field] ?? '';
    if (value === '' || value === current) continue;
    const sentence = current
      ? `Change ${spec.name} from ${shown(current, spec.date)} to ${shown(value, spec.date)}`
      : `Save ${spec.name}: ${shown(value, spec.date)}`;
    offers.push({
      field: spec.field,
      current,
      value,
      source: found.source,
      ticked: current === '',
      sentence,
    });
  }
  return offers;
}

/** The checkboxes' first state. */
export function initialChoices(
  offers: readonly StudentOffer[],
): Partial<Record<OfferField, boolean>> {
  return Object.fromEntries(offers.map((offer) => [offer.field, offer.ticked]));
}

/**
 * The student with the ticked offers applied, or null when none is ticked (the student is then
 * not written at all).
 */
export function studentWithOffers(
  student: Student,
  offers: readonly StudentOffer[],
  chosen: Partial<Record<OfferField, boolean>>,
): Student | null {
  const ticked = offers.filter((offer) => chosen[offer.field] === true);
  if (ticked.length === 0) return null;
  const next: Student = { ...student };
  for (const offer of ticked) next[offer.field] = offer.value;
  return next;
}
