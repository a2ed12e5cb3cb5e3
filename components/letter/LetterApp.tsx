/**
 * The letter page (letter.html?student=<id>&kind=<kind>, or ?letter=<id> to reopen a saved one):
 * choose the student, the kind, the services and the period; the draft fills in from the tracker
 * (lib/drafts); the parent edits it freely; then prints it (Save as PDF), copies it, downloads it,
 * saves it as a draft or records it as sent, which shows the deadlines that follow.
 *
 * The parent's edits are never lost to a re-render: the draft is regenerated automatically only
 * while the text is untouched; once edited, a change of settings offers to rebuild (after asking).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatLongDate, type IsoDate } from '../../lib/dates';
import {
  buildDraftContext,
  draftKinds,
  getDraftKind,
  OPI_ADDRESS_LINES,
  renderDraft,
  type DraftForm,
} from '../../lib/drafts';
import { loadStudentData, saveLetter, type AdvocateDatabase, type StudentData } from '../../lib/db';
import { newId, type Letter } from '../../lib/model';
import { useLiveQuery } from '../../lib/ui/live-query';
import { useStudentChoice } from '../../lib/ui/students';
import { ConfirmButton } from '../ui/ConfirmButton';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { DateField, RadioGroup, SelectField, TextField } from '../ui/fields';
import { HelpNote } from '../ui/HelpNote';
import { StatusMessage, useStatus } from '../ui/status';
import { StudentPicker } from '../students/StudentPicker';
import { downloadText, fileSlug } from '../correspondence/download';
import { reportPageUrl } from '../correspondence/letter-records';
import { LetterExtras, NO_EXTRAS, type LetterExtrasValue } from './LetterExtras';
import { DeadlinesAfterSending, SendForm } from '../correspondence/SendForm';
import { readLetterParams, type LetterParams } from './params';
import { ComplaintChecklist, type ChecklistManual } from './ComplaintChecklist';
import { countServicesFrom, ServiceChoices } from './draft-settings';
import { KindInputs } from '../draft-inputs/KindInputs';
import {
  cleanLetterHtml,
  copyPlainText,
  copyRichText,
  letterDocument,
  letterText,
} from '../../lib/letter-export/index';
import { LetterEditor } from './LetterEditor';
import { selectMarker } from './markers';

const DEFAULT_KIND = 'service-concern';
const FORMS: { value: Exclude<DraftForm, 'paragraph'>; label: string }[] = [
  { value: 'document', label: 'Printed letter' },
  { value: 'message', label: 'E-mail' },
];
/** A fill-in marker typed or left in a saved letter: "[your phone number]". */
const MARKER_PATTERN = /\[[^\]\n]{2,80}\]/g;

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
  const data = useLiveQuery(
    async () => (effectiveStudentId ? loadStudentData(db, effectiveStudentId) : null),
    [db, effectiveStudentId],
  );

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

interface WorkspaceProps {
  db: AdvocateDatabase;
  today: IsoDate;
  data: StudentData;
  initialKind: string | null;
  initialService?: string | null;
  initialInputs?: Record<string, string>;
  saved: Letter | null;
}

