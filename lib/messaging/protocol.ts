/**
 * The one message protocol between contexts. Every message is declared here once, with a zod
 * schema for its payload; the receiving end (the background) validates with `parseMessage` and
 * checks the sender before acting. Content scripts import only the types (see ./client.ts), so
 * zod never ships in the content script.
 */
import type { Block, Inline } from '../drafts/blocks';
import { z } from '../model/zod';

const nonce = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

// ---------------------------------------------------------------- compose integration

const inlineSchema: z.ZodType<Inline> = z.lazy(() =>
  z.union([
    z.string().max(20_000),
    z.object({ type: z.literal('marker'), need: z.string().max(300) }),
    z.object({ type: z.literal('strong'), content: z.array(inlineSchema).max(500) }),
    z.object({ type: z.literal('br') }),
  ]),
);
const inlineList = z.array(inlineSchema).max(2_000);
const blockSchema: z.ZodType<Block> = z.union([
  z.object({ type: z.literal('p'), content: inlineList }),
  z.object({ type: z.enum(['ul', 'ol']), items: z.array(inlineList).max(500) }),
  z.object({
    type: z.literal('table'),
    head: z.array(z.string().max(200)).max(20),
    rows: z.array(z.array(inlineList).max(20)).max(1_000),
  }),
]);

/** What the picker asks to insert: the draft's structure (lib/drafts/blocks) and its plain text. */
export const insertContentSchema = z.object({
  text: z.string().max(200_000),
  blocks: z.array(blockSchema).max(500),
});
export type InsertContent = z.infer<typeof insertContentSchema>;

/** How the content script inserted (see lib/compose/page/insert.ts). */
export type InsertMethod = 'paste' | 'insertHTML' | 'insertText' | 'range' | 'value';

export const messageSchemas = {
  /** Health check, used by e2e tests and by the content script after an extension reload. */
  ping: z.object({}),
  /**
   * Content script → background: the user opened the picker for an editor (or, with canInsert
   * false, where nothing can be inserted). The background pairs the nonce with the sender's tab
   * and frame; only the picker that knows the nonce can insert there.
   */
  'compose:opened': z.object({ nonce, canInsert: z.boolean() }),
  /**
   * Content script → background, at start: the install's random token for the names of our
   * elements in the page; with watch, the background also puts the detection stylesheet into
   * the sender's frame (lib/compose/detection.ts).
   */
  'compose:hello': z.object({ watch: z.boolean() }),
  /** Content script → background: the picker was dismissed in the page (click outside). */
  'compose:closed': z.object({ nonce }),
  /** Content script → background: expand a typed citation shortcut such as ";pwn". */
  'compose:expand-shortcut': z.object({ text: z.string().min(2).max(60) }),
  /** Picker → background: which page it serves (host name) and whether it can insert there. */
  'picker:session': z.object({ nonce }),
  /** Picker → background → the content script of the paired frame: insert at the saved caret. */
  'picker:insert': z.object({
    nonce,
    content: insertContentSchema,
    /** Put into the compose's subject field when that is empty; null for inline text. */
    subject: z.string().max(300).nullable(),
  }),
  /** Picker → background → content script: close the picker (Esc returns to the editor). */
  'picker:close': z.object({ nonce, restoreFocus: z.boolean() }),
} satisfies Record<string, z.ZodType>;

export type MessageType = keyof typeof messageSchemas;
export type MessagePayload<T extends MessageType> = z.infer<(typeof messageSchemas)[T]>;
export type Message = { [T in MessageType]: { type: T; payload: MessagePayload<T> } }[MessageType];

/** What each message answers. */
export interface MessageResponses {
  ping: { ok: true };
  'compose:hello': { token: string };
  'compose:opened': { ok: true };
  'compose:closed': { ok: true };
  'compose:expand-shortcut': { expansion: string | null };
  'picker:session': { host: string; origin: string; canInsert: boolean };
  'picker:insert': ComposeInsertResult;
  'picker:close': { ok: true };
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

// ---------------------------------------------------------------- background → content script

/**
 * Messages the background sends to the compose content script (tabs.sendMessage with the
 * paired frame). They come only from this extension, so the content script checks their shape
 * and nonce by hand instead of shipping zod.
 */
export type ContentScriptMessage =
  | { type: 'compose:insert'; nonce: string; content: InsertContent; subject: string | null }
  | { type: 'compose:close'; nonce: string; restoreFocus: boolean }
  /**
   * The context menu or the keyboard command: open the picker for the right-clicked or focused
   * editor. Firefox names the right-clicked element (menus.getTargetElement).
   */
  | { type: 'compose:open-picker'; trigger: 'menu' | 'command'; targetElementId?: number };

export interface ComposeInsertResult {
  method: InsertMethod;
  subjectFilled: boolean;
}

export interface ContentScriptResponses {
  'compose:insert': { ok: true; value: ComposeInsertResult } | { ok: false; error: string };
  'compose:close': { ok: true };
  'compose:open-picker': { opened: boolean; canInsert: boolean };
}
