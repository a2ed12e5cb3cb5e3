/**
 * The evidence report for one student (what report.html prints): who and as of when, the totals,
 * the weeks with no record, the missed sessions, each service with its weekly chart and how its
 * numbers were computed, and the letters sent with the replies.
 */
import { formatLongDate, type IsoDate } from '../../lib/dates';
import type { StudentData } from '../../lib/db';
import {
  computeStudentGaps,
  describeCalendarRule,
  describeService,
  explainGap,
  weeklySeries,
  type ServiceGap,
} from '../../lib/gap';
import { districtWeeklyDelivered, reconcileStudent } from '../../lib/district';
import { serviceName, type DistrictRecord, type Service } from '../../lib/model';
import { missedRows } from '../../lib/report/missed';
import { kindTitle } from '../correspondence/letter-records';
import { correspondenceRow } from '../../lib/packet';
import { LettersTable } from './LettersTable';
import { WeeklyChart } from '../gap/WeeklyChart';
import { DistrictSection } from './district';
import { MissedTable, NoRecordTables, SummaryTable } from './tables';
import { capitalize } from '../../lib/text';

function ServiceSection(props: {
  service: Service;
  gap: ServiceGap;
  data: StudentData;
  today: IsoDate;
  records: readonly DistrictRecord[];
}) {
  const { service, gap, data, today, records } = props;
  const name = capitalize(serviceName(service));
  const series = weeklySeries(service, data.calendar!, data.sessions, today);
  const district =
    records.length > 0 ? districtWeeklyDelivered(service, series, records, today) : undefined;
  return (
    <section class="report-service" aria-labelledby={`service-${service.id}`}>
      <h2 id={`service-${service.id}`}>{name}</h2>
      <p>
        The IEP: {describeService(service)}
        {service.provider ? `, provided by ${service.provider}` : ''}
        {service.location ? `, ${service.location}` : ''}, from {formatLongDate(service.startDate)}{' '}
        to {formatLongDate(service.endDate)}. {describeCalendarRule(service)}
      </p>
      <WeeklyChart
        series={series}
        district={district}
        title={`${name}: required and delivered minutes per week`}
      />
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

function sentRows(data: StudentData) {
  return data.letters
    .filter((l) => l.status === 'sent' && l.sentDate)
    .sort((a, b) => (a.sentDate! < b.sentDate! ? -1 : 1))
    .map((letter) => correspondenceRow(letter, kindTitle(letter.kind)));
}

export function EvidenceReport(props: {
  data: StudentData;
  today: IsoDate;
  /** The district's own service logs (issue 11), if imported. */
  records?: readonly DistrictRecord[];
}) {
  const { data, today } = props;
  const records = props.records ?? [];
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
  const missed = missedRows(services, gaps);
  const reconciliations =
    records.length > 0 ? reconcileStudent(services, gaps, data.sessions, records) : [];
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

      {reconciliations.length > 0 ? (
        <DistrictSection reconciliations={reconciliations} services={services} />
      ) : null}

      {services.map((service, i) => (
        <ServiceSection
          key={service.id}
          service={service}
          gap={gaps[i]!}
          data={data}
          today={today}
          records={records}
        />
      ))}

      <section aria-labelledby="letters-heading">
        <h2 id="letters-heading">Letters sent and replies</h2>
        <LettersTable rows={sentRows(data)} />
      </section>
    </article>
  );
}
