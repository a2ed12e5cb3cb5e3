/**
 * The side-by-side totals per service (issue 11): expected under rules v2 | delivered per the
 * parent's log | per the district's | documented missed per each | no record left after both,
 * all over the weeks or months the district's file covers (each row says which: lib/district
 * reconcile's `compared`). Shown on the District records page, on the Gaps page, in the evidence
 * report ("your log") and in the complaint packet ("my log", the parent writing).
 */
import { comparedSpan, ownLog, type LogVoice, type ReconciliationTotals } from '../../lib/district';
import { serviceName, type Service } from '../../lib/model';
import { capitalize } from '../../lib/text';

/** The caption on the app's screens and the report, which all compare over the file's dates. */
const SCREEN_CAPTION =
  "Totals over the finished weeks or months the district's file covers (the dates follow each service)";

const min = (n: number) => `${n.toLocaleString('en-US')} min`;

export function TotalsTable(props: {
  reconciliations: readonly ReconciliationTotals[];
  services: readonly Service[];
  /** Default: the app screens' caption. */
  caption?: string;
  /** Extra classes, e.g. the report's "report-table". */
  class?: string;
  testId?: string;
  /** "your log" (the app's screens, the default) or "my log" (the complaint packet). */
  voice?: LogVoice;
}) {
  const name = (id: string) => {
    const service = props.services.find((s) => s.id === id);
    return service ? capitalize(serviceName(service)) : '';
  };
  const own = ownLog(props.voice ?? 'you');
  return (
    <table data-testid={props.testId ?? 'district-totals'} class={props.class}>
      <caption>{props.caption ?? SCREEN_CAPTION}</caption>
      <thead>
        <tr>
          <th scope="col">Service</th>
          <th scope="col" class="number">
            Expected
          </th>
          <th scope="col" class="number">
            Delivered ({own})
          </th>
          <th scope="col" class="number">
            Delivered (district log)
          </th>
          <th scope="col" class="number">
            Documented missed ({own})
          </th>
          <th scope="col" class="number">
            Documented missed (district log)
          </th>
          <th scope="col" class="number">
            No record in either log
          </th>
        </tr>
      </thead>
      <tbody>
        {props.reconciliations.map((r) => (
          <tr key={r.serviceId} data-service-id={r.serviceId}>
            <th scope="row">
              {name(r.serviceId)} ({comparedSpan(r)})
            </th>
            <td class="number">{min(r.expected)}</td>
            <td class="number">{min(r.parentDelivered)}</td>
            <td class="number">{min(r.districtDelivered)}</td>
            <td class="number">{min(r.parentMissed)}</td>
            <td class="number">
              {min(r.districtMissed)}
              {r.districtExcused ? ` (${min(r.districtExcused)} student absent)` : ''}
            </td>
            <td class="number" data-value={r.unaccountedAfterBoth}>
              {min(r.unaccountedAfterBoth)}
              {r.unaccounted !== r.unaccountedAfterBoth
                ? ` (was ${min(r.unaccounted)} with ${own} alone)`
                : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
