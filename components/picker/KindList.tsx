/**
 * The draft kinds as a listbox: each by its title with its one-line "use this when". Arrow keys,
 * Home and End move; Enter (or a double click) inserts. Focus starts here when the picker opens,
 * so Enter inserts only once the user has moved within the list (or clicked a kind): an Enter
 * meant for the message (or steered by the page) right after the picker opened does nothing.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DraftKind } from '../../lib/drafts';

export function KindList(props: {
  kinds: readonly DraftKind[];
  /** Kinds marked "Suggested" (a follow-up when a reply is overdue); the caller lists them first. */
  suggested?: readonly string[];
  index: number;
  onIndex: (index: number) => void;
  onChoose: () => void;
}) {
  const { kinds, index, onIndex } = props;
  const list = useRef<HTMLDivElement>(null);
  const [moved, setMoved] = useState(false);
  useEffect(() => list.current?.focus(), []);
  useEffect(() => {
    list.current?.querySelector(`[data-index="${index}"]`)?.scrollIntoView?.({ block: 'nearest' });
  }, [index]);

  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowDown: Math.min(index + 1, kinds.length - 1),
      ArrowUp: Math.max(index - 1, 0),
      Home: 0,
      End: kinds.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      setMoved(true);
      onIndex(moves[event.key]!);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (moved) props.onChoose();
    }
  };

  return (
    <div
      ref={list}
      class="kind-list"
      role="listbox"
      tabIndex={0}
      aria-label="Draft kinds"
      aria-activedescendant={`kind-${kinds[index]?.id}`}
      onKeyDown={onKeyDown}
    >
      {kinds.map((kind, i) => (
        <div
          key={kind.id}
          id={`kind-${kind.id}`}
          data-index={i}
          role="option"
          aria-selected={i === index}
          class="kind-option"
          onClick={() => {
            setMoved(true);
            onIndex(i);
          }}
          onDblClick={props.onChoose}
        >
          <span class="kind-title">{kind.title}</span>
          {props.suggested?.includes(kind.id) ? (
            <span class="kind-suggested">Suggested: a reply you asked for is overdue.</span>
          ) : null}
          <span class="kind-when">{kind.description}</span>
        </div>
      ))}
    </div>
  );
}
