/**
 * The picker's Paragraphs tab: the kinds (suggested first), paragraph or whole message, the
 * kind's inputs, the preview, and the insert button, which asks first when fill-ins are left.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { IsoDate } from '../../lib/dates';
import type { DraftData } from '../../lib/ui/draft-data';
import {
  buildDraftContext,
  kindsInOrder,
  renderDraft,
  suggestedKinds,
  type RenderedDraft,
} from '../../lib/drafts';
import { fillInsLeftQuestion, type PickerForm } from '../../lib/compose/picker/drafts';
import { KindInputs } from '../draft-inputs/KindInputs';
import { DraftPreview } from './DraftPreview';
import { KindList } from './KindList';

export function DraftChooser(props: {
  data: DraftData;
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
