// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"enableIframePageLoading":true}}
/**
 * The page side end to end in happy-dom: buttons for compose editors only, the picker opened
 * with a fresh nonce, insert/close carried out only for that nonce, and everything removed when
 * the extension's context goes away.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startCompose } from '../../../lib/compose/page/controller';
import { gmailAdapter } from '../../../lib/compose/page/adapters/gmail';
import { hostSelector } from '../../../lib/compose/names';
import { openPickerFrame } from '../../../lib/compose/page/picker-frame';
import { gmailCompose } from './dom';

const TOKEN = 'abcdefghijklmnop';
const BUTTON_TAG = hostSelector(TOKEN, 'button');
const PICKER_TAG = hostSelector(TOKEN, 'picker');
/** happy-dom has no layout: the picker's "still on top" check is the e2e tests' (hostile). */
let pickerIntact = true;

/** WXT's ctx, reduced to what the controller uses, with an invalidate() for the tests. */
function fakeContext() {
  const controller = new AbortController();
  return {
    get isInvalid() {
      return controller.signal.aborted;
    },
    addEventListener(
      target: EventTarget,
      type: string,
      handler: never,
      options?: AddEventListenerOptions,
    ) {
      target.addEventListener(type, handler, { ...options, signal: controller.signal });
    },
    onInvalidated(callback: () => void) {
      controller.signal.addEventListener('abort', callback);
      return () => controller.signal.removeEventListener('abort', callback);
    },
    invalidate: () => controller.abort(),
  };
}

let ctx: ReturnType<typeof fakeContext>;
let send: ReturnType<typeof vi.fn>;

beforeEach(() => {
  ctx = fakeContext();
  send = vi.fn(async () => ({ ok: true, value: { ok: true } }));
});
afterEach(() => {
  ctx.invalidate();
  document.body.replaceChildren();
  document.querySelectorAll(PICKER_TAG).forEach((e) => e.remove());
});

let menuTarget: Element | null = null;

function start() {
  return startCompose({
    menuTarget: () => menuTarget,
    document,
    ctx: ctx as never,
    adapter: gmailAdapter,
    send: send as never,
    // happy-dom loads no extension pages; the real address is runtime.getURL('/picker.html').
    pickerUrl: (nonce) => `about:blank#${nonce}`,
    watch: true,
    token: Promise.resolve(TOKEN),
    openFrame: (...args) => ({ ...openPickerFrame(...args), intact: () => pickerIntact }),
  });
}

/** Starts the controller and waits for its token (the background's compose:hello answer). */
async function started() {
  const compose = start();
  await compose.started;
  return compose;
}

const buttons = () => document.querySelectorAll(BUTTON_TAG);

