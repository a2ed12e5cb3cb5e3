/**
 * Importing one district file or pasted rows: read, map the columns (first 20 rows shown as the
 * app reads them), answer unknown codes, match services and the child, then confirm. Nothing is
 * written until "Import"; the choices are remembered for the district's next file.
 */
import { useMemo, useState } from 'preact/hooks';
import {
  DISTRICT_FIELDS,
  DISTRICT_FIELD_LABELS,
  DISTRICT_OUTCOMES,
  DISTRICT_OUTCOME_LABELS,
  newId,
  serviceName,
  type DistrictField,
  type DistrictMapping,
  type DistrictOutcome,
  type Service,
  type Student,
} from '../../lib/model';
import {
  buildImport,
  findHeaderRow,
  guessMapping,
  headerKey,
  resolvedService,
  resolvedStudent,
  splitPasted,
  toTable,
  type BuildResult,
  type DistrictTable,
  type ImportChoices,
} from '../../lib/district';
import {
  districtKey,
  getDistrictMapping,
  saveDistrictImport,
  type AdvocateDatabase,
} from '../../lib/db';
import { formatShortDate } from '../../lib/dates';
import { ScrollTable } from './ScrollTable';
import { SelectField, TextAreaField, TextField } from '../ui/fields';
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

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Choices for a new file: remembered ones for this district, then guesses. */
function startingChoices(
  table: DistrictTable,
  remembered: DistrictMapping | undefined,
  services: readonly Service[],
): ImportChoices {
  const servicesChosen: Record<string, string> = {};
  for (const [text, choice] of Object.entries(remembered?.services ?? {})) {
    const same =
      services.find((s) => s.id === choice.serviceId) ??
      services.find(
        (s) => choice.serviceId !== '' && s.kind === choice.kind && s.label === choice.label,
      );
    servicesChosen[text] = choice.serviceId === '' ? '' : (same?.id ?? '');
  }
  return {
    mapping: guessMapping(table.header, remembered?.columns ?? {}),
    codes: { ...(remembered?.codes ?? {}) },
    services: servicesChosen,
    students: {},
    singleServiceId: services.length === 1 ? services[0]!.id : '',
  };
}

