/** One row of the correspondence log: the letter, its reply, and what can be done with it. */
import { formatShortDate } from '../../lib/dates';
import type { Letter } from '../../lib/model';
import { ConfirmButton } from '../ui/ConfirmButton';
import { kindTitle, letterPageUrl, METHOD_LABELS } from './letter-records';

export function LetterRow(props: {
  letter: Letter;
  /** The letter page for a follow-up, when the reply date passed with no reply logged. */
  followUpUrl: string | null;
  onEdit: () => void;
  onSend: () => void;
  onDelete: () => Promise<void>;
}) {
  const { letter } = props;
  const name = letter.subject || kindTitle(letter.kind);
  return (
    <tr data-testid="letter-row" data-letter-id={letter.id} data-status={letter.status}>
      <td>
        {letter.status === 'sent' && letter.sentDate ? (
          formatShortDate(letter.sentDate)
        ) : (
          <span class="status-word">Draft, not sent</span>
        )}
      </td>
      <td>
        <strong>{kindTitle(letter.kind)}</strong>
        {letter.subject ? <div class="small">{letter.subject}</div> : null}
        {letter.notes ? <div class="small muted">{letter.notes}</div> : null}
      </td>
      <td>{letter.to}</td>
      <td>{letter.method ? METHOD_LABELS[letter.method] : ''}</td>
      <td>
        {letter.responseDate ? (
          <>
            {formatShortDate(letter.responseDate)}
            {letter.responseSummary ? <div class="small">{letter.responseSummary}</div> : null}
          </>
        ) : letter.status === 'sent' ? (
          <span class="muted">None logged</span>
        ) : null}
      </td>
      <td>
        <div class="button-row">
          {props.followUpUrl ? (
            <a
              class="button"
              href={props.followUpUrl}
              aria-label={`Send a follow-up: ${name}`}
              data-testid="follow-up"
            >
              Send a follow-up
            </a>
          ) : null}
          {letter.status === 'draft' ? (
            <button type="button" onClick={props.onSend} aria-label={`Mark as sent: ${name}`}>
              Mark as sent
            </button>
          ) : null}
          <button
            type="button"
            class="secondary"
            onClick={props.onEdit}
            aria-label={`Edit / log reply: ${name}`}
          >
            Edit / log reply
          </button>
          {letter.bodyHtml ? (
            <a
              class="button secondary"
              href={letterPageUrl({ letter: letter.id })}
              aria-label={`Open: ${name}`}
            >
              Open
            </a>
          ) : null}
          <ConfirmButton
            label="Delete"
            accessibleLabel={`Delete: ${name}`}
            question="Delete this letter from the log?"
            onConfirm={props.onDelete}
          />
        </div>
      </td>
    </tr>
  );
}
