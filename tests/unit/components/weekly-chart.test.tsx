// @vitest-environment happy-dom
/**
 * WeeklyChart on the Gaps page (recentWeeks): the last weeks first, a button for all of them, and
 * the numbers' table built when its disclosure opens; without recentWeeks (report, packet) every
 * week and the whole table, as printed.
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

const bars = (root: Element) =>
  root.querySelectorAll('svg[role="img"] rect.chart-delivered').length;
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
});
