/**
 * The background side of the compose integration (lib/compose/background): who may open,
 * insert and close, where the picker's messages are relayed, and how the context menu and the
 * command reach a frame (an existing content script first, else the on-demand one).
 */
import { describe, expect, it, vi } from 'vitest';
import {
  ANYWHERE_SCRIPT,
  createComposeHandlers,
  openPickerInTab,
  type ComposeBrowser,
} from '../../../lib/compose/background';
import { createSessionStore } from '../../../lib/compose/background/sessions';

const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const PICKER = 'chrome-extension://dynamic-session-id/picker.html#';
const NONCE = 'n0nce-for-the-picker-1234';

function memoryArea() {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async (key: string | null) => (key === null ? { ...data } : { [key]: data[key] }),
    set: async (items: Record<string, unknown>) => void Object.assign(data, items),
    remove: async (keys: string | string[]) => {
      for (const key of [keys].flat()) delete data[key];
    },
  };
}

function fakeBrowser(
  reply: unknown = { ok: true, value: { method: 'insertHTML', subjectFilled: true } },
) {
  const session = memoryArea();
  const local = memoryArea();
  const sendMessage = vi.fn(async () => reply);
  const insertCSS = vi.fn(async () => {});
  const browser = {
    runtime: { getURL: (path: string) => `${ORIGIN}${path}` },
    tabs: { sendMessage },
    scripting: { insertCSS },
    storage: { session, local },
  } as unknown as ComposeBrowser;
  const store = createSessionStore(session as never);
  return {
    browser,
    sendMessage,
    insertCSS,
    session,
    local,
    handlers: createComposeHandlers(browser, store),
  };
}

const contentScript = (tabId = 7, frameId = 0) =>
  ({ id: 'ext', tab: { id: tabId }, frameId, url: 'https://mail.google.com/mail/u/0/' }) as never;
const picker = (tabId = 7, url = PICKER + NONCE, frameId = 3) =>
  ({ id: 'ext', tab: { id: tabId }, frameId, url }) as never;

const content = { text: 'Hello', blocks: [{ type: 'p' as const, content: ['Hello'] }] };