describe('compose controller', () => {
  it('gives compose editors a button (start-up scan) in a built-in host named by the token', async () => {
    const first = gmailCompose();
    await started();
    expect(buttons()).toHaveLength(1);
    expect(first.editor.nextElementSibling?.matches(BUTTON_TAG)).toBe(true);
    expect(first.editor.nextElementSibling?.localName).toBe('span');
    expect(document.documentElement.outerHTML).not.toMatch(/iep|advocate/i);

    // A page's dispatched events are untrusted: they place nothing (the browser's own
    // animationstart and focusin do; see the e2e tests).
    const second = gmailCompose();
    second.editor.dispatchEvent(
      new AnimationEvent('animationstart', { animationName: TOKEN, bubbles: true }),
    );
    second.editor.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(buttons()).toHaveLength(1);
  });

  it('opens the picker with a fresh nonce registered with the background first', async () => {
    const { editor } = gmailCompose();
    const compose = await started();
    expect(await compose.openPicker(editor, gmailAdapter)).toBe(true);
    const [type, payload] = send.mock.calls[0]!;
    expect(type).toBe('compose:opened');
    expect(payload.canInsert).toBe(true);
    expect(payload.nonce).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const host = document.querySelector(PICKER_TAG)!;
    expect(host).not.toBeNull();
    // The iframe sits in a closed shadow root: the page sees only the host element.
    expect(host.shadowRoot).toBeNull();
    expect(document.querySelector('iframe')).toBeNull();
  });

  it('inserts only for the nonce it opened, at the saved caret, and fills an empty subject', async () => {
    const { editor, subject } = gmailCompose();
    editor.textContent = 'Hello ';
    const compose = await started();
    getSelection()!.collapse(editor.firstChild!, 6);
    await compose.openPicker(editor, gmailAdapter);
    const nonce = send.mock.calls[0]![1].nonce as string;
    const content = { text: 'Missed minutes', blocks: [] };

    const wrong = await compose.handleMessage({
      type: 'compose:insert',
      nonce: 'x'.repeat(24),
      content,
      subject: 'S',
    });
    expect(wrong).toEqual({ ok: false, error: expect.stringContaining('no longer open') });
    expect(editor.textContent).toBe('Hello ');

    const right = await compose.handleMessage({
      type: 'compose:insert',
      nonce,
      content,
      subject: 'Missed speech therapy',
    });
    expect(right).toEqual({ ok: true, value: { method: 'range', subjectFilled: true } });
    expect(editor.textContent).toBe('Hello Missed minutes');
    expect(subject.value).toBe('Missed speech therapy');
  });

  it('inserts nothing and closes when the picker is no longer as placed (moved, covered…)', async () => {
    const { editor } = gmailCompose();
    editor.textContent = 'Hello';
    const compose = await started();
    await compose.openPicker(editor, gmailAdapter);
    const nonce = send.mock.calls[0]![1].nonce as string;
    pickerIntact = false;
    try {
      const answer = await compose.handleMessage({
        type: 'compose:insert',
        nonce,
        content: { text: 'Missed minutes', blocks: [] },
        subject: null,
      });
      expect(answer).toEqual({ ok: false, error: expect.stringContaining('nothing was inserted') });
    } finally {
      pickerIntact = true;
    }
    expect(editor.textContent).toBe('Hello');
    expect(document.querySelector(PICKER_TAG)).toBeNull();
  });

  it('closes on Esc (from the picker), not on a scripted click; unknown messages are ignored', async () => {
    const { editor } = gmailCompose();
    const compose = await started();
    await compose.openPicker(editor, gmailAdapter);
    const nonce = send.mock.calls[0]![1].nonce as string;
    expect(
      compose.handleMessage({ type: 'compose:close', nonce: 'y'.repeat(24), restoreFocus: true }),
    ).toBeUndefined();
    await compose.handleMessage({ type: 'compose:close', nonce, restoreFocus: true });
    expect(document.querySelector(PICKER_TAG)).toBeNull();
    expect(document.activeElement).toBe(editor);

    await compose.openPicker(editor, gmailAdapter);
    // An untrusted mousedown (a page script's) is not the user clicking outside.
    document.body.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, composed: true }));
    expect(document.querySelector(PICKER_TAG)).not.toBeNull();
    expect(compose.handleMessage({ type: 'something-else' })).toBeUndefined();
    expect(compose.handleMessage(null)).toBeUndefined();
  });

  it('the command is left to a child frame when focus is in it; the menu uses the clicked field', async () => {
    const { editor } = gmailCompose();
    const compose = await started();
    // With the focus on its own editor, this frame answers…
    editor.focus();
    const own = compose.handleMessage({ type: 'compose:open-picker', trigger: 'command' });
    expect(await own).toEqual({ opened: true, canInsert: true });
    // …with the focus in a child frame, it leaves the answer to that frame.
    const child = document.createElement('iframe');
    document.body.append(child);
    child.focus();
    expect(document.activeElement).toBe(child);
    expect(compose.handleMessage({ type: 'compose:open-picker', trigger: 'command' })).toBe(
      undefined,
    );
    // Firefox names the right-clicked field: that one, not the focused element, gets the picker.
    menuTarget = editor;
    try {
      const answer = await compose.handleMessage({
        type: 'compose:open-picker',
        trigger: 'menu',
        targetElementId: 7,
      });
      expect(answer).toEqual({ opened: true, canInsert: true });
    } finally {
      menuTarget = null;
    }
  });

  it('removes every button and the picker when the extension is reloaded or updated', async () => {
    const { editor } = gmailCompose();
    const compose = await started();
    await compose.openPicker(editor, gmailAdapter);
    ctx.invalidate();
    expect(buttons()).toHaveLength(0);
    expect(document.querySelector(PICKER_TAG)).toBeNull();
    // An orphaned script does nothing more, even when asked.
    expect(await compose.openPicker(editor, gmailAdapter)).toBe(false);
    expect(compose.handleMessage({ type: 'compose:open-picker', trigger: 'menu' })).toBeUndefined();
  });

  it('a fresh start removes what a stopped earlier instance left (Firefox stops it outright)', async () => {
    const { editor } = gmailCompose();
    const stopped = await started();
    await stopped.openPicker(editor, gmailAdapter);
    // Firefox unloads the old extension without running its clean-up: its context never ends.
    ctx = fakeContext();
    await started();
    expect(buttons()).toHaveLength(1);
    expect(document.querySelector(PICKER_TAG)).toBeNull();
    expect(editor.nextElementSibling?.matches(BUTTON_TAG)).toBe(true);
  });
});
