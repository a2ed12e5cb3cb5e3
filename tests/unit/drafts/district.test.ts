/**
 * District records in drafts (issue 11): the context reconciles the district's own logs per
 * service through lib/district, the questions letter lists the conflicts and what the district's
 * logs show as not provided, and the make-up letter and the state complaint state those apart
 * from the parent's log, adding only dates the parent's log has no entry for.
 */
import { describe, expect, it } from 'vitest';
import { buildDraftContext, kindsInOrder, renderDraft, suggestedKinds } from '../../../lib/drafts';
import { owedLedger } from '../../../lib/drafts/facts';
import { fullDistrict } from '../../../lib/drafts/district';
import { RICH_INPUTS, richContext, richDistrictRecords, richImport, richInput } from './fixtures';

const withDistrict = richContext();
const without = richContext({ districtRecords: [], districtImports: [] });
const speechOf = (ctx = withDistrict) =>
  ctx.allServices.find((f) => f.service.id === 'svc-speech')!;

describe('the draft context with district records', () => {
  it('leaves district facts undefined when nothing was imported', () => {
    for (const f of without.allServices) {
      expect(f.district).toBeUndefined();
      expect(f.recentDistrict).toBeUndefined();
    }
    // Only the speech log was imported: the other services have none.
    for (const f of withDistrict.allServices.filter((s) => s.service.id !== 'svc-speech'))
      expect(f.district).toBeUndefined();
  });

  it("exposes per service the records, the period, the file, the conflicts and what the district's logs show missed", () => {
    const district = speechOf().district!;
    expect(district.records).toBe(7);
    expect([district.from, district.to]).toEqual(['2026-09-08', '2026-10-23']);
    expect(district.files).toEqual(['Special Ed Service Log.csv']);
    expect(district.conflicts).toEqual([
      {
        date: '2026-09-22',
        kind: 'conflict-delivered',
        parentSays: 'Missed, 30 minutes (provider absent)',
        districtSays: 'Delivered, 30 minutes (code P)',
        files: ['Special Ed Service Log.csv'],
      },
      {
        date: '2026-10-08',
        kind: 'conflict-absent',
        parentSays: 'My child was there: delivered, 30 minutes',
        districtSays: 'Student absent (code SA)',
        files: ['Special Ed Service Log.csv'],
      },
    ]);
    // No date where the district's log gives less than the IEP's 30 minutes per session.
    expect(district.under).toEqual([]);
    expect(
      district.missed.map((m) => [m.date, m.minutes, m.outcome, m.codes, m.parentHadNoRecord]),
    ).toEqual([
      ['2026-10-06', 30, 'provider-absent', ['PA'], false],
      ['2026-10-14', 30, 'provider-absent', ['PA'], true],
      ['2026-10-20', 30, 'provider-absent', ['PA'], false],
    ]);
    expect(district.missed.map((m) => [m.districtSays, m.files])).toEqual(
      district.missed.map(() => ['Provider absent (code PA)', ['Special Ed Service Log.csv']]),
    );
    // The make-up on October 23 is in both logs: not counted again.
    expect(district.madeUpNotInMyLog).toBe(0);
  });

  it("keeps the complaint's year: conflicts before it are left out of recentDistrict", () => {
    const later = richContext({ today: '2027-10-01' }); // the year starts October 1, 2026
    const speech = speechOf(later);
    expect(speech.district!.conflicts.map((c) => c.date)).toEqual(['2026-09-22', '2026-10-08']);
    expect(speech.recentDistrict!.conflicts.map((c) => c.date)).toEqual(['2026-10-08']);
  });

  it('ignores records of services that are not the student’s', () => {
    const stray = { ...richDistrictRecords()[0]!, id: 'dr-x', serviceId: 'svc-other' };
    const ctx = buildDraftContext(
      richInput({ inputs: RICH_INPUTS, districtRecords: [stray], districtImports: [richImport] }),
    );
    for (const f of ctx.allServices) expect(f.district).toBeUndefined();
  });
});

