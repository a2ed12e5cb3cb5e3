/**
 * Expected vs delivered minutes per week, as an SVG bar chart with a title and a description for
 * screen readers and the same numbers as a table. Readable in greyscale: expected is a light bar
 * with a dark outline, delivered is solid dark, made-up minutes are hatched, and the unfinished
 * week has a dashed outline. The colours are CSS custom properties (the chart-* classes in
 * components/styles.css), so the chart follows the page's colour scheme and prints in the light
 * one; its text is in the page's text colour (currentColor). With the district's records (issue
 * 11), each week also has a bar of the minutes the district's own log shows delivered, next to the
 * parent's (class chart-district, outlined, so it reads apart in greyscale), in the legend, the
 * description and the table; a week none of its files covers has no district bar and counts in
 * neither the description's sums nor its "weeks the logs differ" (its file is silent there).
 *
 * On the Gaps page (`recentWeeks`, issue 15) it draws only the last weeks at first, with a button
 * to show them all, and builds its table of numbers only when that disclosure is opened: eight
 * charts of three years' weeks with their tables were most of the page's open time. The report
 * and the packet pass no `recentWeeks` and print every week and the whole table. Each kind of bar
 * is one `<path>` (`chartBars`), which carries the weeks and minutes it draws as data attributes.
 */
import { useId, useState } from 'preact/hooks';
import { formatShortDate } from '../../lib/dates';
import { summarizeDistrictSeries, type LogVoice } from '../../lib/district';
import type { WeekPoint } from '../../lib/gap';
import { ChartLegend, ChartTable } from './chart-parts';

export interface WeeklyChartProps {
  series: WeekPoint[];
  /** Accessible title, e.g. "Speech-language therapy: minutes per week". */
  title: string;
  /**
   * The district's delivered minutes per week of `series` (districtWeeklyDelivered: null for a
   * week its files do not cover), if any.
   */
  district?: readonly (number | null)[];
  /** "your log" (the app's screens, the default) or "my log" (a letter's exhibit). */
  voice?: LogVoice;
  /**
   * For print (the complaint packet): a visible caption, and the numbers' table shown as is
   * instead of behind "Show the numbers as a table" (no control inside a printed packet).
   */
  print?: { caption: string };
  /**
   * On screen: draw only the last this many weeks until "Show all … weeks" is pressed, and build
   * the table only when its disclosure is opened. Without it, every week and the table.
   */
  recentWeeks?: number;
}

const HEIGHT = 220;
const TOP = 12;
const BOTTOM = 34;
const LEFT = 46;
const SLOT = 26;
const BAR = 18;
/** With the district's series: wider weeks, the parent's bar and the district's side by side. */
const DISTRICT_SLOT = 34;
const DISTRICT_BAR = 26;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The month of the week's Monday, 1 to 12: a label where it changes. */
const month = (point: WeekPoint) => Number(point.weekStart.slice(5, 7));

function niceMax(value: number): number {
  if (value <= 0) return 10;
  const step = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * step >= value) return m * step;
  return 10 * step;
}

/** One sentence summing the series up, read as the chart's description. */
export function summarizeSeries(series: WeekPoint[]): string {
  const done = series.filter((p) => !p.inProgress);
  if (done.length === 0) return 'No finished weeks yet.';
  const expected = done.reduce((sum, p) => sum + p.expected, 0);
  const delivered = done.reduce((sum, p) => sum + p.delivered, 0);
  const madeUp = done.reduce((sum, p) => sum + p.madeUp, 0);
  const underHalf = done.filter((p) => p.expected > 0 && p.delivered < p.expected / 2).length;
  return (
    `${done.length} finished weeks from ${formatShortDate(done[0]!.weekStart)}: ` +
    `${expected} minutes expected, ${delivered} delivered, ${madeUp} made up. ` +
    `${underHalf} ${underHalf === 1 ? 'week' : 'weeks'} got less than half the expected minutes.`
  );
}

