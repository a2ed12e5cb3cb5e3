/**
 * One service's gap as of a date: the numbers, the in-progress period shown apart, the possible
 * reduction flag, and, in a disclosure, how each number was worked out (lib/gap's explainGap).
 *
 * Each figure carries data-gap="<key>" and data-value="<number>" (keys of GapExplanation:
 * expected, delivered, madeUp, documentedMissed, excused, owed, unaccounted, deliveryRate, …).
 */
import type { ComponentChildren } from 'preact';
import { formatShortDate } from '../../lib/dates';
import {
  describeCalendarRule,
  describeService,
  describeUnaccounted,
  explainGap,
  type GapExplanation,
  type ServiceGap,
} from '../../lib/gap';
import { MISSED_REASON_LABELS, MISSED_REASONS, serviceName, type Service } from '../../lib/model';
import { capitalize } from '../../lib/text';
import { LazyDetails } from '../ui/LazyDetails';

export interface GapCardProps {
  service: Service;
  gap: ServiceGap;
  /** h2 on a page of its own, h3 under a page section (default). */
  headingLevel?: 2 | 3;
  /** Fewer words, for the popup. */
  compact?: boolean;
  /** What the parent can do about the periods with no record (shown under them). */
  children?: ComponentChildren;
}

/** The figures on the card, in reading order. */
const FIGURES: GapExplanation['key'][] = [
  'owed',
  'expected',
  'delivered',
  'madeUp',
  'documentedMissed',
  'excused',
  'unaccounted',
  'deliveryRate',
];

/** Shorter labels where the popup's narrow cards need them (the disclosure keeps the full ones). */
const COMPACT_LABELS: Partial<Record<GapExplanation['key'], string>> = {
  documentedMissed: 'Missed (logged)',
  excused: 'Excused',
  deliveryRate: 'Rate',
};

/** "1,350 min" for minutes in the popup; the rate and non-minute rows keep their own words. */
function compactDisplay(row: GapExplanation): string {
  if (row.value === null || row.key === 'deliveryRate' || row.key === 'reduction') {
    return row.display;
  }
  return `${row.value.toLocaleString('en-US')} min`;
}

export function GapCard(props: GapCardProps) {
  const { service, gap } = props;
  const rows = explainGap(gap, service);
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `gap-${service.id}`;
  const reasons = MISSED_REASONS.filter((reason) => gap.missedByReason[reason] > 0);
  const inProgress = byKey.get('inProgress');
  const reduction = byKey.get('reduction');
  const noRecordInRun = gap.reduction ? gap.reduction.periods - gap.reduction.recordedPeriods : 0;

  return (
    <section
      class="card gap-card"
      aria-labelledby={headingId}
      data-testid="gap-card"
      data-service-id={service.id}
    >
      <Heading id={headingId}>{capitalize(serviceName(service))}</Heading>
      <p class="muted small">
        {describeService(service)}
        {service.provider && !props.compact ? ` · ${service.provider}` : ''}
      </p>
      <p class="small muted" data-testid="calendar-rule">
        {describeCalendarRule(service)}
      </p>
      {gap.countedFrom && gap.countedTo ? (
        <p class="small muted">
          Counted {formatShortDate(gap.countedFrom)} to {formatShortDate(gap.countedTo)} (
          {gap.periods.length} {gap.period}
          {gap.periods.length === 1 ? '' : 's'}).
        </p>
      ) : (
        <p class="small">Nothing counted yet: no {gap.period} with this service has ended.</p>
      )}
      <dl class="gap-figures">
        {FIGURES.map((key) => {
          const row = byKey.get(key);
          if (!row) return null;
          return (
            <div key={key} class={key === 'owed' ? 'key' : undefined}>
              <dt>{(props.compact && COMPACT_LABELS[key]) || row.label}</dt>
              <dd data-gap={key} data-value={row.value ?? ''}>
                {props.compact ? compactDisplay(row) : row.display}
              </dd>
            </div>
          );
        })}
      </dl>
      {reasons.length > 0 ? (
        <p class="small" data-testid="missed-by-reason">
          Missed by reason:{' '}
          {reasons
            .map((reason) => `${MISSED_REASON_LABELS[reason]} ${gap.missedByReason[reason]} min`)
            .join(' · ')}
        </p>
      ) : null}
      {gap.unaccounted > 0 ? (
        <p class="gap-no-record" data-testid="no-record" data-value={gap.unaccounted}>
          <strong>{describeUnaccounted(gap)}.</strong> Your log shows these minutes neither as given
          nor as missed, so they are not counted as owed.
        </p>
      ) : null}
      {props.children}
      {reduction && gap.reduction ? (
        <p
          class="gap-flag"
          data-testid="reduction-flag"
          data-start={gap.reduction.startDate}
          data-recorded={gap.reduction.recordedPeriods}
        >
          <strong>Possible cut in services since {formatShortDate(gap.reduction.startDate)}</strong>
          : under half the minutes in your log as given for {reduction.display}
          {noRecordInRun > 0
            ? `; ${noRecordInRun} of these ${gap.period}s ${noRecordInRun === 1 ? 'has' : 'have'} no record at all, so log what happened or ask for the service logs before relying on it`
            : ''}
          .
        </p>
      ) : null}
      {inProgress && gap.inProgress ? (
        <p class="gap-in-progress" data-testid="in-progress">
          Not counted yet ({gap.period} of {formatShortDate(gap.inProgress.start)}, still going):{' '}
          {gap.inProgress.delivered} of {gap.inProgress.expected} minutes so far.
        </p>
      ) : null}
      {gap.entriesOutsidePeriods ? (
        <p class="small muted">
          {gap.entriesOutsidePeriods} log{' '}
          {gap.entriesOutsidePeriods === 1 ? 'entry is' : 'entries are'} on days with no school for
          this service, so {gap.entriesOutsidePeriods === 1 ? 'it is' : 'they are'} not counted.
        </p>
      ) : null}
      <LazyDetails
        summary="How these numbers were worked out"
        content={() => (
          <>
            <dl class="how-list">
              {rows.map((row) => (
                <div key={row.key}>
                  <dt>
                    {row.label}: {row.display}
                  </dt>
                  <dd>{row.how}</dd>
                </div>
              ))}
            </dl>
            {props.compact ? null : (
              <p class="small muted">
                Only finished {gap.period}s count. Minutes missed because your child was absent are
                not owed, and neither are minutes with no record: only what your log shows as
                missed.
              </p>
            )}
          </>
        )}
      />
    </section>
  );
}
