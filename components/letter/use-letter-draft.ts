/**
 * The letter page's draft: the state (lib/letter/draft-state.ts, a reducer) joined to the
 * student's data (the draft context and the rendered draft, lib/drafts), the editor (its region,
 * read through the allow-list cleaner) and the correspondence log (this letter's record).
 * While the text is untouched and unrecorded, it follows the settings and the data.
 */
import { useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { formatLongDate, type IsoDate } from '../../lib/dates';
import type { AdvocateDatabase } from '../../lib/db';
import { buildDraftContext, getDraftKind, OPI_ADDRESS_LINES, renderDraft } from '../../lib/drafts';
import {
  draftReducer,
  fillInsLeft,
  initialDraftState,
  isFrozen,
  settingsChanged,
  type InitialDraft,
} from '../../lib/letter/draft-state';
import { letterRecord } from '../../lib/letter/record';
import { cleanLetterHtml, letterText } from '../../lib/letter-export/index';
import { newId, type Letter } from '../../lib/model';
import { packetRecent } from '../../lib/packet';
import type { DraftData } from '../../lib/ui/draft-data';
import { useLiveQuery } from '../../lib/ui/live-query';

export interface LetterDraftProps {
  db: AdvocateDatabase;
  today: IsoDate;
  data: DraftData;
  initialKind: string | null;
  initialService?: string | null;
  initialInputs?: Record<string, string>;
  /** A saved letter reopened (?letter=<id>): its text goes into the editor. */
  saved: Letter | null;
}

function initial(props: LetterDraftProps): InitialDraft {
  const { saved } = props;
  return {
    kindId: props.initialKind,
    serviceId: props.initialService ?? null,
    serviceIds: props.data.services.map((s) => s.id),
    inputs: props.initialInputs ?? {},
    saved: saved
      ? { bodyHtml: saved.bodyHtml, subject: saved.subject, text: letterText(saved.bodyHtml) }
      : null,
  };
}

export function useLetterDraft(props: LetterDraftProps) {
  const { db, today, data } = props;
  const { student, profile, calendar, services, sessions, gaps, letters } = data;
  const [state, dispatch] = useReducer(draftReducer, props, (p) => initialDraftState(initial(p)));
  const { kindId, form, serviceIds, countFrom, inputs, responseDate, extras } = state.settings;
  const kind = getDraftKind(kindId)!;
  // This letter's id in the correspondence log (a saved letter keeps its own).
  const [letterId] = useState(() => props.saved?.id ?? newId());
  const record = useLiveQuery(async () => (await db.letters.get(letterId)) ?? null, [letterId]);

  const draftContext = useMemo(
    () =>
      buildDraftContext({
        student,
        profile,
        calendar,
        services,
        countFrom: countFrom || null,
        // The log only for the district's records; the gaps from the gap cache (lib/ui/draft-data).
        sessions,
        gaps,
        // The letter being written is not one of its own "earlier requests".
        letters: letters.filter((l) => l.id !== letterId),
        today,
        ...(serviceIds ? { serviceIds } : {}),
        inputs,
        responseDate: responseDate || null,
        enclosures: extras.enclosures,
        otherEnclosure: extras.otherEnclosure,
        cc: extras.cc,
        exhibits: extras.exhibits ? { keep: extras.exhibits, recent: packetRecent(kindId) } : null,
        districtRecords: data.districtRecords,
        districtImports: data.districtImports,
      }),
    [data, today, kindId, serviceIds, countFrom, inputs, responseDate, extras],
  );
  const rendered = useMemo(
    () => renderDraft(kindId, draftContext, form),
    [kindId, draftContext, form],
  );

  // Follow the settings and the tracker's data only while the text is untouched and unsaved.
  const frozen = isFrozen(state, Boolean(record));
  useEffect(() => {
    if (!frozen) dispatch({ type: 'fill', draft: rendered, withSubject: !state.subjectEdited });
  }, [rendered, frozen]);

  const regionRef = useRef<HTMLDivElement | null>(null);
  /** The editor's text, cleaned, as HTML and as plain text. */
  const readText = () => {
    const html = cleanLetterHtml(regionRef.current?.innerHTML ?? state.content);
    return { html, text: letterText(html) };
  };

  // The reply date counts as asked for only while the text still says it.
  const asksForReplyBy =
    draftContext.responseDate && state.plainText.includes(formatLongDate(draftContext.responseDate))
      ? draftContext.responseDate
      : null;

  /** The letter's record as the editor has it now (the log's own fields kept once recorded). */
  const currentLetter = (): Letter =>
    letterRecord({
      id: letterId,
      studentId: student.id,
      kind: kindId,
      subject: state.subject,
      bodyHtml: readText().html,
      requestedResponseDate: asksForReplyBy,
      now: Date.now(),
      recorded: record,
    });

  // A letter to a named person (a provider, the principal) leaves "To" for the sender to fill.
  const defaultTo =
    kindId === 'state-complaint'
      ? OPI_ADDRESS_LINES.join(', ')
      : rendered.recipient === 'person'
        ? ''
        : [profile.directorName, profile.directorEmail].filter(Boolean).join(', ');

  return {
    state,
    dispatch,
    kind,
    draftContext,
    rendered,
    /** The services ticked: the chosen ones, or every one the draft is about. */
    chosenIds: serviceIds ?? draftContext.services.map((f) => f.service.id),
    settingsChanged: settingsChanged(state, Boolean(record)),
    fillIns: fillInsLeft(state),
    regionRef,
    readText,
    currentLetter,
    defaultTo,
  };
}

export type LetterDraft = ReturnType<typeof useLetterDraft>;
