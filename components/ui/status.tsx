/**
 * A polite live region for short confirmations ("Saved."). The region is always in the page so
 * screen readers pick up changes; the message clears itself after a while.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export function StatusMessage(props: { message: string; testId?: string }) {
  return (
    <p class="status-message" role="status" aria-live="polite" data-testid={props.testId}>
      {props.message}
    </p>
  );
}

/** [message, announce]: announce('Saved.') shows it for `clearAfterMs`, then clears it. */
export function useStatus(clearAfterMs = 6000): [string, (message: string) => void] {
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const announce = useCallback(
    (next: string) => {
      clearTimeout(timer.current);
      // Clear first so the same words twice in a row are announced again.
      setMessage('');
      setTimeout(() => setMessage(next), 30);
      timer.current = setTimeout(() => setMessage(''), clearAfterMs);
    },
    [clearAfterMs],
  );
  return [message, announce];
}