/** One kind of bar of a chart: drawn as one `<path>`, with the weeks and minutes it shows. */
interface ChartBars {
  class:
    'chart-expected' | 'chart-in-progress' | 'chart-delivered' | 'chart-made-up' | 'chart-district';
  /** One rectangle per week with minutes, as `<rect>` would draw it (same corner, same turn). */
  d: string;
  /** The weeks this kind has a value for, and that value: what the bars show, for tests. */
  weeks: string[];
  minutes: number[];
}

/** Two decimals: a hundredth of a pixel, and a shorter path. */
const px = (value: number) => Math.round(value * 100) / 100;

/**
 * The chart's bars, one path per kind: eight charts of 36 weeks were about 1,000 `<rect>`s on the
 * Gaps page, and creating them was most of its render (issue 15). Each rectangle starts at its
 * top left corner and turns clockwise, as a `<rect>`'s outline does, so the in-progress week's
 * dashes fall where they did; a week with no minutes draws nothing, as a `<rect>` of height 0 did.
 * The kinds come in the order a week's rects did (expected, delivered, made up on top, the
 * district's beside), and weeks never overlap, so each week paints in the same place and order.
 */
function chartBars(
  series: readonly WeekPoint[],
  district: readonly (number | null)[] | null,
  geometry: {
    /** The left edge of week `index`'s expected bar. */
    left: (index: number) => number;
    bar: number;
    inner: { offset: number; width: number };
    y: (minutes: number) => number;
  },
): ChartBars[] {
  const { left, bar, inner, y } = geometry;
  const kinds = new Map<ChartBars['class'], ChartBars>();
  const add = (
    kind: ChartBars['class'],
    point: WeekPoint,
    minutes: number,
    x: number,
    width: number,
    /** Where the bar stands: the axis, or the top of the delivered bar under made-up minutes. */
    base: number,
  ) => {
    let bars = kinds.get(kind);
    if (!bars) kinds.set(kind, (bars = { class: kind, d: '', weeks: [], minutes: [] }));
    bars.weeks.push(point.weekStart);
    bars.minutes.push(minutes);
    const top = y(base + minutes);
    if (top >= y(base)) return;
    bars.d += `M${px(x)} ${px(top)}H${px(x + width)}V${px(y(base))}H${px(x)}Z`;
  };
  series.forEach((point, index) => {
    const x = left(index);
    add(
      point.inProgress ? 'chart-in-progress' : 'chart-expected',
      point,
      point.expected,
      x,
      bar,
      0,
    );
    add('chart-delivered', point, point.delivered, x + inner.offset, inner.width, 0);
    if (point.madeUp > 0) {
      add('chart-made-up', point, point.madeUp, x + inner.offset, inner.width, point.delivered);
    }
    const districtMinutes = district?.[index] ?? null;
    if (districtMinutes !== null) {
      const districtX = x + inner.offset + inner.width + 2;
      add('chart-district', point, districtMinutes, districtX, inner.width, 0);
    }
  });
  const order: ChartBars['class'][] = [
    'chart-expected',
    'chart-in-progress',
    'chart-delivered',
    'chart-made-up',
    'chart-district',
  ];
  return order.flatMap((kind) => kinds.get(kind) ?? []);
}

