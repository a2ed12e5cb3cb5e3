/**
 * The letter page (letter.html?student=<id>&kind=<kind>, or ?letter=<id> to reopen a saved one):
 * choose the student, the kind, the services and the period; the draft fills in from the tracker
 * (lib/drafts); the parent edits it freely; then prints it (Save as PDF), copies it, downloads it,
 * saves it as a draft or records it as sent, which shows the deadlines that follow.
 *
 * This file reads the address and the student; LetterWorkspace.tsx lays out one student's letter,
 * whose state is use-letter-draft.ts (the reducer in lib/letter/draft-state.ts).
 */
import { useState } from 'preact/hooks';
import type { IsoDate } from '../../lib/dates';
import type { AdvocateDatabase } from '../../lib/db';
import { useDraftData } from '../../lib/ui/draft-data';
import { useLiveQuery } from '../../lib/ui/live-query';
import { useStudentChoice } from '../../lib/ui/students';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { HelpNote } from '../ui/HelpNote';
import { StudentPicker } from '../students/StudentPicker';
import { LetterWorkspace } from './LetterWorkspace';
import { readLetterParams, type LetterParams } from './params';

export function LetterApp(props: { db: AdvocateDatabase; today: IsoDate; params: LetterParams }) {
  const { db, today, params } = props;
  const choice = useStudentChoice(db);
  // A saved letter to reopen (?letter=<id>): read once; its text goes into the editor.
  const saved = useLiveQuery(
    async () => (params.letter ? ((await db.letters.get(params.letter)) ?? null) : null),
    [db, params.letter],
  );
  const [studentId, setStudentId] = useState<string | null>(params.student);
  const effectiveStudentId = studentId ?? saved?.studentId ?? choice?.currentId ?? null;
  // The student's data and gaps (the gap cache), not the whole log (lib/ui/draft-data.ts).
  const draftData = useDraftData(db, effectiveStudentId, today);
  const data = draftData && draftData.value;

  if (choice === undefined || (params.letter && saved === undefined)) return <p>Loading…</p>;
  if (choice.students.length === 0) {
    return (
      <p>
        Add your child and their IEP services in the <a href="/tracker.html">tracker</a> first; the
        letter fills in from them.
      </p>
    );
  }
  return (
    <>
      <StudentPicker
        students={choice.students}
        value={effectiveStudentId}
        onChange={(id) => setStudentId(id)}
      />
      {data === undefined ? (
        <p>Loading…</p>
      ) : data === null ? (
        <p>This student is no longer in the tracker.</p>
      ) : (
        <LetterWorkspace
          key={data.student.id}
          db={db}
          today={today}
          data={data}
          initialKind={params.kind ?? saved?.kind ?? null}
          initialService={params.service ?? null}
          initialInputs={params.inputs ?? {}}
          saved={saved && saved.studentId === data.student.id ? saved : null}
        />
      )}
    </>
  );
}

export function LetterPage(props: { db: AdvocateDatabase; today: IsoDate | null }) {
  const params = readLetterParams(location.search);
  return (
    <>
      <header class="page-header no-print">
        <p class="app-name">Montana IEP Advocate</p>
        <h1>Write a letter</h1>
        <HelpNote />
      </header>
      <main id="main">
        <ErrorBoundary>
          {props.today ? (
            <LetterApp db={props.db} today={props.today} params={params} />
          ) : (
            <p>Loading…</p>
          )}
        </ErrorBoundary>
      </main>
    </>
  );
}
