/** What an import will do, in a table of counts and one sentence (lib/backup's previewImport). */
import { IMPORT_TABLES, RECORD_NAMES, type ImportPreview as Preview } from '../../lib/backup';
import { capitalize } from '../../lib/text';

const count = (n: number) => n.toLocaleString('en-US');

const records = (n: number) => `${count(n)} ${n === 1 ? 'record' : 'records'}`;

/** One sentence for the whole import. */
export function previewSentence(preview: Preview): string {
  const sum = (key: 'new' | 'duplicates' | 'different') =>
    IMPORT_TABLES.reduce((total, table) => total + preview.tables[table][key], 0);
  const [added, duplicates, different] = [sum('new'), sum('duplicates'), sum('different')];
  const differ = different > 0 ? ` (${count(different)} of them differ from the file)` : '';
  switch (preview.mode) {
    case 'merge-skip':
      return `Adds ${records(added)}. ${duplicates > 0 ? `${records(duplicates)} already here stay as they are${differ}.` : 'Nothing in the file is already here.'}`;
    case 'merge-replace':
      return `Adds ${records(added)}${duplicates > 0 ? ` and replaces ${records(duplicates)} already here${differ}` : ''}.`;
    case 'replace-all':
      return `Removes the ${records(preview.removed)} now in this browser, then adds the file's ${records(preview.written)}.${preview.settingsReplaced ? " This browser's settings are replaced by the file's." : ''}`;
  }
}

export function ImportPreview(props: { preview: Preview }) {
  const { preview } = props;
  const replaceAll = preview.mode === 'replace-all';
  return (
    <div>
      <p data-testid="import-summary">{previewSentence(preview)}</p>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">What the import does, by kind of record</caption>
          <thead>
            <tr>
              <th scope="col">Kind of record</th>
              <th scope="col" class="number">
                In the file
              </th>
              <th scope="col" class="number">
                New
              </th>
              {replaceAll ? (
                <th scope="col" class="number">
                  Removed first
                </th>
              ) : (
                <>
                  <th scope="col" class="number">
                    Already here
                  </th>
                  <th scope="col" class="number">
                    {preview.mode === 'merge-skip' ? 'Kept as here' : 'Replaced'}
                  </th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {IMPORT_TABLES.map((table) => {
              const row = preview.tables[table];
              return (
                <tr key={table}>
                  <th scope="row">{capitalize(RECORD_NAMES[table][1])}</th>
                  <td class="number">{count(row.inFile)}</td>
                  <td class="number">{count(row.new)}</td>
                  {replaceAll ? (
                    <td class="number">{count(row.removed)}</td>
                  ) : (
                    <>
                      <td class="number">{count(row.duplicates)}</td>
                      <td class="number">
                        {count(preview.mode === 'merge-skip' ? row.kept : row.replaced)}
                      </td>
                    </>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
