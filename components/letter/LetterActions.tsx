/**
 * The letter page's "Print, copy or save" row: print, copy (with formatting or as plain text),
 * download (.html, .txt, Word), save as a draft in the correspondence log, or mark as sent (the
 * send form, then the deadlines that follow). Everything leaving the editor is read through the
 * allow-list cleaner (the draft's readText). The Word file's code and the `docx` library are
 * loaded only when the user asks for one (lib/letter-export/docx.ts).
 */
import { useRef, useState } from 'preact/hooks';
import { formatLongDate, type IsoDate } from '../../lib/dates';
import { saveLetter, type AdvocateDatabase } from '../../lib/db';
import { copyPlainText, copyRichText, letterDocument } from '../../lib/letter-export/index';
import type { Letter, SchoolCalendar } from '../../lib/model';
import { downloadBlob, downloadText, fileSlug } from '../correspondence/download';
import { DeadlinesAfterSending, SendForm } from '../correspondence/SendForm';
import { StatusMessage } from '../ui/status';
import type { LetterDraft } from './use-letter-draft';

export function LetterActions(props: {
  db: AdvocateDatabase;
  today: IsoDate;
  studentName: string;
  calendar: SchoolCalendar | null;
  draft: LetterDraft;
  /** "Print with exhibits" is on: printing and the Word file take the whole packet. */
  packetOn: boolean;
  status: string;
  announce: (message: string) => void;
}) {
  const { db, today, draft, announce } = props;
  const { readText } = draft;
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<Letter | null>(null);
  // A second click while the file is being made does nothing (the button keeps its focus).
  const makingWord = useRef(false);

  async function act(label: string, action: () => Promise<void> | void) {
    try {
      await action();
      announce(label);
    } catch (error) {
      announce(`That did not work: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const slug = `${fileSlug(props.studentName)}-${draft.state.settings.kindId}-${today}`;
  const downloads = [
    {
      label: 'Download .html',
      extension: 'html',
      type: 'text/html;charset=utf-8',
      content: () => letterDocument(draft.state.subject, readText().html),
    },
    {
      label: 'Download .txt',
      extension: 'txt',
      type: 'text/plain;charset=utf-8',
      content: () => `${readText().text}\n`,
    },
  ];

  /**
   * The letter as a Word file: what the editor holds now, the fill-ins highlighted. With exhibits
   * on, the whole packet (the same element that prints), as printing does.
   */
  async function downloadWord() {
    const { html } = readText();
    const packet = props.packetOn ? document.querySelector('[data-packet]') : null;
    makingWord.current = true;
    try {
      const { docxBlob, letterHtmlToDocx, packetToDocx } =
        await import('../../lib/letter-export/docx');
      const meta = {
        title: draft.state.subject,
        studentName: props.studentName,
        date: formatLongDate(today),
        markers: draft.state.markers,
      };
      const doc = packet ? packetToDocx(packet, meta) : letterHtmlToDocx(html, meta);
      downloadBlob(`${slug}${packet ? '-with-exhibits' : ''}.docx`, await docxBlob(doc));
    } finally {
      makingWord.current = false;
    }
  }

  return (
    <>
      <h2 class="no-print">3. Print, copy or save</h2>
      <div class="button-row no-print" role="group" aria-label="Print, copy or save">
        <button type="button" onClick={() => window.print()}>
          Print or save as PDF
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() =>
            act('Copied with formatting.', () => copyRichText(readText().html, readText().text))
          }
        >
          Copy with formatting
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() => act('Copied as plain text.', () => copyPlainText(readText().text))}
        >
          Copy as plain text
        </button>
        {downloads.map((download) => (
          <button
            key={download.label}
            type="button"
            class="secondary"
            onClick={() =>
              act('Downloaded.', () =>
                downloadText(`${slug}.${download.extension}`, download.content(), download.type),
              )
            }
          >
            {download.label}
          </button>
        ))}
        <button
          type="button"
          class="secondary"
          onClick={() => {
            if (!makingWord.current) void act('Downloaded the Word file.', downloadWord);
          }}
        >
          {props.packetOn ? 'Download Word with exhibits (.docx)' : 'Download Word (.docx)'}
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() =>
            act('Saved. Find it under Letters in the tracker.', async () => {
              await saveLetter(db, draft.currentLetter());
            })
          }
        >
          Save draft
        </button>
        <button type="button" onClick={() => setSending(true)} data-testid="mark-sent">
          Mark as sent
        </button>
      </div>
      <StatusMessage message={props.status} testId="letter-status" />
      {sending ? (
        <SendForm
          letter={draft.currentLetter()}
          today={today}
          defaultTo={draft.defaultTo}
          headingLevel={2}
          onSent={async (letter) => {
            await saveLetter(db, letter);
            setSending(false);
            setSent(letter);
          }}
          onCancel={() => setSending(false)}
        />
      ) : null}
      {sent ? (
        <div class="notice no-print" role="status">
          <DeadlinesAfterSending letter={sent} today={today} calendar={props.calendar} />
          <p class="small">
            <a href="/tracker.html#/letters">See all letters and deadlines</a>
          </p>
        </div>
      ) : null}
    </>
  );
}
