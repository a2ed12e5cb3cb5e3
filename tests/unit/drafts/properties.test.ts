/**
 * Property tests: random tracker data, hostile text in every user field, every kind in every form.
 * Whatever the data, a draft never prints "undefined", "NaN" or "[object Object]", never lets
 * markup from a user value through, never prints a citation outside the registry, and reports
 * every fill-in marker it leaves.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DRAFT_FORMS,
  buildDraftContext,
  draftKinds,
  escapeHtml,
  renderDraft,
} from '../../../lib/drafts';
import {
  profileSchema,
  serviceSchema,
  sessionEntrySchema,
  studentSchema,
  letterSchema,
} from '../../../lib/model';
import { HOSTILE, contextInputArb, inputIds } from './arbitraries';
import { JUNK, hasUnsafeMarkup, unknownCitations } from './checks';
import { calendar } from './fixtures';

describe('drafts from random tracker data', () => {
  it('never print junk, unescaped markup, unknown citations or unreported markers', () => {
    fc.assert(
      fc.property(contextInputArb, (input) => {
        const ctx = buildDraftContext(input);
        for (const kind of draftKinds) {
          for (const form of DRAFT_FORMS) {
            const draft = renderDraft(kind.id, ctx, form);
            const where = `${kind.id} ${form}`;
            expect(draft.text, where).not.toMatch(JUNK);
            expect(draft.html, where).not.toMatch(JUNK);
            expect(draft.subject, where).not.toMatch(JUNK);
            expect(hasUnsafeMarkup(draft.html), where).toBe(false);
            expect(unknownCitations(draft.text), where).toBe('');
            for (const m of draft.markers) expect(`${draft.subject}\n${draft.text}`).toContain(m);
          }
        }
      }),
      { numRuns: 100 },
    );
    // Rendering 33 drafts a run on a loaded two-core machine can pass the default 5 seconds.
  }, 60_000);

  it('escape every hostile value that reaches the HTML', () => {
    for (const hostile of HOSTILE) {
      const service = serviceSchema.parse({
        id: 'svc-h',
        studentId: 'stu-h',
        kind: 'other',
        label: hostile,
        minutes: 60,
        period: 'week',
        provider: hostile,
        startDate: '2026-08-31',
        endDate: '2027-05-28',
      });
      const missed = sessionEntrySchema.parse({
        id: 'e-h',
        studentId: 'stu-h',
        serviceId: 'svc-h',
        date: '2026-10-07',
        status: 'missed',
        minutesDelivered: 0,
        scheduledMinutes: 60,
        reason: 'other',
        note: hostile,
        createdAt: 1,
      });
      const ctx = buildDraftContext({
        student: studentSchema.parse({
          id: 'stu-h',
          name: hostile,
          school: hostile,
          district: hostile,
          grade: hostile,
          homeAddress: hostile,
          calendarId: 'c',
          createdAt: 1,
        }),
        profile: profileSchema.parse({
          id: 'profile',
          parentName: hostile,
          email: '',
          phone: hostile.slice(0, 40),
          address: hostile,
          district: hostile,
          directorName: hostile,
          directorEmail: '',
        }),
        calendar,
        services: [service],
        sessions: [missed],
        letters: [
          letterSchema.parse({
            id: 'l-h',
            studentId: 'stu-h',
            kind: 'service-concern',
            subject: hostile,
            status: 'sent',
            sentDate: '2026-10-08',
            to: hostile,
            responseSummary: hostile,
            createdAt: 1,
          }),
        ],
        today: '2026-11-02',
        inputs: Object.fromEntries(inputIds.map((id) => [id, hostile])),
      });
      for (const kind of draftKinds) {
        for (const form of DRAFT_FORMS) {
          const { html, text } = renderDraft(kind.id, ctx, form);
          expect(hasUnsafeMarkup(html), `${kind.id} ${form} ${hostile}`).toBe(false);
          if (form !== 'paragraph') {
            // The value is really there, as text.
            expect(text, `${kind.id} ${form}`).toContain(hostile.trim());
            expect(html, `${kind.id} ${form}`).toContain(escapeHtml(hostile.trim()));
          }
        }
      }
      const complaint = renderDraft('state-complaint', ctx, 'document').text;
      expect(complaint).toContain(`Other: ${hostile.trim()}`); // the note, in the table
    }
  });
});
