/**
 * Which reminders are due (pure: runs and tests in Node; the background only wires alarms and
 * notifications around it).
 *
 * A reminder is due when
 * - a sent letter's deadline passed without a logged response (lib/deadlines: the reply the
 *   letter asked for, the 45-day records limit, OPI's 60-day decision), or
 * - logged missed sessions are nearing the one-year limit for a state complaint with none filed.
 * Each reminder has a stable key, so the background notifies once per key: a deadline's key
 * includes its due date (editing the sent date makes a new deadline), the one-year key the date
 * of the oldest session at risk (filing a complaint covers them; newer ones make a new key).
 */
import { formatLongDate, type IsoDate } from '../dates';
import type { Letter, SchoolCalendar, SessionEntry } from '../model';
import {
  allDeadlines,
  nextStepsFor,
  oneYearNextStep,
  oneYearStatus,
  overdueDeadlines,
  type Deadline,
  type NextStep,
} from '../deadlines';

export interface StudentFollowUp {
  student: { id: string; name: string };
  letters: readonly Letter[];
  sessions: readonly SessionEntry[];
  calendar: SchoolCalendar | null;
}

export interface Reminder {
  /** Stable: the same overdue deadline always has the same key. */
  key: string;
  studentId: string;
  title: string;
  message: string;
  /** The message and title without the child's name (what notifications show by default). */
  detail: string;
  detailTitle: string;
  nextSteps: NextStep[];
}

function quoted(subject: string): string {
  return subject ? `“${subject}”` : 'your letter';
}

function deadlineTitle(deadline: Deadline, letter: Letter | undefined): string {
  const due = formatLongDate(deadline.due);
  switch (deadline.rule) {
    case 'records-45-days':
      return `The 45 days for your records request ended ${due}`;
    case 'opi-decision-60-days':
      return `OPI's decision on your complaint was due ${due}`;
    default:
      return `No reply logged to ${quoted(letter?.subject ?? '')} (asked by ${due})`;
  }
}

function deadlineReminder(follow: StudentFollowUp, deadline: Deadline): Reminder {
  const letter = follow.letters.find((l) => l.id === deadline.letterId);
  const steps = nextStepsFor(deadline);
  return {
    key: `deadline:${deadline.id}:${deadline.due}`,
    studentId: follow.student.id,
    title: deadlineTitle(deadline, letter),
    // A letter's subject often names the child.
    detailTitle: deadlineTitle(deadline, undefined),
    ...named(
      follow,
      `${steps[0]?.text ?? 'Decide the next step.'} If a reply came, log it in Letters.`,
    ),
    nextSteps: steps,
  };
}

function oneYearReminder(follow: StudentFollowUp, today: IsoDate): Reminder | null {
  const { warning } = oneYearStatus(follow.sessions, follow.letters, today);
  if (!warning) return null;
  const lastDay = formatLongDate(warning.lastDayToFile);
  const n = warning.atRisk.length;
  const sessions = n === 1 ? '1 missed session' : `${n} missed sessions`;
  const step = oneYearNextStep(lastDay);
  return {
    key: `one-year:${follow.student.id}:${warning.oldestDate}`,
    studentId: follow.student.id,
    title: 'Missed sessions are nearing the one-year limit',
    detailTitle: 'Missed sessions are nearing the one-year limit',
    ...named(
      follow,
      `${sessions} since ${formatLongDate(warning.oldestDate)} have no state complaint filed. ${step.text}`,
    ),
    nextSteps: [step],
  };
}

/** The message with the child's name in front, and without it (`detail`). */
function named(follow: StudentFollowUp, detail: string): Pick<Reminder, 'message' | 'detail'> {
  return { message: `${follow.student.name}: ${detail}`, detail };
}

/**
 * What a notification says: the child's name only when the user turned that on
 * (settings.namesInNotifications), since notifications show on lock screens and shared screens.
 */
export function notificationText(
  reminder: Reminder,
  showName: boolean,
): { title: string; message: string } {
  return showName
    ? { title: reminder.title, message: reminder.message }
    : { title: reminder.detailTitle, message: reminder.detail };
}

/** Every reminder that is due today, whether or not it was already shown. */
export function dueReminders(students: readonly StudentFollowUp[], today: IsoDate): Reminder[] {
  return students.flatMap((follow) => {
    const overdue = overdueDeadlines(allDeadlines(follow.letters, today, follow.calendar));
    const reminders = overdue.map((deadline) => deadlineReminder(follow, deadline));
    const oneYear = oneYearReminder(follow, today);
    return oneYear ? [...reminders, oneYear] : reminders;
  });
}

/** The due reminders not shown before (`notified` holds the keys already shown). */
export function newReminders(
  students: readonly StudentFollowUp[],
  today: IsoDate,
  notified: ReadonlySet<string>,
): Reminder[] {
  return dueReminders(students, today).filter((reminder) => !notified.has(reminder.key));
}
