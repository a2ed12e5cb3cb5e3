/**
 * First run (tracker.html#/setup): four short steps: the student, the school calendar, the
 * IEP's services, and an optional profile. Or load sample data to look around first.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { CalendarForm } from '../calendar/CalendarForm';
import { ReadFromIep } from '../iep-import/ReadFromIep';
import { ProfileForm } from '../profile/ProfileForm';
import { ServiceForm } from '../services/ServiceForm';
import { StudentForm } from '../students/StudentForm';
import { StatusMessage, useStatus } from '../ui/status';
import { describeService } from '../../lib/gap';
import {
  getProfile,
  listServices,
  saveCalendar,
  saveProfile,
  saveService,
  saveSettings,
  saveStudent,
} from '../../lib/db';
import { newId, type SchoolCalendar, type Student } from '../../lib/model';
import { requestPersistentStorage } from '../../lib/ui/database';
import { useLiveQuery } from '../../lib/ui/live-query';
import { newCalendar } from '../../lib/ui/new-calendar';
import { loadSampleData } from '../../lib/ui/sample-data';
import type { TrackerRouteProps } from '../tracker/route-props';

const STEPS = [
  { id: 'student', title: 'Your child' },
  { id: 'calendar', title: 'School calendar' },
  { id: 'services', title: 'IEP services' },
  { id: 'profile', title: 'Your details' },
] as const;
type StepId = (typeof STEPS)[number]['id'] | 'done';

export function SetupPage(props: TrackerRouteProps) {
  const { db, today } = props;
  const [step, setStep] = useState<StepId>('student');
  const [student, setStudent] = useState<Student | null>(null);
  const [calendar, setCalendar] = useState<SchoolCalendar | null>(null);
  const [serviceFormKey, setServiceFormKey] = useState(0);
  const [status, announce] = useStatus();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const profile = useLiveQuery(() => getProfile(db), [db]);
  const services = useLiveQuery(
    () => (student ? listServices(db, student.id) : []),
    [db, student?.id],
  );

  useEffect(() => headingRef.current?.focus(), [step]);

  async function finish() {
    await saveSettings(db, {
      setupDone: true,
      ...(student ? { currentStudentId: student.id } : {}),
    });
    setStep('done');
  }

  return (
    <div class="setup">
      <p>
        A few short steps. You can change everything later in the tracker, and nothing leaves this
        browser.
      </p>
      {step !== 'done' ? (
        <ol class="setup-steps" aria-label="Setup steps">
          {STEPS.map((s, i) => (
            <li key={s.id} aria-current={s.id === step ? 'step' : undefined}>
              {i + 1}. {s.title}
            </li>
          ))}
        </ol>
      ) : null}
      <StatusMessage message={status} testId="setup-status" />

      {step === 'student' ? (
        <section class="page-section" aria-labelledby="setup-step">
          <h2 id="setup-step" tabIndex={-1} ref={headingRef}>
            Step 1 of 4: Your child
          </h2>
          <StudentForm
            initial={student ?? undefined}
            calendarId={student?.calendarId ?? newId()}
            submitLabel="Save and continue"
            onSave={async (saved) => {
              await saveStudent(db, saved);
              await saveSettings(db, { currentStudentId: saved.id });
              // Ask once that the browser keep this data through storage cleanups.
              void requestPersistentStorage();
              setStudent(saved);
              setStep('calendar');
            }}
          />
          <div class="notice">
            <h3>Just looking?</h3>
            <p>Load a made-up student with a year of sessions to see how the tracker works.</p>
            <button
              type="button"
              class="secondary"
              onClick={async () => {
                const sample = await loadSampleData(db, today);
                void requestPersistentStorage();
                announce(`Sample data loaded: ${sample.studentName}.`);
                props.navigate('/gaps');
              }}
            >
              Load sample data
            </button>
          </div>
        </section>
      ) : null}

      {step === 'calendar' && student ? (
        <section class="page-section" aria-labelledby="setup-step">
          <h2 id="setup-step" tabIndex={-1} ref={headingRef}>
            Step 2 of 4: School calendar
          </h2>
          <p>
            Which days have school? The dates below are a guess; check them against the district's
            calendar.
          </p>
          <CalendarForm
            initial={calendar ?? newCalendar(today, student.school, student.calendarId)}
            submitLabel="Save and continue"
            onSave={async (saved) => {
              await saveCalendar(db, saved);
              setCalendar(saved);
              setStep('services');
            }}
          >
            <button type="button" class="secondary" onClick={() => setStep('student')}>
              Back
            </button>
          </CalendarForm>
        </section>
      ) : null}

      {step === 'services' && student && calendar ? (
        <section class="page-section" aria-labelledby="setup-step">
          <h2 id="setup-step" tabIndex={-1} ref={headingRef}>
            Step 3 of 4: IEP services
          </h2>
          <p>
            Read the services from the IEP's PDF, or add each service on the IEP's services page
            (often called "Special Education and Related Services") one at a time.
          </p>
          {services && services.length > 0 ? (
            <>
              <h3>Added so far</h3>
              <ul data-testid="setup-services">
                {services.map((s) => (
                  <li key={s.id}>{describeService(s)}</li>
                ))}
              </ul>
            </>
          ) : null}
          <ReadFromIep
            {...{ db, student, calendar, today, announce }}
            onManual={() => document.getElementById('setup-add-service')?.focus()}
          />
          <h3 id="setup-add-service" tabIndex={-1}>
            {services?.length ? 'Add another service' : 'Add a service'}
          </h3>
          <ServiceForm
            key={serviceFormKey}
            studentId={student.id}
            defaultDates={{ startDate: calendar.firstDay, endDate: calendar.lastDay }}
            submitLabel="Add this service"
            onSave={async (saved) => {
              await saveService(db, saved);
              setServiceFormKey((k) => k + 1);
              announce(`Added: ${describeService(saved)}.`);
            }}
          />
          <div class="button-row">
            <button
              type="button"
              class={services?.length ? undefined : 'secondary'}
              onClick={() => setStep('profile')}
            >
              {services?.length ? 'Continue' : 'Skip for now'}
            </button>
            <button type="button" class="secondary" onClick={() => setStep('calendar')}>
              Back
            </button>
          </div>
        </section>
      ) : null}

      {step === 'profile' && profile ? (
        <section class="page-section" aria-labelledby="setup-step">
          <h2 id="setup-step" tabIndex={-1} ref={headingRef}>
            Step 4 of 4: Your details (optional)
          </h2>
          <p>Letters you write with this tool use these. You can skip this and add them later.</p>
          <ProfileForm
            initial={{ ...profile, district: profile.district || student?.district || '' }}
            submitLabel="Save and finish"
            onSave={async (saved) => {
              await saveProfile(db, saved);
              await finish();
            }}
          >
            <button type="button" class="secondary" onClick={() => void finish()}>
              Skip and finish
            </button>
          </ProfileForm>
        </section>
      ) : null}

      {step === 'done' ? (
        <section class="page-section" aria-labelledby="setup-step">
          <h2 id="setup-step" tabIndex={-1} ref={headingRef}>
            All set
          </h2>
          <p>
            Log each session from the extension's toolbar button: it takes a few clicks. The tracker
            shows what was missed and what is owed.
          </p>
          <div class="button-row">
            <a class="button" href="#/gaps">
              See the minutes
            </a>
            <a class="button secondary" href="#/log">
              Open the session log
            </a>
          </div>
        </section>
      ) : null}
    </div>
  );
}
