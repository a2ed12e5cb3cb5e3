// @vitest-environment happy-dom
/**
 * The complaint packet's exhibits as printed (components/letter/PacketExhibit): what an advocate
 * reads in the PDF must agree with the letter, date for date and minute for minute.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { METHOD_LABELS } from '../../../components/correspondence/letter-records';
import { PacketExhibit } from '../../../components/letter/PacketExhibit';
import { formatShortDate } from '../../../lib/dates';
import {
  EXHIBIT_IDS,
  NO_RESPONSE,
  exhibitPeriod,
  renderDraft,
  type DraftContext,
} from '../../../lib/drafts';
import { periodPhrase } from '../../../lib/drafts/words';
import { computeServiceGap } from '../../../lib/gap';
import { buildPacket, packetRecent, type Exhibit } from '../../../lib/packet';
import { serviceName } from '../../../lib/model';
import { capitalize } from '../../../lib/text';
import { richContext, richDistrictRecords, richSessions } from '../drafts/fixtures';

const recent = packetRecent('state-complaint');

function exhibitsOf(ctx: DraftContext): Exhibit[] {
  return buildPacket({
    ctx,
    recent,
    sessions: richSessions(),
    districtRecords: richDistrictRecords(),
  });
}

function exhibit<Id extends Exhibit['id']>(list: Exhibit[], id: Id) {
  const found = list.find((e) => e.id === id);
  if (!found) throw new Error(`no ${id} exhibit`);
  return found as Extract<Exhibit, { id: Id }>;
}

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function show(shown: Exhibit): HTMLElement {
  render(<PacketExhibit exhibit={shown} />, root);
  return root;
}

const cells = (tr: Element) =>
  Array.from(tr.querySelectorAll('th, td')).map((c) => c.textContent?.trim() ?? '');

describe('Exhibit B, the summary of minutes', () => {
  it("counts from the day the letter's figures start, not the first week's Monday", () => {
    // A week service that began on a Wednesday: its first counted week starts the Monday before.
    const base = richContext({ exhibits: { keep: [...EXHIBIT_IDS], recent } });
    const weekly = base.services.find((f) => f.service.period === 'week')!;
    const service = { ...weekly.service, startDate: '2026-09-02' };
    const gap = computeServiceGap(service, base.calendar!, richSessions(), base.today);
    expect(gap.countedFrom).toBe('2026-08-31');
    const ctx = { ...base, services: [{ ...weekly, service, gap, recentGap: gap }] };
    const from = exhibitPeriod(ctx, recent)!.from;
    expect(from).toBe('2026-09-02');
    expect(renderDraft('state-complaint', ctx, 'document').text).toContain(
      capitalize(periodPhrase(from, gap.countedTo!)),
    );
    const page = show(exhibit(exhibitsOf(ctx), 'gap-summary'));
    const row = page.querySelector('[data-testid=summary-table] tbody tr')!;
    expect(cells(row)[1]).toBe(`${formatShortDate(from)} – ${formatShortDate(gap.countedTo!)}`);
    // Minutes are written as the letter writes them ("1,802").
    expect(cells(row)[2]).toBe(gap.expected.toLocaleString('en-US'));
    const big = show(exhibit(exhibitsOf(base), 'gap-summary'));
    const required = Array.from(big.querySelectorAll('[data-testid=summary-table] tbody tr')).map(
      (tr) => cells(tr)[2],
    );
    expect(required).toEqual(
      base.services.map((f) => f.recentGap.expected.toLocaleString('en-US')),
    );
    // The weekly chart's rows stay "week of" Mondays, as the letter names weeks.
  });
});

describe('Exhibit A, the service log', () => {
  it('keeps each date on one line', () => {
    const ctx = richContext({ exhibits: { keep: [...EXHIBIT_IDS], recent } });
    const page = show(exhibit(exhibitsOf(ctx), 'service-log'));
    const dates = Array.from(page.querySelectorAll('tbody tr > td:first-child'));
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.every((td) => td.classList.contains('nowrap'))).toBe(true);
  });
});

describe("Exhibit C, the comparison with the district's logs", () => {
  it('says the "student absent" minutes in both documented missed columns alike', () => {
    const ctx = richContext({ exhibits: { keep: [...EXHIBIT_IDS], recent } });
    const shown = exhibit(exhibitsOf(ctx), 'district-logs');
    const page = show(shown);
    const [r] = shown.reconciliations;
    // The fixture's compared weeks hold an absence in each log.
    expect(r!.parentExcused).toBeGreaterThan(0);
    expect(r!.districtExcused).toBeGreaterThan(0);
    // Documented missed is the gap engine's (absences included) over the compared weeks.
    const f = ctx.services.find((s) => s.service.id === r!.serviceId)!;
    const weeks = f.recentGap.periods.filter(
      (p) => p.start >= r!.compared.from! && p.end <= r!.compared.to!,
    );
    expect(r!.parentMissed).toBe(weeks.reduce((n, p) => n + p.documentedMissed, 0));
    const row = cells(page.querySelector('[data-testid=exhibit-district] tbody tr')!);
    expect(row[4]).toBe(`${r!.parentMissed} min (${r!.parentExcused} min student absent)`);
    expect(row[5]).toBe(`${r!.districtMissed} min (${r!.districtExcused} min student absent)`);
    expect(page.querySelector('[data-testid=totals-absences]')?.textContent).toMatch(
      /^Both "documented missed" columns count the sessions my child missed by being absent/,
    );
    expect(page.textContent).not.toMatch(/your (log|child)/i);
  });

  it("prints each dated list with what my log and the district's file say, and the file", () => {
    const ctx = richContext({ exhibits: { keep: [...EXHIBIT_IDS], recent } });
    const shown = exhibit(exhibitsOf(ctx), 'district-logs');
    const page = show(shown);
    const table = (id: string) => page.querySelector(`[data-testid=${id}]`)!;
    const rowsOf = (id: string) => Array.from(table(id).querySelectorAll('tbody tr')).map(cells);
    expect(cells(table('exhibit-district-differences').querySelector('thead tr')!)).toEqual([
      'Date',
      'Service',
      'What differs',
      'My log',
      "The district's file",
    ]);
    expect(rowsOf('exhibit-district-differences')).toEqual(
      shown.differences.map((d) => [
        formatShortDate(d.date),
        capitalize(serviceName(d.service)),
        d.what,
        d.mine,
        `${d.district}, in "${d.files[0]}"`,
      ]),
    );
    expect(rowsOf('exhibit-district-missed')).toEqual(
      shown.districtMissed.map((m) => [
        formatShortDate(m.date),
        capitalize(serviceName(m.service)),
        String(m.minutes),
        m.mine,
        `${m.district}, in "${m.files[0]}"`,
      ]),
    );
    const total = shown.districtMissed.reduce((n, m) => n + m.minutes, 0);
    expect(cells(table('exhibit-district-missed').querySelector('tfoot tr')!)).toEqual([
      `Total (${shown.districtMissed.length} sessions)`,
      String(total),
      "minutes, from the district's own file",
    ]);
    expect(page.textContent).not.toMatch(/your (log|child)/i);
  });
});

describe('Exhibit D, the letters and replies', () => {
  it('keeps how each letter was sent on one line ("E-mail" never breaks at its hyphen)', () => {
    const ctx = richContext({ exhibits: { keep: [...EXHIBIT_IDS], recent } });
    const shown = exhibit(exhibitsOf(ctx), 'correspondence');
    const page = show(shown);
    const methods = Array.from(page.querySelectorAll('tbody td span.nowrap')).map(
      (span) => span.textContent,
    );
    expect(methods).toEqual(
      shown.rows.filter((r) => r.method).map((r) => METHOD_LABELS[r.method!]),
    );
    expect(methods).toContain('E-mail');
    expect(cells(page.querySelector('thead tr')!)[2]).toBe('To, how sent');
  });

  it('says "No response" for a letter with no reply, as the complaint does', () => {
    const ctx = richContext({ exhibits: { keep: [...EXHIBIT_IDS], recent } });
    const shown = exhibit(exhibitsOf(ctx), 'correspondence');
    const page = show(shown);
    const rows = Array.from(page.querySelectorAll('tbody tr')).map(cells);
    const unanswered = shown.rows.filter((r) => !r.responseDate && !r.responseSummary);
    expect(unanswered.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r[3] === NO_RESPONSE)).toHaveLength(unanswered.length);
    expect(renderDraft('state-complaint', ctx, 'document').text).toContain(NO_RESPONSE);
    // The kind's title, then the subject quoted (no "title: subject: …" run of colons).
    shown.rows.forEach((r, i) =>
      expect(rows[i]![1]).toBe(r.subject ? `${r.kindTitle} — "${r.subject}"` : r.kindTitle),
    );
  });
});
