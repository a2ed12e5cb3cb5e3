/**
 * The packet model (lib/packet): the kept exhibits, lettered in citing order, with the rows every
 * figure of the letter is a sum of.
 */
import { describe, expect, it } from 'vitest';
import { EXHIBIT_IDS, exhibitPeriod, periodText, renderDraft } from '../../../lib/drafts';
import { coveredFrom } from '../../../lib/gap';
import { capitalize } from '../../../lib/text';
import { periodPhrase } from '../../../lib/drafts/words';
import { computeServiceGap } from '../../../lib/gap';
import { serviceName } from '../../../lib/model';
import { buildPacket, logTotals, packetRecent } from '../../../lib/packet';
import { reconcileKindLabel } from '../../../lib/district';
import { districtRecordSchema } from '../../../lib/model';
import { richContext, richDistrictRecords, richImport, richSessions } from '../drafts/fixtures';

function packet(keep = [...EXHIBIT_IDS], kind = 'state-complaint') {
  const recent = packetRecent(kind);
  const ctx = richContext({ exhibits: { keep, recent } });
  return {
    ctx,
    exhibits: buildPacket({
      ctx,
      recent,
      sessions: richSessions(),
      districtRecords: richDistrictRecords(),
    }),
  };
}

describe('buildPacket', () => {
  it('letters the kept exhibits A, B, C… in the order the letter cites them', () => {
    const { exhibits } = packet();
    expect(exhibits.map((e) => `${e.letter} ${e.id}`)).toEqual([
      'A service-log',
      'B gap-summary',
      'C district-logs',
      'D correspondence',
    ]);
    expect(exhibits[0]!.title).toMatch(/^Service log, [A-Z][a-z]+ \d+ – [A-Z][a-z]+ \d+, 2026$/);
  });

  it("starts Exhibit A's period where the letter's figures start, not on that week's Monday", () => {
    const { ctx, exhibits } = packet();
    const froms = ctx.services.map((f) => coveredFrom(f.service, f.recentGap.countedFrom!)).sort();
    const period = exhibitPeriod(ctx, true)!;
    expect(period.from).toBe(froms[0]);
    expect(exhibits[0]!.title).toBe(`Service log, ${periodText(period)}`);
    // The letter states its figures from the same first day.
    const text = renderDraft('state-complaint', ctx, 'document').text;
    expect(text).toContain(
      capitalize(periodPhrase(period.from, ctx.services[0]!.recentGap.countedTo!)),
    );
    // A letter about a week service that began on a Wednesday (Sep 2): its first counted week
    // starts on the Monday before, and the exhibit's period starts on the Wednesday, as the
    // letter's figures do.
    const weekly = ctx.services.find((f) => f.service.period === 'week')!;
    const service = { ...weekly.service, startDate: '2026-09-02' };
    const gap = computeServiceGap(service, ctx.calendar!, richSessions(), ctx.today);
    expect(gap.countedFrom).toBe('2026-08-31');
    const only = { ...ctx, services: [{ ...weekly, service, gap, recentGap: gap }] };
    expect(exhibitPeriod(only, false)!.from).toBe('2026-09-02');
    expect(renderDraft('service-concern', only, 'document').text).toContain('From September 2');
  });

  it('re-letters when one is left out', () => {
    const { exhibits } = packet(['service-log', 'correspondence']);
    expect(exhibits.map((e) => `${e.letter} ${e.id}`)).toEqual([
      'A service-log',
      'B correspondence',
    ]);
  });

  it("lists the log rows the letter's missed minutes add up from", () => {
    const { ctx, exhibits } = packet();
    const log = exhibits.find((e) => e.id === 'service-log');
    if (log?.id !== 'service-log') throw new Error('no service log exhibit');
    const dates = log.rows.map((r) => r.date);
    expect([...dates].sort()).toEqual(dates);
    for (const f of ctx.services) {
      const rows = log.rows.filter((r) => r.service.id === f.service.id && !r.makeUp);
      const missed = rows
        .filter((r) => r.reason !== null && r.reason !== 'student-absent')
        .reduce((sum, r) => sum + r.missed, 0);
      expect(missed).toBe(f.recentGap.documentedMissed - f.recentGap.excused);
      const delivered = rows.reduce((sum, r) => sum + r.delivered, 0);
      expect(delivered).toBe(f.recentGap.delivered);
    }
  });

  it("adds the log's rows up per service to the letter's figures", () => {
    const { ctx, exhibits } = packet();
    const log = exhibits.find((e) => e.id === 'service-log');
    if (log?.id !== 'service-log') throw new Error('no service log exhibit');
    const totals = logTotals(log.rows);
    expect(totals.map((t) => t.service.id).sort()).toEqual(
      ctx.services.map((f) => f.service.id).sort(),
    );
    for (const t of totals) {
      const gap = ctx.services.find((f) => f.service.id === t.service.id)!.recentGap;
      expect(t.delivered).toBe(gap.delivered);
      expect(t.madeUp).toBe(gap.madeUp);
      expect(t.missed).toBe(gap.documentedMissed - gap.excused);
      expect(t.absent).toBe(gap.excused);
    }
    expect(totals.some((t) => t.absent > 0 && t.madeUp > 0)).toBe(true);
  });

  it('gives each service its weekly series and the district series when its logs exist', () => {
    const { exhibits } = packet();
    const summary = exhibits.find((e) => e.id === 'gap-summary');
    if (summary?.id !== 'gap-summary') throw new Error('no summary exhibit');
    expect(summary.services.length).toBeGreaterThan(0);
    for (const s of summary.services) {
      expect(s.series.every((w) => !w.inProgress)).toBe(true);
      if (s.district) expect(s.district).toHaveLength(s.series.length);
    }
    expect(summary.services.some((s) => s.district)).toBe(true);
  });

  it('lists each earlier letter with how it was sent and the reply, as the complaint does', () => {
    const { ctx, exhibits } = packet();
    const history = exhibits.find((e) => e.id === 'correspondence');
    if (history?.id !== 'correspondence') throw new Error('no correspondence exhibit');
    expect(history.rows.length).toBeGreaterThan(0);
    const text = renderDraft('state-complaint', ctx, 'document').text;
    expect(text).toContain('Exhibit D, the history of my letters');
    expect(history.rows.every((r) => r.sentDate <= ctx.today)).toBe(true);
  });

  it("describes the district exhibit as what it holds: each service's totals side by side", () => {
    const { ctx, exhibits } = packet();
    const district = exhibits.find((e) => e.id === 'district-logs');
    if (district?.id !== 'district-logs') throw new Error('no district exhibit');
    // One row of totals per service with the district's records (the dated lists: below).
    expect(district.reconciliations.map((r) => r.serviceId)).toEqual(
      ctx.services.filter((f) => f.recentDistrict).map((f) => f.service.id),
    );
    const text = renderDraft('state-complaint', ctx, 'document').text;
    const sentence = text.split('\n').find((line) => line.includes('Exhibit C,'));
    expect(sentence).toBe(
      "The totals of each service in my log and in the district's own service logs, over the dates the district's logs cover, are set side by side in Exhibit C, the comparison with the district's own service logs, with each date the two logs disagree on and each session the district's logs show as not provided.",
    );
    // Like with like: each row's totals are over the counted periods its district file covers,
    // and the exhibit states what each file covers, as the letter's sentence about it does.
    const records = richDistrictRecords();
    for (const r of district.reconciliations) {
      const f = ctx.services.find((s) => s.service.id === r.serviceId)!;
      const own = records.filter((d) => d.serviceId === r.serviceId).map((d) => d.date);
      const compared = f.recentGap.periods.filter((p) =>
        own.length === 0 ? false : p.start <= own.sort().at(-1)! && own[0]! <= p.end,
      );
      expect(r.compared.periods).toBe(compared.length);
      expect(r.expected).toBe(compared.reduce((n, p) => n + p.expected, 0));
      expect(r.parentDelivered).toBe(compared.reduce((n, p) => n + p.delivered, 0));
      expect(r.unaccounted).toBe(compared.reduce((n, p) => n + p.unaccounted, 0));
      const facts = f.recentDistrict!;
      for (const span of facts.fileSpans)
        expect(district.files).toContain(
          `File "${span.file}": ${span.records} record${span.records === 1 ? '' : 's'} of ${serviceName(f.service)}, ${periodPhrase(span.from, span.to)}.`,
        );
      expect(facts.fileSpans.map((s) => s.from).sort()[0]).toBe(facts.from);
    }
    expect(district.files.length).toBeGreaterThan(0);
    expect(text).toContain(
      "On these dates the district's log says something different from my log:",
    );
  });

  it("lists each date the logs disagree on and the district's own misses, with the file", () => {
    // A second file: the district gives 20 of the IEP's 30 minutes on a day I logged given.
    const given = richSessions().find(
      (e) =>
        e.serviceId === 'svc-speech' &&
        e.status === 'delivered' &&
        !e.makeUp &&
        e.date > '2026-09-08' &&
        e.date < '2026-10-06',
    )!;
    const second = { ...richImport, id: 'imp-2', fileName: 'Second file.csv' };
    const short = districtRecordSchema.parse({
      ...richDistrictRecords()[0]!,
      id: 'dr-short',
      importId: second.id,
      date: given.date,
      minutesServed: 20,
      row: 1,
    });
    const recent = packetRecent('state-complaint');
    const ctx = richContext({
      exhibits: { keep: [...EXHIBIT_IDS], recent },
      districtRecords: [...richDistrictRecords(), short],
      districtImports: [richImport, second],
    });
    const exhibits = buildPacket({
      ctx,
      recent,
      sessions: richSessions(),
      districtRecords: [...richDistrictRecords(), short],
    });
    const district = exhibits.find((e) => e.id === 'district-logs');
    if (district?.id !== 'district-logs') throw new Error('no district exhibit');
    const facts = ctx.services.find((f) => f.service.id === 'svc-speech')!.recentDistrict!;
    // Every conflict the letter states, in the packet's voice, and the district's short session.
    expect(facts.conflicts.length).toBeGreaterThan(0);
    const differences = district.differences.map((d) => [d.date, d.what, d.mine, d.files]);
    for (const c of facts.conflicts)
      expect(differences).toContainEqual([
        c.date,
        reconcileKindLabel(c.kind, 'me'),
        c.parentSays,
        [richImport.fileName],
      ]);
    expect(differences).toContainEqual([
      given.date,
      "The district's own log shows 20 minutes of the IEP's 30 minutes per session.",
      'Delivered, 30 minutes',
      ['Second file.csv'],
    ]);
    expect(district.differences).toHaveLength(facts.conflicts.length + 1);
    const short20 = district.differences.find((d) => d.date === given.date)!;
    expect(short20.district).toBe('Delivered, 20 minutes (code P)');
    // The district's own misses: the letter's table of them, row for row, with their files.
    expect(district.districtMissed.map((m) => [m.date, m.minutes])).toEqual(
      facts.missed.map((m) => [m.date, m.minutes]),
    );
    expect(district.districtMissed.find((m) => m.date === given.date)?.files).toEqual([
      'Second file.csv',
    ]);
    for (const list of [district.differences, district.districtMissed]) {
      const dates = list.map((r) => r.date);
      expect([...dates].sort()).toEqual(dates);
      expect(JSON.stringify(list)).not.toMatch(/\byour?\b/i);
    }
  });

  it('returns nothing when the letter is not printed with exhibits', () => {
    const ctx = richContext();
    expect(buildPacket({ ctx, recent: true, sessions: richSessions() })).toEqual([]);
  });
});
