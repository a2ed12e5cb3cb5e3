/**
 * The one message protocol between contexts. Every message is declared here once, with a zod
 * schema for its payload; the receiving end (the background) validates with `parseMessage` and
 * checks the sender before acting. Content scripts import only the types (see ./client.ts), so
 * zod never ships in the content script.
 */
import { z } from '../model/zod';

const nonce = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

export const messageSchemas = {
  /** Health check, used by e2e tests and by the content script after an extension reload. */
  ping: z.object({}),
} satisfies Record<string, z.ZodType>;

export type MessageType = keyof typeof messageSchemas;
export type MessagePayload<T extends MessageType> = z.infer<(typeof messageSchemas)[T]>;
export type Message = { [T in MessageType]: { type: T; payload: MessagePayload<T> } }[MessageType];

/** What each message answers. */
export interface MessageResponses {
  ping: { ok: true };
}

export type MessageResult<T extends MessageType> =
  { ok: true; value: MessageResponses[T] } | { ok: false; error: string };

export { nonce as nonceSchema };

/** Validates an incoming message; unknown types and bad payloads are rejected with a reason. */
export function parseMessage(
  raw: unknown,
): { ok: true; message: Message } | { ok: false; error: string } {
  if (typeof raw !== 'object' || raw === null)
    return { ok: false, error: 'Message is not an object.' };
  const { type, payload } = raw as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(messageSchemas, type)) {
    return { ok: false, error: `Unknown message type: ${String(type).slice(0, 40)}` };
  }
  const schema = messageSchemas[type as MessageType];
  const parsed = schema.safeParse(payload);
  if (!parsed.success)
    return { ok: false, error: `Bad ${type} payload: ${parsed.error.issues[0]?.message}` };
  return { ok: true, message: { type, payload: parsed.data } as Message };
}