describe('the ledger with the district’s logs', () => {
  it('adds only the dates the parent logged nothing for, so no date counts twice', () => {
    const parent = owedLedger(withDistrict.services);
    const both = owedLedger(withDistrict.services, undefined, fullDistrict);
    const speech = both.services.find((l) => l.facts.service.id === 'svc-speech')!;
    expect(speech.districtRows.map((m) => m.date)).toEqual(['2026-10-14']);
    expect(both.missed).toBe(parent.missed + 30);
    expect(both.owed).toBe(both.missed - both.madeUp);
    const dates = [...speech.rows.map((r) => r.date), ...speech.districtRows.map((m) => m.date)];
    expect(new Set(dates).size).toBe(dates.length);
  });
});

describe('questions about the service logs', () => {
  it('is offered first only when the district’s logs show a conflict or a missed session', () => {
    expect(suggestedKinds(withDistrict)).toContain('service-log-questions');
    expect(kindsInOrder(withDistrict)[0]!.id).toBe('service-log-questions');
    expect(kindsInOrder(without).map((k) => k.id)).not.toContain('service-log-questions');
    // Records that agree with the parent's log: nothing to ask.
    const agreeing = richDistrictRecords().filter((r) => r.date === '2026-09-08');
    const calm = richContext({ districtRecords: agreeing });
    expect(speechOf(calm).district!.records).toBe(1);
    expect(kindsInOrder(calm).map((k) => k.id)).not.toContain('service-log-questions');
  });

  it('lists each conflict with both logs, and asks to make up what the district’s logs show', () => {
    const t = renderDraft('service-log-questions', withDistrict, 'message').text;
    expect(t).toContain(
      'September 22, 2026 | Missed, 30 minutes (provider absent) | Delivered, 30 minutes (code P)',
    );
    expect(t).toContain(
      'October 8, 2026 | My child was there: delivered, 30 minutes | Student absent (code SA)',
    );
    expect(t).toContain('Please explain each of these dates in writing');
    expect(t).toContain('34 C.F.R. § 300.613(a)');
    expect(t).toContain('October 14, 2026 | 30 | Provider absent (code PA) | No entry');
    // 3 sessions listed, 90 minutes; the district's own make-up (30) set against them.
    expect(t).toContain('Total: 90 minutes (1.5 hours) in 3 sessions');
    expect(t).toContain(
      'Please make up the remaining 60 minutes (1 hour) as compensatory services',
    );
    const paragraph = renderDraft('service-log-questions', withDistrict, 'paragraph').text;
    expect(paragraph).toContain('disagree on September 22 and October 8, 2026');
  });

  it('says what is missing instead of inventing it when nothing was imported', () => {
    const draft = renderDraft('service-log-questions', without, 'message');
    expect(draft.markers.length).toBeGreaterThan(0);
    expect(draft.notes.join(' ')).toContain('Import the district');
    expect(draft.text).not.toMatch(/\d+ minutes/);
  });
});

describe('the make-up letter and the state complaint with district records', () => {
  it("states the district's logs apart from the parent's and asks for the ledger's total", () => {
    const t = renderDraft('compensatory-services', withDistrict, 'message').text;
    expect(t).toContain(
      "The district's service logs show 3 sessions of speech-language therapy, 90 minutes (1.5 hours) in all, not provided or cut short between October 6 and October 20, 2026.",
    );
    expect(t).toContain(
      "October 14, 2026 | Speech-language therapy | The district's log (no entry in mine) | 30 | 0 | 30 | Provider absent (code PA)",
    );
    expect(t).toContain(
      'Total: 390 minutes (6.5 hours) missed, less 30 minutes made up: 360 minutes (6 hours) not provided or made up.',
    );
    expect(t).toContain('I am asking that the 360 minutes (6 hours)');
    // October 6 is in both logs: listed once in what is asked for.
    expect(t.match(/October 6, 2026 \| Speech-language therapy/g)).toHaveLength(1);
    const before = renderDraft('compensatory-services', without, 'message').text;
    expect(before).not.toContain("district's");
    expect(before).toContain('I am asking that the 330 minutes (5.5 hours)');
  });

  it("puts the district's logs and the conflicts in the complaint's facts", () => {
    const t = renderDraft('state-complaint', withDistrict, 'document').text;
    expect(t).toContain("The district's service logs show 3 sessions of speech-language therapy");
    expect(t).toContain("On these dates the district's log says something different from my log:");
    expect(t).toContain('October 8, 2026 | My child was there: delivered, 30 minutes');
    expect(t).toContain('at least 150 minutes (2.5 hours) of speech-language therapy');
    expect(t).toContain("with those the district's own service logs show as not provided");
  });
});
