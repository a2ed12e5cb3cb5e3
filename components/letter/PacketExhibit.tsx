/**
 * One exhibit of the complaint packet (lib/packet): a section whose first child is its title,
 * then its tables and charts, reused from the evidence report, the District records page and the
 * Gaps page. No controls: the packet is printed (and read by the Word export) as it is.
 */
import { formatShortDate } from '../../lib/dates';
import { NO_RESPONSE } from '../../lib/drafts';
import { serviceName, MISSED_REASON_LABELS } from '../../lib/model';
import {
  logTotals,
  type DistrictDateRow,
  type DistrictDifferenceRow,
  type DistrictMissedRow,
  type Exhibit,
  type LogRow,
} from '../../lib/packet';
import { capitalize } from '../../lib/text';
import { TotalsTable } from '../district/TotalsTable';
import { WeeklyChart } from '../gap/WeeklyChart';
import { LettersTable } from '../report/LettersTable';
import { HeaderRow, SESSION_COLUMNS, SummaryTable } from '../report/tables';

function what(row: LogRow): string {
  if (row.reason === null) return row.makeUp ? 'Given (make-up session)' : 'Given';
  return capitalize(MISSED_REASON_LABELS[row.reason]);
}

/** The sums of the log's rows per service, which the letter's figures are. */
function LogTotalsTable(props: { rows: LogRow[] }) {
  return (
    <table class="report-table keep-whole" data-testid="exhibit-log-totals">
      <caption>The log above, added up per service (minutes)</caption>
      <HeaderRow
        columns={[
          'Service',
          { label: 'Delivered in regular sessions', number: true },
          { label: 'Delivered in make-up sessions', number: true },
          { label: 'Missed', number: true },
          { label: 'Missed because my child was absent (not counted)', number: true },
        ]}
      />
      <tbody>
        {logTotals(props.rows).map((sum) => (
          <tr key={sum.service.id} data-service-id={sum.service.id}>
            <th scope="row">{capitalize(serviceName(sum.service))}</th>
            <td class="number">{sum.delivered.toLocaleString('en-US')}</td>
            <td class="number">{sum.madeUp.toLocaleString('en-US')}</td>
            <td class="number">{sum.missed.toLocaleString('en-US')}</td>
            <td class="number">{sum.absent.toLocaleString('en-US')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ServiceLog(props: { rows: LogRow[] }) {
  if (props.rows.length === 0) return <p>No sessions are logged for this period.</p>;
  return (
    <>
      <table class="report-table" data-testid="exhibit-log">
        <caption>Each session in my log, oldest first (minutes)</caption>
        <HeaderRow columns={SESSION_COLUMNS} />
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.id} data-date={row.date}>
              <td class="nowrap">{formatShortDate(row.date)}</td>
              <td>{capitalize(serviceName(row.service))}</td>
              <td class="number">{row.scheduled}</td>
              <td class="number">{row.delivered}</td>
              <td class="number">{row.missed}</td>
              <td>{what(row)}</td>
              <td>{row.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <LogTotalsTable rows={props.rows} />
    </>
  );
}

/** "Delivered, 30 minutes (code P), in "IC speech log.csv"": what the file says, and which file. */
function inFile(row: DistrictDateRow): string {
  const files = row.files.map((name) => `"${name}"`).join(' and ');
  return files ? `${row.district}, in ${files}` : row.district;
}

/** The first cells of a dated row: date and service. */
function DateCells(props: { row: DistrictDateRow }) {
  return (
    <>
      <td class="nowrap">{formatShortDate(props.row.date)}</td>
      <td>{capitalize(serviceName(props.row.service))}</td>
    </>
  );
}

/** The dates the two logs disagree on, or the district's minutes are under the IEP's. */
function Differences(props: { rows: DistrictDifferenceRow[] }) {
  if (props.rows.length === 0) {
    return (
      <p>
        On every date both files cover, the district's file and my log agree, and the district's
        file gives the IEP's full minutes for each session it shows as given.
      </p>
    );
  }
  return (
    <table class="report-table" data-testid="exhibit-district-differences">
      <caption>
        Dates where the district's file says something different from my log, or shows fewer minutes
        than the IEP's per session, oldest first
      </caption>
      <HeaderRow columns={['Date', 'Service', 'What differs', 'My log', "The district's file"]} />
      <tbody>
        {props.rows.map((row) => (
          <tr key={`${row.service.id} ${row.date}`} data-date={row.date}>
            <DateCells row={row} />
            <td>{row.what}</td>
            <td>{row.mine}</td>
            <td>{inFile(row)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The sessions the district's own file shows as not provided, with their total. */
function DistrictMissed(props: { rows: DistrictMissedRow[] }) {
  if (props.rows.length === 0) {
    return <p>The district's file shows no session as not provided or cut short.</p>;
  }
  const total = props.rows.reduce((sum, row) => sum + row.minutes, 0);
  return (
    <table class="report-table" data-testid="exhibit-district-missed">
      <caption>
        Sessions the district's own file shows as not provided or cut short (sessions my child
        missed by being absent are left out), oldest first
      </caption>
      <HeaderRow
        columns={[
          'Date',
          'Service',
          { label: 'Minutes not provided', number: true },
          'My log',
          "The district's file",
        ]}
      />
      <tbody>
        {props.rows.map((row) => (
          <tr key={`${row.service.id} ${row.date}`} data-date={row.date}>
            <DateCells row={row} />
            <td class="number">{row.minutes}</td>
            <td>{row.mine}</td>
            <td>{inFile(row)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={2}>
            Total ({props.rows.length === 1 ? '1 session' : `${props.rows.length} sessions`})
          </th>
          <td class="number">{total}</td>
          <td colSpan={2}>minutes, from the district's own file</td>
        </tr>
      </tfoot>
    </table>
  );
}

function Content(props: { exhibit: Exhibit }) {
  const { exhibit } = props;
  switch (exhibit.id) {
    case 'service-log':
      return <ServiceLog rows={exhibit.rows} />;
    case 'gap-summary':
      return (
        <>
          <SummaryTable
            services={exhibit.services.map((s) => s.service)}
            gaps={exhibit.services.map((s) => s.gap)}
          />
          {exhibit.services.map((s) => {
            const name = capitalize(serviceName(s.service));
            return (
              <WeeklyChart
                key={s.service.id}
                series={s.series}
                district={s.district}
                voice="me"
                title={`${name}: required and delivered minutes per week`}
                print={{ caption: `${name}: required and delivered minutes per week` }}
              />
            );
          })}
        </>
      );
    case 'district-logs':
      return (
        <>
          <p>What the district's files cover:</p>
          <ul data-testid="exhibit-district-files">
            {exhibit.files.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p>
            The district's files say nothing about the dates outside them. So the totals below
            compare my log, the district's log and the minutes the IEP required over the same dates:
            the finished weeks or months the district's records fall in, given after each service.
            The lists after them give each date, as both logs have it.
          </p>
          <TotalsTable
            reconciliations={exhibit.reconciliations}
            services={exhibit.services}
            caption="Totals per service in my log and in the district's log, over the dates the district's file covers"
            class="report-table"
            testId="exhibit-district"
            voice="me"
          />
          <Differences rows={exhibit.differences} />
          <DistrictMissed rows={exhibit.districtMissed} />
        </>
      );
    case 'correspondence':
      return (
        <LettersTable
          rows={exhibit.rows}
          caption="My letters and the replies, oldest first"
          noReply={NO_RESPONSE}
        />
      );
  }
}

export function PacketExhibit(props: { exhibit: Exhibit }) {
  const { exhibit } = props;
  return (
    <section class="exhibit" data-exhibit={exhibit.letter} data-exhibit-id={exhibit.id}>
      <h2>
        Exhibit {exhibit.letter}: {exhibit.title}
      </h2>
      <Content exhibit={exhibit} />
    </section>
  );
}
