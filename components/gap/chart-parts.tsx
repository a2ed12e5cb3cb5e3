/**
 * The weekly chart's parts around its drawing: the legend (a swatch per kind of bar) and the same
 * numbers as a table, for screen readers and for anyone who prefers figures.
 */
import { formatShortDate } from '../../lib/dates';
import { ownLog, type LogVoice } from '../../lib/district';
import type { WeekPoint } from '../../lib/gap';
import { LazyDetails } from '../ui/LazyDetails';

/** "Delivered (your log)" on screen, "Delivered (my log)" in a letter's exhibit. */
const deliveredOwn = (voice: LogVoice = 'you') => `Delivered (${ownLog(voice)})`;

function Swatch(props: {
  kind: 'expected' | 'delivered' | 'madeUp' | 'inProgress' | 'district';
  hatchId: string;
}) {
  const common = { x: 1, y: 1, width: 14, height: 12 };
  return (
    <svg width="16" height="14" aria-hidden="true" focusable="false">
      {props.kind === 'expected' ? (
        <rect {...common} class="chart-expected" />
      ) : props.kind === 'delivered' ? (
        <rect {...common} class="chart-delivered" />
      ) : props.kind === 'district' ? (
        <rect {...common} class="chart-district" />
      ) : props.kind === 'madeUp' ? (
        <rect {...common} fill={`url(#${props.hatchId})`} class="chart-made-up" />
      ) : (
        <rect {...common} class="chart-in-progress" stroke-dasharray="3 2" />
      )}
    </svg>
  );
}

/** A week none of the district's files covers: no value, which is not 0 minutes. */
const NOT_COVERED = 'Not in the district file';

/** The legend; hidden from screen readers (the chart's description and table say the same). */
export function ChartLegend(props: {
  hatchId: string;
  district: boolean;
  /** Whether the chart shows the week in progress (the packet's charts never do). */
  inProgress: boolean;
  voice?: LogVoice;
}) {
  const { hatchId } = props;
  return (
    <ul class="chart-legend" aria-hidden="true">
      <li>
        <Swatch kind="expected" hatchId={hatchId} />
        Expected
      </li>
      <li>
        <Swatch kind="delivered" hatchId={hatchId} />
        {props.district ? deliveredOwn(props.voice) : 'Delivered'}
      </li>
      {props.district ? (
        <li>
          <Swatch kind="district" hatchId={hatchId} />
          Delivered (district log)
        </li>
      ) : null}
      <li>
        <Swatch kind="madeUp" hatchId={hatchId} />
        Made up
      </li>
      {props.inProgress ? (
        <li>
          <Swatch kind="inProgress" hatchId={hatchId} />
          This week (not over)
        </li>
      ) : null}
    </ul>
  );
}

/**
 * The chart's numbers as a table, behind "Show the numbers as a table" unless `plain` (print).
 * With `lazy` (the Gaps page, eight charts of up to 110 weeks), the table's rows are built only
 * once the disclosure is opened: the same native <details>, so the keyboard and screen readers
 * use it as before, and the chart's own title and description stay its text alternative.
 */
export function ChartTable(props: {
  title: string;
  series: WeekPoint[];
  /**
   * The district log's minutes per week (null for a week its files do not cover), or null
   * without them.
   */
  district: readonly (number | null)[] | null;
  voice?: LogVoice;
  plain?: boolean;
  lazy?: boolean;
}) {
  const table = () => (
    <table>
      <caption class="visually-hidden">{props.title}</caption>
      <thead>
        <tr>
          <th scope="col">Week of</th>
          <th scope="col" class="number">
            Expected
          </th>
          <th scope="col" class="number">
            {props.district ? deliveredOwn(props.voice) : 'Delivered'}
          </th>
          <th scope="col" class="number">
            Made up
          </th>
          {props.district ? (
            <th scope="col" class="number">
              Delivered (district log)
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {props.series.map((point, index) => (
          <tr key={point.weekStart}>
            <th scope="row">
              {formatShortDate(point.weekStart)}
              {point.inProgress ? ' (not over)' : ''}
            </th>
            <td class="number">{point.expected}</td>
            <td class="number">{point.delivered}</td>
            <td class="number">{point.madeUp}</td>
            {props.district ? <td class="number">{props.district[index] ?? NOT_COVERED}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (props.plain) return table();
  return (
    <LazyDetails
      summary="Show the numbers as a table"
      eager={!props.lazy}
      content={() => <div class="table-wrap">{table()}</div>}
    />
  );
}
