/**
 * Shown beside the OPI state complaint: what a complaint needs before it goes out
 * (34 C.F.R. § 300.153, ARM 10.16.3662). Some items are worked out from the letter and the log;
 * the rest are the parent's to tick. Nothing here blocks printing or sending.
 */
import type { ComponentChildren } from 'preact';
import { formatLongDate, type IsoDate } from '../../lib/dates';
import { oldestOwedMissedInWindow, type AdvocateDatabase } from '../../lib/db';
import { oneYearAfter } from '../../lib/deadlines';
import { OPI_ADDRESS_LINES } from '../../lib/drafts';
import { useLiveQuery } from '../../lib/ui/live-query';
import { CheckboxField } from '../ui/fields';
import { reportPageUrl } from '../correspondence/letter-records';

export interface ChecklistManual {
  signed: boolean;
  copyToDistrict: boolean;
}

export interface ComplaintChecklistProps {
  db: AdvocateDatabase;
  studentId: string;
  today: IsoDate;
  /** The letter's plain text as it is now. */
  text: string;
  remainingMarkers: readonly string[];
  districtName: string;
  manual: ChecklistManual;
  onManual: (manual: ChecklistManual) => void;
  onAddAttachments: () => void;
}

function Computed(props: { ok: boolean; title: string; children: ComponentChildren }) {
  return (
    <li
      class={props.ok ? 'check-ok' : 'check-todo'}
      data-testid="checklist-item"
      data-ok={props.ok}
    >
      <span aria-hidden="true" class="check-mark">
        {props.ok ? '✓' : '!'}
      </span>
      <div>
        <strong>{props.title}</strong>{' '}
        <span class="status-word">{props.ok ? '(done)' : '(check this)'}</span>
        <div class="small">{props.children}</div>
      </div>
    </li>
  );
}

export function ComplaintChecklist(props: ComplaintChecklistProps) {
  const { db, manual, studentId, today } = props;
  // Read along the log's date index (lib/db), not from the whole log; undefined while reading.
  const oldest = useLiveQuery(
    () => oldestOwedMissedInWindow(db, studentId, today),
    [db, studentId, today],
  );
  const hasAttachments = /attach|enclos/i.test(props.text);
  const markers = props.remainingMarkers.length;
  return (
    <section
      class="card checklist"
      aria-labelledby="checklist-heading"
      data-testid="complaint-checklist"
    >
      <h2 id="checklist-heading">Before you send the complaint</h2>
      <ul class="check-list">
        <Computed ok={markers === 0} title="Every fill-in is done">
          {markers === 0
            ? 'No [fill-in] is left in the letter.'
            : `${markers} ${markers === 1 ? 'fill-in is' : 'fill-ins are'} still marked in the letter (listed above).`}
        </Computed>
        <Computed ok={Boolean(oldest)} title="Within one year of the problem">
          {oldest === undefined
            ? 'Looking through your log…'
            : oldest
              ? `The oldest missed session in your log that is still inside the one-year window is from ${formatLongDate(oldest)}. OPI must receive the complaint by ${formatLongDate(oneYearAfter(oldest))} to include it; later sessions have later limits.`
              : 'No missed session in your log is from the last year. A complaint can only cover problems from the year before OPI receives it.'}
        </Computed>
        <Computed ok={hasAttachments} title="Attachments are listed">
          {hasAttachments ? (
            'The letter lists what you attach.'
          ) : (
            <>
              List what you attach, such as the{' '}
              <a href={reportPageUrl(props.studentId)} target="_blank">
                evidence report
              </a>{' '}
              and copies of your earlier letters and the district's replies.{' '}
              <button type="button" class="link" onClick={props.onAddAttachments}>
                Add an attachments list to the letter
              </button>
            </>
          )}
        </Computed>
      </ul>
      <CheckboxField
        label="I will sign and date the printed complaint (OPI needs a signed complaint)."
        checked={manual.signed}
        onChecked={(signed) => props.onManual({ ...manual, signed })}
      />
      <CheckboxField
        label={`I will send a copy to ${props.districtName || 'the district'} at the same time as I send it to OPI.`}
        checked={manual.copyToDistrict}
        onChecked={(copyToDistrict) => props.onManual({ ...manual, copyToDistrict })}
        hint="34 C.F.R. § 300.153 asks the person filing to send the district a copy at the same time."
      />
      <p class="small">
        Mail or deliver it to {OPI_ADDRESS_LINES.join(', ')}. Keep a copy and note the date you sent
        it, then record it below as sent to follow OPI's 60-day timeline.
      </p>
    </section>
  );
}
