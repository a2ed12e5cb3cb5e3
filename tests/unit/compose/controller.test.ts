// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"enableIframePageLoading":true}}
/**
 * The page side end to end in happy-dom: buttons for compose editors only, the picker opened
 * with a fresh nonce, insert/close carried out only for that nonce, and everything removed when
 * the extension's context goes away.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUTTON_TAG } from '../../../lib/compose/button';
import { startCompose } from '../../../lib/compose/controller';
import { DETECTION_ANIMATION } from '../../../lib/compose/detect';
import { gmailAdapter } from '../../../lib/compose/gmail';
import { PICKER_TAG } from '../../../lib/compose/picker-frame';
import { gmailCompose } from './dom';

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

function start() {
  return startCompose({
    document,
    ctx: ctx as never,
    adapter: gmailAdapter,
    send: send as never,
    // happy-dom loads no extension pages; the real address is runtime.getURL('/picker.html').
    pickerUrl: (nonce) => `about:blank#${nonce}`,
    watch: true,
  });
}

const buttons = () => document.querySelectorAll(BUTTON_TAG);

describe('compose controller', () => {
  it('gives compose editors a button (start-up scan, animation, focus) and nothing else', () => {
    const first = gmailCompose();
    start();
    expect(buttons()).toHaveLength(1);
    expect(first.editor.nextElementSibling?.localName).toBe(BUTTON_TAG);

    const second = gmailCompose();
    second.editor.dispatchEvent(
      new AnimationEvent('animationstart', { animationName: DETECTION_ANIMATION, bubbles: true }),
    );
    expect(buttons()).toHaveLength(2);
    // Other animations, the twin and the recipients get nothing; repeats add nothing.
    second.twin.dispatchEvent(
      new AnimationEvent('animationstart', { animationName: 'fade', bubbles: true }),
    );
    second.to.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    second.editor.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(buttons()).toHaveLength(2);
  });

  it('opens the picker with a fresh nonce registered with the background first', async () => {
    const { editor } = gmailCompose();
    const compose = start();
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
    const compose = start();
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

  it('closes on Esc (from the picker) and on a click in the page; unknown messages are ignored', async () => {
    const { editor } = gmailCompose();
    const compose = start();
    await compose.openPicker(editor, gmailAdapter);
    const nonce = send.mock.calls[0]![1].nonce as string;
    expect(
      compose.handleMessage({ type: 'compose:close', nonce: 'y'.repeat(24), restoreFocus: true }),
    ).toBeUndefined();
    await compose.handleMessage({ type: 'compose:close', nonce, restoreFocus: true });
    expect(document.querySelector(PICKER_TAG)).toBeNull();
    expect(document.activeElement).toBe(editor);

    await compose.openPicker(editor, gmailAdapter);
    document.body.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, composed: true }));
    expect(document.querySelector(PICKER_TAG)).toBeNull();
    expect(send).toHaveBeenLastCalledWith('compose:closed', {
      nonce: send.mock.calls[1]![1].nonce,
    });
    expect(compose.handleMessage({ type: 'something-else' })).toBeUndefined();
    expect(compose.handleMessage(null)).toBeUndefined();
  });

  it('removes every button and the picker when the extension is reloaded or updated', async () => {
    const { editor } = gmailCompose();
    const compose = start();
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
    const stopped = start();
    await stopped.openPicker(editor, gmailAdapter);
    // Firefox unloads the old extension without running its clean-up: its context never ends.
    ctx = fakeContext();
    start();
    expect(buttons()).toHaveLength(1);
    expect(document.querySelector(PICKER_TAG)).toBeNull();
    expect(editor.nextElementSibling?.localName).toBe(BUTTON_TAG);
  });
});
