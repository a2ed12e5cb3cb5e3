/**
 * District records (issue 11): what a district's own service logs say, imported from its export.
 * Stored apart from the parent's log (their own tables), never merged into it, so the two records
 * can be compared and neither can be mistaken for the other.
 */
import { z } from './zod';
import { isIsoDate } from '../dates';

const isoDate = z.string().refine(isIsoDate, { message: 'Enter a real date (year-month-day).' });
const id = z.string().min(1).max(64);
const text = (max: number) => z.string().max(max).default('');

/** What a district row says happened, once its attendance code is read. */
export const DISTRICT_OUTCOMES = [
  'delivered',
  'student-absent',
  'provider-absent',
  'school-closed',
  'make-up',
  'other',
] as const;
export type DistrictOutcome = (typeof DISTRICT_OUTCOMES)[number];

export const DISTRICT_OUTCOME_LABELS: Record<DistrictOutcome, string> = {
  delivered: 'delivered',
  'student-absent': 'student absent',
  'provider-absent': 'provider absent',
  'school-closed': 'school closed',
  'make-up': 'make-up session',
  other: 'other (not delivered)',
};

/** The columns a district file can hold, as the app reads them. */
export const DISTRICT_FIELDS = [
  'date',
  'student',
  'service',
  'provider',
  'position',
  'minutes',
  'attendance',
  'note',
  'ignore',
] as const;
export type DistrictField = (typeof DISTRICT_FIELDS)[number];

export const DISTRICT_FIELD_LABELS: Record<DistrictField, string> = {
  date: 'Date of the session',
  student: 'Student',
  service: 'Service',
  provider: 'Provider or staff',
  position: 'Position',
  minutes: 'Minutes',
  attendance: 'Attendance or status code',
  note: 'Note',
  ignore: 'Not used',
};

/** One row of a district's log, matched to one of the IEP's services. */
export const districtRecordSchema = z.object({
  id,
  importId: id,
  studentId: id,
  serviceId: id,
  date: isoDate,
  outcome: z.enum(DISTRICT_OUTCOMES),
  /** Minutes the district recorded, or null when the row gives none. */
  minutesServed: z.number().int().min(0).max(1440).nullable(),
  /** The code as the district wrote it ("SA", "Present", …). */
  code: text(100),
  /** The service as the district wrote it. */
  serviceText: text(200),
  provider: text(200),
  position: text(200),
  note: text(2000),
  /** Row number in the file (1 = first row after the header), so a record can be found there. */
  row: z.number().int().min(1),
});
export type DistrictRecord = z.infer<typeof districtRecordSchema>;

const count = z.number().int().min(0);

/** Rows of a file that were read but not imported, by why. */
export const leftOutSchema = z.strictObject({
  otherStudent: count,
  otherService: count,
  notADate: count,
  outsideIep: count,
  badMinutes: count,
});
export type LeftOut = z.infer<typeof leftOutSchema>;

/** One imported file: deleting it deletes its records. */
export const districtImportSchema = z.object({
  id,
  studentId: id,
  /** The district the file came from (remembered mappings are kept per district). */
  district: text(200),
  fileName: z.string().min(1).max(260),
  importedAt: z.number().int().nonnegative(),
  /** Data rows read from the file (after the header, wrapped lines joined). */
  rowsRead: z.number().int().min(0),
  records: z.number().int().min(0),
  leftOut: leftOutSchema,
});
export type DistrictImport = z.infer<typeof districtImportSchema>;

/** A district's remembered column, code and service choices, for the next file it sends. */
export const districtMappingSchema = z.object({
  /** The district's name, lower case with spaces collapsed. */
  id: z.string().max(200),
  district: text(200),
  /** Header text (lower case) → what the column holds. */
  columns: z.record(z.string().max(200), z.enum(DISTRICT_FIELDS)),
  /** Code (normalised) → outcome. */
  codes: z.record(z.string().max(100), z.enum(DISTRICT_OUTCOMES)),
  /** Service text (normalised) → the IEP service it is, or '' for "not this child's service". */
  services: z.record(
    z.string().max(200),
    z.object({ serviceId: z.string().max(64), kind: z.string().max(64), label: text(120) }),
  ),
  updatedAt: z.number().int().nonnegative(),
});
export type DistrictMapping = z.infer<typeof districtMappingSchema>;
