/**
 * The deadlines that follow from the letters sent, as a timeline (oldest due date first) with
 * what is due next on top, and, for each deadline that passed without a logged reply, the next
 * step to take (a link to the letter page with that kind).
 */
import { formatLongDate } from '../../lib/dates';
import { nextDue, nextStepsFor, type Deadline, type DeadlineStatus } from '../../lib/deadlines';
import type { Letter } from '../../lib/model';
import { kindTitle, letterPageUrl, relativeDays } from './letter-records';

const STATUS_WORDS: Record<DeadlineStatus, string> = {
  answered: 'Answered',
  overdue: 'Passed, no reply logged',
  'due-today': 'Due today',
  upcoming: 'Coming up',
};

function letterName(letters: readonly Letter[], id: string): string {
  const letter = letters.find((l) => l.id === id);
  if (!letter) return 'a letter';
  return letter.subject ? `“${letter.subject}”` : kindTitle(letter.kind);
}

export function NextSteps(props: { deadline: Deadline; studentId: string }) {
  const steps = nextStepsFor(props.deadline);
  return (
    <ul class="next-steps">
      {steps.map((step) => (
        <li key={step.text}>
          {step.text}{' '}
          {step.draftKind ? (
            <a href={letterPageUrl({ student: props.studentId, kind: step.draftKind })}>
              Write: {kindTitle(step.draftKind)}
            </a>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export interface DeadlineTimelineProps {
  deadlines: readonly Deadline[];
  letters: readonly Letter[];
  studentId: string;
}

export function DeadlineTimeline(props: DeadlineTimelineProps) {
  const { deadlines, letters, studentId } = props;
  if (deadlines.length === 0) {
    return (
      <p class="muted" data-testid="no-deadlines">
        No deadlines yet. When you record a letter as sent, the dates that follow from it appear
        here.
      </p>
    );
  }
  const next = nextDue(deadlines);
  const overdue = deadlines.filter((d) => d.status === 'overdue' && d.remind);
  return (
    <div class="deadline-timeline">
      {next ? (
        <p class="notice" data-testid="due-next">
          <strong>Due next:</strong> {next.label}, {formatLongDate(next.due)} (
          {relativeDays(next.daysLeft)}), for {letterName(letters, next.letterId)}.
        </p>
      ) : null}
      {overdue.map((deadline) => (
        <div class="notice warn" key={deadline.id} data-testid="overdue-deadline">
          <p>
            <strong>{deadline.label}</strong> on {formatLongDate(deadline.due)} for{' '}
            {letterName(letters, deadline.letterId)}, and no reply is logged. If a reply came, log
            it with the letter below. If not, next steps:
          </p>
          <NextSteps deadline={deadline} studentId={studentId} />
        </div>
      ))}
      <ol class="timeline" aria-label="Deadlines, in date order">
        {deadlines.map((deadline) => (
          <li
            key={deadline.id}
            class={`timeline-item status-${deadline.status}`}
            data-testid="deadline"
            data-rule={deadline.rule}
            data-due={deadline.due}
            data-status={deadline.status}
          >
            <p class="timeline-date">
              <strong>{formatLongDate(deadline.due)}</strong>{' '}
              <span class="muted">({relativeDays(deadline.daysLeft)})</span>
            </p>
            <p>
              {deadline.label} — {letterName(letters, deadline.letterId)}.{' '}
              <span class="status-word">
                {STATUS_WORDS[deadline.status]}
                {deadline.answeredOn ? ` on ${formatLongDate(deadline.answeredOn)}` : ''}.
              </span>
            </p>
            <details>
              <summary>How this date was worked out</summary>
              <p class="small">{deadline.how}</p>
              {deadline.schoolNote ? <p class="small">{deadline.schoolNote}</p> : null}
            </details>
          </li>
        ))}
      </ol>
    </div>
  );
}
