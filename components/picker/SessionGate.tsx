/**
 * The picker shows nothing of the child's until its session is confirmed: the background knows
 * the nonce for this tab and this picker frame (lib/compose/background), and, in Chrome, the
 * page that embeds the picker is the one that opened it (lib/compose/picker/embedding.ts).
 * Only then are the children rendered (and the database opened).
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { embeddedBy } from '../../lib/compose/picker/embedding';
import { sendMessage } from '../../lib/messaging/client';
import type { MessageResponses } from '../../lib/messaging/protocol';

type Session = MessageResponses['picker:session'];

export const FOREIGN_PAGE =
  'This picker was opened by another page, so it shows nothing. Open it again from your message.';

export function SessionGate(props: {
  nonce: string;
  children: (session: Session) => ComponentChildren;
}) {
  const [state, setState] = useState<Session | { error: string } | null>(null);
  useEffect(() => {
    void sendMessage('picker:session', { nonce: props.nonce }).then((answer) => {
      if (!answer.ok) setState({ error: answer.error });
      else if (!embeddedBy(location.ancestorOrigins, answer.value.origin))
        setState({ error: FOREIGN_PAGE });
      else setState(answer.value);
    });
  }, [props.nonce]);

  if (state && !('error' in state)) return <>{props.children(state)}</>;
  return (
    <main class="picker" data-testid="picker-gate">
      <header class="picker-header">
        <h1>Insert IEP paragraph</h1>
      </header>
      {state ? (
        <div class="notice danger" role="alert">
          <p>{state.error}</p>
        </div>
      ) : (
        <p class="muted">Connecting to your message…</p>
      )}
    </main>
  );
}
