/**
 * The evidence report (report.html?student=<id>): for one student, each IEP service's required
 * and delivered minutes week by week (an SVG chart that reads in greyscale and in print), the
 * totals with how each was computed, every missed or shortened session with its reason, and the
 * letters sent with the district's replies. Made to print (or save as PDF) and attach to a
 * complaint.
 */
import { formatLongDate, formatShortDate, type IsoDate } from '../../lib/dates';
import type { StudentData } from '../../lib/db';
import { loadStudentData, type AdvocateDatabase } from '../../lib/db';
import {
  computeStudentGaps,
  describeCalendarRule,
  describeService,
  describeUnaccounted,
  explainGap,
  formatDeliveryRate,
  formatMinutes,
  periodLabel,
  weeklySeries,
  type MissedSession,
  type ServiceGap,
} from '../../lib/gap';
import { recordsRequestPath } from '../../lib/ui/letter-links';
import { MISSED_REASON_LABELS, serviceName, type Service } from '../../lib/model';
import { useLiveQuery } from '../../lib/ui/live-query';
import { useStudentChoice } from '../../lib/ui/students';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { HelpNote } from '../ui/HelpNote';
import { WeeklyChart } from '../gap/WeeklyChart';
import { ExportButtons } from '../correspondence/ExportButtons';
import { kindTitle, METHOD_LABELS } from '../correspondence/letter-records';

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function countedPeriod(gap: ServiceGap): string {
  return gap.countedFrom && gap.countedTo
    ? `${formatShortDate(gap.countedFrom)} – ${formatShortDate(gap.countedTo)}`
    : 'Nothing counted yet';
}

type Column = string | { label: string; number: boolean };

