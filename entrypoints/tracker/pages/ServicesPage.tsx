/** The current student's IEP services: add, edit, delete (with the log entries they hold). */
import { useState } from 'preact/hooks';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { ServiceForm } from '../../../components/ServiceForm';
import { StatusMessage, useStatus } from '../../../components/status';
import { formatShortDate } from '../../../lib/dates';
import { deleteService, saveService } from '../../../lib/db';
import { describeService } from '../../../lib/gap';
import { serviceName, type Service } from '../../../lib/model';
import { useStudentData } from '../../../lib/ui/students';
import type { TrackerRouteProps } from '../routes';
import { NoStudent } from './NoStudent';

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function ServicesPage(props: TrackerRouteProps) {
  const { db, studentId } = props;
  const data = useStudentData(db, studentId);
  /** The service being edited, "new" while adding, or null. */
  const [editing, setEditing] = useState<string | null>(null);
  const [status, announce] = useStatus();

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
                <h2>Edit {serviceName(service)}</h2>
                <ServiceForm
                  studentId={service.studentId}
                  initial={service}
                  defaultDates={defaultDates}
                  submitLabel="Save changes"
                  onSave={async (saved) => {
                    await saveService(db, saved);
                    setEditing(null);
                    announce('Service saved.');
                  }}
                >
                  <button type="button" class="secondary" onClick={() => setEditing(null)}>
                    Cancel
                  </button>
                </ServiceForm>
              </>
            ) : (
              <>
                <h2>{capitalize(serviceName(service))}</h2>
                <p>{describeService(service)}</p>
                <p class="small muted">
                  {formatShortDate(service.startDate)} to {formatShortDate(service.endDate)}
                  {service.provider ? ` · ${service.provider}` : ''}
                  {service.location ? ` · ${service.location}` : ''}
                  {service.prorate ? ' · short periods prorated' : ''}
                  {` · ${entryCount(service)} log entries`}
                </p>
                <div class="button-row">
                  <button
                    type="button"
                    class="secondary"
                    aria-label={`Edit ${serviceName(service)}`}
                    onClick={() => setEditing(service.id)}
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
          <h2 id="new-service">Add a service</h2>
          <ServiceForm
            studentId={studentId}
            defaultDates={defaultDates}
            submitLabel="Add service"
            onSave={async (saved) => {
              await saveService(db, saved);
              setEditing(null);
              announce(`Added: ${describeService(saved)}.`);
            }}
          >
            <button type="button" class="secondary" onClick={() => setEditing(null)}>
              Cancel
            </button>
          </ServiceForm>
        </section>
      ) : (
        <button type="button" onClick={() => setEditing('new')}>
          Add a service
        </button>
      )}
    </>
  );
}