export function WeeklyChart(props: WeeklyChartProps) {
  const id = useId();
  const [showAll, setShowAll] = useState(false);
  const all = props.series;
  const recent = props.recentWeeks ?? all.length;
  const cut = !showAll && all.length > recent ? all.length - recent : 0;
  const series = cut ? all.slice(cut) : all;
  const district =
    props.district && props.district.length === all.length ? props.district.slice(cut) : null;
  const slot = district ? DISTRICT_SLOT : SLOT;
  const bar = district ? DISTRICT_BAR : BAR;
  /** The parent's delivered bar (and made-up on top), and the district's beside it. */
  const inner = district ? { offset: 3, width: 9 } : { offset: 4, width: BAR - 8 };
  if (series.length === 0) {
    return (
      <p class="muted">No school weeks with this service yet, so there is nothing to chart.</p>
    );
  }
  const hatchId = `${id}-hatch`;
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const max = niceMax(
    Math.max(
      ...series.map((p, i) => Math.max(p.expected, p.delivered + p.madeUp, district?.[i] ?? 0)),
    ),
  );
  const plot = HEIGHT - TOP - BOTTOM;
  const width = LEFT + series.length * slot + 10;
  const y = (minutes: number) => TOP + plot - (minutes / max) * plot;
  const ticks = [0, max / 2, max];
  const left = (index: number) => LEFT + index * slot + (slot - bar) / 2;
  const bars = chartBars(series, district, { left, bar, inner, y });

  return (
    <figure
      class="chart"
      data-testid="weekly-chart"
      data-series={district ? 'parent district' : 'parent'}
    >
      {all.length > recent ? (
        <p class="small" data-testid="chart-range">
          {showAll ? `All ${all.length} weeks. ` : `The last ${recent} of ${all.length} weeks. `}
          <button type="button" class="secondary" onClick={() => setShowAll(!showAll)}>
            {showAll ? `Show only the last ${recent} weeks` : `Show all ${all.length} weeks`}
          </button>
        </p>
      ) : null}
      <ChartLegend
        hatchId={hatchId}
        district={district !== null}
        inProgress={series.some((p) => p.inProgress)}
        voice={props.voice}
      />
      <svg
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        width={width}
        height={HEIGHT}
        viewBox={`0 0 ${width} ${HEIGHT}`}
      >
        <title id={titleId}>{props.title}</title>
        <desc id={descId}>
          {summarizeSeries(series)}
          {district ? ` ${summarizeDistrictSeries(series, district, props.voice)}` : ''}
        </desc>
        <defs>
          <pattern
            id={hatchId}
            width="5"
            height="5"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="5" height="5" class="chart-hatch-ground" />
            <line x1="0" y1="0" x2="0" y2="5" class="chart-made-up" stroke-width="2.5" />
          </pattern>
        </defs>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={LEFT - 4} x2={width - 6} y1={y(tick)} y2={y(tick)} class="chart-grid" />
            <text x={LEFT - 8} y={y(tick) + 4} text-anchor="end" font-size="11" fill="currentColor">
              {tick}
            </text>
          </g>
        ))}
        <text
          x={12}
          y={TOP + plot / 2}
          font-size="11"
          fill="currentColor"
          transform={`rotate(-90 12 ${TOP + plot / 2})`}
          text-anchor="middle"
        >
          minutes
        </text>
        {bars.map((kind) => (
          <path
            key={kind.class}
            class={kind.class}
            d={kind.d}
            fill={kind.class === 'chart-made-up' ? `url(#${hatchId})` : undefined}
            stroke-dasharray={kind.class === 'chart-in-progress' ? '3 2' : undefined}
            data-weeks={kind.weeks.join(' ')}
            data-minutes={kind.minutes.join(' ')}
          />
        ))}
        {series.map((point, index) =>
          index === 0 || month(series[index - 1]!) !== month(point) ? (
            <text
              key={point.weekStart}
              x={left(index)}
              y={HEIGHT - BOTTOM + 16}
              font-size="11"
              fill="currentColor"
            >
              {MONTHS[month(point) - 1]}
            </text>
          ) : null,
        )}
        <line x1={LEFT - 4} x2={width - 6} y1={y(0)} y2={y(0)} class="chart-axis" />
      </svg>
      {props.print ? <figcaption>{props.print.caption}</figcaption> : null}
      <ChartTable
        title={props.title}
        series={series}
        district={district}
        voice={props.voice}
        plain={Boolean(props.print)}
        lazy={props.recentWeeks !== undefined}
      />
    </figure>
  );
}
