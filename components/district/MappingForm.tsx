/**
 * The district import's second step: which column holds what, the first rows as read, which IEP
 * service each of the district's services is, which rows are the child's, what unknown codes
 * mean, and the summary with the Import button.
 */
import {
  DISTRICT_FIELDS,
  DISTRICT_FIELD_LABELS,
  DISTRICT_OUTCOMES,
  DISTRICT_OUTCOME_LABELS,
  serviceName,
  type DistrictField,
  type DistrictOutcome,
  type Service,
  type Student,
} from '../../lib/model';
import {
  countOf,
  leftOutSentence,
  resolvedService,
  resolvedStudent,
  type BuildResult,
  type ImportChoices,
} from '../../lib/district';
import { formatShortDate } from '../../lib/dates';
import { ScrollTable } from './ScrollTable';
import { SelectField } from '../ui/fields';

export interface MappingFormProps {
  fileName: string;
  header: readonly string[];
  student: Student;
  services: Service[];
  choices: ImportChoices;
  result: BuildResult;
  busy: boolean;
  onChoices: (patch: Partial<ImportChoices>) => void;
  onConfirm: () => void;
  onCancel: () => void;
}

export function MappingForm(props: MappingFormProps) {
  const { fileName, header, student, services, choices, result, busy } = props;
  const { onChoices, onConfirm, onCancel } = props;
  const serviceOptions = [
    ...services.map((s) => ({ value: s.id, label: serviceName(s) })),
    { value: '', label: `Not one of ${student.name}'s IEP services (leave out)` },
  ];

  return (
    <form
      class="district-mapping"
      onSubmit={(event) => {
        event.preventDefault();
        onConfirm();
      }}
    >
      <h3>{fileName}: which column holds what</h3>
      <ScrollTable label="Columns of the file">
        <table>
          <caption>Columns of the file. Correct any column the app guessed wrong.</caption>
          <thead>
            <tr>
              {header.map((header, index) => (
                <th key={index} scope="col">
                  {header || `Column ${index + 1}`}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {header.map((header, index) => (
                <td key={index}>
                  <select
                    aria-label={`What the column “${header || `Column ${index + 1}`}” holds`}
                    value={choices.mapping[index]}
                    onChange={(event) => {
                      const mapping = [...choices.mapping];
                      mapping[index] = event.currentTarget.value as DistrictField;
                      onChoices({ mapping });
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
                  {row.serviceId ? serviceName(services.find((s) => s.id === row.serviceId)!) : '—'}
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
                label={`“${value.text || '(blank)'}” (${countOf(value.rows, 'row', 'rows')})`}
                value={resolvedService(value.text, choices, services, true)}
                options={serviceOptions}
                onValue={(id) => onChoices({ services: { ...choices.services, [key]: id } })}
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
          onValue={(id) => onChoices({ singleServiceId: id })}
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
                    onChoices({
                      students: { ...choices.students, [key]: event.currentTarget.checked },
                    })
                  }
                />{' '}
                “{value.text || '(blank)'}” is {student.name} ({countOf(value.rows, 'row', 'rows')})
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
                onChoices({
                  codes: { ...choices.codes, [code]: outcome as DistrictOutcome },
                })
              }
            />
          ))}
        </fieldset>
      ) : null}

      <div aria-live="polite" data-testid="district-summary">
        <p>
          <strong>{countOf(result.records.length, 'record', 'records')} ready to import</strong>
          {result.from && result.to
            ? ` (${formatShortDate(result.from)} to ${formatShortDate(result.to)})`
            : ''}
          , from {countOf(result.rowsRead, 'row', 'rows')} read.{' '}
          {result.joined
            ? `${countOf(result.joined, 'wrapped line was', 'wrapped lines were')} joined to the row above. `
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
          Import {countOf(result.records.length, 'record', 'records')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          Cancel
        </button>
      </p>
    </form>
  );
}
