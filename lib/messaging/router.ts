/**
 * Background-side dispatch: validates each message, checks the sender, and calls the handler
 * registered for its type. Handlers take what they need as arguments (the composition root in
 * entrypoints/background.ts wires the database in).
 */
import type { Browser } from 'wxt/browser';
import {
  parseMessage,
  type MessagePayload,
  type MessageResponses,
  type MessageResult,
  type MessageType,
} from './protocol';

export type Handler<T extends MessageType> = (
  payload: MessagePayload<T>,
  sender: Browser.runtime.MessageSender,
) => Promise<MessageResponses[T]> | MessageResponses[T];

export type Handlers = { [T in MessageType]: Handler<T> };

export function createRouter(handlers: Handlers, extensionId: string) {
  return async function route(
    raw: unknown,
    sender: Browser.runtime.MessageSender,
  ): Promise<MessageResult<MessageType>> {
    // Only this extension's own contexts (pages, iframes, content scripts) may talk to it.
    if (sender.id !== extensionId) return { ok: false, error: 'Unknown sender.' };
    const parsed = parseMessage(raw);
    if (!parsed.ok) return parsed;
    const { type, payload } = parsed.message;
    try {
      const handler = handlers[type] as Handler<typeof type>;
      return { ok: true, value: await handler(payload as never, sender) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
