/** The entries "Log what happened" will add, to check before they are added in one step. */
import { useState } from 'preact/hooks';
import { formatShortDate, type IsoDate } from '../../lib/dates';
import { addSessions, listSessionsForService } from '../../lib/db';
import {
  formatMinutes,
  noRecordEntries,
  periodLabel,
  planNoRecordSessions,
  type NoRecordPlan,
  type NoRecordRequest,
} from '../../lib/gap';
import { MISSED_REASON_LABELS, newId, serviceName } from '../../lib/model';
import { plural } from '../../lib/text';
import { useLiveQuery } from '../../lib/ui/live-query';
import { FocusHeading } from '../ui/FocusHeading';
import { UNIT_WORDS, type NoRecordActionsProps } from './no-record-shared';

function describeEntry(request: NoRecordRequest, date: IsoDate, minutes: number): string {
  const when = formatShortDate(date);
  if (request.status === 'delivered') return `${when}: given, ${formatMinutes(minutes)}`;
  return `${when}: missed, ${formatMinutes(minutes)} scheduled (${MISSED_REASON_LABELS[request.reason!]})`;
}

export function NoRecordReview(
  props: NoRecordActionsProps & {
    request: NoRecordRequest;
    onBack: () => void;
    onDone: (count: number) => void;
  },
) {
  const { service, gap, request } = props;
  // The service's log is read only here, when the parent reviews (the popup never reads it).
  const logged = useLiveQuery(
    () => listSessionsForService(props.db, service.id),
    [props.db, service.id],
  );
  const plans: NoRecordPlan[] | null = logged
    ? planNoRecordSessions(service, props.calendar, gap, logged, request.periodStarts)
    : null;
  const count = plans?.reduce((sum, plan) => sum + plan.sessions.length, 0) ?? 0;
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const write = async () => {
    setBusy(true);
    setError('');
    try {
      const entries = noRecordEntries(plans ?? [], service, request, {
        newId,
        createdAt: Date.now(),
      });
      await addSessions(props.db, entries);
      props.onDone(entries.length);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="no-record-review" aria-labelledby={`${service.id}-review-heading`}>
      <FocusHeading level={3} id={`${service.id}-review-heading`}>
        Check before adding: {serviceName(service)}
      </FocusHeading>
      {plans === null ? (
        <p class="muted">Loading…</p>
      ) : count === 0 ? (
        <p>Nothing to add: these {UNIT_WORDS[gap.period]} have no school days left to log.</p>
      ) : (
        <>
          <p>
            These {plural(count, 'entry', 'entries')} will be added to the session log
            {request.note ? `, each with the note "${request.note}"` : ''}:
          </p>
          <ul data-testid="no-record-plan">
            {plans.map((plan) => (
              <li key={plan.period.start}>
                {periodLabel(plan.period.start, gap.period)}
                <ul>
                  {plan.sessions.map((session, i) => (
                    <li key={i}>
                      {describeEntry(request, session.date, session.scheduledMinutes)}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
      {error ? (
        <p class="notice danger" role="alert">
          Could not save: {error}
        </p>
      ) : null}
      <div class="button-row">
        {count > 0 ? (
          <button type="button" disabled={busy} onClick={write}>
            Add {plural(count, 'entry', 'entries')}
          </button>
        ) : null}
        <button type="button" class="secondary" onClick={props.onBack}>
          Go back
        </button>
      </div>
    </section>
  );
}
