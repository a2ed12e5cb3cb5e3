/** Per service: the gap as of today, and a weekly chart of expected vs delivered minutes. */
import { GapCard } from './GapCard';
import { NoRecordActions } from './NoRecordActions';
import { WeeklyChart } from './WeeklyChart';
import { formatLongDate } from '../../lib/dates';
import { serviceName } from '../../lib/model';
import { useGapsPage } from '../../lib/ui/students';
import type { TrackerRouteProps } from '../tracker/route-props';
import { NoStudent } from '../students/NoStudent';
import { capitalize } from '../../lib/text';
import { DistrictSideBySide } from './DistrictSideBySide';

/** School weeks each chart shows at first (about a school year); a button shows them all. */
const RECENT_WEEKS = 36;

export function GapsPage(props: TrackerRouteProps) {
  const { db, today, studentId } = props;
  // The student's gaps, weekly series and the district side by side (issue 11), from the caches
  // (lib/db/gap-views.ts): the log and the district's records are read only when they changed.
  const page = useGapsPage(db, studentId, today);
  const data = page?.inputs;

  if (!studentId) return <NoStudent />;
  if (page === undefined) return <p class="muted">Loading…</p>;
  if (!page || !data) return <NoStudent />;
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
  if (!page.views) return <p class="muted">Loading…</p>;
  // While new figures are worked out after a change, the last ones stay (marked busy).
  const { value: views, stale } = page.views;
  return (
    <div data-testid="gaps-page" aria-busy={stale ? 'true' : undefined}>
      <p>
        {data.student.name}'s services as of {formatLongDate(today)}. Only finished weeks or months
        are counted; the one still going is shown apart.
      </p>
      {views.district ? (
        <DistrictSideBySide services={data.services} totals={views.district.totals} />
      ) : null}
      {data.services.map((service, i) => (
        <div class="page-section" key={service.id}>
          <GapCard service={service} gap={views.gaps[i]!} headingLevel={2}>
            <NoRecordActions db={db} service={service} gap={views.gaps[i]!} calendar={calendar} />
          </GapCard>
          <h3>Minutes per week</h3>
          <WeeklyChart
            series={views.series[i]!}
            district={views.district?.series[i]}
            recentWeeks={RECENT_WEEKS}
            title={`${capitalize(serviceName(service))}: expected and delivered minutes per week`}
          />
        </div>
      ))}
    </div>
  );
}
