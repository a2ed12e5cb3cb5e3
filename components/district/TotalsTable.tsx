/**
 * The side-by-side totals per service (issue 11): expected under rules v2 | delivered per the
 * parent's log | per the district's | documented missed per each | no record left after both,
 * all over the weeks or months the district's file covers (each row says which: lib/district
 * reconcile's `compared`). Shown on the District records page, on the Gaps page, in the evidence
 * report ("your log") and in the complaint packet ("my log", the parent writing). Both logs'
 * documented missed minutes include their "student absent" minutes, stated in brackets alike.
 */
import { comparedSpan, ownLog, type LogVoice, type ReconciliationTotals } from '../../lib/district';
import { serviceName, type Service } from '../../lib/model';
import { capitalize } from '../../lib/text';

/** The caption on the app's screens and the report, which all compare over the file's dates. */
const SCREEN_CAPTION =
  "Totals over the finished weeks or months the district's file covers (the dates follow each service)";

const min = (n: number) => `${n.toLocaleString('en-US')} min`;

/** Documented missed minutes with their "student absent" part, the same way for both logs. */
const missed = (total: number, excused: number) =>
  `${min(total)}${excused ? ` (${min(excused)} student absent)` : ''}`;

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
  const voice = props.voice ?? 'you';
  const own = ownLog(voice);
  const absences = props.reconciliations.some((r) => r.parentExcused || r.districtExcused);
  return (
    <>
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
              <td class="number">{missed(r.parentMissed, r.parentExcused)}</td>
              <td class="number">{missed(r.districtMissed, r.districtExcused)}</td>
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
      {absences ? (
        <p class="small" data-testid="totals-absences">
          Both "documented missed" columns count the sessions {voice === 'me' ? 'my' : 'your'} child
          missed by being absent, shown in brackets as "student absent". Those minutes are never
          owed.
        </p>
      ) : null}
    </>
  );
}
