/** The letter page's draft state (lib/letter/draft-state.ts): settings, text and fill-ins. */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_KIND,
  draftReducer,
  fillInsLeft,
  initialDraftState,
  isFrozen,
  markersIn,
  NO_EXTRAS,
  settingsChanged,
  type DraftAction,
  type DraftState,
  type InitialDraft,
} from '../../../lib/letter/draft-state';

const fresh: InitialDraft = {
  kindId: 'records-request',
  serviceId: null,
  serviceIds: ['speech', 'ot'],
  inputs: {},
  saved: null,
};

const draft = (n: number) => ({
  html: `<p>Draft ${n} [your phone number]</p>`,
  markers: ['[your phone number]'],
  subject: `Subject ${n} [child's grade]`,
});

function run(state: DraftState, ...actions: DraftAction[]): DraftState {
  return actions.reduce(draftReducer, state);
}

describe('the first draft state', () => {
  it('takes the kind asked for, or the default for an unknown one', () => {
    expect(initialDraftState(fresh).settings.kindId).toBe('records-request');
    expect(initialDraftState({ ...fresh, kindId: 'no-such-kind' }).settings.kindId).toBe(
      DEFAULT_KIND,
    );
    expect(initialDraftState({ ...fresh, kindId: null }).settings.kindId).toBe(DEFAULT_KIND);
  });

  it('chooses the one service asked for only when the student has it', () => {
    expect(initialDraftState({ ...fresh, serviceId: 'ot' }).settings.serviceIds).toEqual(['ot']);
    expect(initialDraftState({ ...fresh, serviceId: 'gone' }).settings.serviceIds).toBeNull();
  });

  it('starts a new letter empty, untouched, as a printed letter', () => {
    const state = initialDraftState({ ...fresh, inputs: { letter: 'l1' } });
    expect(state).toMatchObject({
      settings: {
        form: 'document',
        countFrom: '',
        responseDate: '',
        inputs: { letter: 'l1' },
        extras: NO_EXTRAS,
      },
      content: '',
      version: 0,
      edited: false,
      subjectEdited: false,
      markers: [],
    });
    expect(isFrozen(state, false)).toBe(false);
    expect(settingsChanged(state, false)).toBe(false);
  });

  it('reopens a saved letter as it was written, with the fill-ins it still has', () => {
    const state = initialDraftState({
      ...fresh,
      saved: {
        bodyHtml: '<p>Call me at [your phone number].</p>',
        subject: 'Records',
        text: 'Call me at [your phone number]. Also [your phone number] and [date].',
      },
    });
    expect(state).toMatchObject({
      content: '<p>Call me at [your phone number].</p>',
      version: 1,
      edited: true,
      subject: 'Records',
      subjectEdited: true,
      markers: ['[your phone number]', '[date]'],
    });
    expect(isFrozen(state, false)).toBe(true);
    expect(settingsChanged(state, false)).toBe(false);
  });
});

describe('the settings', () => {
  it('empties the inputs when the kind changes; other changes keep them', () => {
    const state = run(
      initialDraftState(fresh),
      { type: 'input', id: 'a', value: '1' },
      { type: 'input', id: 'b', value: '2' },
      { type: 'form', form: 'message' },
      { type: 'countFrom', date: '2026-09-01' },
    );
    expect(state.settings).toMatchObject({
      inputs: { a: '1', b: '2' },
      form: 'message',
      countFrom: '2026-09-01',
    });
    const other = draftReducer(state, { type: 'kind', kindId: 'follow-up' });
    expect(other.settings).toMatchObject({ kindId: 'follow-up', inputs: {}, form: 'message' });
  });

  it('sets the services, reply date and extras', () => {
    const extras = { enclosures: ['other' as const], otherEnclosure: 'notes', cc: [] };
    const state = run(
      initialDraftState(fresh),
      { type: 'services', serviceIds: ['ot'] },
      { type: 'responseDate', date: '2026-12-10' },
      { type: 'extras', extras },
    );
    expect(state.settings).toMatchObject({
      serviceIds: ['ot'],
      responseDate: '2026-12-10',
      extras,
    });
  });
});

