/**
 * The reconciliation as CSV (through lib/csv's toCsv: BOM, RFC 4180, formula-injection safe, so a
 * district note such as "=HYPERLINK(…)" stays text once more on export).
 */
import { toCsv } from '../csv';
import { DISTRICT_OUTCOME_LABELS, serviceName, type Service } from '../model';
import { RECONCILE_KIND_LABELS, type ReconcileRow } from './reconcile';
import { explainRow } from './words';

export const DISTRICT_CSV_HEADER = [
  'Date',
  'Service',
  'Finding',
  'Conflict',
  'Fills a day with no record in your log',
  'Under the IEP minutes per session',
  'Minutes delivered (your log)',
  'Minutes missed (your log)',
  'Minutes delivered (district log)',
  'Minutes missed (district log)',
  'District status',
  'District code',
  'District note',
  'District file rows',
  'Explanation',
] as const;

export function districtCsv(rows: readonly ReconcileRow[], services: readonly Service[]): string {
  const names = new Map(services.map((service) => [service.id, serviceName(service)]));
  return toCsv(
    DISTRICT_CSV_HEADER,
    rows.map((row) => [
      row.date,
      names.get(row.serviceId) ?? '',
      RECONCILE_KIND_LABELS[row.kind],
      row.conflict,
      row.fillsUnaccounted,
      row.under,
      row.parent?.delivered ?? null,
      row.parent?.missed ?? null,
      row.district?.delivered ?? null,
      row.district?.missed ?? null,
      row.district?.outcomes.map((o) => DISTRICT_OUTCOME_LABELS[o]).join('; ') ?? '',
      row.district?.codes.join('; ') ?? '',
      row.district?.notes.join(' | ') ?? '',
      row.district?.rows.join(' ') ?? '',
      explainRow(row),
    ]),
  );
}
