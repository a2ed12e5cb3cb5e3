/**
 * The district's records next to the parent's, per service: the side-by-side totals (expected
 * under rules v2 | delivered per each | documented missed per each | no record left after both)
 * and the dated rows, filterable, printable and downloadable as CSV.
 */
import { useState } from 'preact/hooks';
import { formatShortDate } from '../../lib/dates';
import {
  RECONCILE_KIND_LABELS,
  districtCsv,
  explainRow,
  type ReconcileRow,
  type ServiceReconciliation,
} from '../../lib/district';
import { serviceName, type Service } from '../../lib/model';
import { downloadText } from '../correspondence/download';
import { ScrollTable } from './ScrollTable';
import { TotalsTable } from './TotalsTable';
import { SelectField } from '../ui/fields';

const FILTERS = {
  all: 'Every date',
  conflicts: 'Conflicts only',
  'district-missed': 'Sessions the district shows as not fully provided',
  'fills-unaccounted': 'District records on days your log has no record',
  'parent-only': 'Only your log has a record',
  under: 'District minutes under the IEP',
} as const;
type Filter = keyof typeof FILTERS;

function keep(filter: Filter, row: ReconcileRow): boolean {
  switch (filter) {
    case 'conflicts':
      return row.conflict;
    case 'district-missed':
      return row.district !== null && row.district.missed > row.district.excused;
    case 'fills-unaccounted':
      return row.fillsUnaccounted;
    case 'parent-only':
      return row.kind === 'parent-only';
    case 'under':
      return row.under;
    default:
      return true;
  }
}

export function Reconciliation(props: {
  reconciliations: ServiceReconciliation[];
  services: Service[];
  fileSlug: string;
}) {
  const { reconciliations, services } = props;
  const [filter, setFilter] = useState<Filter>('all');
  const name = (id: string) => {
    const service = services.find((s) => s.id === id);
    return service ? serviceName(service) : '';
  };
  const rows = reconciliations.flatMap((r) => r.rows).filter((row) => keep(filter, row));
  const conflicts = reconciliations.reduce(
    (sum, r) => sum + r.counts['conflict-delivered'] + r.counts['conflict-absent'],
    0,
  );

  return (
    <section class="card district-reconcile" aria-labelledby="district-reconcile-heading">
      <h2 id="district-reconcile-heading">Your log and the district's, side by side</h2>
      <p data-testid="district-conflict-count">
        {conflicts === 0
          ? 'No conflicts between the two records.'
          : `${conflicts} ${conflicts === 1 ? 'date where the records conflict' : 'dates where the records conflict'}: these are the first things to ask the district about.`}
      </p>
      <ScrollTable label="Totals side by side">
        <TotalsTable reconciliations={reconciliations} services={services} />
      </ScrollTable>

      <div class="no-print">
        <SelectField
          label="Show"
          value={filter}
          onValue={(value) => setFilter(value as Filter)}
          options={Object.entries(FILTERS).map(([value, label]) => ({ value, label }))}
        />
        <p class="button-row">
          <button
            type="button"
            onClick={() =>
              downloadText(
                `district-comparison-${props.fileSlug}.csv`,
                districtCsv(rows, services),
                'text/csv;charset=utf-8',
              )
            }
          >
            Download these rows (CSV)
          </button>
          <button type="button" class="secondary" onClick={() => window.print()}>
            Print
          </button>
        </p>
      </div>
      <ScrollTable label="Dates compared">
        <table data-testid="district-rows">
          <caption>
            {FILTERS[filter]}: {rows.length} {rows.length === 1 ? 'date' : 'dates'}
          </caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Service</th>
              <th scope="col">Finding</th>
              <th scope="col">What each record says</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={`${row.serviceId}-${row.date}`}
                class={row.conflict ? 'conflict' : undefined}
              >
                <td>{formatShortDate(row.date)}</td>
                <td>{name(row.serviceId)}</td>
                <td>
                  {row.conflict ? (
                    <strong>{RECONCILE_KIND_LABELS[row.kind]}</strong>
                  ) : (
                    RECONCILE_KIND_LABELS[row.kind]
                  )}
                  {row.fillsUnaccounted ? '; fills a day with no record in your log' : ''}
                  {row.under ? '; under the IEP minutes' : ''}
                </td>
                <td>{explainRow(row)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}
