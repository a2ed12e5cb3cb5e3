/** The current student's school calendar (shared with any student who uses the same one). */
import { CalendarForm } from './CalendarForm';
import { StatusMessage, useStatus } from '../ui/status';
import { saveCalendar } from '../../lib/db';
import { newCalendar } from '../../lib/ui/new-calendar';
import { useLiveQuery } from '../../lib/ui/live-query';
import { useStudentData } from '../../lib/ui/students';
import type { TrackerRouteProps } from '../tracker/route-props';
import { NoStudent } from '../students/NoStudent';

export function CalendarPage(props: TrackerRouteProps) {
  const { db, today, studentId } = props;
  const data = useStudentData(db, studentId);
  const sharedWith = useLiveQuery(
    async () =>
      data ? db.students.where('calendarId').equals(data.student.calendarId).toArray() : [],
    [db, data?.student.calendarId],
  );
  const [status, announce] = useStatus();

  if (!studentId) return <NoStudent />;
  if (data === undefined) return <p class="muted">Loading…</p>;
  if (data === null) return <NoStudent />;
  const calendar =
    data.calendar ?? newCalendar(today, data.student.school, data.student.calendarId);
  const others = (sharedWith ?? []).filter((s) => s.id !== data.student.id);

  return (
    <>
      <p>
        {data.student.name}'s school days. Expected minutes count only days with school, so add
        breaks, holidays and snow days as they happen.
      </p>
      {others.length > 0 ? (
        <p class="notice">
          This calendar is shared with {others.map((s) => s.name).join(', ')}: changes apply to them
          too.
        </p>
      ) : null}
      {!data.calendar ? (
        <p class="notice warn">No calendar saved yet. Check these dates and save.</p>
      ) : null}
      <CalendarForm
        key={calendar.id}
        initial={calendar}
        onSave={async (saved) => {
          await saveCalendar(db, saved);
          announce('Calendar saved.');
        }}
      />
      <StatusMessage message={status} testId="calendar-status" />
    </>
  );
}
