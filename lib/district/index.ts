/**
 * District records (issue 11): a district's own service logs, imported from its export and
 * reconciled with the parent's log. Pure (runs in Node); the page does the file reading and the
 * storing (lib/db district functions).
 *
 * Flow: file or pasted rows → rows of cells (Papa Parse / read-excel-file in the page, or
 * splitPasted) → toTable (limits, header row) → guessMapping (remembered choices win) →
 * buildImport (the user's choices; preview of the first 20 rows; counts of what is left out;
 * problems that block the import) → stored as one import with its records → reconcileService /
 * reconcileStudent next to the gap engine's result.
 *
 * For the report and drafts: `reconcileStudent(services, gaps, entries, records)` gives, per
 * service, the side-by-side totals (expected | delivered per parent | per district | documented
 * missed per each | unaccounted after both), the dated rows (conflicts first when filtered) and
 * `districtConfirmedMissed`; `describeDistrictMissed` states what the district's logs show, apart
 * from the parent's log; `districtCsv` lists the rows for the CSV export.
 */
export { choicesToRemember, countOf, leftOutSentence, startingChoices } from './choices';
export { KNOWN_CODES, codeKey, outcomeOf } from './codes';
export {
  columnOf,
  findHeaderRow,
  guessField,
  guessMapping,
  headerKey,
  type ColumnMapping,
} from './columns';
export {
  PREVIEW_ROWS,
  buildImport,
  resolvedService,
  resolvedStudent,
  type BuildResult,
  type ImportChoices,
  type ReadRow,
} from './build';
export {
  RECONCILE_KINDS,
  RECONCILE_KIND_LABELS,
  districtDeliveredMinutes,
  reconcileKindLabel,
  districtSpans,
  reconcileService,
  spansCover,
  reconcileStudent,
  type DistrictDay,
  type DistrictMissedSession,
  type DistrictSpan,
  type ParentDay,
  type ReconcileKind,
  type ReconcileRow,
  reconciliationTotals,
  type ReconciliationTotals,
  type ServiceReconciliation,
} from './reconcile';
export { guessService, isThisStudent, valueKey } from './services';
export {
  MAX_CELL_CHARS,
  MAX_FILE_BYTES,
  MAX_ROWS,
  TOO_BIG_MESSAGE,
  cellText,
  splitPasted,
  toTable,
  type DistrictTable,
  type TableResult,
} from './table';
export { parseDistrictDate, parseMinutes } from './values';
export { comparedSpan, describeDistrictMissed, explainRow, underSentence } from './words';
export { districtCsv, DISTRICT_CSV_HEADER } from './csv';
export { districtWeeklyDelivered, summarizeDistrictSeries } from './weekly';
export { ownChild, ownLog, type LogVoice } from './voice';
