/**
 * One exhibit of the complaint packet (lib/packet): a section whose first child is its title,
 * then its tables and charts, reused from the evidence report, the District records page and the
 * Gaps page. No controls: the packet is printed (and read by the Word export) as it is.
 */
import { formatShortDate } from '../../lib/dates';
import { serviceName, MISSED_REASON_LABELS } from '../../lib/model';
import type { Exhibit, LogRow } from '../../lib/packet';
import { capitalize } from '../../lib/text';
import { TotalsTable } from '../district/TotalsTable';
import { WeeklyChart } from '../gap/WeeklyChart';
import { LettersTable } from '../report/LettersTable';
import { HeaderRow, SESSION_COLUMNS, SummaryTable } from '../report/tables';

function what(row: LogRow): string {
  if (row.reason === null) return row.makeUp ? 'Given (make-up session)' : 'Given';
  return capitalize(MISSED_REASON_LABELS[row.reason]);
}

function ServiceLog(props: { rows: LogRow[] }) {
  if (props.rows.length === 0) return <p>No sessions are logged for this period.</p>;
  return (
    <table class="report-table" data-testid="exhibit-log">
      <caption>Each session in my log, oldest first (minutes)</caption>
      <HeaderRow columns={SESSION_COLUMNS} />
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.id} data-date={row.date}>
            <td>{formatShortDate(row.date)}</td>
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
            The district's files say nothing about the dates outside them. So each row below
            compares my log, the district's log and the minutes the IEP required over the same
            dates: the finished weeks or months the district's records fall in, given after each
            service.
          </p>
          <TotalsTable
            reconciliations={exhibit.reconciliations}
            services={exhibit.services}
            caption="Totals per service in my log and in the district's log, over the dates the district's file covers"
            class="report-table"
            testId="exhibit-district"
            voice="me"
          />
        </>
      );
    case 'correspondence':
      return (
        <LettersTable rows={exhibit.rows} caption="My letters and the replies, oldest first" />
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
