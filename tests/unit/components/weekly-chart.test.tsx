// @vitest-environment happy-dom
/**
 * WeeklyChart on the Gaps page (recentWeeks): the last weeks first, a button for all of them, and
 * the numbers' table built when its disclosure opens; without recentWeeks (report, packet) every
 * week and the whole table, as printed. Each kind of bar is one path: what it draws (one rectangle
 * per week with minutes, as tall as its minutes) and what it says it draws (its data attributes)
 * must both be the table's figures.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { WeeklyChart } from '../../../components/gap/WeeklyChart';
import { addDays, type IsoDate } from '../../../lib/dates';
import type { WeekPoint } from '../../../lib/gap';

/** `count` weeks from Monday 2024-09-02, the last one not over. */
function weeks(count: number): WeekPoint[] {
  return Array.from({ length: count }, (_, i) => ({
    weekStart: addDays('2024-09-02' as IsoDate, 7 * i),
    expected: 60,
    delivered: i % 2 ? 60 : 30,
    madeUp: 0,
    inProgress: i === count - 1,
  }));
}

type BarKind = 'expected' | 'in-progress' | 'delivered' | 'made-up' | 'district';

/** One kind of bar's rectangle in the path: `M left top H right V bottom H left Z`. */
interface Drawn {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** What one kind of bar's path draws, and the weeks and minutes it carries (none: no path). */
function drawn(root: Element, kind: BarKind) {
  const paths = root.querySelectorAll(`svg[role="img"] path.chart-${kind}`);
  expect(paths.length).toBeLessThanOrEqual(1);
  const path = paths[0];
  if (!path) return { weeks: [], minutes: [], rectangles: [] as Drawn[], path };
  const d = path.getAttribute('d') ?? '';
  const rectangles = [...d.matchAll(/M([\d.]+) ([\d.]+)H([\d.]+)V([\d.]+)H([\d.]+)Z/g)].map((m) => {
    expect(m[5]).toBe(m[1]);
    return { left: +m[1]!, top: +m[2]!, right: +m[3]!, bottom: +m[4]! };
  });
  // Nothing in the path but those rectangles.
  expect(
    rectangles.map((r) => `M${r.left} ${r.top}H${r.right}V${r.bottom}H${r.left}Z`).join(''),
  ).toBe(d);
  const list = (name: string) => (path.getAttribute(name) || '').split(' ').filter(Boolean);
  return { weeks: list('data-weeks'), minutes: list('data-minutes').map(Number), rectangles, path };
}

/** Weeks with a delivered bar: one per week drawn (a week with 0 minutes draws no rectangle). */
const bars = (root: Element) => {
  const delivered = drawn(root, 'delivered');
  expect(delivered.rectangles).toHaveLength(delivered.minutes.filter((m) => m > 0).length);
  return delivered.weeks.length;
};
const rows = (root: Element) => root.querySelectorAll('tbody tr').length;
const desc = (root: Element) => root.querySelector('svg[role="img"] desc')?.textContent ?? '';

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

function mount(props: Parameters<typeof WeeklyChart>[0]) {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<WeeklyChart {...props} />, root));
  return root;
}

