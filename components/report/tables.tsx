/**
 * The evidence report's tables: the totals per service, each service's weeks with no record, and
 * the missed and shortened sessions (rows and totals from lib/report/missed.ts). Number columns
 * are right-aligned; every table has a caption and a header row that repeats when printed.
 */
import { formatShortDate } from '../../lib/dates';
import {
  coveredFrom,
  describeService,
  describeUnaccounted,
  formatDeliveryRate,
  formatMinutes,
  periodLabel,
  type ServiceGap,
} from '../../lib/gap';
import { missedTotals, type MissedRow } from '../../lib/report/missed';
import { recordsRequestPath } from '../../lib/ui/letter-links';
import { MISSED_REASON_LABELS, serviceName, type Service } from '../../lib/model';
import { capitalize } from '../../lib/text';

/** From the day counting starts (the service's start inside the first week), as letters say. */
function countedPeriod(service: Service, gap: ServiceGap): string {
  return gap.countedFrom && gap.countedTo
    ? `${formatShortDate(coveredFrom(service, gap.countedFrom))} – ${formatShortDate(gap.countedTo)}`
    : 'Nothing counted yet';
}

/** "1,802", as the letters write minutes, so a figure reads the same in both. */
const count = (n: number) => n.toLocaleString('en-US');

type Column = string | { label: string; number: boolean };

/** A table's header row; number columns are right-aligned like their cells. */
export function HeaderRow(props: { columns: Column[] }) {
  return (
    <thead>
      <tr>
        {props.columns.map((column) => {
          const { label, number } =
            typeof column === 'string' ? { label: column, number: false } : column;
          return (
            <th key={label} scope="col" class={number ? 'number' : undefined}>
              {label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

export function SummaryTable(props: { services: Service[]; gaps: ServiceGap[] }) {
  return (
    <div class="table-wrap">
      <table class="report-table" data-testid="summary-table">
        <caption>Totals per service (complete weeks or months only)</caption>
        <HeaderRow
          columns={[
            'Service (as the IEP writes it)',
            'Counted',
            { label: 'Required', number: true },
            { label: 'Delivered', number: true },
            { label: 'Made up', number: true },
            { label: 'Missed, with a reason', number: true },
            { label: 'Child absent', number: true },
            { label: 'No record', number: true },
            { label: 'Owed', number: true },
            { label: 'Delivery rate', number: true },
          ]}
        />
        <tbody>
          {props.services.map((service, i) => {
            const gap = props.gaps[i]!;
            return (
              <tr key={service.id} data-service-id={service.id}>
                <th scope="row">{capitalize(describeService(service))}</th>
                <td>{countedPeriod(service, gap)}</td>
                <td class="number">{count(gap.expected)}</td>
                <td class="number">{count(gap.delivered)}</td>
                <td class="number">{count(gap.madeUp)}</td>
                <td class="number">{count(gap.documentedMissed - gap.excused)}</td>
                <td class="number">{count(gap.excused)}</td>
                <td class="number" data-unaccounted={gap.unaccounted}>
                  {count(gap.unaccounted)}
                </td>
                <td class="number" data-owed={gap.owed}>
                  <strong>{count(gap.owed)}</strong>
                </td>
                <td class="number">{gap.deliveryRate === null ? '—' : formatDeliveryRate(gap)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="small">
        All figures are minutes. Where some minutes have no record, the delivery rate is a range:
        from none of them given to all of them given.
      </p>
    </div>
  );
}

/** Each service's weeks or months with no record, with what the log does show for them. */
export function NoRecordTables(props: { services: Service[]; gaps: ServiceGap[] }) {
  const withGaps = props.services
    .map((service, i) => ({ service, gap: props.gaps[i]! }))
    .filter(({ gap }) => gap.unaccounted > 0);
  if (withGaps.length === 0) {
    return <p>Every required minute in the counted weeks is in the log, as given or as missed.</p>;
  }
  return (
    <>
      <p>
        For these weeks or months the family's log shows fewer minutes, given or missed, than the
        IEP required. The minutes with no record are not counted as owed and are not in any total
        above except the delivery rate's range. The provider's service logs for these dates would
        show what happened.
      </p>
      {withGaps.map(({ service, gap }) => (
        <div class="table-wrap" key={service.id}>
          <table class="report-table" data-testid="no-record-table" data-service-id={service.id}>
            <caption>
              {capitalize(serviceName(service))}: {describeUnaccounted(gap)}
            </caption>
            <HeaderRow
              columns={[
                gap.period === 'month' ? 'Month' : gap.period === 'week' ? 'Week' : 'School day',
                { label: 'Required', number: true },
                { label: 'Given', number: true },
                { label: 'Missed, logged', number: true },
                { label: 'No record', number: true },
              ]}
            />
            <tbody>
              {gap.unaccountedPeriods.map((period) => (
                <tr key={period.start} data-start={period.start}>
                  <th scope="row">
                    {periodLabel(period.start, gap.period)}
                    {period.regularEntries === 0 ? ' (no entry at all)' : ''}
                  </th>
                  <td class="number">{period.expected}</td>
                  <td class="number">{period.delivered}</td>
                  <td class="number">{period.documentedMissed}</td>
                  <td class="number">{period.unaccounted}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={4}>
                  Total with no record
                </th>
                <td class="number">{gap.unaccounted}</td>
              </tr>
            </tfoot>
          </table>
          <p class="no-print">
            <a
              href={recordsRequestPath(
                service.studentId,
                service.id,
                gap.unaccountedPeriods.map((p) => p.start),
              )}
            >
              Ask for the service logs for these dates: {serviceName(service)}
            </a>{' '}
            or <a href="/tracker.html#/gaps">log what happened on the Gaps page</a>.
          </p>
        </div>
      ))}
    </>
  );
}

/** The columns of a table of logged sessions (the report's missed sessions, the packet's log). */
export const SESSION_COLUMNS: Column[] = [
  'Date',
  'Service',
  { label: 'Scheduled', number: true },
  { label: 'Delivered', number: true },
  { label: 'Missed', number: true },
  'Reason',
  'Note',
];

export function MissedTable(props: { rows: MissedRow[] }) {
  const { rows } = props;
  if (rows.length === 0) {
    return <p>No missed or shortened sessions are logged in the counted weeks.</p>;
  }
  const totals = missedTotals(rows);
  return (
    <table class="report-table missed-table" data-testid="missed-table">
      <caption>Missed and shortened sessions, oldest first</caption>
      <HeaderRow columns={SESSION_COLUMNS} />
      <tbody>
        {rows.map((row) => (
          <tr key={row.entryId} data-testid="missed-row">
            <td>{formatShortDate(row.date)}</td>
            <td>{capitalize(serviceName(row.service))}</td>
            <td class="number">{row.scheduled}</td>
            <td class="number">{row.delivered}</td>
            <td class="number">{row.missed}</td>
            <td>
              {capitalize(MISSED_REASON_LABELS[row.reason])}
              {row.reason === 'student-absent' ? ' (not counted as owed)' : ''}
            </td>
            <td>{row.note}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={4}>
            Total missed ({totals.sessions} sessions; {totals.notAbsentSessions} not because the
            child was absent)
          </th>
          <td class="number">{totals.minutes}</td>
          <td colSpan={2}>
            {formatMinutes(totals.notAbsentMinutes)} not because the child was absent
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
