/**
 * The message protocol as a security boundary (lib/messaging): only this extension's contexts
 * are heard, every payload is validated before a handler runs, unknown messages are refused,
 * and the protocol offers no generic way to read or write records, so a content script (or a
 * page that compromised one) can ask only for what a feature needs.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { messageSchemas, parseMessage, type MessageType } from '../../lib/messaging/protocol';
import { createRouter, type Handlers } from '../../lib/messaging/router';
import { z as zod, type z } from '../../lib/model/zod';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const fromExtensionPage: Browser.runtime.MessageSender = {
  id: EXTENSION_ID,
  url: `chrome-extension://${EXTENSION_ID}/tracker.html`,
};
const fromContentScript: Browser.runtime.MessageSender = {
  id: EXTENSION_ID,
  url: 'https://mail.google.com/mail/u/0/',
  tab: { id: 7 } as Browser.tabs.Tab,
  frameId: 0,
};

/** A handler per message type that records its calls. */
function spyHandlers() {
  const calls: { type: string; payload: unknown }[] = [];
  const handlers = Object.fromEntries(
    (Object.keys(messageSchemas) as MessageType[]).map((type) => [
      type,
      vi.fn((payload: unknown) => {
        calls.push({ type, payload });
        return { ok: true };
      }),
    ]),
  ) as unknown as Handlers;
  return { handlers, calls };
}

describe('router: who may talk to the background', () => {
  it('answers this extension’s pages and content scripts', async () => {
    const { handlers, calls } = spyHandlers();
    const route = createRouter(handlers, EXTENSION_ID);
    expect(await route({ type: 'ping', payload: {} }, fromExtensionPage)).toEqual({
      ok: true,
      value: { ok: true },
    });
    expect((await route({ type: 'ping', payload: {} }, fromContentScript)).ok).toBe(true);
    expect(calls).toHaveLength(2);
  });

  it('refuses other extensions, web pages and senders without an id, before parsing', async () => {
    const { handlers, calls } = spyHandlers();
    const route = createRouter(handlers, EXTENSION_ID);
    const strangers: Browser.runtime.MessageSender[] = [
      { id: 'otherextensionidotherextensionid', url: 'chrome-extension://other/x.html' },
      { url: 'https://evil.example/' },
      {},
      { id: '' },
      { id: EXTENSION_ID.toUpperCase() },
    ];
    for (const sender of strangers)
      expect(await route({ type: 'ping', payload: {} }, sender)).toEqual({
        ok: false,
        error: 'Unknown sender.',
      });
    expect(calls).toHaveLength(0);
  });
});

describe('protocol: what the background accepts', () => {
  const junk: unknown[] = [
    null,
    undefined,
    'ping',
    42,
    true,
    [],
    ['ping', {}],
    { payload: {} },
    { type: 42, payload: {} },
    { type: '', payload: {} },
    { type: 'PING', payload: {} },
    { type: 'ping ', payload: {} },
    { type: '__proto__', payload: {} },
    { type: 'constructor', payload: {} },
    { type: 'toString', payload: {} },
    { type: 'hasOwnProperty', payload: {} },
    { type: 'db:get', payload: { table: 'students' } },
    { type: 'readAll', payload: {} },
    JSON.parse('{"__proto__": {"type": "ping"}, "payload": {}}'),
  ];

  it('refuses non-messages and unknown types, without calling any handler', async () => {
    const { handlers, calls } = spyHandlers();
    const route = createRouter(handlers, EXTENSION_ID);
    for (const message of junk) {
      const result = await route(message, fromContentScript);
      expect(result.ok, JSON.stringify(message) ?? String(message)).toBe(false);
      expect(result.ok ? '' : result.error).toMatch(/Unknown message type|not an object/);
    }
    expect(calls).toHaveLength(0);
  });

  it('refuses every message type with a payload of the wrong shape', async () => {
    const { handlers, calls } = spyHandlers();
    const route = createRouter(handlers, EXTENSION_ID);
    for (const type of Object.keys(messageSchemas)) {
      for (const payload of [undefined, null, 'x', 7, [], [{}]]) {
        const result = await route({ type, payload }, fromContentScript);
        expect(result.ok, `${type} with ${JSON.stringify(payload)}`).toBe(false);
        expect(result.ok ? '' : result.error).toMatch(new RegExp(`^Bad ${type} payload`));
      }
    }
    expect(calls).toHaveLength(0);
  });

  it('hands a handler only the declared fields', async () => {
    const { handlers, calls } = spyHandlers();
    const route = createRouter(handlers, EXTENSION_ID);
    await route(
      { type: 'ping', payload: { table: 'students', query: '*', extra: 1 } },
      fromContentScript,
    );
    expect(calls).toEqual([{ type: 'ping', payload: {} }]);
  });

  it('turns a failing handler into an error answer, not a crash', async () => {
    const { handlers } = spyHandlers();
    (handlers as Record<string, unknown>).ping = () => {
      throw new Error('database closed');
    };
    const route = createRouter(handlers, EXTENSION_ID);
    expect(await route({ type: 'ping', payload: {} }, fromExtensionPage)).toEqual({
      ok: false,
      error: 'database closed',
    });
  });

  it('parseMessage agrees with the router', () => {
    expect(parseMessage({ type: 'ping', payload: {} })).toEqual({
      ok: true,
      message: { type: 'ping', payload: {} },
    });
    for (const message of junk) expect(parseMessage(message).ok).toBe(false);
  });
});

