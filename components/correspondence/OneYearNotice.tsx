/** Warns when logged missed sessions near the one-year limit for a state complaint. */
import { formatLongDate } from '../../lib/dates';
import { ONE_YEAR_CITATIONS, type OneYearStatus } from '../../lib/deadlines';
import { letterPageUrl } from './letter-records';

export function OneYearNotice(props: { status: OneYearStatus; studentId: string }) {
  const { warning, expiredCount } = props.status;
  if (!warning && expiredCount === 0) return null;
  return (
    <div class="notice warn" data-testid="one-year-notice">
      {warning ? (
        <p>
          <strong>The one-year limit is coming up.</strong>{' '}
          {warning.atRisk.length === 1
            ? '1 missed session'
            : `${warning.atRisk.length} missed sessions`}{' '}
          from {formatLongDate(warning.oldestDate)} on have no state complaint filed. A complaint
          can only cover problems from the year before OPI receives it ({ONE_YEAR_CITATIONS}), so
          OPI must receive it by <strong>{formatLongDate(warning.lastDayToFile)}</strong> to include
          the oldest one.{' '}
          <a href={letterPageUrl({ student: props.studentId, kind: 'state-complaint' })}>
            Write the state complaint
          </a>
        </p>
      ) : null}
      {expiredCount > 0 ? (
        <p class="small">
          {expiredCount === 1 ? '1 missed session is' : `${expiredCount} missed sessions are`} more
          than a year old with no complaint filed, so a new state complaint can no longer include{' '}
          {expiredCount === 1 ? 'it' : 'them'}. They still belong in your records.
        </p>
      ) : null}
    </div>
  );
}
