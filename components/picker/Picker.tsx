/**
 * The picker's page: choose a draft (or a citation), preview it filled in from the tracker, and
 * insert it at the caret of the message being written (or copy it where nothing can be
 * inserted). Keyboard: arrow keys move through the kinds, Enter inserts, Esc closes and puts the
 * caret back in the message.
 */
import { useEffect, useState } from 'preact/hooks';
import { StatusMessage, useStatus } from '../ui/status';
import { StudentPicker } from '../students/StudentPicker';
import { saveLetter, type AdvocateDatabase } from '../../lib/db';
import { letterRecord } from '../../lib/letter/record';
import { newId } from '../../lib/model';
import { sendMessage } from '../../lib/messaging/client';
import type { InsertContent } from '../../lib/messaging/protocol';
import { useDraftData } from '../../lib/ui/draft-data';
import { chooseStudent, useStudentChoice } from '../../lib/ui/students';
import { useShownLongEnough } from '../../lib/ui/shown';
import { useFirstShownMark } from '../../lib/ui/shown-mark';
import { useToday } from '../../lib/ui/today';
import { CitationSearch } from './CitationSearch';
import { DraftChooser } from './DraftChooser';
import { PICKER_SHOWN_MARK } from './DraftPreview';
import { copyToClipboard } from './clipboard';

type Session = { host: string; canInsert: boolean } | { error: string };

function usePickerSession(nonce: string): Session | null {
  const [session, setSession] = useState<Session | null>(null);
  useEffect(() => {
    void sendMessage('picker:session', { nonce }).then((answer) =>
      setSession(answer.ok ? answer.value : { error: answer.error }),
    );
  }, [nonce]);
  return session;
}

export function Picker(props: { db: AdvocateDatabase; nonce: string }) {
  const { db, nonce } = props;
  const session = usePickerSession(nonce);
  const today = useToday();
  const choice = useStudentChoice(db);
  // The student's data and gaps (the gap cache), not the whole log (lib/ui/draft-data.ts).
  const draftData = useDraftData(db, choice?.currentId ?? null, today);
  const data = draftData && draftData.value;
  const [tab, setTab] = useState<'drafts' | 'citations'>('drafts');
  const [status, announce] = useStatus(15_000);
  // Nothing is inserted before the user could see the picker (lib/ui/shown.ts).
  const shown = useShownLongEnough();

  const close = (restoreFocus: boolean) =>
    void sendMessage('picker:close', { nonce, restoreFocus });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      close(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [nonce]);

  const connected = session && !('error' in session) ? session : null;

  /** Inserts (or copies) `content`; `record` runs once it reached the message. */
  async function deliver(
    content: InsertContent,
    subject: string | null,
    record?: () => Promise<unknown>,
  ) {
    if (!connected || !shown) return;
    if (!connected.canInsert) {
      const copied = await copyToClipboard(content);
      if (!copied) {
        announce('Copying did not work here. Select the preview text and copy it yourself.');
        return;
      }
      await record?.();
      announce(
        'Nothing here can take the text, so it is copied. Paste it with Ctrl+V (⌘V on a Mac).',
      );
      return;
    }
    const answer = await sendMessage('picker:insert', { nonce, content, subject });
    if (!answer.ok) {
      announce(answer.error);
      return;
    }
    await record?.();
    close(false);
  }

  return (
    <main class="picker" data-shown={shown && connected ? 'true' : 'false'}>
      <header class="picker-header">
        <h1>Insert IEP paragraph</h1>
        <button type="button" class="secondary picker-close" onClick={() => close(true)}>
          Close
        </button>
      </header>
      {session && 'error' in session ? (
        <div class="notice danger" role="alert">
          <p>{session.error}</p>
        </div>
      ) : null}
      {choice && choice.students.length > 0 ? (
        <StudentPicker
          students={choice.students}
          value={choice.currentId}
          onChange={(id) => void chooseStudent(db, id)}
        />
      ) : null}
      {connected && !connected.canInsert ? (
        <p class="notice warn small">
          There is no text field to insert into here (for example a document drawn on a canvas). The
          picker copies instead, so you can paste.
        </p>
      ) : null}
      <div class="picker-tabs" role="group" aria-label="What to insert">
        <button
          type="button"
          class={tab === 'drafts' ? '' : 'secondary'}
          aria-pressed={tab === 'drafts'}
          onClick={() => setTab('drafts')}
        >
          Paragraphs
        </button>
        <button
          type="button"
          class={tab === 'citations' ? '' : 'secondary'}
          aria-pressed={tab === 'citations'}
          onClick={() => setTab('citations')}
        >
          Citations
        </button>
      </div>
      {tab === 'citations' ? (
        <CitationSearch
          actionWord={connected?.canInsert === false ? 'Copy' : 'Insert'}
          onChoose={(text) => void deliver({ text, blocks: [] }, null)}
        />
      ) : !choice || data === undefined || !today ? (
        <p class="muted">Loading…</p>
      ) : !data ? (
        <NoStudentYet />
      ) : (
        <DraftChooser
          data={data}
          today={today}
          actionWord={connected?.canInsert === false ? 'Copy' : 'Insert'}
          // Older figures are shown while new ones are worked out after a change: not inserted.
          ready={connected !== null && shown && !draftData?.stale}
          onInsert={(draft, responseDate) =>
            deliver({ text: draft.text, blocks: draft.blocks }, draft.subject, () =>
              saveLetter(
                db,
                letterRecord({
                  id: newId(),
                  studentId: data.student.id,
                  kind: draft.kind,
                  subject: draft.subject,
                  bodyHtml: draft.html,
                  host: connected?.host ?? '',
                  requestedResponseDate: responseDate,
                  now: Date.now(),
                }),
              ),
            )
          }
        />
      )}
      <StatusMessage message={status} testId="picker-status" />
      <footer class="picker-footer small">
        Drafting help, not legal advice. For advice: the Montana Empowerment Center (Montana's
        parent center) or Disability Rights Montana, 1-800-245-4743.
      </footer>
    </main>
  );
}

/** What the Paragraphs tab shows before a child is added (the bench's empty-database view). */
function NoStudentYet() {
  useFirstShownMark(PICKER_SHOWN_MARK);
  return (
    <p class="notice">
      Add your child in the tracker first (toolbar button → Open the tracker). Then the paragraphs
      fill in with their services and missed minutes.
    </p>
  );
}
