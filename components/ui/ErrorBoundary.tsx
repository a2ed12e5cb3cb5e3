/** Shows a plain message instead of a blank page when a part of the page fails. */
import type { ComponentChildren } from 'preact';
import { useErrorBoundary } from 'preact/hooks';

export function ErrorBoundary(props: { children: ComponentChildren }) {
  const [error, reset] = useErrorBoundary((caught: unknown) => console.error(caught));
  if (error) {
    return (
      <div class="notice danger" role="alert">
        <p>
          <strong>Something went wrong here.</strong> Your saved data is safe. Try again, or close
          and reopen this page.
        </p>
        <p class="small muted">{error instanceof Error ? error.message : String(error)}</p>
        <button type="button" class="secondary" onClick={reset}>
          Try again
        </button>
      </div>
    );
  }
  return <>{props.children}</>;
}