function leftOutSentence(result: BuildResult): string {
  const { leftOut } = result;
  const parts = [
    leftOut.otherStudent
      ? plural(leftOut.otherStudent, 'row for another student', 'rows for other students')
      : '',
    leftOut.otherService
      ? plural(
          leftOut.otherService,
          'row for a service not in the IEP',
          'rows for services not in the IEP',
        )
      : '',
    leftOut.notADate
      ? plural(
          leftOut.notADate,
          'row with no date that can be read',
          'rows with no date that can be read',
        )
      : '',
    leftOut.outsideIep
      ? plural(leftOut.outsideIep, 'row dated outside the IEP', 'rows dated outside the IEP')
      : '',
    leftOut.badMinutes
      ? plural(
          leftOut.badMinutes,
          'row whose minutes cannot be read',
          'rows whose minutes cannot be read',
        )
      : '',
  ].filter(Boolean);
  return parts.length ? `Left out: ${parts.join('; ')}.` : 'No rows are left out.';
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
        columns: Object.fromEntries(
          source.table.header
            .map((header, index) => [headerKey(header), choices.mapping[index]!] as const)
            .filter(([key]) => key !== ''),
        ),
        codes: choices.codes,
        services: Object.fromEntries(
          [...result.serviceValues.keys()].map((key) => {
            const id = resolvedService(key, choices, services, true);
            const service = services.find((s) => s.id === id);
            return [key, { serviceId: id, kind: service?.kind ?? '', label: service?.label ?? '' }];
          }),
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
        `Imported ${plural(result.records.length, 'district record', 'district records')} from ${source.fileName}. ${leftOutSentence(result)}`,
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

  const update = (patch: Partial<ImportChoices>) => choices && setChoices({ ...choices, ...patch });
  const serviceOptions = [
    ...services.map((s) => ({ value: s.id, label: serviceName(s) })),
    { value: '', label: `Not one of ${student.name}'s IEP services (leave out)` },
  ];

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
        <form
          class="district-mapping"
          onSubmit={(event) => {
            event.preventDefault();
            void confirm();
          }}
        >
          <h3>{source.fileName}: which column holds what</h3>
          <ScrollTable label="Columns of the file">
            <table>
              <caption>Columns of the file. Correct any column the app guessed wrong.</caption>
              <thead>
                <tr>
                  {source.table.header.map((header, index) => (
                    <th key={index} scope="col">
                      {header || `Column ${index + 1}`}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  {source.table.header.map((header, index) => (
                    <td key={index}>
                      <select
                        aria-label={`What the column “${header || `Column ${index + 1}`}” holds`}
                        value={choices.mapping[index]}
                        onChange={(event) => {
                          const mapping = [...choices.mapping];
                          mapping[index] = event.currentTarget.value as DistrictField;
                          update({ mapping });
                        }}
                      >
                        {DISTRICT_FIELDS.map((field) => (
                          <option key={field} value={field}>
                            {DISTRICT_FIELD_LABELS[field]}
                          </option>
                        ))}
                      </select>
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </ScrollTable>

          <h3>The first rows, as the app reads them</h3>
          <ScrollTable label="The first rows as read">
            <table data-testid="district-preview">
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Date</th>
                  <th scope="col">Service</th>
                  <th scope="col">Minutes</th>
                  <th scope="col">Status</th>
                  <th scope="col">Imported?</th>
                </tr>
              </thead>
              <tbody>
                {result.preview.map((row) => (
                  <tr key={row.row}>
                    <td>{row.row}</td>
                    <td>{row.date ? formatShortDate(row.date) : '—'}</td>
                    <td>
                      {row.serviceId
                        ? serviceName(services.find((s) => s.id === row.serviceId)!)
                        : '—'}
                    </td>
                    <td>{row.minutes ?? '—'}</td>
                    <td>{row.outcome ? DISTRICT_OUTCOME_LABELS[row.outcome] : '—'}</td>
                    <td>{row.leftOut ? `No: ${row.leftOut}` : 'Yes'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>

          {choices.mapping.includes('service') ? (
            result.serviceValues.size > 0 ? (
              <fieldset>
                <legend>Which IEP service each of the district's services is</legend>
                {[...result.serviceValues].map(([key, value]) => (
                  <SelectField
                    key={key}
                    label={`“${value.text || '(blank)'}” (${plural(value.rows, 'row', 'rows')})`}
                    value={resolvedService(value.text, choices, services, true)}
                    options={serviceOptions}
                    onValue={(id) => update({ services: { ...choices.services, [key]: id } })}
                  />
                ))}
              </fieldset>
            ) : null
          ) : (
            <SelectField
              label="The file has no service column. Which service are these rows for?"
              value={choices.singleServiceId}
              placeholder="Choose a service"
              options={services.map((s) => ({ value: s.id, label: serviceName(s) }))}
              onValue={(id) => update({ singleServiceId: id })}
            />
          )}

          {result.studentValues.size > 0 ? (
            <fieldset>
              <legend>Which rows are {student.name}'s</legend>
              {[...result.studentValues].map(([key, value]) => (
                <div class="field checkbox" key={key}>
                  <label>
                    <input
                      type="checkbox"
                      checked={resolvedStudent(value.text, choices, student)}
                      onChange={(event) =>
                        update({
                          students: { ...choices.students, [key]: event.currentTarget.checked },
                        })
                      }
                    />{' '}
                    “{value.text || '(blank)'}” is {student.name} (
                    {plural(value.rows, 'row', 'rows')})
                  </label>
                </div>
              ))}
            </fieldset>
          ) : null}

          {result.unknownCodes.length > 0 || Object.keys(choices.codes).length > 0 ? (
            <fieldset>
              <legend>What the district's codes mean</legend>
              {[...new Set([...result.unknownCodes, ...Object.keys(choices.codes)])].map((code) => (
                <SelectField
                  key={code}
                  label={`Code “${code}”`}
                  value={choices.codes[code] ?? ''}
                  placeholder="Choose what it means"
                  options={DISTRICT_OUTCOMES.map((o) => ({
                    value: o,
                    label: DISTRICT_OUTCOME_LABELS[o],
                  }))}
                  onValue={(outcome) =>
                    update({
                      codes: { ...choices.codes, [code]: outcome as DistrictOutcome },
                    })
                  }
                />
              ))}
            </fieldset>
          ) : null}

          <div aria-live="polite" data-testid="district-summary">
            <p>
              <strong>{plural(result.records.length, 'record', 'records')} ready to import</strong>
              {result.from && result.to
                ? ` (${formatShortDate(result.from)} to ${formatShortDate(result.to)})`
                : ''}
              , from {plural(result.rowsRead, 'row', 'rows')} read.{' '}
              {result.joined
                ? `${plural(result.joined, 'wrapped line was', 'wrapped lines were')} joined to the row above. `
                : ''}
              {leftOutSentence(result)}
            </p>
          </div>
          {result.problems.length > 0 ? (
            <div class="notice warn" role="alert" data-testid="district-problems">
              {result.problems.map((problem) => (
                <p key={problem}>{problem}</p>
              ))}
            </div>
          ) : null}
          <p class="button-row">
            <button type="submit" disabled={busy || result.problems.length > 0}>
              Import {plural(result.records.length, 'record', 'records')}
            </button>
            <button type="button" class="secondary" onClick={cancel}>
              Cancel
            </button>
          </p>
        </form>
      ) : null}
    </section>
  );
}
