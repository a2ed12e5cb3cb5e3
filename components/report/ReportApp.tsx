/**
 * The evidence report (report.html?student=<id>): for one student, each IEP service's required
 * and delivered minutes week by week (an SVG chart that reads in greyscale and in print), the
 * totals with how each was computed, every missed or shortened session with its reason, and the
 * letters sent with the district's replies. Made to print (or save as PDF) and attach to a
 * complaint.
 *
 * This file reads the address and the student and offers print and the exports; the report
 * itself is EvidenceReport.tsx, its tables tables.tsx.
 */
import type { IsoDate } from '../../lib/dates';
import { listDistrictRecords, loadStudentData, type AdvocateDatabase } from '../../lib/db';
import { useLiveQuery } from '../../lib/ui/live-query';
import { useStudentChoice } from '../../lib/ui/students';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { HelpNote } from '../ui/HelpNote';
import { ExportButtons } from '../correspondence/ExportButtons';
import { EvidenceReport } from './EvidenceReport';

function studentParam(): string | null {
  return new URLSearchParams(location.search).get('student');
}

function ReportForStudent(props: { db: AdvocateDatabase; today: IsoDate }) {
  const { db, today } = props;
  const choice = useStudentChoice(db);
  const id = studentParam() ?? choice?.currentId ?? null;
  const data = useLiveQuery(async () => (id ? loadStudentData(db, id) : null), [db, id]);
  // The district's own service logs (issue 11): apart from the student's data, [] when none.
  const records = useLiveQuery(async () => (id ? listDistrictRecords(db, id) : []), [db, id]);
  if (choice === undefined || data === undefined || records === undefined) return <p>Loading…</p>;
  if (data === null) {
    return (
      <p>
        No student to report on. Add one in the <a href="/tracker.html">tracker</a>.
      </p>
    );
  }
  return (
    <>
      <div class="button-row no-print report-actions" role="group" aria-label="Print or download">
        <button type="button" onClick={() => window.print()}>
          Print or save as PDF
        </button>
        <ExportButtons data={data} today={today} records={records} />
        <a
          class="button secondary"
          href={`/letter.html?student=${encodeURIComponent(data.student.id)}&kind=state-complaint`}
        >
          Write the state complaint
        </a>
      </div>
      <EvidenceReport data={data} today={today} records={records} />
    </>
  );
}

export function ReportPage(props: { db: AdvocateDatabase; today: IsoDate | null }) {
  return (
    <main id="main">
      <div class="no-print">
        <p class="app-name">Montana IEP Advocate · Evidence report</p>
        <HelpNote />
      </div>
      <ErrorBoundary>
        {props.today ? <ReportForStudent db={props.db} today={props.today} /> : <p>Loading…</p>}
      </ErrorBoundary>
    </main>
  );
}
