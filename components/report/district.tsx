/**
 * The evidence report's district section (issue 11), when the district's own service logs are
 * imported: the side-by-side totals per service, the dates where the two records conflict, and
 * the sessions the district's own log shows as not fully provided. Print-friendly tables with
 * captions and repeating header rows, like the rest of the report.
 */
import { formatShortDate } from '../../lib/dates';
import { DISTRICT_OUTCOME_LABELS, serviceName, type Service } from '../../lib/model';
import { RECONCILE_KIND_LABELS, explainRow, type ServiceReconciliation } from '../../lib/district';
import { TotalsTable } from '../district/TotalsTable';
import { HeaderRow } from './tables';

export function DistrictSection(props: {
  reconciliations: ServiceReconciliation[];
  services: Service[];
}) {
  const { reconciliations, services } = props;
  const name = (id: string) => {
    const service = services.find((s) => s.id === id);
    return service ? serviceName(service) : '';
  };
  const conflicts = reconciliations.flatMap((r) => r.rows.filter((row) => row.conflict));
  const confirmed = reconciliations
    .flatMap((r) => r.districtConfirmedMissed.map((m) => ({ ...m, serviceId: r.serviceId })))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return (
    <section aria-labelledby="district-heading" data-testid="report-district">
      <h2 id="district-heading">The district's own service logs</h2>
      <p class="small">
        The district's service logs, as the district exported them, next to the family's log. They
        are kept apart: nothing in the family's log was changed. "No record in either log" is the
        required minutes neither log shows as given or as missed.
      </p>
      <div class="table-wrap">
        <TotalsTable
          reconciliations={reconciliations}
          services={services}
          class="report-table"
          testId="report-district-totals"
        />
      </div>
      <h3>Dates where the two records conflict</h3>
      {conflicts.length === 0 ? (
        <p>The two records do not conflict on any date.</p>
      ) : (
        <table class="report-table" data-testid="report-district-conflicts">
          <caption>Conflicts, oldest first ({conflicts.length})</caption>
          <HeaderRow columns={['Date', 'Service', 'Conflict', 'What each record says']} />
          <tbody>
            {conflicts
              .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
              .map((row) => (
                <tr key={`${row.serviceId}-${row.date}`}>
                  <td>{formatShortDate(row.date)}</td>
                  <td>{name(row.serviceId)}</td>
                  <td>{RECONCILE_KIND_LABELS[row.kind]}</td>
                  <td>{explainRow(row)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
      <h3>Sessions the district's own log shows as not fully provided</h3>
      {confirmed.length === 0 ? (
        <p>The district's log shows no session missed or shortened.</p>
      ) : (
        <table class="report-table" data-testid="report-district-missed">
          <caption>
            Missed or shortened per the district's log ({confirmed.length}), student absences left
            out
          </caption>
          <HeaderRow
            columns={[
              'Date',
              'Service',
              'District status',
              { label: 'Minutes not provided', number: true },
              'In the family log',
            ]}
          />
          <tbody>
            {confirmed.map((m) => (
              <tr key={`${m.serviceId}-${m.date}`}>
                <td>{formatShortDate(m.date)}</td>
                <td>{name(m.serviceId)}</td>
                <td>{DISTRICT_OUTCOME_LABELS[m.outcome]}</td>
                <td class="number">{m.minutesMissed}</td>
                <td>{m.parentHadNoRecord ? 'No record' : 'Logged'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