/** Every object key a zod schema accepts, at any depth. */
function schemaKeys(schema: z.ZodType, seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = (schema as unknown as { def: Record<string, unknown> }).def;
  const keys: string[] = [];
  const visit = (inner: unknown) => {
    if (inner && typeof inner === 'object' && 'def' in inner)
      keys.push(...schemaKeys(inner as z.ZodType, seen));
  };
  if (def.type === 'lazy') visit((def.getter as () => unknown)());
  if (def.shape && typeof def.shape === 'object') {
    for (const [key, inner] of Object.entries(def.shape as Record<string, unknown>)) {
      keys.push(key);
      visit(inner);
    }
  }
  for (const field of ['element', 'innerType', 'in', 'out', 'valueType', 'keyType'])
    visit(def[field]);
  for (const option of (def.options as unknown[] | undefined) ?? []) visit(option);
  return keys;
}

describe('protocol: no generic access to records', () => {
  const GENERIC_NAME =
    /(^|[:._-])(db|database|idb|indexeddb|dexie|storage|tables?|store|sql|query|records?|read|write|upsert|raw)([:._-]|$)/i;
  const GENERIC_FIELD =
    /^(table|tableName|store|storeName|collection|query|sql|where|filter|keyPath|index|dexie)$/i;

  it('no message is named like a generic read or write', () => {
    for (const type of Object.keys(messageSchemas)) expect(type).not.toMatch(GENERIC_NAME);
  });

  it('the key walker sees nested, optional, union and lazy fields (so the next test means something)', () => {
    const inner: z.ZodType = zod.lazy(() => zod.object({ table: zod.string() }));
    const sample = zod.object({
      a: zod.array(zod.object({ b: zod.string().optional() })),
      c: zod.union([zod.object({ d: zod.number() }), zod.string()]).nullable(),
      e: inner,
    });
    expect(schemaKeys(sample).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'table']);
  });

  it('no payload names a table, store or query', () => {
    for (const [type, schema] of Object.entries(messageSchemas)) {
      for (const key of schemaKeys(schema as z.ZodType))
        expect(key, `${type} payload field "${key}"`).not.toMatch(GENERIC_FIELD);
    }
  });

  it('every payload is a closed object (unknown fields are dropped, never passed on)', () => {
    for (const [type, schema] of Object.entries(messageSchemas)) {
      const def = (
        schema as unknown as { def: { type: string; catchall?: { def: { type: string } } } }
      ).def;
      expect(def.type, type).toBe('object');
      expect(def.catchall?.def.type ?? 'strip', type).not.toBe('unknown');
    }
  });
});
