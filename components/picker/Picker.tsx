/**
 * The picker's page: choose a draft (or a citation), preview it filled in from the tracker, and
 * insert it at the caret of the message being written (or copy it where nothing can be
 * inserted). Keyboard: arrow keys move through the kinds, Enter inserts, Esc closes and puts the
 * caret back in the message.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { KindInputs } from '../draft-inputs/KindInputs';
import { StatusMessage, useStatus } from '../ui/status';
import { StudentPicker } from '../students/StudentPicker';
import type { IsoDate } from '../../lib/dates';
import { saveLetter, type AdvocateDatabase, type StudentData } from '../../lib/db';
import {
  buildDraftContext,
  kindsInOrder,
  renderDraft,
  suggestedKinds,
  type RenderedDraft,
} from '../../lib/drafts';
import { fillInsLeftQuestion, type PickerForm } from '../../lib/compose/picker/drafts';
import { letterRecord } from '../../lib/letter/record';
import { newId } from '../../lib/model';
import { sendMessage } from '../../lib/messaging/client';
import type { InsertContent } from '../../lib/messaging/protocol';
import { chooseStudent, useStudentChoice, useStudentData } from '../../lib/ui/students';
import { useShownLongEnough } from '../../lib/ui/shown';
import { useToday } from '../../lib/ui/today';
import { CitationSearch } from './CitationSearch';
import { DraftPreview } from './DraftPreview';
import { KindList } from './KindList';
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
  const data = useStudentData(db, choice?.currentId ?? null);
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
        <p class="notice">
          Add your child in the tracker first (toolbar button → Open the tracker). Then the
          paragraphs fill in with their services and missed minutes.
        </p>
      ) : (
        <DraftChooser
          data={data}
          today={today}
          actionWord={connected?.canInsert === false ? 'Copy' : 'Insert'}
          ready={connected !== null && shown}
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

function DraftChooser(props: {
  data: StudentData;
  today: IsoDate;
  actionWord: 'Insert' | 'Copy';
  ready: boolean;
  onInsert: (draft: RenderedDraft, responseDate: IsoDate | null) => Promise<void>;
}) {
  const { data, today } = props;
  const [index, setIndex] = useState(0);
  const [form, setForm] = useState<PickerForm>('paragraph');
  const [inputs, setInputs] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  /** The fill-ins the user was asked about; the next insert goes ahead with exactly these. */
  const [asked, setAsked] = useState<readonly string[] | null>(null);
  const fields = useRef<HTMLElement>(null);
  // The kinds' order does not depend on what is typed into the fields: a follow-up comes first
  // when a sent letter's reply date has passed (lib/drafts suggest).
  const baseCtx = useMemo(() => buildDraftContext({ ...data, today }), [data, today]);
  const kinds = useMemo(() => kindsInOrder(baseCtx), [baseCtx]);
  const kind = kinds[index] ?? kinds[0]!;
  const ctx = useMemo(() => buildDraftContext({ ...data, today, inputs }), [data, today, inputs]);
  const draft = useMemo(() => renderDraft(kind.id, ctx, form), [kind, ctx, form]);
  const askedNow = asked !== null && asked.join('\n') === draft.markers.join('\n');

  const insert = () => {
    if (busy || !props.ready) return;
    if (draft.markers.length > 0 && !askedNow) {
      setAsked(draft.markers);
      return;
    }
    setAsked(null);
    setBusy(true);
    void props.onInsert(draft, ctx.responseDate).finally(() => setBusy(false));
  };
  const fillIn = () => {
    setAsked(null);
    fields.current?.querySelector<HTMLElement>('input, textarea, select')?.focus();
  };

  return (
    <div class="picker-drafts">
      <KindList
        kinds={kinds}
        suggested={suggestedKinds(baseCtx)}
        index={index}
        onIndex={setIndex}
        onChoose={insert}
      />
      <fieldset class="plain picker-form">
        <legend class="visually-hidden">How much to insert</legend>
        {(
          [
            ['paragraph', 'Paragraph'],
            ['message', 'Whole message'],
          ] as const
        ).map(([value, label]) => (
          <label class="choice" key={value}>
            <input
              type="radio"
              name="form"
              value={value}
              checked={form === value}
              onChange={() => setForm(value)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      {kind.inputs.length > 0 ? (
        <section
          ref={fields}
          class="picker-inputs"
          aria-label={`Details for ${kind.title}`}
          data-testid="picker-inputs"
        >
          <KindInputs
            inputs={kind.inputs}
            values={inputs}
            services={data.services}
            letters={data.letters}
            today={today}
            rows={2}
            onChange={(id, value) => setInputs((current) => ({ ...current, [id]: value }))}
          />
        </section>
      ) : null}
      <DraftPreview draft={draft} showSubject={form === 'message'} />
      {askedNow ? (
        <FillInsLeft
          question={fillInsLeftQuestion(draft.markers, props.actionWord)}
          actionWord={props.actionWord}
          onGo={insert}
          onFillIn={kind.inputs.length > 0 ? fillIn : () => setAsked(null)}
        />
      ) : (
        <div class="button-row picker-actions">
          <button type="button" onClick={insert} disabled={busy || !props.ready}>
            {props.actionWord} {form === 'message' ? 'message' : 'paragraph'}
          </button>
        </div>
      )}
    </div>
  );
}

/** Asks before a draft with fill-ins left goes out; focus starts on "… anyway". */
function FillInsLeft(props: {
  question: string;
  actionWord: 'Insert' | 'Copy';
  onGo: () => void;
  onFillIn: () => void;
}) {
  const go = useRef<HTMLButtonElement>(null);
  useEffect(() => go.current?.focus(), []);
  return (
    <div class="notice warn picker-confirm" data-testid="picker-confirm">
      <p role="alert">{props.question}</p>
      <div class="button-row">
        <button type="button" ref={go} onClick={props.onGo}>
          {props.actionWord} anyway
        </button>
        <button type="button" class="secondary" onClick={props.onFillIn}>
          Fill them in first
        </button>
      </div>
    </div>
  );
}
