/**
 * Importing one district file or pasted rows: read, map the columns (first 20 rows shown as the
 * app reads them), answer unknown codes, match services and the child, then confirm. Nothing is
 * written until "Import"; the choices are remembered for the district's next file. The
 * choices' rules are lib/district/choices.ts; the mapping form is MappingForm.tsx.
 */
import { useMemo, useState } from 'preact/hooks';
import { newId, type DistrictMapping, type Service, type Student } from '../../lib/model';
import {
  buildImport,
  choicesToRemember,
  countOf,
  findHeaderRow,
  leftOutSentence,
  resolvedService,
  splitPasted,
  startingChoices,
  toTable,
  type DistrictTable,
  type ImportChoices,
} from '../../lib/district';
import {
  districtKey,
  getDistrictMapping,
  saveDistrictImport,
  type AdvocateDatabase,
} from '../../lib/db';
import { TextAreaField, TextField } from '../ui/fields';
import { MappingForm } from './MappingForm';
import { DistrictFileError, parseCsvText, readDistrictFile } from './read-file';

interface Source {
  fileName: string;
  table: DistrictTable;
}

export interface DistrictImportProps {
  db: AdvocateDatabase;
  student: Student;
  services: Service[];
  defaultDistrict: string;
  /** Called after a successful import, with a sentence saying what was imported. */
  onImported: (message: string) => void;
}

export function DistrictImport(props: DistrictImportProps) {
  const { db, student, services } = props;
  const [district, setDistrict] = useState(props.defaultDistrict);
  const [pasted, setPasted] = useState('');
  const [source, setSource] = useState<Source | null>(null);
  const [choices, setChoices] = useState<ImportChoices | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [fileKey, setFileKey] = useState(0);

  const result = useMemo(
    () => (source && choices ? buildImport(source.table, choices, { student, services }) : null),
    [source, choices, student, services],
  );

  async function open(fileName: string, rows: () => Promise<unknown[][]>) {
    setError('');
    setSource(null);
    setChoices(null);
    try {
      const table = toTable(await rows(), findHeaderRow);
      if (!table.ok) return setError(table.message);
      const remembered = district.trim() ? await getDistrictMapping(db, district) : undefined;
      setSource({ fileName, table: table.table });
      setChoices(startingChoices(table.table, remembered, services));
    } catch (problem) {
      setError(
        problem instanceof DistrictFileError
          ? problem.message
          : 'This file could not be read as a table. Use a CSV or Excel (.xlsx) export of the service log, or paste the rows below.',
      );
    }
  }

  function cancel() {
    setSource(null);
    setChoices(null);
    setError('');
    setFileKey((k) => k + 1);
  }

  async function confirm() {
    if (!source || !choices || !result || result.problems.length > 0) return;
    setBusy(true);
    try {
      const importId = newId();
      const mapping: DistrictMapping = {
        id: districtKey(district || 'district'),
        district: district.trim().slice(0, 200),
        ...choicesToRemember(source.table.header, choices, result, services, (key) =>
          resolvedService(key, choices, services, true),
        ),
        updatedAt: Date.now(),
      };
      await saveDistrictImport(
        db,
        {
          id: importId,
          studentId: student.id,
          district: district.trim().slice(0, 200),
          fileName: source.fileName.slice(0, 260),
          importedAt: Date.now(),
          rowsRead: result.rowsRead,
          records: result.records.length,
          leftOut: result.leftOut,
        },
        result.records.map((record) => ({ ...record, id: newId(), importId })),
        mapping,
      );
      props.onImported(
        `Imported ${countOf(result.records.length, 'district record', 'district records')} from ${source.fileName}. ${leftOutSentence(result)}`,
      );
      cancel();
      setPasted('');
    } catch (problem) {
      setError(
        `Nothing was imported: ${problem instanceof Error ? problem.message : String(problem)}`,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card" aria-labelledby="district-import-heading">
      <h2 id="district-import-heading">Import the district's service log</h2>
      <p>
        After a records request, the district gives you its own service logs (an Excel or CSV
        export, or a PDF). They are kept apart from your log, so you can compare the two. Nothing is
        saved until you press Import.
      </p>
      <TextField
        label="District"
        value={district}
        onValue={setDistrict}
        hint="Your choices below are remembered for the next file from this district."
      />
      <div class="field">
        <label for="district-file">District file (CSV or Excel .xlsx)</label>
        <input
          key={fileKey}
          id="district-file"
          type="file"
          accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={error ? 'district-import-error' : undefined}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) void open(file.name, () => readDistrictFile(file));
          }}
        />
      </div>
      <TextAreaField
        label="Or paste rows from a spreadsheet or a PDF table"
        value={pasted}
        onValue={setPasted}
        rows={4}
        hint="Include the header row (Date, Service, Minutes, …)."
      />
      <p class="button-row">
        <button
          type="button"
          disabled={pasted.trim() === ''}
          onClick={() =>
            void open('Pasted rows', async () =>
              // Spreadsheet cells come tab-separated, PDF columns space-aligned; else it is CSV.
              /\t| {2,}/.test(pasted) ? splitPasted(pasted) : parseCsvText(pasted),
            )
          }
        >
          Read pasted rows
        </button>
      </p>
      {error ? (
        <div
          class="notice danger"
          role="alert"
          id="district-import-error"
          data-testid="district-error"
        >
          <p>{error}</p>
        </div>
      ) : null}

      {source && choices && result ? (
        <MappingForm
          fileName={source.fileName}
          header={source.table.header}
          student={student}
          services={services}
          choices={choices}
          result={result}
          busy={busy}
          onChoices={(patch) => setChoices({ ...choices, ...patch })}
          onConfirm={() => void confirm()}
          onCancel={cancel}
        />
      ) : null}
    </section>
  );
}
