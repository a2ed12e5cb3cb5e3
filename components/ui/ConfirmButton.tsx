/**
 * A destructive button that asks first, in place: "Delete" becomes the question with
 * "Yes, delete" and "Keep it". Focus moves to the question's buttons and back, so keyboard users
 * never lose their place.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

export interface ConfirmButtonProps {
  /** The button's text, e.g. "Delete". */
  label: string;
  /** Accessible name when the text alone is ambiguous in a list, e.g. "Delete entry of Oct 2". */
  accessibleLabel?: string;
  /** The question, e.g. "Delete this service and its 12 log entries?" */
  question: string;
  confirmLabel?: string;
  onConfirm: () => void | Promise<void>;
}

export function ConfirmButton(props: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const keepRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (asking) keepRef.current?.focus();
    else if (wasAsking.current) openRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button
        type="button"
        class="secondary"
        ref={openRef}
        aria-label={props.accessibleLabel}
        onClick={() => setAsking(true)}
      >
        {props.label}
      </button>
    );
  }
  return (
    <span role="group" aria-label={props.question} class="button-row confirm">
      <span>{props.question}</span>
      <button
        type="button"
        class="danger"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          try {
            await props.onConfirm();
          } finally {
            setBusy(false);
            setAsking(false);
          }
        }}
      >
        {props.confirmLabel ?? 'Yes, delete'}
      </button>
      <button type="button" class="secondary" ref={keepRef} onClick={() => setAsking(false)}>
        Keep it
      </button>
    </span>
  );
}
