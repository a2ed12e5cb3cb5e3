/**
 * The evidence report end to end on the sample family: the totals agree with the gap engine,
 * every missed session is listed, each service has its chart, it prints to a paged PDF with the
 * table header repeated, it passes axe, and its CSV downloads open as a spreadsheet expects.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatLongDate } from '../../lib/dates';
import { computeStudentGaps } from '../../lib/gap';
import type { SampleData } from '../../lib/sample';
import { expectNoA11yViolations, type ExtensionBrowser } from './harness';
import { sharedExtensionBrowser } from './support/shared-browser';
import { captureDownloads } from './support/downloads';
import { flatten, pdfPages, SAMPLE_IDS, seedSample, TODAY } from './letters-support';

describe('evidence report', () => {
  let ext: ExtensionBrowser;
  let report: Page;
  let sample: SampleData;

  beforeAll(async () => {
    ext = await sharedExtensionBrowser();
    sample = await seedSample(ext);
    report = await ext.openExtensionPage(`report.html?student=${SAMPLE_IDS.student}`, {
      waitFor: '[data-testid=evidence-report]',
    });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('names the student and the date it is as of', async () => {
    expect(await report.$eval('[data-testid=report-student]', (el) => el.textContent)).toBe(
      'Riley Sample',
    );
    expect(await report.$eval('[data-testid=report-as-of]', (el) => el.textContent)).toBe(
      formatLongDate(TODAY),
    );
  });

  it('shows the totals the gap engine computes, and every missed session', async () => {
    const gaps = computeStudentGaps(sample.services, sample.calendar, sample.sessions, TODAY);
    const owed = await report.$$eval('[data-testid=summary-table] tbody tr', (rows) =>
      rows.map((row) => [
        row.getAttribute('data-service-id'),
        Number(row.querySelector('[data-owed]')?.getAttribute('data-owed')),
      ]),
    );
    const byId = (rows: unknown[][]) =>
      [...rows].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(byId(owed)).toEqual(byId(sample.services.map((s, i) => [s.id, gaps[i]!.owed])));
    expect(owed.some(([, minutes]) => (minutes as number) > 0)).toBe(true);

    // No-record minutes per service in the summary, and each one's weeks listed in a table.
    const noRecord = await report.$$eval('[data-testid=summary-table] tbody tr', (rows) =>
      rows.map((row) => [
        row.getAttribute('data-service-id'),
        Number(row.querySelector('[data-unaccounted]')?.getAttribute('data-unaccounted')),
      ]),
    );
    expect(byId(noRecord)).toEqual(
      byId(sample.services.map((s, i) => [s.id, gaps[i]!.unaccounted])),
    );
    const tables = await report.$$eval('[data-testid=no-record-table]', (all) =>
      all.map((table) => [
        table.getAttribute('data-service-id'),
        [...table.querySelectorAll('tbody tr')].map((row) => row.getAttribute('data-start')),
      ]),
    );
    expect(byId(tables)).toEqual(
      byId(
        sample.services
          .map((s, i) => [s.id, gaps[i]!.unaccountedPeriods.map((p) => p.start)])
          .filter(([, starts]) => starts!.length > 0),
      ),
    );

    const missedCount = gaps.reduce((sum, gap) => sum + gap.missedSessions.length, 0);
    expect(missedCount).toBeGreaterThan(0);
    expect((await report.$$('[data-testid=missed-row]')).length).toBe(missedCount);
  });

  it('charts each service as an SVG with a title and a text description', async () => {
    const charts = await report.$$eval('[data-testid=weekly-chart] svg[role=img]', (svgs) =>
      svgs.map((svg) => ({
        title: svg.querySelector('title')?.textContent ?? '',
        desc: svg.querySelector('desc')?.textContent ?? '',
        // The delivered bars (one path) carry each week's minutes, as the chart's table does.
        delivered: svg.querySelector('path.chart-delivered')?.getAttribute('data-minutes') ?? '',
        table: Array.from(
          svg.closest('figure')!.querySelectorAll('tbody tr td:nth-of-type(2)'),
          (td) => td.textContent,
        ).join(' '),
      })),
    );
    expect(charts).toHaveLength(sample.services.length);
    for (const chart of charts) {
      expect(chart.title).toMatch(/required and delivered minutes per week/);
      expect(chart.desc).toMatch(/minutes expected/);
      expect(chart.delivered.split(' ').length).toBeGreaterThan(10);
      expect(chart.delivered).toBe(chart.table);
    }
  });

  it('has no serious or critical accessibility violations', async () => {
    await expectNoA11yViolations(report);
  });

  it('prints to a paged PDF with the table header on every page the table reaches', async () => {
    const pages = (await pdfPages(await report.pdf({ format: 'letter' }))).map(flatten);
    expect(pages.length).toBeGreaterThan(1);
    // Page numbers come from @page margin boxes, which Chromium supports. Firefox has none: its
    // print dialog numbers pages in its own footer (docs/firefox.md), and no half-made number
    // of ours may show instead.
    pages.forEach((text, i) => {
      if (ext.browserName === 'chromium')
        expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
      else expect(text).not.toMatch(/\bPage\s*\d*\s*of\b/);
    });
    const all = pages.join(' ');
    for (const heading of [
      'IEP services: required and delivered',
      'Summary',
      'Missed and shortened sessions',
      'How the numbers were computed',
      'Letters sent and replies',
    ]) {
      expect(all).toContain(heading);
    }
    expect(all).not.toContain('Print or save as PDF');
    expect(all).not.toContain('legal advice');
    const tablePages = pages.filter((text) => /No provider \(vacancy\)/.test(text));
    expect(tablePages.length).toBeGreaterThan(0);
    for (const text of tablePages) expect(text).toContain('Scheduled Delivered Missed Reason');
  });

  it('downloads the session log as a UTF-8 CSV with a header row', async () => {
    const downloads = await captureDownloads(report);
    try {
      await report.evaluate(() => {
        const button = Array.from(document.querySelectorAll('button')).find(
          (b) => b.textContent === 'Download the session log (CSV)',
        );
        button!.click();
      });
      const [file] = await downloads.waitFor(1);
      expect(file).toBe(`riley-sample-session-log-${TODAY}.csv`);
      const csv = readFileSync(join(downloads.folder, file!), 'utf8');
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      const lines = csv.slice(1).split('\r\n');
      expect(lines[0]).toBe(
        'Date,Service,Status,Scheduled minutes,Minutes delivered,Minutes missed,Reason,Make-up,Note',
      );
      expect(lines.filter(Boolean)).toHaveLength(sample.sessions.length + 1);
      expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2},/);
    } finally {
      await downloads.dispose();
    }
  });
});
