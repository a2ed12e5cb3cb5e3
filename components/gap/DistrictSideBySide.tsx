/**
 * On the Gaps page, when the district's own service logs have been imported (issue 11): the
 * side-by-side totals per service (components/district/TotalsTable), reconciled with the same gap results the
 * cards show, and a link to the dated comparison on the District records page. Nothing when there
 * are no district records.
 */
import type { ReconciliationTotals } from '../../lib/district';
import type { Service } from '../../lib/model';
import { ScrollTable } from '../district/ScrollTable';
import { TotalsTable } from '../district/TotalsTable';

export function DistrictSideBySide(props: {
  services: Service[];
  /** reconcileStudent's results (their totals), one per service with a gap. */
  totals: readonly ReconciliationTotals[];
}) {
  const { services, totals: reconciliations } = props;
  if (reconciliations.length === 0) return null;
  const conflicts = reconciliations.reduce(
    (sum, r) => sum + r.counts['conflict-delivered'] + r.counts['conflict-absent'],
    0,
  );
  return (
    <section
      class="card page-section"
      aria-labelledby="gaps-district-heading"
      data-testid="gaps-district"
    >
      <h2 id="gaps-district-heading">Your log and the district's</h2>
      <p>
        The district's own service logs are imported. Minutes with no record in your log may be in
        theirs: the last column is what neither log accounts for. Each row compares the two logs
        over the weeks or months the district's file covers, not your whole log.
        {conflicts > 0
          ? ` The two records conflict on ${conflicts} ${conflicts === 1 ? 'date' : 'dates'}.`
          : ''}{' '}
        <a href="#/district">See each date compared</a>.
      </p>
      <ScrollTable label="Your log and the district's, totals">
        <TotalsTable
          reconciliations={reconciliations}
          services={services}
          testId="gaps-district-totals"
        />
      </ScrollTable>
    </section>
  );
}