describe('WeeklyChart', () => {
  it('on the Gaps page: the last weeks, a button for all, the table once opened', async () => {
    const chart = mount({ series: weeks(50), title: 'Speech', recentWeeks: 36 });
    expect(bars(chart)).toBe(36);
    expect(desc(chart)).toMatch(/^35 finished weeks from /);
    expect(rows(chart)).toBe(0);
    const button = chart.querySelector('button')!;
    expect(button.textContent).toBe('Show all 50 weeks');

    act(() => button.click());
    expect(bars(chart)).toBe(50);
    expect(desc(chart)).toMatch(/^49 finished weeks from Sep 2, 2024/);
    expect(button.textContent).toBe('Show only the last 36 weeks');

    const details = chart.querySelector('details')!;
    expect(details.querySelector('summary')!.textContent).toBe('Show the numbers as a table');
    await act(async () => {
      details.open = true;
      details.dispatchEvent(new Event('toggle'));
    });
    expect(rows(chart)).toBe(50);
    expect(chart.querySelector('tbody tr:last-child th')!.textContent).toMatch(/\(not over\)$/);
  });

  it('names the week in progress in the legend only when the chart shows one', () => {
    const legend = (root: Element) =>
      Array.from(root.querySelectorAll('.chart-legend li')).map((li) => li.textContent?.trim());
    expect(legend(mount({ series: weeks(3), title: 'Speech' }))).toContain('This week (not over)');
    render(null, root);
    root.remove();
    // The packet's charts hold only finished weeks: no legend entry for a week it does not show.
    const finished = weeks(3).map((week) => ({ ...week, inProgress: false }));
    expect(legend(mount({ series: finished, title: 'Speech' }))).toEqual([
      'Expected',
      'Delivered',
      'Made up',
    ]);
  });

  it('with few weeks: no button, every week', () => {
    const chart = mount({ series: weeks(7), title: 'Speech', recentWeeks: 36 });
    expect(bars(chart)).toBe(7);
    expect(chart.querySelector('button')).toBeNull();
  });

  it('without recentWeeks (report, packet): every week and the whole table', () => {
    for (const print of [undefined, { caption: 'Exhibit B' }]) {
      const chart = mount({ series: weeks(110), title: 'Speech', print });
      expect(bars(chart)).toBe(110);
      expect(rows(chart)).toBe(110);
      expect(chart.querySelector('button')).toBeNull();
      render(null, chart);
      chart.remove();
    }
  });

  it("draws each kind of bar as one path whose weeks and heights are the table's figures", () => {
    const week = (weekStart: string, expected: number, delivered: number, madeUp: number) => ({
      weekStart: weekStart as IsoDate,
      ...{ expected, delivered, madeUp, inProgress: false },
    });
    const series: WeekPoint[] = [
      week('2024-09-02', 60, 30, 15),
      week('2024-09-09', 60, 0, 0),
      week('2024-09-30', 0, 0, 0),
      week('2024-10-07', 90, 90, 30),
      { ...week('2024-10-14', 60, 20, 0), inProgress: true },
    ];
    const district = [30, null, 0, 120, null];
    const chart = mount({ series, district, title: 'Speech', print: { caption: 'Exhibit B' } });
    const svg = chart.querySelector('svg[role="img"]')!;
    // No element per week but the month labels: Sep, Oct.
    expect(svg.querySelectorAll('path')).toHaveLength(5);
    expect(Array.from(svg.querySelectorAll('rect')).map((r) => r.getAttribute('class'))).toEqual([
      'chart-hatch-ground',
    ]);
    expect(Array.from(svg.querySelectorAll('text'), (t) => t.textContent)).toEqual([
      '0',
      '100',
      '200',
      'minutes',
      'Sep',
      'Oct',
    ]);

    // The table's figures, column by column, as the bars must show them.
    const table = Array.from(chart.querySelectorAll('tbody tr'), (tr) =>
      Array.from(tr.querySelectorAll('td'), (td) => td.textContent),
    );
    const column = (index: number, rows: number[]) => rows.map((row) => Number(table[row]![index]));
    const weeksOf = (rows: number[]) => rows.map((row) => series[row]!.weekStart);
    const columns: Record<BarKind, { rows: number[]; column: number }> = {
      expected: { rows: [0, 1, 2, 3], column: 0 },
      'in-progress': { rows: [4], column: 0 },
      delivered: { rows: [0, 1, 2, 3, 4], column: 1 },
      'made-up': { rows: [0, 3], column: 2 },
      district: { rows: [0, 2, 3], column: 3 },
    };
    expect(table.map((row) => row[3])).toEqual([
      '30',
      'Not in the district file',
      '0',
      '120',
      'Not in the district file',
    ]);
    // 200 minutes (the top of the scale) are the plot's 174 px; every bar is as tall as its
    // minutes, in its week's slot.
    const perMinute = 174 / 200;
    const slotOf = (left: number) => Math.floor((left - 46) / 34);
    for (const [kind, want] of Object.entries(columns) as [BarKind, (typeof columns)[BarKind]][]) {
      const kindBars = drawn(chart, kind);
      expect(kindBars.weeks, kind).toEqual(weeksOf(want.rows));
      expect(kindBars.minutes, kind).toEqual(column(want.column, want.rows));
      const withMinutes = want.rows.filter((row, i) => kindBars.minutes[i]! > 0);
      expect(
        kindBars.rectangles.map((r) => slotOf(r.left)),
        kind,
      ).toEqual(withMinutes);
      for (const [i, rectangle] of kindBars.rectangles.entries()) {
        const minutes = kindBars.minutes[want.rows.indexOf(withMinutes[i]!)]!;
        expect(rectangle.bottom - rectangle.top, kind).toBeCloseTo(minutes * perMinute, 1);
      }
    }
    // Made-up minutes stand on the delivered bar; the district's bar is beside the parent's.
    const [delivered, madeUp] = [drawn(chart, 'delivered'), drawn(chart, 'made-up')];
    expect(madeUp.rectangles.map((r) => r.bottom)).toEqual(
      [0, 3].map((row) => delivered.rectangles.find((d) => slotOf(d.left) === row)!.top),
    );
    for (const bar of drawn(chart, 'district').rectangles) {
      const own = delivered.rectangles.find((d) => slotOf(d.left) === slotOf(bar.left));
      if (own) expect(bar.left).toBeGreaterThan(own.right);
    }
    // Their looks: the hatch for made up, dashes for the week not over.
    const hatch = svg.querySelector('pattern')!.id;
    expect(madeUp.path!.getAttribute('fill')).toBe(`url(#${hatch})`);
    expect(drawn(chart, 'in-progress').path!.getAttribute('stroke-dasharray')).toBe('3 2');
    expect(drawn(chart, 'expected').path!.getAttribute('stroke-dasharray')).toBeNull();
  });
});