function LetterWorkspace(props: WorkspaceProps) {
  const { db, today, data } = props;
  const { student, profile, calendar, services, sessions, letters } = data;

  // ---------------------------------------------------------- the draft's settings
  const [kindId, setKindId] = useState(
    getDraftKind(props.initialKind ?? '') ? props.initialKind! : DEFAULT_KIND,
  );
  const kind = getDraftKind(kindId)!;
  const [form, setForm] = useState<Exclude<DraftForm, 'paragraph'>>('document');
  const [serviceIds, setServiceIds] = useState<string[] | null>(() =>
    services.some((s) => s.id === props.initialService) ? [props.initialService!] : null,
  );
  const [countFrom, setCountFrom] = useState('');
  const [inputs, setInputs] = useState<Record<string, string>>(() => props.initialInputs ?? {});
  const [responseDate, setResponseDate] = useState('');
  const [extras, setExtras] = useState<LetterExtrasValue>(NO_EXTRAS);
  const settings = [kindId, form, serviceIds, countFrom, inputs, responseDate, extras];
  const settingsKey = JSON.stringify(settings);
  // This letter's id in the correspondence log (a saved letter keeps its own).
  const [letterId] = useState(() => props.saved?.id ?? newId());
  const record = useLiveQuery(async () => (await db.letters.get(letterId)) ?? null, [letterId]);

  const draftContext = useMemo(
    () =>
      buildDraftContext({
        student,
        profile,
        calendar,
        services: countServicesFrom(services, countFrom || null),
        sessions,
        // The letter being written is not one of its own "earlier requests".
        letters: letters.filter((l) => l.id !== letterId),
        today,
        ...(serviceIds ? { serviceIds } : {}),
        inputs,
        responseDate: responseDate || null,
        ...extras,
        districtRecords: data.districtRecords,
        districtImports: data.districtImports,
      }),
    [data, today, serviceIds, countFrom, inputs, responseDate, extras],
  );
  const rendered = useMemo(
    () => renderDraft(kindId, draftContext, form),
    [kindId, draftContext, form],
  );
  const chosenIds = serviceIds ?? draftContext.services.map((f) => f.service.id);

  // ---------------------------------------------------------- the text
  const regionRef = useRef<HTMLDivElement | null>(null);
  const [content, setContent] = useState(props.saved?.bodyHtml ?? '');
  const [version, setVersion] = useState(props.saved ? 1 : 0);
  const [edited, setEdited] = useState(props.saved !== null);
  const [generatedKey, setGeneratedKey] = useState(settingsKey);
  const [subject, setSubject] = useState(props.saved?.subject ?? '');
  const [subjectEdited, setSubjectEdited] = useState(props.saved !== null);
  const [markers, setMarkers] = useState<string[]>(() =>
    props.saved ? [...new Set(letterText(props.saved.bodyHtml).match(MARKER_PATTERN) ?? [])] : [],
  );
  const [remaining, setRemaining] = useState<string[]>([]);
  const [plainText, setPlainText] = useState('');

  // Puts the current draft into the editor (and the subject, unless the user wrote their own).
  const fillFromDraft = (withSubject: boolean) => {
    setMarkers(rendered.markers);
    setContent(rendered.html);
    setVersion((v) => v + 1);
    setGeneratedKey(settingsKey);
    if (withSubject) setSubject(rendered.subject);
  };
  // Follow the settings and the tracker's data only while the text is untouched and unsaved:
  // a saved or sent letter keeps its words even when the log changes afterwards.
  const frozen = edited || Boolean(record);
  useEffect(() => {
    if (!frozen) fillFromDraft(!subjectEdited);
  }, [rendered, frozen]);

  const settingsChanged = frozen && generatedKey !== settingsKey;

  const readText = () => {
    const html = cleanLetterHtml(regionRef.current?.innerHTML ?? content);
    return { html, text: letterText(html) };
  };
  const subjectMarkers = markers.filter((m) => subject.includes(m));
  const allRemaining = [...new Set([...subjectMarkers, ...remaining])];

  // ---------------------------------------------------------- the record
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<Letter | null>(null);
  const [status, announce] = useStatus();
  const [manual, setManual] = useState<ChecklistManual>({ signed: false, copyToDistrict: false });

  const asksForReplyBy =
    draftContext.responseDate && plainText.includes(formatLongDate(draftContext.responseDate))
      ? draftContext.responseDate
      : null;

  function currentLetter(): Letter {
    const { html } = readText();
    return {
      id: letterId,
      studentId: student.id,
      kind: kindId,
      subject: subject.slice(0, 300),
      status: record?.status ?? 'draft',
      createdAt: record?.createdAt ?? Date.now(),
      sentDate: record?.sentDate ?? null,
      to: record?.to ?? '',
      method: record?.method ?? null,
      host: record?.host ?? '',
      requestedResponseDate: record?.requestedResponseDate ?? asksForReplyBy,
      notes: record?.notes ?? '',
      responseDate: record?.responseDate ?? null,
      responseSummary: record?.responseSummary ?? '',
      bodyHtml: html,
    };
  }

  // A letter to a named person (a provider, the principal) leaves "To" for the sender to fill.
  const defaultTo =
    kindId === 'state-complaint'
      ? OPI_ADDRESS_LINES.join(', ')
      : rendered.recipient === 'person'
        ? ''
        : [profile.directorName, profile.directorEmail].filter(Boolean).join(', ');

  async function act(label: string, action: () => Promise<void> | void) {
    try {
      await action();
      announce(label);
    } catch (error) {
      announce(`That did not work: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const slug = `${fileSlug(student.name)}-${kindId}-${today}`;
  const downloads = [
    {
      label: 'Download .html',
      extension: 'html',
      type: 'text/html;charset=utf-8',
      content: () => letterDocument(subject, readText().html),
    },
    {
      label: 'Download .txt',
      extension: 'txt',
      type: 'text/plain;charset=utf-8',
      content: () => `${readText().text}\n`,
    },
  ];

  function addAttachments() {
    const region = regionRef.current;
    if (!region) return;
    const earlier = draftContext.letters
      .filter((l) => l.letter.kind !== 'state-complaint')
      .map((l) => `${l.kindTitle} (${formatLongDate(l.letter.sentDate!)})`);
    const paragraph = document.createElement('p');
    paragraph.textContent =
      `Attachments: (1) Evidence report: required and delivered minutes by week and the missed ` +
      `sessions, as of ${formatLongDate(today)}.` +
      (earlier.length > 0
        ? ` (2) Copies of my earlier letters: ${earlier.join('; ')}, and the district's replies.`
        : '');
    const closing = Array.from(region.querySelectorAll('p')).find((p) =>
      /^\s*Sincerely,?/.test(p.textContent ?? ''),
    );
    region.insertBefore(paragraph, closing ?? null);
    setEdited(true);
    setPlainText(readText().text);
    announce('An attachments list was added before the closing.');
  }

  return (
    <div class="letter-layout">
      <section class="letter-settings no-print" aria-labelledby="settings-heading">
        <h2 id="settings-heading">1. Choose the letter</h2>
        <SelectField
          label="Kind of letter"
          value={kindId}
          onValue={(value) => {
            setKindId(value);
            setInputs({});
          }}
          options={draftKinds.map((k) => ({ value: k.id, label: k.title }))}
          hint={kind.description}
        />
        <RadioGroup
          legend="Format"
          value={form}
          onValue={setForm}
          options={FORMS}
          layout="inline"
        />
        <ServiceChoices services={services} chosen={chosenIds} onChange={setServiceIds} />
        <DateField
          label="Count missed minutes from (optional)"
          value={countFrom}
          onValue={setCountFrom}
          hint="Leave empty to count from the start of each service. The count always runs to today."
        />
        <KindInputs
          inputs={kind.inputs}
          values={inputs}
          services={services}
          letters={draftContext.letters.map((l) => l.letter)}
          today={today}
          onChange={(id, value) => setInputs((current) => ({ ...current, [id]: value }))}
        />
        <DateField
          label="Ask for a reply by"
          value={responseDate || draftContext.responseDate || ''}
          onValue={setResponseDate}
          hint="Suggested: 10 school days from today."
        />
        <LetterExtras
          value={extras}
          onChange={setExtras}
          profile={profile}
          toDistrict={rendered.recipient !== 'opi'}
          toDirector={rendered.recipient === 'district'}
        />
        <p class="small">
          <a href={reportPageUrl(student.id)}>Open the evidence report</a> ·{' '}
          <a href="/tracker.html#/letters">Letters and deadlines</a>
        </p>
      </section>

      <section class="letter-work" aria-labelledby="text-heading">
        <h2 id="text-heading" class="no-print">
          2. Read and edit
        </h2>
        {settingsChanged ? (
          <div class="notice warn no-print" data-testid="settings-changed">
            <p>
              You changed the settings after editing or saving the text. Your text is kept as it is.
            </p>
            <ConfirmButton
              label="Rebuild the letter from the new settings"
              question="Replace your edited text with a new draft?"
              confirmLabel="Yes, replace my edits"
              onConfirm={() => {
                fillFromDraft(true);
                setSubjectEdited(false);
                setEdited(false);
              }}
            />
          </div>
        ) : null}
        <TextField
          class="no-print"
          label="Subject"
          value={subject}
          onValue={(value) => {
            setSubject(value);
            setSubjectEdited(true);
          }}
          hint="Used for e-mail, file names and your letter records."
        />
        {allRemaining.length > 0 ? (
          <div class="notice warn no-print" data-testid="fill-ins">
            <p id="fill-ins-heading">
              <strong>
                {allRemaining.length} {allRemaining.length === 1 ? 'fill-in' : 'fill-ins'} to
                complete
              </strong>{' '}
              (highlighted in the text). They don't stop you printing or sending.
            </p>
            <ul aria-labelledby="fill-ins-heading">
              {allRemaining.map((marker) => (
                <li key={marker}>
                  {subjectMarkers.includes(marker) && !remaining.includes(marker) ? (
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
        ) : null}
        <p id="letter-label" class="visually-hidden">
          Letter text
        </p>
        <LetterEditor
          id="letter-text"
          labelledBy="letter-label"
          content={content}
          version={version}
          markers={markers}
          regionRef={regionRef}
          onLoad={(found) => {
            setRemaining(found);
            setPlainText(readText().text);
          }}
          onEdit={(found) => {
            setRemaining(found);
            setEdited(true);
            setPlainText(readText().text);
          }}
        />

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
            onClick={() =>
              act('Saved. Find it under Letters in the tracker.', async () => {
                await saveLetter(db, currentLetter());
              })
            }
          >
            Save draft
          </button>
          <button type="button" onClick={() => setSending(true)} data-testid="mark-sent">
            Mark as sent
          </button>
        </div>
        <StatusMessage message={status} testId="letter-status" />
        {sending ? (
          <SendForm
            letter={currentLetter()}
            today={today}
            defaultTo={defaultTo}
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
            <DeadlinesAfterSending letter={sent} today={today} calendar={calendar} />
            <p class="small">
              <a href="/tracker.html#/letters">See all letters and deadlines</a>
            </p>
          </div>
        ) : null}
      </section>

      <aside class="letter-side no-print" aria-label="Notes and checks">
        {kindId === 'state-complaint' ? (
          <ComplaintChecklist
            studentId={student.id}
            today={today}
            sessions={sessions}
            text={plainText}
            remainingMarkers={allRemaining}
            districtName={student.district || profile.district}
            manual={manual}
            onManual={setManual}
            onAddAttachments={addAttachments}
          />
        ) : null}
        {rendered.notes.length > 0 ? (
          <section class="card" aria-labelledby="notes-heading">
            <h2 id="notes-heading">Notes for you (not part of the letter)</h2>
            <ul>
              {rendered.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          </section>
        ) : null}
      </aside>
    </div>
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
