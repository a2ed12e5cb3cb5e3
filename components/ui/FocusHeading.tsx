/**
 * A heading that takes focus when it appears: for a form that opens in place of a button, so
 * keyboard and screen-reader users land on it instead of on the page's top.
 */
import type { ComponentChildren } from 'preact';
import { useFocusOnMount } from '../../lib/ui/focus';

export function FocusHeading(props: { level?: 2 | 3; id?: string; children: ComponentChildren }) {
  const ref = useFocusOnMount<HTMLHeadingElement>();
  const Heading = props.level === 3 ? 'h3' : 'h2';
  return (
    <Heading id={props.id} tabIndex={-1} ref={ref}>
      {props.children}
    </Heading>
  );
}
