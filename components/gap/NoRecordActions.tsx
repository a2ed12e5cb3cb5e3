/**
 * What the parent can do about a service's periods with no record (shown on its gap card):
 * - "Log what happened": pick the weeks (all checked), say what happened (missed with a reason,
 *   or given as scheduled) and an optional note, review the entries, and add them to the log in
 *   one step (one entry per scheduled session; each stays editable on the Session log page);
 * - "Ask for the service logs": the records request for exactly those dates, on the letter page
 *   (in a new tab, so the gap stays in view).
 */
import { useState } from 'preact/hooks';
import type { IsoDate } from '../../lib/dates';
import { formatShortDate } from '../../lib/dates';
import { addSessions, type AdvocateDatabase } from '../../lib/db';
import {
  formatMinutes,
  noRecordEntries,
  noRecordRequestSchema,
  periodLabel,
  planNoRecordSessions,
  type NoRecordPlan,
  type NoRecordRequest,
  type ServiceGap,
} from '../../lib/gap';
import {
  MISSED_REASON_LABELS,
  MISSED_REASONS,
  newId,
  serviceName,
  type MissedReason,
  type SchoolCalendar,
  type Service,
  type SessionEntry,
} from '../../lib/model';
import { useFocusAfterRender } from '../../lib/ui/focus';
import { useSchemaForm } from '../../lib/ui/forms';
import { recordsRequestPath } from '../../lib/ui/letter-links';
import { openPage } from '../../lib/ui/open-page';
import { FocusHeading } from '../ui/FocusHeading';
import { FormActions } from '../ui/FormActions';
import { RadioGroup, TextAreaField } from '../ui/fields';
import { StatusMessage, useStatus } from '../ui/status';
import { capitalize } from '../../lib/text';

export interface NoRecordActionsProps {
  db: AdvocateDatabase;
  service: Service;
  gap: ServiceGap;
  calendar: SchoolCalendar;
  /** The student's log entries (any service). */
  sessions: readonly SessionEntry[];
}

const UNIT_WORDS = { day: 'days', week: 'weeks', month: 'months' } as const;

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

type Stage =
  | { step: 'closed' }
  | { step: 'form'; previous?: NoRecordRequest }
  | { step: 'review'; request: NoRecordRequest };