/** A table's header row; number columns are right-aligned like their cells. */
function HeaderRow(props: { columns: Column[] }) {
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

function SummaryTable(props: { services: Service[]; gaps: ServiceGap[] }) {
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
                <td>{countedPeriod(gap)}</td>
                <td class="number">{gap.expected}</td>
                <td class="number">{gap.delivered}</td>
                <td class="number">{gap.madeUp}</td>
                <td class="number">{gap.documentedMissed - gap.excused}</td>
                <td class="number">{gap.excused}</td>
                <td class="number" data-unaccounted={gap.unaccounted}>
                  {gap.unaccounted}
                </td>
                <td class="number" data-owed={gap.owed}>
                  <strong>{gap.owed}</strong>
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
function NoRecordTables(props: { services: Service[]; gaps: ServiceGap[] }) {
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

interface MissedRow extends MissedSession {
  service: Service;
}

function MissedTable(props: { rows: MissedRow[] }) {
  const { rows } = props;
  if (rows.length === 0) {
    return <p>No missed or shortened sessions are logged in the counted weeks.</p>;
  }
  const total = (pick: (row: MissedRow) => number) => rows.reduce((sum, r) => sum + pick(r), 0);
  const owedRows = rows.filter((r) => r.reason !== 'student-absent');
  return (
    <table class="report-table missed-table" data-testid="missed-table">
      <caption>Missed and shortened sessions, oldest first</caption>
      <HeaderRow
        columns={[
          'Date',
          'Service',
          { label: 'Scheduled', number: true },
          { label: 'Delivered', number: true },
          { label: 'Missed', number: true },
          'Reason',
          'Note',
        ]}
      />
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
            Total missed ({rows.length} sessions; {owedRows.length} not because the child was
            absent)
          </th>
          <td class="number">{total((r) => r.missed)}</td>
          <td colSpan={2}>
            {formatMinutes(total((r) => (r.reason === 'student-absent' ? 0 : r.missed)))} not
            because the child was absent
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

function ServiceSection(props: {
  service: Service;
  gap: ServiceGap;
  data: StudentData;
  today: IsoDate;
}) {
  const { service, gap, data, today } = props;
  const name = capitalize(serviceName(service));
  const series = weeklySeries(service, data.calendar!, data.sessions, today);
  return (
    <section class="report-service" aria-labelledby={`service-${service.id}`}>
      <h2 id={`service-${service.id}`}>{name}</h2>
      <p>
        The IEP: {describeService(service)}
        {service.provider ? `, provided by ${service.provider}` : ''}
        {service.location ? `, ${service.location}` : ''}, from {formatLongDate(service.startDate)}{' '}
        to {formatLongDate(service.endDate)}. {describeCalendarRule(service)}
      </p>
      <WeeklyChart series={series} title={`${name}: required and delivered minutes per week`} />
      <h3>How the numbers were computed</h3>
      <dl class="how-list report-how">
        {explainGap(gap, service).map((row) => (
          <div key={row.key}>
            <dt>
              {row.label}: <strong>{row.display}</strong>
            </dt>
            <dd>{row.how}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function LettersTable(props: { data: StudentData }) {
  const sent = props.data.letters
    .filter((l) => l.status === 'sent' && l.sentDate)
    .sort((a, b) => (a.sentDate! < b.sentDate! ? -1 : 1));
  if (sent.length === 0) return <p>No letters are recorded as sent yet.</p>;
  return (
    <table class="report-table" data-testid="letters-table">
      <caption>Written requests and the replies received</caption>
      <HeaderRow columns={['Sent', 'Letter', 'To, how', 'Reply']} />
      <tbody>
        {sent.map((letter) => (
          <tr key={letter.id}>
            <td>{formatShortDate(letter.sentDate!)}</td>
            <td>
              {kindTitle(letter.kind)}
              {letter.subject ? `: ${letter.subject}` : ''}
            </td>
            <td>
              {[letter.to, letter.method ? METHOD_LABELS[letter.method] : '']
                .filter(Boolean)
                .join(', ')}
            </td>
            <td>
              {letter.responseDate
                ? `${formatShortDate(letter.responseDate)}${letter.responseSummary ? `: ${letter.responseSummary}` : ''}`
                : 'No reply logged'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function EvidenceReport(props: { data: StudentData; today: IsoDate }) {
  const { data, today } = props;
  const { student, profile, calendar, services } = data;
  if (!calendar) {
    return (
      <p>
        Set {student.name}'s school calendar in the <a href="/tracker.html#/calendar">tracker</a>{' '}
        first: the report counts required minutes by school days.
      </p>
    );
  }
  const gaps = computeStudentGaps(services, calendar, data.sessions, today);
  const missed: MissedRow[] = services
    .flatMap((service, i) => gaps[i]!.missedSessions.map((m) => ({ ...m, service })))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const weekdays =
    calendar.weekdays.length === 4
      ? 'a four-day week'
      : `${calendar.weekdays.length} school days a week`;
  return (
    <article class="report" data-testid="evidence-report">
      <header class="report-header">
        <h1>IEP services: required and delivered</h1>
        <dl class="report-facts">
          <div>
            <dt>Student</dt>
            <dd data-testid="report-student">{student.name}</dd>
          </div>
          {student.school ? (
            <div>
              <dt>School</dt>
              <dd>{student.school}</dd>
            </div>
          ) : null}
          {student.district || profile.district ? (
            <div>
              <dt>District</dt>
              <dd>{student.district || profile.district}</dd>
            </div>
          ) : null}
          <div>
            <dt>As of</dt>
            <dd data-testid="report-as-of">{formatLongDate(today)}</dd>
          </div>
          <div>
            <dt>School calendar</dt>
            <dd>
              {calendar.name}: {formatLongDate(calendar.firstDay)} to{' '}
              {formatLongDate(calendar.lastDay)}, {weekdays}, {calendar.closures.length} closures
            </dd>
          </div>
          {profile.parentName ? (
            <div>
              <dt>Prepared by</dt>
              <dd>{profile.parentName}, parent, from the family's own log</dd>
            </div>
          ) : null}
        </dl>
      </header>

      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">Summary</h2>
        <SummaryTable services={services} gaps={gaps} />
        <p class="small">
          How it is counted: a school day is a day the school calendar has instruction and no
          closure. Weeks run Monday to Sunday; a week or month counts once it is over and had at
          least one school day with the service. The current week or month is left out of the
          totals. Unless the IEP says otherwise, a week or month with a holiday or snow day requires
          fewer minutes, in proportion to the school days held. "Missed, with a reason" is the
          scheduled minutes minus the minutes given for each logged missed or shortened session.
          Sessions missed because the child was absent are shown but not counted as owed. "No
          record" is the required minutes the log shows neither as given nor as missed; they are
          listed by week below and are not counted as owed. Owed = missed minutes in the log − child
          absent − made up, never below zero.
        </p>
      </section>

      <section aria-labelledby="no-record-heading">
        <h2 id="no-record-heading">Weeks with no record</h2>
        <NoRecordTables services={services} gaps={gaps} />
      </section>

      <section aria-labelledby="missed-heading" class="report-missed">
        <h2 id="missed-heading">Missed and shortened sessions</h2>
        <MissedTable rows={missed} />
      </section>

      {services.map((service, i) => (
        <ServiceSection
          key={service.id}
          service={service}
          gap={gaps[i]!}
          data={data}
          today={today}
        />
      ))}

      <section aria-labelledby="letters-heading">
        <h2 id="letters-heading">Letters sent and replies</h2>
        <LettersTable data={data} />
      </section>
    </article>
  );
}

function studentParam(): string | null {
  return new URLSearchParams(location.search).get('student');
}

function ReportForStudent(props: { db: AdvocateDatabase; today: IsoDate }) {
  const { db, today } = props;
  const choice = useStudentChoice(db);
  const id = studentParam() ?? choice?.currentId ?? null;
  const data = useLiveQuery(async () => (id ? loadStudentData(db, id) : null), [db, id]);
  if (choice === undefined || data === undefined) return <p>Loading…</p>;
  if (data === null) {
    return (
      <p>
        No student to report on. Add one in the <a href="/tracker.html">tracker</a>.
      </p>
    );
  }
  return (
    <>
      <div class="button-row no-print report-actions" role="group" aria-label="Print or download">
        <button type="button" onClick={() => window.print()}>
          Print or save as PDF
        </button>
        <ExportButtons data={data} today={today} />
        <a
          class="button secondary"
          href={`/letter.html?student=${encodeURIComponent(data.student.id)}&kind=state-complaint`}
        >
          Write the state complaint
        </a>
      </div>
      <EvidenceReport data={data} today={today} />
    </>
  );
}

export function ReportPage(props: { db: AdvocateDatabase; today: IsoDate | null }) {
  return (
    <main id="main">
      <div class="no-print">
        <p class="app-name">Montana IEP Advocate · Evidence report</p>
        <HelpNote />
      </div>
      <ErrorBoundary>
        {props.today ? <ReportForStudent db={props.db} today={props.today} /> : <p>Loading…</p>}
      </ErrorBoundary>
    </main>
  );
}
