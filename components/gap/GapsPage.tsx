/** Per service: the gap as of today, and a weekly chart of expected vs delivered minutes. */
import { useMemo } from 'preact/hooks';
import { GapCard } from './GapCard';
import { NoRecordActions } from './NoRecordActions';
import { WeeklyChart } from './WeeklyChart';
import { formatLongDate } from '../../lib/dates';
import { listDistrictRecords } from '../../lib/db';
import { districtWeeklyDelivered } from '../../lib/district';
import { computeStudentGaps, weeklySeries } from '../../lib/gap';
import { serviceName } from '../../lib/model';
import { useLiveQuery } from '../../lib/ui/live-query';
import { useStudentData } from '../../lib/ui/students';
import type { TrackerRouteProps } from '../tracker/route-props';
import { NoStudent } from '../students/NoStudent';
import { capitalize } from '../../lib/text';
import { DistrictSideBySide } from './DistrictSideBySide';

export function GapsPage(props: TrackerRouteProps) {
  const { db, today, studentId } = props;
  const data = useStudentData(db, studentId);
  const views = useMemo(() => {
    if (!data?.calendar) return [];
    const calendar = data.calendar;
    const gaps = computeStudentGaps(data.services, calendar, data.sessions, today);
    return data.services.map((service, i) => ({
      service,
      gap: gaps[i]!,
      series: weeklySeries(service, calendar, data.sessions, today),
    }));
  }, [data, today]);
  // The district's own service logs (issue 11), if imported: the side-by-side totals and the
  // chart's second series. Apart from the views above so the page shows without them.
  const records = useLiveQuery(
    () => (studentId ? listDistrictRecords(db, studentId) : Promise.resolve([])),
    [db, studentId],
  );
  const gaps = useMemo(() => views.map((view) => view.gap), [views]);
  const districtSeries = useMemo(
    () =>
      records && records.length > 0
        ? views.map(({ service, series }) =>
            districtWeeklyDelivered(service, series, records, today),
          )
        : null,
    [views, records, today],
  );

  if (!studentId) return <NoStudent />;
  if (data === undefined) return <p class="muted">Loading…</p>;
  if (data === null) return <NoStudent />;
  if (!data.calendar) {
    return (
      <p class="notice">
        Set the <a href="#/calendar">school calendar</a> first: the expected minutes depend on which
        days have school.
      </p>
    );
  }
  const calendar = data.calendar;
  if (data.services.length === 0) {
    return (
      <p class="notice">
        No services yet. <a href="#/services">Add the services from the IEP</a>.
      </p>
    );
  }
  return (
    <div data-testid="gaps-page">
      <p>
        {data.student.name}'s services as of {formatLongDate(today)}. Only finished weeks or months
        are counted; the one still going is shown apart.
      </p>
      {records && records.length > 0 ? (
        <DistrictSideBySide
          services={data.services}
          gaps={gaps}
          sessions={data.sessions}
          records={records}
        />
      ) : null}
      {views.map(({ service, gap, series }, i) => (
        <div class="page-section" key={service.id}>
          <GapCard service={service} gap={gap} headingLevel={2}>
            <NoRecordActions db={db} service={service} gap={gap} calendar={calendar} />
          </GapCard>
          <h3>Minutes per week</h3>
          <WeeklyChart
            series={series}
            district={districtSeries?.[i]}
            title={`${capitalize(serviceName(service))}: expected and delivered minutes per week`}
          />
        </div>
      ))}
    </div>
  );
}