export function NoRecordActions(props: NoRecordActionsProps) {
  const { service, gap } = props;
  const [stage, setStage] = useState<Stage>({ step: 'closed' });
  const [status, announce] = useStatus(10_000);
  const focusAfterRender = useFocusAfterRender();
  const opener = `no-record-${service.id}`;
  const close = () => {
    focusAfterRender(`[data-opens="${opener}"]`);
    setStage({ step: 'closed' });
  };
  const starts = gap.unaccountedPeriods.map((p) => p.start);
  const letterPath = recordsRequestPath(service.studentId, service.id, starts);

  return (
    <div class="no-record-actions" data-testid="no-record-actions">
      {gap.unaccounted > 0 && stage.step === 'closed' ? (
        <div class="button-row">
          <button
            type="button"
            class="secondary"
            data-opens={opener}
            aria-label={`Log what happened: ${serviceName(service)}`}
            onClick={() => setStage({ step: 'form' })}
          >
            Log what happened
          </button>
          <a
            class="button secondary"
            href={letterPath.replace(/^\//, '')}
            // A tab of its own, so the gap stays in view while the letter is written.
            onClick={openPage(letterPath)}
            aria-label={`Ask for the service logs: ${serviceName(service)} (opens in a new tab)`}
          >
            Ask for the service logs
          </a>
        </div>
      ) : null}
      {gap.unaccounted > 0 && stage.step === 'form' ? (
        <NoRecordForm
          {...props}
          previous={stage.previous}
          onCancel={close}
          onReview={(request) => setStage({ step: 'review', request })}
        />
      ) : null}
      {stage.step === 'review' ? (
        <NoRecordReview
          {...props}
          request={stage.request}
          onBack={() => setStage({ step: 'form', previous: stage.request })}
          onDone={(count) => {
            close();
            announce(
              `Added ${plural(count, 'entry', 'entries')} to the session log for ${serviceName(service)}. You can change each one on the Session log page.`,
            );
          }}
        />
      ) : null}
      <StatusMessage message={status} testId="no-record-status" />
    </div>
  );
}

function NoRecordForm(
  props: NoRecordActionsProps & {
    /** What the parent chose before going back from the review: nothing typed is lost. */
    previous: NoRecordRequest | undefined;
    onCancel: () => void;
    onReview: (request: NoRecordRequest) => void;
  },
) {
  const { service, gap } = props;
  const unit = gap.period;
  const form = useSchemaForm({
    initial: () => ({
      periodStarts: props.previous?.periodStarts ?? gap.unaccountedPeriods.map((p) => p.start),
      status: props.previous?.status ?? ('missed' as 'missed' | 'delivered'),
      reason: (props.previous?.reason ?? '') as MissedReason | '',
      note: props.previous?.note ?? '',
    }),
    schema: noRecordRequestSchema,
    toCandidate: (values) => ({ ...values, reason: values.reason || null }),
    onSave: props.onReview,
  });
  const { values, errors, set } = form;
  const chosen = new Set(values.periodStarts);
  const toggle = (start: IsoDate, on: boolean) =>
    set(
      'periodStarts',
      gap.unaccountedPeriods.map((p) => p.start).filter((s) => (s === start ? on : chosen.has(s))),
    );
  const errorId = `${props.service.id}-periods-error`;

  return (
    <form
      ref={form.formRef}
      onSubmit={form.submit}
      noValidate
      class="no-record-form"
      aria-labelledby={`${service.id}-log-heading`}
    >
      <FocusHeading level={3} id={`${service.id}-log-heading`}>
        Log what happened: {serviceName(service)}
      </FocusHeading>
      <fieldset class="plain field" aria-describedby={errors.periodStarts ? errorId : undefined}>
        <legend>Which {UNIT_WORDS[unit]}</legend>
        {gap.unaccountedPeriods.map((period) => (
          <label class="choice" key={period.start}>
            <input
              type="checkbox"
              checked={chosen.has(period.start)}
              aria-invalid={errors.periodStarts ? 'true' : undefined}
              onChange={(event) => toggle(period.start, event.currentTarget.checked)}
            />
            <span>
              {periodLabel(period.start, unit)}: {formatMinutes(period.unaccounted)} with no record
              {period.regularEntries > 0 ? ` (of ${period.expected} expected)` : ''}
            </span>
          </label>
        ))}
        {errors.periodStarts ? (
          <p class="field-error" id={errorId}>
            {errors.periodStarts}
          </p>
        ) : null}
      </fieldset>
      <RadioGroup
        legend="What happened"
        value={values.status}
        onValue={(v) => set('status', v)}
        options={[
          { value: 'missed', label: 'The sessions were missed' },
          { value: 'delivered', label: 'The sessions were given as scheduled' },
        ]}
        layout="stack"
        error={errors.status}
      />
      {values.status === 'missed' ? (
        <RadioGroup
          legend="Why they were missed"
          value={values.reason}
          onValue={(v) => set('reason', v)}
          options={MISSED_REASONS.map((r) => ({
            value: r,
            label: capitalize(MISSED_REASON_LABELS[r]),
          }))}
          layout="grid"
          error={errors.reason}
          hint="The same reason goes on every entry; you can change any of them afterwards."
        />
      ) : null}
      <TextAreaField
        label="Note for each entry (optional)"
        value={values.note}
        onValue={(v) => set('note', v)}
        error={errors.note}
        rows={2}
        hint="For example: what the school told you, and when."
      />
      <FormActions form={form} submitLabel="Review the entries">
        <button type="button" class="secondary" onClick={props.onCancel}>
          Cancel
        </button>
      </FormActions>
    </form>
  );
}

function describeEntry(request: NoRecordRequest, date: IsoDate, minutes: number): string {
  const when = formatShortDate(date);
  if (request.status === 'delivered') return `${when}: given, ${formatMinutes(minutes)}`;
  return `${when}: missed, ${formatMinutes(minutes)} scheduled (${MISSED_REASON_LABELS[request.reason!]})`;
}

function NoRecordReview(
  props: NoRecordActionsProps & {
    request: NoRecordRequest;
    onBack: () => void;
    onDone: (count: number) => void;
  },
) {
  const { service, gap, request } = props;
  const plans: NoRecordPlan[] = planNoRecordSessions(
    service,
    props.calendar,
    gap,
    props.sessions,
    request.periodStarts,
  );
  const count = plans.reduce((sum, plan) => sum + plan.sessions.length, 0);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const write = async () => {
    setBusy(true);
    setError('');
    try {
      const entries = noRecordEntries(plans, service, request, { newId, createdAt: Date.now() });
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
      {count === 0 ? (
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
