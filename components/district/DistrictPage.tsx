/**
 * The tracker's District records page (tracker.html#/district): import the district's own service
 * logs for the current student, list the imported files (each deletable with its records), and
 * compare them with the parent's log (components/district/Reconciliation.tsx). The rules live in
 * lib/district; this page asks and shows.
 */
import { useMemo } from 'preact/hooks';
import {
  deleteDistrictImport,
  getProfile,
  listDistrictImports,
  listDistrictRecords,
} from '../../lib/db';
import { reconcileStudent } from '../../lib/district';
import { computeStudentGaps } from '../../lib/gap';
import { useLiveQuery } from '../../lib/ui/live-query';
import { useStudentData } from '../../lib/ui/students';
import type { TrackerRouteProps } from '../tracker/route-props';
import { ConfirmButton } from '../ui/ConfirmButton';
import { fileSlug } from '../correspondence/download';
import { StatusMessage, useStatus } from '../ui/status';
import { DistrictImport } from './DistrictImport';
import { Reconciliation } from './Reconciliation';
import './district.css';

function formatMoment(ms: number): string {
  return new Date(ms).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
}

export function DistrictPage(props: TrackerRouteProps) {
  const { db, today, studentId } = props;
  const data = useStudentData(db, studentId);
  const imports = useLiveQuery(
    () => (studentId ? listDistrictImports(db, studentId) : Promise.resolve([])),
    [db, studentId],
  );
  const records = useLiveQuery(
    () => (studentId ? listDistrictRecords(db, studentId) : Promise.resolve([])),
    [db, studentId],
  );
  const profile = useLiveQuery(() => getProfile(db), [db]);
  const [status, announce] = useStatus(12_000);

  const reconciliations = useMemo(() => {
    if (!data?.calendar || !records || records.length === 0) return [];
    const gaps = computeStudentGaps(data.services, data.calendar, data.sessions, today);
    return reconcileStudent(data.services, gaps, data.sessions, records);
  }, [data, records, today]);

  if (!studentId || data === null)
    return (
      <p class="notice">
        Add your child first on the <a href="#/students">Students</a> page.
      </p>
    );
  if (data === undefined || imports === undefined || profile === undefined)
    return <p class="muted">Loading…</p>;
  if (data.services.length === 0)
    return (
      <p class="notice">
        No services yet. <a href="#/services">Add the services from the IEP</a> first: district
        records are matched to them.
      </p>
    );

  return (
    <div data-testid="district-page">
      <StatusMessage message={status} testId="district-status" />
      <DistrictImport
        db={db}
        student={data.student}
        services={data.services}
        defaultDistrict={data.student.district || profile.district}
        onImported={announce}
      />

      <section class="card" aria-labelledby="district-files-heading">
        <h2 id="district-files-heading">Imported district files</h2>
        {imports.length === 0 ? (
          <p class="muted">No district files imported for {data.student.name} yet.</p>
        ) : (
          <ul class="district-files" data-testid="district-files">
            {imports.map((file) => (
              <li key={file.id}>
                <strong>{file.fileName}</strong>
                {file.district ? ` from ${file.district}` : ''}: {file.records}{' '}
                {file.records === 1 ? 'record' : 'records'}, imported{' '}
                {formatMoment(file.importedAt)}.{' '}
                <ConfirmButton
                  label="Delete"
                  accessibleLabel={`Delete ${file.fileName} and its records`}
                  question={`Delete ${file.fileName} and its ${file.records} records? Your own log is not changed.`}
                  onConfirm={async () => {
                    await deleteDistrictImport(db, file.id);
                    announce(`Deleted ${file.fileName} and its records.`);
                  }}
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      {!data.calendar ? (
        <p class="notice">
          Set the <a href="#/calendar">school calendar</a> to compare the records: the expected
          minutes depend on which days have school.
        </p>
      ) : reconciliations.length > 0 ? (
        <Reconciliation
          reconciliations={reconciliations}
          services={data.services}
          fileSlug={fileSlug(data.student.name)}
        />
      ) : null}
    </div>
  );
}
