/**
 * The IEP import's confirm step: what was read from the IEP (services, its dates, details it
 * offers to save with the child), for the parent to check and correct before anything is saved.
 */
import { formatLongDate, type IsoDate } from '../../lib/dates';
import type { IepReading } from '../../lib/iep-import';
import type { ConfirmRow } from '../../lib/iep-import/confirm';
import { studentOffers, type OfferField } from '../../lib/iep-import/student-offers';
import type { Student } from '../../lib/model';
import type { FieldErrors } from '../../lib/ui/forms';
import { ConfirmTable } from './ConfirmTable';

export interface ConfirmStageData {
  reading: IepReading;
  rows: ConfirmRow[];
  /** Why the PDF was not read to its last page, in plain words; null when it was. */
  stopped: string | null;
}

export function ConfirmStage(props: {
  stage: ConfirmStageData;
  student: Student;
  errors: Record<string, FieldErrors>;
  use: Partial<Record<OfferField, boolean>>;
  saving: boolean;
  saveProblem: string;
  tableRef: { current: HTMLDivElement | null };
  onUse: (field: OfferField, value: boolean) => void;
  onRows: (rows: ConfirmRow[]) => void;
  onAdd: () => void;
  onBack: () => void;
  onManual: () => void;
  onCancel: () => void;
}) {
  const { reading, rows } = props.stage;
  const { details } = reading;
  const offers = studentOffers(details, props.student);
  const unsure = rows.filter((r) => !r.draft.sure).length;
  const chosen = rows.filter((r) => r.include).length;
  const dates: [string, IsoDate | undefined][] = [
    ['IEP meeting', details.meetingDate?.value],
    ['IEP starts', details.startDate?.value],
    ['Annual review (or end)', details.reviewDate?.value],
  ];
  return (
    <>
      {rows.length === 0 ? (
        <p class="notice warn" role="alert" data-testid="iep-none">
          We found no services in this text. The IEP’s services are usually in a table called
          “Special Education and Related Services”. You can paste just that table, or type the
          services in by hand.
        </p>
      ) : (
        <p data-testid="iep-found">
          We found {rows.length} {rows.length === 1 ? 'service' : 'services'}
          {unsure > 0 ? `; ${unsure} marked “Check this” need a look` : ''}. Check each row against
          the IEP and fix anything that is wrong. Nothing is saved until you choose “Add these
          services”.
        </p>
      )}

      {props.stage.stopped ? (
        <p class="notice warn" role="alert" data-testid="iep-stopped">
          {props.stage.stopped}
        </p>
      ) : null}

      {dates.some(([, d]) => d) ? (
        <>
          <h3>Dates printed on the IEP</h3>
          <ul data-testid="iep-dates">
            {dates
              .filter(([, d]) => d)
              .map(([label, d]) => (
                <li key={label}>
                  {label}: {formatLongDate(d!)}
                </li>
              ))}
          </ul>
          <p class="small muted">
            Services with no dates of their own use the IEP’s start and annual review dates.
          </p>
        </>
      ) : null}

      {offers.length > 0 ? (
        <fieldset data-testid="iep-offers">
          <legend>Also printed on the IEP: save to your child’s details?</legend>
          <p class="small muted">
            Ticked lines are saved with the services. A line that would change something you already
            entered starts unticked.
          </p>
          {offers.map((offer) => (
            <div class="checkbox" key={offer.field}>
              <label>
                <input
                  type="checkbox"
                  data-offer={offer.field}
                  checked={props.use[offer.field] ?? false}
                  onChange={(event) => props.onUse(offer.field, event.currentTarget.checked)}
                />
                {` ${offer.sentence}`}
              </label>
            </div>
          ))}
        </fieldset>
      ) : null}

      {rows.length > 0 ? (
        <div ref={props.tableRef}>
          <ConfirmTable
            rows={rows}
            errors={props.errors}
            onChange={(key, patch) =>
              props.onRows(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)))
            }
          />
        </div>
      ) : null}

      {reading.unread.length > 0 ? (
        <details open data-testid="iep-unread">
          <summary>Lines we could not read ({reading.unread.length})</summary>
          <p class="small">
            These lines were in a services table but did not look like a service. If one is a
            service, add it by hand.
          </p>
          <ul>
            {reading.unread.map((line, i) => (
              <li key={i}>
                <pre>{line}</pre>
              </li>
            ))}
          </ul>
        </details>
      ) : null}

      {props.saveProblem ? (
        <p class="notice danger" role="alert" data-testid="iep-save-problem">
          {props.saveProblem}
        </p>
      ) : null}
      <div class="button-row">
        {rows.length > 0 ? (
          <button type="button" onClick={props.onAdd} disabled={props.saving}>
            {chosen === 1 ? 'Add this service' : `Add these services (${chosen})`}
          </button>
        ) : (
          <button type="button" onClick={props.onManual}>
            Enter the services by hand
          </button>
        )}
        <button type="button" class="secondary" onClick={props.onBack}>
          Read another file or paste
        </button>
        <button type="button" class="secondary" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
