/**
 * Keeping keyboard focus in place when part of a page is swapped out (a card turns into its edit
 * form and back): focus moves once the new content is rendered, never to <body>.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

/** Returns focusAfterRender(selector): after the next render, focuses the first match. */
export function useFocusAfterRender(): (selector: string) => void {
  const [selector, setSelector] = useState<string | null>(null);
  useEffect(() => {
    if (!selector) return;
    document.querySelector<HTMLElement>(selector)?.focus();
    setSelector(null);
  }, [selector]);
  return setSelector;
}

/** A ref whose element takes focus when it first appears. */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

/**
 * Which item of a list is open for editing ("new" while adding), for pages that swap a card for
 * its form in place. `close()` puts focus back on the button that opened the form: the element
 * with data-opens="<item id or 'new'>".
 */
export function useInPlaceEditing() {
  const [editing, setEditing] = useState<string | null>(null);
  const focusAfterRender = useFocusAfterRender();
  return {
    editing,
    open: (item: string) => setEditing(item),
    close: () => {
      if (editing) focusAfterRender(`[data-opens="${editing}"]`);
      setEditing(null);
    },
  };
}
