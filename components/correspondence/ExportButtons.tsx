/** Download buttons for the session log and the gap summary as CSV (lib/csv). */
import { gapSummaryCsv, sessionLogCsv } from '../../lib/csv';
import type { IsoDate } from '../../lib/dates';
import type { StudentData } from '../../lib/db';
import { computeStudentGaps } from '../../lib/gap';
import { downloadText, fileSlug } from './download';

const CSV_TYPE = 'text/csv;charset=utf-8';

export function ExportButtons(props: { data: StudentData; today: IsoDate }) {
  const { student, services, sessions, calendar } = props.data;
  const slug = fileSlug(student.name);
  return (
    <>
      <button
        type="button"
        class="secondary"
        onClick={() =>
          downloadText(
            `${slug}-session-log-${props.today}.csv`,
            sessionLogCsv(sessions, services),
            CSV_TYPE,
          )
        }
      >
        Download the session log (CSV)
      </button>
      <button
        type="button"
        class="secondary"
        disabled={!calendar}
        title={calendar ? undefined : 'Set the school calendar first.'}
        onClick={() => {
          if (!calendar) return;
          const gaps = computeStudentGaps(services, calendar, sessions, props.today);
          downloadText(
            `${slug}-gap-summary-${props.today}.csv`,
            gapSummaryCsv(gaps, services, props.today),
            CSV_TYPE,
          );
        }}
      >
        Download the gap summary (CSV)
      </button>
    </>
  );
}