describe('compose background', () => {
  it('pairs a nonce with the tab and frame that opened the picker, and relays inserts there', async () => {
    const { handlers, sendMessage } = fakeBrowser();
    await handlers['compose:opened']({ nonce: NONCE, canInsert: true }, contentScript(7, 2));
    expect(await handlers['picker:session']({ nonce: NONCE }, picker())).toEqual({
      host: 'mail.google.com',
      origin: 'https://mail.google.com',
      canInsert: true,
    });
    const result = await handlers['picker:insert'](
      { nonce: NONCE, content, subject: 'S' },
      picker(),
    );
    expect(result).toEqual({ method: 'insertHTML', subjectFilled: true });
    expect(sendMessage).toHaveBeenCalledWith(
      7,
      { type: 'compose:insert', nonce: NONCE, content, subject: 'S' },
      { frameId: 2 },
    );
  });

  it('refuses a picker in another tab, an unknown nonce, and pages posing as the picker', async () => {
    const { handlers, sendMessage } = fakeBrowser();
    await handlers['compose:opened']({ nonce: NONCE, canInsert: true }, contentScript(7));
    const insert = (sender: never, nonce = NONCE) =>
      handlers['picker:insert']({ nonce, content, subject: null }, sender);
    await expect(insert(picker(8))).rejects.toThrow(/no longer connected/);
    await expect(insert(picker(7), 'some-other-nonce-0000')).rejects.toThrow(/no longer connected/);
    await expect(insert(contentScript(7))).rejects.toThrow(/Only the picker/);
    await expect(insert(picker(7, 'https://evil.example/picker.html'))).rejects.toThrow(
      /Only the picker/,
    );
    await expect(insert(picker(7, `${ORIGIN}/tracker.html`))).rejects.toThrow(/Only the picker/);
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('the first picker frame that asks claims the session; no other frame can use it', async () => {
    const { handlers, sendMessage } = fakeBrowser();
    await handlers['compose:opened']({ nonce: NONCE, canInsert: true }, contentScript(7));
    // Unclaimed, a session inserts nothing.
    await expect(
      handlers['picker:insert']({ nonce: NONCE, content, subject: null }, picker()),
    ).rejects.toThrow(/no longer connected/);
    await handlers['picker:session']({ nonce: NONCE }, picker(7, PICKER + NONCE, 3));
    const other = picker(7, PICKER + NONCE, 9);
    await expect(handlers['picker:session']({ nonce: NONCE }, other)).rejects.toThrow(
      /no longer connected/,
    );
    await expect(
      handlers['picker:insert']({ nonce: NONCE, content, subject: null }, other),
    ).rejects.toThrow(/no longer connected/);
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('hello: one random token per install, and the detection stylesheet for watching frames', async () => {
    const { handlers, insertCSS, local } = fakeBrowser();
    const [first, second] = await Promise.all([
      handlers['compose:hello']({ watch: true }, contentScript(7, 2)),
      handlers['compose:hello']({ watch: false }, contentScript(8, 0)),
    ]);
    expect(first.token).toMatch(/^[a-z]{16}$/);
    expect(second.token).toBe(first.token);
    expect(Object.values(local.data)).toEqual([first.token]);
    expect(insertCSS).toHaveBeenCalledTimes(1);
    expect(insertCSS).toHaveBeenCalledWith({
      target: { tabId: 7, frameIds: [2] },
      css: expect.stringContaining(`animation: 1ms ${first.token}`),
    });
    const other = fakeBrowser();
    const elsewhere = await other.handlers['compose:hello']({ watch: false }, contentScript());
    expect(elsewhere.token).not.toBe(first.token);
  });

  it('only pages (content scripts) open pickers; extension pages cannot', async () => {
    const { handlers } = fakeBrowser();
    await expect(
      handlers['compose:opened']({ nonce: NONCE, canInsert: true }, picker(7)),
    ).rejects.toThrow(/Only the page/);
    await expect(
      handlers['compose:opened']({ nonce: NONCE, canInsert: true }, { id: 'ext' } as never),
    ).rejects.toThrow(/Only the page/);
  });

  it('a copy-only picker (no editor) cannot insert', async () => {
    const { handlers } = fakeBrowser();
    await handlers['compose:opened']({ nonce: NONCE, canInsert: false }, contentScript());
    await handlers['picker:session']({ nonce: NONCE }, picker());
    await expect(
      handlers['picker:insert']({ nonce: NONCE, content, subject: null }, picker()),
    ).rejects.toThrow(/copy it instead/);
  });

  it("passes on the page's refusal in its words", async () => {
    const { handlers } = fakeBrowser({
      ok: false,
      error: 'The message you were writing is closed.',
    });
    await handlers['compose:opened']({ nonce: NONCE, canInsert: true }, contentScript());
    await handlers['picker:session']({ nonce: NONCE }, picker());
    await expect(
      handlers['picker:insert']({ nonce: NONCE, content, subject: null }, picker()),
    ).rejects.toThrow('The message you were writing is closed.');
  });

  it('closing ends the session and tells the page; a dismissed picker cannot insert later', async () => {
    const { handlers, sendMessage } = fakeBrowser({ ok: true });
    await handlers['compose:opened']({ nonce: NONCE, canInsert: true }, contentScript(7, 1));
    await handlers['picker:session']({ nonce: NONCE }, picker());
    await handlers['picker:close']({ nonce: NONCE, restoreFocus: true }, picker());
    expect(sendMessage).toHaveBeenCalledWith(
      7,
      { type: 'compose:close', nonce: NONCE, restoreFocus: true },
      { frameId: 1 },
    );
    await expect(handlers['picker:session']({ nonce: NONCE }, picker())).rejects.toThrow();
    await handlers['compose:opened']({ nonce: NONCE, canInsert: true }, contentScript(7, 1));
    await handlers['compose:closed']({ nonce: NONCE }, contentScript(7, 1));
    await expect(handlers['picker:session']({ nonce: NONCE }, picker())).rejects.toThrow();
  });

  it('expands citation shortcuts for content scripts', () => {
    const { handlers } = fakeBrowser();
    expect(handlers['compose:expand-shortcut']({ text: ';pwn' }, contentScript())).toEqual({
      expansion: '34 C.F.R. § 300.503',
    });
    expect(handlers['compose:expand-shortcut']({ text: ';nope' }, contentScript())).toEqual({
      expansion: null,
    });
  });

  it('forgets sessions older than two hours', async () => {
    const area = memoryArea();
    let now = 1_000_000;
    const store = createSessionStore(area as never, () => now);
    const session = {
      tabId: 1,
      frameId: 0,
      host: 'x',
      origin: 'https://x',
      canInsert: true,
      openedAt: now,
    };
    await store.put('old-nonce-0000000000', session);
    now += 2 * 60 * 60 * 1000 + 1;
    expect(await store.get('old-nonce-0000000000')).toBeNull();
    await store.put('new-nonce-0000000000', { ...session, openedAt: now });
    expect(Object.keys(area.data)).toEqual(['compose-session:new-nonce-0000000000']);
  });
});

describe('context menu and keyboard command', () => {
  function tabsBrowser(answers: unknown[]) {
    const sendMessage = vi.fn(async () => {
      const next = answers.shift();
      if (next instanceof Error) throw next;
      return next;
    });
    const executeScript = vi.fn(async () => []);
    const browser = {
      tabs: { sendMessage },
      scripting: { executeScript },
    } as unknown as ComposeBrowser;
    return { browser, sendMessage, executeScript };
  }

  it('uses the content script already in the frame (mail hosts) without injecting', async () => {
    const { browser, executeScript, sendMessage } = tabsBrowser([
      { opened: true, canInsert: true },
    ]);
    expect(await openPickerInTab(browser, 5, 'menu', 3)).toEqual({ opened: true, canInsert: true });
    expect(sendMessage).toHaveBeenCalledWith(
      5,
      { type: 'compose:open-picker', trigger: 'menu' },
      { frameId: 3 },
    );
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('injects the on-demand script into that frame when nothing answers, then asks again', async () => {
    const { browser, executeScript } = tabsBrowser([
      new Error('Could not establish connection. Receiving end does not exist.'),
      { opened: true, canInsert: false },
    ]);
    expect(await openPickerInTab(browser, 5, 'menu', 3)).toEqual({
      opened: true,
      canInsert: false,
    });
    expect(executeScript).toHaveBeenCalledWith({
      target: { tabId: 5, frameIds: [3] },
      files: [ANYWHERE_SCRIPT],
    });
  });

  it('the command goes to every frame (the focused one answers), injecting into all if needed', async () => {
    const { browser, executeScript, sendMessage } = tabsBrowser([
      undefined,
      { opened: true, canInsert: true },
    ]);
    expect(await openPickerInTab(browser, 5, 'command')).toEqual({ opened: true, canInsert: true });
    expect(sendMessage).toHaveBeenCalledWith(
      5,
      { type: 'compose:open-picker', trigger: 'command' },
      {},
    );
    expect(executeScript).toHaveBeenCalledWith({
      target: { tabId: 5, allFrames: true },
      files: [ANYWHERE_SCRIPT],
    });
  });
});
