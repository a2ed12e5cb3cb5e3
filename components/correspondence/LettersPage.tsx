/**
 * The tracker's Letters page (tracker.html#/letters): what is due next, the deadlines as a
 * timeline, the one-year warning, and the correspondence log — every letter recorded, with its
 * reply — plus the evidence report and CSV downloads.
 */
import { useState } from 'preact/hooks';
import { compareDates } from '../../lib/dates';
import './correspondence.css';
import { allDeadlines, oneYearStatus } from '../../lib/deadlines';
import { deleteLetter, listStudents, loadStudentData, saveLetter } from '../../lib/db';
import { followUpCandidates } from '../../lib/drafts';
import type { Letter } from '../../lib/model';
import { useLiveQuery } from '../../lib/ui/live-query';
import type { TrackerRouteProps } from '../tracker/route-props';
import { StatusMessage, useStatus } from '../ui/status';
import { DeadlineTimeline } from './DeadlineTimeline';
import { ExportButtons } from './ExportButtons';
import { letterPageUrl, reportPageUrl } from './letter-records';
import { LetterRow } from './LetterRow';
import { LetterRecordForm } from './LetterRecordForm';
import { OneYearNotice } from './OneYearNotice';
import { DeadlinesAfterSending, SendForm } from './SendForm';
import { ActionsHeader } from '../ui/ActionsHeader';

type Editing = { mode: 'edit'; letter: Letter | null } | { mode: 'send'; letter: Letter } | null;

export function LettersPage(props: TrackerRouteProps) {
  const { db, today, studentId } = props;
  const data = useLiveQuery(
    async () => (studentId ? loadStudentData(db, studentId) : null),
    [db, studentId],
  );
  const students = useLiveQuery(() => listStudents(db), [db]);
  const [editing, setEditing] = useState<Editing>(null);
  const [justSent, setJustSent] = useState<Letter | null>(null);
  const [status, announce] = useStatus();

  if (!studentId) {
    return <p>Add a student first: letters and deadlines belong to a student.</p>;
  }
  if (data === undefined || students === undefined) return <p>Loading…</p>;
  if (data === null) return <p>This student is no longer in the tracker.</p>;

  const { student, letters, sessions, calendar } = data;
  const deadlines = allDeadlines(letters, today, calendar);
  const waiting = new Set(followUpCandidates(letters, today).map((c) => c.letter.id));
  // Drafts first, then the most recently sent.
  const sortKey = (letter: Letter) => (letter.status === 'sent' ? (letter.sentDate ?? '') : '~');
  const sorted = [...letters].sort(
    (a, b) => compareDates(sortKey(b), sortKey(a)) || b.createdAt - a.createdAt,
  );

  async function save(letter: Letter) {
    await saveLetter(db, letter);
    setEditing(null);
    announce('Letter saved.');
  }

  async function markSent(letter: Letter) {
    await saveLetter(db, letter);
    setEditing(null);
    setJustSent(letter);
  }

  return (
    <div class="letters-page">
      <section aria-labelledby="due-heading">
        <h2 id="due-heading">What is due</h2>
        <OneYearNotice status={oneYearStatus(sessions, letters, today)} studentId={student.id} />
        {justSent ? (
          <div class="notice" role="status">
            <DeadlinesAfterSending letter={justSent} today={today} calendar={calendar} />
          </div>
        ) : null}
        <DeadlineTimeline deadlines={deadlines} letters={letters} studentId={student.id} />
      </section>

      <section aria-labelledby="letters-heading">
        <h2 id="letters-heading">Letters sent and drafts</h2>
        <div class="button-row">
          <a class="button" href={letterPageUrl({ student: student.id })}>
            Write a letter
          </a>
          <button
            type="button"
            class="secondary"
            onClick={() => setEditing({ mode: 'edit', letter: null })}
          >
            Record a letter you sent
          </button>
        </div>
        <StatusMessage message={status} testId="letters-status" />
        {editing?.mode === 'edit' ? (
          <LetterRecordForm
            key={editing.letter?.id ?? 'new'}
            letter={editing.letter}
            students={students}
            studentId={student.id}
            today={today}
            onSave={save}
            onCancel={() => setEditing(null)}
          />
        ) : null}
        {editing?.mode === 'send' ? (
          <SendForm
            key={editing.letter.id}
            letter={editing.letter}
            today={today}
            defaultTo=""
            onSent={markSent}
            onCancel={() => setEditing(null)}
          />
        ) : null}
        {sorted.length === 0 ? (
          <p class="muted">
            No letters yet. Write one here, or record a letter or e-mail you already sent, so its
            deadlines are tracked.
          </p>
        ) : (
          <div class="table-wrap">
            <table data-testid="letters-table">
              <caption class="visually-hidden">Letters for {student.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Sent</th>
                  <th scope="col">Letter</th>
                  <th scope="col">To</th>
                  <th scope="col">How</th>
                  <th scope="col">Reply</th>
                  <ActionsHeader />
                </tr>
              </thead>
              <tbody>
                {sorted.map((letter) => (
                  <LetterRow
                    key={letter.id}
                    letter={letter}
                    followUpUrl={
                      waiting.has(letter.id)
                        ? letterPageUrl({
                            student: student.id,
                            kind: 'follow-up',
                            about: letter.id,
                          })
                        : null
                    }
                    onEdit={() => setEditing({ mode: 'edit', letter })}
                    onSend={() => setEditing({ mode: 'send', letter })}
                    onDelete={async () => {
                      await deleteLetter(db, letter.id);
                      announce('Letter deleted.');
                    }}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="evidence-heading">
        <h2 id="evidence-heading">Evidence</h2>
        <p>
          The evidence report shows each service's required and delivered minutes week by week and
          every missed session. Print it or save it as a PDF to attach to a complaint.
        </p>
        <div class="button-row">
          <a class="button secondary" href={reportPageUrl(student.id)}>
            Open the evidence report
          </a>
          <ExportButtons data={data} today={today} />
        </div>
      </section>
    </div>
  );
}
