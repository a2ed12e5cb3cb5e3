/** All students: add, edit, delete, and pick the one the tracker shows. */
import { useState } from 'preact/hooks';
import { ConfirmButton } from '../ui/ConfirmButton';
import { FocusHeading } from '../ui/FocusHeading';
import { SelectField } from '../ui/fields';
import { StatusMessage, useStatus } from '../ui/status';
import { StudentForm } from './StudentForm';
import { addStudent, deleteStudent, saveStudent } from '../../lib/db';
import { newId } from '../../lib/model';
import { useInPlaceEditing } from '../../lib/ui/focus';
import { useLiveQuery } from '../../lib/ui/live-query';
import { newCalendar } from '../../lib/ui/new-calendar';
import { chooseStudent, useStudentChoice } from '../../lib/ui/students';
import type { TrackerRouteProps } from '../tracker/route-props';

const NEW_CALENDAR = 'new';

export function StudentsPage(props: TrackerRouteProps) {
  const { db, today } = props;
  const choice = useStudentChoice(db);
  const calendars = useLiveQuery(() => db.calendars.toArray(), [db]);
  const [calendarChoice, setCalendarChoice] = useState<string>(NEW_CALENDAR);
  const [status, announce] = useStatus();
  /** The item whose form is open ("new" while adding); closing refocuses its opener. */
  const { editing, open, close } = useInPlaceEditing();

  if (!choice || !calendars) return <p class="muted">Loading…</p>;
  const newCalendarId = calendarChoice === NEW_CALENDAR ? newId() : calendarChoice;

  return (
    <>
      <StatusMessage message={status} testId="students-status" />
      {choice.students.length === 0 ? (
        <p class="muted">
          No students yet. The <a href="#/setup">setup</a> walks you through the first one.
        </p>
      ) : null}
      <ul class="item-list">
        {choice.students.map((student) => {
          const current = student.id === choice.currentId;
          return (
            <li key={student.id} class="card" data-testid="student-item">
              {editing === student.id ? (
                <>
                  <FocusHeading>Edit {student.name}</FocusHeading>
                  <StudentForm
                    initial={student}
                    calendarId={student.calendarId}
                    submitLabel="Save changes"
                    onSave={async (saved) => {
                      await saveStudent(db, saved);
                      close();
                      announce('Saved.');
                    }}
                  >
                    <button type="button" class="secondary" onClick={() => close()}>
                      Cancel
                    </button>
                  </StudentForm>
                </>
              ) : (
                <>
                  <h2>
                    {student.name}
                    {current ? <span class="muted small"> (shown now)</span> : null}
                  </h2>
                  <p class="small muted">
                    {[
                      student.grade && `Grade ${student.grade}`,
                      student.school,
                      student.district,
                      calendars.find((c) => c.id === student.calendarId)?.name,
                    ]
                      .filter(Boolean)
                      .join(' · ') || 'No details yet.'}
                  </p>
                  <div class="button-row">
                    {!current ? (
                      <button
                        type="button"
                        onClick={async () => {
                          await chooseStudent(db, student.id);
                          announce(`Showing ${student.name}.`);
                        }}
                      >
                        Show {student.name}
                      </button>
                    ) : null}
                    <button
                      type="button"
                      class="secondary"
                      aria-label={`Edit ${student.name}`}
                      data-opens={student.id}
                      onClick={() => open(student.id)}
                    >
                      Edit
                    </button>
                    <ConfirmButton
                      label="Delete"
                      accessibleLabel={`Delete ${student.name}`}
                      question={`Delete ${student.name} with all services, log entries and letters? This cannot be undone.`}
                      onConfirm={async () => {
                        await deleteStudent(db, student.id);
                        announce(`${student.name} deleted.`);
                      }}
                    />
                  </div>
                </>
              )}
            </li>
          );
        })}
      </ul>
      {editing === 'new' ? (
        <section class="card" aria-labelledby="new-student">
          <FocusHeading id="new-student">Add a student</FocusHeading>
          {calendars.length > 0 ? (
            <SelectField
              label="School calendar"
              value={calendarChoice}
              onValue={setCalendarChoice}
              options={[
                { value: NEW_CALENDAR, label: 'A new calendar' },
                ...calendars.map((c) => ({ value: c.id, label: `Same as ${c.name}` })),
              ]}
              hint="Brothers and sisters at the same school can share one."
            />
          ) : null}
          <StudentForm
            calendarId={newCalendarId}
            submitLabel="Add student"
            onSave={async (saved) => {
              await addStudent(db, saved, newCalendar(today, saved.school, saved.calendarId));
              close();
              announce(
                `${saved.name} added. Next, check the school calendar and add the services.`,
              );
            }}
          >
            <button type="button" class="secondary" onClick={() => close()}>
              Cancel
            </button>
          </StudentForm>
        </section>
      ) : (
        <button type="button" data-opens="new" onClick={() => open('new')}>
          Add a student
        </button>
      )}
    </>
  );
}
