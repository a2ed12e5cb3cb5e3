import type { ComponentChildren } from 'preact';

/** A wide table's scrolling box, reachable and scrollable from the keyboard, with a name. */
export function ScrollTable(props: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={props.label}>
      {props.children}
    </div>
  );
}
