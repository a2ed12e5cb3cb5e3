/**
 * A native <details> whose contents are built the first time it opens, then kept: the keyboard and
 * screen readers use it as any disclosure (they skip a closed one's contents anyway), and a page
 * with many closed ones (the
 * popup's and the Gaps page's "How these numbers were worked out", the charts' tables of numbers)
 * does not build and lay out what nobody opened (issue 15, docs/ui.md). `eager` builds them at
 * once, for a page that needs everything in its DOM.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

export function LazyDetails(props: {
  summary: ComponentChildren;
  /** The contents, built when the disclosure first opens. */
  content: () => ComponentChildren;
  eager?: boolean;
  class?: string;
}) {
  const [opened, setOpened] = useState(false);
  return (
    <details
      class={props.class}
      onToggle={(event) => {
        if ((event.currentTarget as HTMLDetailsElement).open) setOpened(true);
      }}
    >
      <summary>{props.summary}</summary>
      {props.eager || opened ? props.content() : null}
    </details>
  );
}
