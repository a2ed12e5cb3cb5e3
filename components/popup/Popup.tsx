/**
 * The toolbar popup: pick the student, log a session in a few clicks, and see each service's gap
 * as of today. Everything else lives in the tracker tab.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { GapCard } from '../gap/GapCard';
import { NoRecordActions } from '../gap/NoRecordActions';
import { SessionForm } from '../log/SessionForm';
import { StatusMessage, useStatus } from '../ui/status';
import { CurrentStudentPicker } from '../students/StudentPicker';
import { formatLongDate, formatShortDate, type IsoDate } from '../../lib/dates';
import { saveSession, type AdvocateDatabase } from '../../lib/db';
import type { ServiceGap } from '../../lib/gap';
import {
  MISSED_REASON_LABELS,
  serviceName,
  type SchoolCalendar,
  type Service,
  type SessionEntry,
} from '../../lib/model';
import { useCurrentStudentView, useStudentGaps, type PopupInputs } from '../../lib/ui/students';
import { openPage } from '../../lib/ui/open-page';
import { useToday } from '../../lib/ui/today';

function PageLink(props: { path: string; children: string }) {
  return (
    <a href={props.path.replace(/^\//, '')} onClick={openPage(props.path)}>
      {props.children}
    </a>
  );
}

export function Popup(props: { db: AdvocateDatabase }) {
  const { db } = props;
  const today = useToday();
  const view = useCurrentStudentView(db);
  const choice = view?.choice;

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>Montana IEP Advocate</h1>
        <CurrentStudentPicker db={db} choice={choice} />
      </header>
      {!choice || !today ? (
        <p class="muted">Loading…</p>
      ) : choice.currentId === null ? (
        <Welcome />
      ) : (
        <StudentView db={db} data={view?.data ?? null} today={today} />
      )}
      <nav class="popup-links" aria-label="More">
        <PageLink path="/tracker.html#/gaps">Open the tracker</PageLink>
        <PageLink path="/tracker.html#/log">Session log</PageLink>
        <PageLink path="/letter.html">Write a letter</PageLink>
      </nav>
    </main>
  );
}

function Welcome() {
  return (
    <section aria-labelledby="welcome-heading">
      <h2 id="welcome-heading">Welcome</h2>
      <p>
        Keep a record of your child's IEP services and see which minutes were missed. Start by
        adding your child, their school calendar and their IEP services.
      </p>
      <p>
        <a class="button" href="tracker.html#/setup" onClick={openPage('/tracker.html#/setup')}>
          Set up
        </a>
      </p>
    </section>
  );
}

function describeLogged(entry: SessionEntry, name: string): string {
  const when = formatShortDate(entry.date);
  if (entry.status === 'delivered')
    return `Logged: ${name}, ${entry.minutesDelivered} minutes on ${when}.`;
  const reason = entry.reason ? ` (${MISSED_REASON_LABELS[entry.reason]})` : '';
  return `Logged: ${name} ${entry.status} on ${when}${reason}.`;
}

function StudentView(props: { db: AdvocateDatabase; data: PopupInputs | null; today: IsoDate }) {
  const { db, data, today } = props;
  const [status, announce] = useStatus();
  const gaps = useStudentGaps(db, data, today);

  if (data === null) return <p>This student was deleted. Pick another one.</p>;
  const { services, calendar } = data;
  const studentId = data.student.id;

  return (
    <>
      <section aria-labelledby="log-heading">
        <h2 id="log-heading">Log a session</h2>
        {services.length === 0 ? (
          <p>
            No IEP services yet.{' '}
            <PageLink path="/tracker.html#/services">Add the services from the IEP</PageLink>.
          </p>
        ) : (
          <SessionForm
            key={studentId}
            compact
            studentId={studentId}
            services={services}
            calendar={calendar}
            today={today}
            onSave={async (entry) => {
              await saveSession(db, entry);
              const service = services.find((s) => s.id === entry.serviceId);
              announce(describeLogged(entry, service ? serviceName(service) : 'session'));
            }}
          />
        )}
        <StatusMessage message={status} testId="log-status" />
      </section>
      <section aria-labelledby="gaps-heading">
        <h2 id="gaps-heading">Minutes as of {formatLongDate(today)}</h2>
        {!calendar ? (
          <p>
            No school calendar yet.{' '}
            <PageLink path="/tracker.html#/calendar">Set the school calendar</PageLink>.
          </p>
        ) : gaps === null ? (
          <p class="muted">Working out the minutes…</p>
        ) : (
          <GapCards
            db={db}
            gaps={gaps.value}
            stale={gaps.stale}
            services={services}
            calendar={calendar}
          />
        )}
      </section>
    </>
  );
}

let gapsMarked = false;

function GapCards(props: {
  db: AdvocateDatabase;
  gaps: ServiceGap[];
  /** Older figures, shown while the new ones are worked out after a change. */
  stale: boolean;
  services: Service[];
  calendar: SchoolCalendar;
}) {
  const container = useRef<HTMLDivElement>(null);
  // A layout effect: right after the cards are in the page, before the browser paints them.
  useLayoutEffect(() => {
    // The bench measures the time to this mark (npm run bench).
    if (!gapsMarked) {
      gapsMarked = true;
      performance.mark('gaps-shown');
    }
    container.current?.setAttribute('data-ready', 'true');
  }, []);
  return (
    <div data-testid="gap-cards" ref={container} aria-busy={props.stale ? 'true' : undefined}>
      {props.services.length === 0 ? <p class="muted">No services to show yet.</p> : null}
      {props.gaps.map((gap, index) => (
        <GapCard key={gap.serviceId} service={props.services[index]!} gap={gap} compact>
          <NoRecordActions
            db={props.db}
            service={props.services[index]!}
            gap={gap}
            calendar={props.calendar}
          />
        </GapCard>
      ))}
    </div>
  );
}