describe('the text', () => {
  it('fills in the draft with its subject, and each fill replaces the text again', () => {
    const once = draftReducer(initialDraftState(fresh), {
      type: 'fill',
      draft: draft(1),
      withSubject: true,
    });
    expect(once).toMatchObject({
      content: draft(1).html,
      markers: ['[your phone number]'],
      subject: draft(1).subject,
      version: 1,
      edited: false,
    });
    const twice = draftReducer(once, { type: 'fill', draft: draft(2), withSubject: false });
    expect(twice).toMatchObject({ content: draft(2).html, subject: draft(1).subject, version: 2 });
  });

  it('keeps the subject the user wrote', () => {
    const state = run(initialDraftState(fresh), { type: 'subject', subject: 'Mine' });
    expect(state).toMatchObject({ subject: 'Mine', subjectEdited: true, edited: false });
  });

  it('notes what the editor found on load without calling it an edit', () => {
    const state = run(initialDraftState(fresh), {
      type: 'loaded',
      remaining: ['[a]'],
      plainText: 'Text [a]',
    });
    expect(state).toMatchObject({ remaining: ['[a]'], plainText: 'Text [a]', edited: false });
  });

  it('stops following the settings once edited, and says when they changed', () => {
    const edited = run(
      initialDraftState(fresh),
      { type: 'fill', draft: draft(1), withSubject: true },
      { type: 'edited', remaining: [], plainText: 'My own words' },
    );
    expect(edited).toMatchObject({ edited: true, remaining: [], plainText: 'My own words' });
    expect(isFrozen(edited, false)).toBe(true);
    expect(settingsChanged(edited, false)).toBe(false);

    const changed = draftReducer(edited, { type: 'form', form: 'message' });
    expect(settingsChanged(changed, false)).toBe(true);
    // Changing it back is no change.
    expect(settingsChanged(draftReducer(changed, { type: 'form', form: 'document' }), false)).toBe(
      false,
    );
  });

  it('stops following the settings once recorded, even untouched', () => {
    const state = run(
      initialDraftState(fresh),
      { type: 'fill', draft: draft(1), withSubject: true },
      { type: 'countFrom', date: '2026-10-01' },
    );
    expect(settingsChanged(state, false)).toBe(false);
    expect(isFrozen(state, true)).toBe(true);
    expect(settingsChanged(state, true)).toBe(true);
  });

  it('counts a change the page makes (the attachments list) as an edit', () => {
    const state = run(initialDraftState(fresh), { type: 'changed', plainText: 'Attachments: …' });
    expect(state).toMatchObject({ edited: true, plainText: 'Attachments: …' });
  });

  it('rebuilds from the new settings: the draft and its subject replace the edits', () => {
    const state = run(
      initialDraftState(fresh),
      { type: 'fill', draft: draft(1), withSubject: true },
      { type: 'subject', subject: 'Mine' },
      { type: 'edited', remaining: [], plainText: 'Mine' },
      { type: 'kind', kindId: 'follow-up' },
      { type: 'rebuild', draft: draft(2) },
    );
    expect(state).toMatchObject({
      content: draft(2).html,
      subject: draft(2).subject,
      subjectEdited: false,
      edited: false,
      version: 2,
    });
    expect(isFrozen(state, false)).toBe(false);
    expect(settingsChanged(state, true)).toBe(false);
  });
});

describe('the fill-ins left', () => {
  it("lists the subject's and the text's, each once, the subject's first", () => {
    const state = run(
      initialDraftState(fresh),
      { type: 'fill', draft: draft(1), withSubject: true },
      { type: 'loaded', remaining: ['[date]', '[your phone number]'], plainText: '' },
    );
    expect(fillInsLeft(state)).toEqual({ inSubject: [], all: ['[date]', '[your phone number]'] });

    const inSubject = run(
      state,
      { type: 'subject', subject: 'About [your phone number]' },
      { type: 'edited', remaining: ['[date]'], plainText: '' },
    );
    expect(fillInsLeft(inSubject)).toEqual({
      inSubject: ['[your phone number]'],
      all: ['[your phone number]', '[date]'],
    });
  });

  it('finds markers in saved text: bracketed, 2 to 80 characters, on one line', () => {
    expect(markersIn('[a] [ab] [ab] [x\ny] [' + 'z'.repeat(81) + ']')).toEqual(['[ab]']);
  });
});
