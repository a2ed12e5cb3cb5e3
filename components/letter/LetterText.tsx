/**
 * The letter page's "Read and edit" column: the notice when the settings changed under edited
 * text (with the rebuild, after asking), the subject, the fill-ins left and the editor itself.
 */
import { ConfirmButton } from '../ui/ConfirmButton';
import { TextField } from '../ui/fields';
import { LetterEditor } from './LetterEditor';
import { selectMarker } from './markers';
import type { LetterDraft } from './use-letter-draft';

/** The fill-ins left, each a button that selects it in the text (or noted as in the subject). */
function FillIns(props: { draft: LetterDraft }) {
  const { fillIns, regionRef, state } = props.draft;
  const { all } = fillIns;
  if (all.length === 0) return null;
  return (
    <div class="notice warn no-print" data-testid="fill-ins">
      <p id="fill-ins-heading">
        <strong>
          {all.length} {all.length === 1 ? 'fill-in' : 'fill-ins'} to complete
        </strong>{' '}
        (highlighted in the text). They don't stop you printing or sending.
      </p>
      <ul aria-labelledby="fill-ins-heading">
        {all.map((marker) => (
          <li key={marker}>
            {fillIns.inSubject.includes(marker) && !state.remaining.includes(marker) ? (
              <span>{marker} (in the subject)</span>
            ) : (
              <button
                type="button"
                class="link"
                onClick={() => regionRef.current && selectMarker(regionRef.current, marker)}
              >
                Go to {marker}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function LetterText(props: { draft: LetterDraft }) {
  const { draft } = props;
  const { state, dispatch, readText } = draft;
  return (
    <>
      <h2 id="text-heading" class="no-print">
        2. Read and edit
      </h2>
      {draft.settingsChanged ? (
        <div class="notice warn no-print" data-testid="settings-changed">
          <p>
            You changed the settings after editing or saving the text. Your text is kept as it is.
          </p>
          <ConfirmButton
            label="Rebuild the letter from the new settings"
            question="Replace your edited text with a new draft?"
            confirmLabel="Yes, replace my edits"
            onConfirm={() => dispatch({ type: 'rebuild', draft: draft.rendered })}
          />
        </div>
      ) : null}
      <TextField
        class="no-print"
        label="Subject"
        value={state.subject}
        onValue={(subject) => dispatch({ type: 'subject', subject })}
        hint="Used for e-mail, file names and your letter records."
      />
      <FillIns draft={draft} />
      <p id="letter-label" class="visually-hidden">
        Letter text
      </p>
      <LetterEditor
        id="letter-text"
        labelledBy="letter-label"
        content={state.content}
        version={state.version}
        markers={state.markers}
        regionRef={draft.regionRef}
        onLoad={(remaining) => dispatch({ type: 'loaded', remaining, plainText: readText().text })}
        onEdit={(remaining) => dispatch({ type: 'edited', remaining, plainText: readText().text })}
      />
    </>
  );
}
