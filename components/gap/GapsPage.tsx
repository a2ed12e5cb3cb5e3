/** Per service: the gap as of today, and a weekly chart of expected vs delivered minutes. */
import { useMemo } from 'preact/hooks';
import { GapCard } from './GapCard';
import { NoRecordActions } from './NoRecordActions';
import { WeeklyChart } from './WeeklyChart';
import { formatLongDate } from '../../lib/dates';
import { computeStudentGaps, weeklySeries } from '../../lib/gap';
import { serviceName } from '../../lib/model';
import { useStudentData } from '../../lib/ui/students';
import type { TrackerRouteProps } from '../tracker/route-props';
import { NoStudent } from '../students/NoStudent';
import { capitalize } from '../../lib/text';

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
      {views.map(({ service, gap, series }) => (
        <div class="page-section" key={service.id}>
          <GapCard service={service} gap={gap} headingLevel={2}>
            <NoRecordActions db={db} service={service} gap={gap} calendar={calendar} />
          </GapCard>
          <h3>Minutes per week</h3>
          <WeeklyChart
            series={series}
            title={`${capitalize(serviceName(service))}: expected and delivered minutes per week`}
          />
        </div>
      ))}
    </div>
  );
}
