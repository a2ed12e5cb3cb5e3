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
 * and the packet pass no `recentWeeks` and print every week and the whole table.
 */
import { Fragment } from 'preact';
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
        {series.map((point, index) => {
          const x = LEFT + index * slot + (slot - bar) / 2;
          const districtMinutes = district?.[index] ?? null;
          const districtTop = y(districtMinutes ?? 0);
          const deliveredTop = y(point.delivered);
          const madeUpTop = y(point.delivered + point.madeUp);
          const month = Number(point.weekStart.slice(5, 7));
          const previous = series[index - 1];
          const newMonth =
            !previous || previous.weekStart.slice(5, 7) !== point.weekStart.slice(5, 7);
          // No <g> per week: a fragment adds no element (eight charts of 36 weeks on the Gaps page).
          return (
            <Fragment key={point.weekStart}>
              <rect
                x={x}
                y={y(point.expected)}
                width={bar}
                height={Math.max(0, y(0) - y(point.expected))}
                class={point.inProgress ? 'chart-in-progress' : 'chart-expected'}
                stroke-dasharray={point.inProgress ? '3 2' : undefined}
              />
              <rect
                x={x + inner.offset}
                y={deliveredTop}
                width={inner.width}
                height={Math.max(0, y(0) - deliveredTop)}
                class="chart-delivered"
              />
              {point.madeUp > 0 ? (
                <rect
                  x={x + inner.offset}
                  y={madeUpTop}
                  width={inner.width}
                  height={Math.max(0, deliveredTop - madeUpTop)}
                  fill={`url(#${hatchId})`}
                  class="chart-made-up"
                />
              ) : null}
              {districtMinutes !== null ? (
                <rect
                  class="chart-district"
                  data-week={point.weekStart}
                  x={x + inner.offset + inner.width + 2}
                  y={districtTop}
                  width={inner.width}
                  height={Math.max(0, y(0) - districtTop)}
                />
              ) : null}
              {newMonth ? (
                <text x={x} y={HEIGHT - BOTTOM + 16} font-size="11" fill="currentColor">
                  {MONTHS[month - 1]}
                </text>
              ) : null}
            </Fragment>
          );
        })}
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
