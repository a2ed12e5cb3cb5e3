/**
 * The letters sent and the replies, one row each: the evidence report's table and the packet's
 * correspondence exhibit (rows from lib/packet correspondenceRow).
 */
import { formatShortDate } from '../../lib/dates';
import type { CorrespondenceRow } from '../../lib/packet';
import { METHOD_LABELS } from '../correspondence/letter-records';
import { HeaderRow } from './tables';

export function LettersTable(props: {
  rows: readonly CorrespondenceRow[];
  caption?: string;
  /** What a letter with no reply says: "No reply logged" (the report), the letter's words. */
  noReply?: string;
}) {
  if (props.rows.length === 0) return <p>No letters are recorded as sent yet.</p>;
  return (
    <table class="report-table" data-testid="letters-table">
      <caption>{props.caption ?? 'Written requests and the replies received'}</caption>
      <HeaderRow columns={['Sent', 'Letter', 'To, how sent', 'Reply']} />
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.id}>
            <td class="nowrap">{formatShortDate(row.sentDate)}</td>
            <td>
              {row.kindTitle}
              {/* The kind's title may hold a colon itself: the subject follows a dash, quoted. */}
              {row.subject ? ` — "${row.subject}"` : ''}
            </td>
            <td>
              {row.to}
              {row.to && row.method ? ', ' : ''}
              {/* "E-mail" must not break at its hyphen on paper ("E-" then "mail"). */}
              {row.method ? <span class="nowrap">{METHOD_LABELS[row.method]}</span> : null}
            </td>
            <td>
              {row.responseDate
                ? `${formatShortDate(row.responseDate)}${row.responseSummary ? `: ${row.responseSummary}` : ''}`
                : (props.noReply ?? 'No reply logged')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
