/**
 * Download buttons for the session log and the gap summary as CSV (lib/csv), and, when the
 * district's own service logs are imported, the dated comparison with them (lib/district's
 * districtCsv: formulas neutralised like every CSV export).
 */
import { gapSummaryCsv, sessionLogCsv } from '../../lib/csv';
import type { IsoDate } from '../../lib/dates';
import type { StudentData } from '../../lib/db';
import { districtCsv, reconcileStudent } from '../../lib/district';
import { computeStudentGaps } from '../../lib/gap';
import type { DistrictRecord } from '../../lib/model';
import { downloadText, fileSlug } from './download';

const CSV_TYPE = 'text/csv;charset=utf-8';

export function ExportButtons(props: {
  data: StudentData;
  today: IsoDate;
  /** The district's records, if the page has them; the comparison button shows when any. */
  records?: readonly DistrictRecord[];
}) {
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
      {calendar && props.records && props.records.length > 0 ? (
        <button
          type="button"
          class="secondary"
          onClick={() => {
            const gaps = computeStudentGaps(services, calendar, sessions, props.today);
            const rows = reconcileStudent(services, gaps, sessions, props.records!).flatMap(
              (r) => r.rows,
            );
            downloadText(
              `${slug}-district-comparison-${props.today}.csv`,
              districtCsv(rows, services),
              CSV_TYPE,
            );
          }}
        >
          Download the comparison with the district's logs (CSV)
        </button>
      ) : null}
    </>
  );
}
