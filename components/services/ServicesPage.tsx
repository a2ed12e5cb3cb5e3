/** The current student's IEP services: add, edit, delete (with the log entries they hold). */
import { ConfirmButton } from '../ui/ConfirmButton';
import { FocusHeading } from '../ui/FocusHeading';
import { ReadFromIep } from '../iep-import/ReadFromIep';
import { ServiceForm } from './ServiceForm';
import { StatusMessage, useStatus } from '../ui/status';
import { formatShortDate } from '../../lib/dates';
import { deleteService, saveService } from '../../lib/db';
import { describeCalendarRule, describeService } from '../../lib/gap';
import { serviceName, type Service } from '../../lib/model';
import { useInPlaceEditing } from '../../lib/ui/focus';
import { useStudentData } from '../../lib/ui/students';
import type { TrackerRouteProps } from '../tracker/route-props';
import { NoStudent } from '../students/NoStudent';
import { capitalize } from '../../lib/text';

export function ServicesPage(props: TrackerRouteProps) {
  const { db, studentId } = props;
  const data = useStudentData(db, studentId);
  const [status, announce] = useStatus();
  /** The item whose form is open ("new" while adding); closing refocuses its opener. */
  const { editing, open, close } = useInPlaceEditing();

  if (!studentId) return <NoStudent />;
  if (data === undefined) return <p class="muted">Loading…</p>;
  if (data === null) return <NoStudent />;
  const { services, sessions, calendar } = data;
  const entryCount = (service: Service) =>
    sessions.filter((e) => e.serviceId === service.id).length;
  const defaultDates = calendar
    ? { startDate: calendar.firstDay, endDate: calendar.lastDay }
    : { startDate: props.today, endDate: props.today };

  return (
    <>
      <p>The services on {data.student.name}'s IEP, with the minutes it promises.</p>
      <StatusMessage message={status} testId="services-status" />
      {services.length === 0 ? <p class="muted">No services yet.</p> : null}
      <ul class="item-list">
        {services.map((service) => (
          <li key={service.id} class="card" data-testid="service-item">
            {editing === service.id ? (
              <>
                <FocusHeading>Edit {serviceName(service)}</FocusHeading>
                <ServiceForm
                  studentId={service.studentId}
                  initial={service}
                  defaultDates={defaultDates}
                  submitLabel="Save changes"
                  onSave={async (saved) => {
                    await saveService(db, saved);
                    close();
                    announce('Service saved.');
                  }}
                >
                  <button type="button" class="secondary" onClick={() => close()}>
                    Cancel
                  </button>
                </ServiceForm>
              </>
            ) : (
              <>
                <h2>{capitalize(serviceName(service))}</h2>
                <p>{describeService(service)}</p>
                <p class="small" data-testid="calendar-rule">
                  {describeCalendarRule(service)}
                </p>
                <p class="small muted">
                  {formatShortDate(service.startDate)} to {formatShortDate(service.endDate)}
                  {service.provider ? ` · ${service.provider}` : ''}
                  {service.location ? ` · ${service.location}` : ''}
                  {` · ${entryCount(service)} log entries`}
                </p>
                <div class="button-row">
                  <button
                    type="button"
                    class="secondary"
                    aria-label={`Edit ${serviceName(service)}`}
                    data-opens={service.id}
                    onClick={() => open(service.id)}
                  >
                    Edit
                  </button>
                  <ConfirmButton
                    label="Delete"
                    accessibleLabel={`Delete ${serviceName(service)}`}
                    question={`Delete ${serviceName(service)} and its ${entryCount(service)} log entries?`}
                    onConfirm={async () => {
                      await deleteService(db, service.id);
                      announce('Service deleted.');
                    }}
                  />
                </div>
              </>
            )}
          </li>
        ))}
      </ul>
      {editing === 'new' ? (
        <section class="card" aria-labelledby="new-service">
          <FocusHeading id="new-service">Add a service</FocusHeading>
          <ServiceForm
            studentId={studentId}
            defaultDates={defaultDates}
            submitLabel="Add service"
            onSave={async (saved) => {
              await saveService(db, saved);
              close();
              announce(`Added: ${describeService(saved)}.`);
            }}
          >
            <button type="button" class="secondary" onClick={() => close()}>
              Cancel
            </button>
          </ServiceForm>
        </section>
      ) : (
        <div class="button-row">
          <button type="button" data-opens="new" onClick={() => open('new')}>
            Add a service
          </button>
          <ReadFromIep
            {...{ db, calendar, announce, today: props.today, student: data.student }}
            onManual={() => open('new')}
          />
        </div>
      )}
    </>
  );
}
