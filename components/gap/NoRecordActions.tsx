/**
 * What the parent can do about a service's periods with no record (shown on its gap card):
 * - "Log what happened": pick the weeks (all checked), say what happened (missed with a reason,
 *   or given as scheduled) and an optional note, review the entries, and add them to the log in
 *   one step (one entry per scheduled session; each stays editable on the Session log page);
 * - "Ask for the service logs": the records request for exactly those dates, on the letter page
 *   (in a new tab, so the gap stays in view).
 * The form is NoRecordForm.tsx, the review NoRecordReview.tsx.
 */
import { useState } from 'preact/hooks';
import type { NoRecordRequest } from '../../lib/gap';
import { serviceName } from '../../lib/model';
import { plural } from '../../lib/text';
import { useFocusAfterRender } from '../../lib/ui/focus';
import { recordsRequestPath } from '../../lib/ui/letter-links';
import { openPage } from '../../lib/ui/open-page';
import { StatusMessage, useStatus } from '../ui/status';
import type { NoRecordActionsProps } from './no-record-shared';
import { NoRecordForm } from './NoRecordForm';
import { NoRecordReview } from './NoRecordReview';

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
