/**
 * The compose integration in one page: places a button on each compose editor, opens the picker
 * for it, and carries out what the background relays from the picker (insert, close).
 *
 * Flow of an insertion: button (or keyboard command, or context menu) → the caret is saved and a
 * random nonce made → `compose:opened` tells the background which tab and frame the nonce belongs
 * to → the picker iframe (extension origin) opens with the nonce → the picker sends
 * `picker:insert` → the background checks it came from our picker page in that tab and relays
 * `compose:insert` to this frame → we check the nonce, put the caret back and insert.
 *
 * Everything is registered through WXT's ctx, so an extension reload or update removes our
 * listeners, buttons and picker instead of leaving them to throw into the page.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { sendMessage } from '../../messaging/client';
import type { ContentScriptMessage, ContentScriptResponses } from '../../messaging/protocol';
import { placeButton, type EditorButton } from './button';
import { currentCaret, restoreCaret, type SavedCaret } from './caret';
import { watchEditors, type Listen } from './detect';
import { genericAdapter } from './adapters/generic';
import { insertIntoEditor } from './insert';
import { hostSelector } from '../names';
import { openPickerFrame, type PickerFrame } from './picker-frame';
import { handleShortcutKey } from './shortcuts';
import { fillSubjectIfEmpty } from './subject';
import type { EditorElement, HostAdapter } from './types';

export interface ComposeOptions {
  document: Document;
  ctx: Pick<ContentScriptContext, 'addEventListener' | 'onInvalidated' | 'isInvalid'>;
  adapter: HostAdapter;
  send: typeof sendMessage;
  /** The picker page's address for a nonce (runtime.getURL). */
  pickerUrl(nonce: string): string;
  /** Mail hosts: find compose editors and give each a button. The on-demand script does not. */
  watch: boolean;
  /** The install's random token for our elements' and animation's names (./names.ts). */
  token: Promise<string>;
  /** Firefox: the element a context menu was opened on (menus.getTargetElement). */
  menuTarget?(targetElementId: number): Element | null;
  /** Opens the picker's frame (./picker-frame.ts); unit tests wrap it (no layout there). */
  openFrame?: typeof openPickerFrame;
}

interface OpenPicker {
  nonce: string;
  editor: EditorElement | null;
  adapter: HostAdapter;
  caret: SavedCaret | null;
  frame: PickerFrame;
}

/** How long a picker that started an insertion may take to ask us to close it. */
const CLOSE_AFTER_INSERT_MS = 5000;
/** A right-click this recent is the one the context menu came from. */
const CONTEXT_MENU_MS = 60_000;

export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}

const isFrame = (element: Element | null) =>
  element?.localName === 'iframe' || element?.localName === 'frame';

/** The focused element, looking into open shadow roots (web components on generic sites). */
function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

export function startCompose(options: ComposeOptions) {
  const { document: doc, ctx, adapter, send } = options;
  const listen: Listen = (target, type, handler, listenerOptions) =>
    ctx.addEventListener(target, type as never, handler as never, listenerOptions);
  const buttons = new Map<EditorElement, EditorButton>();
  /** Where the user last was in each editor, saved as they leave it. */
  const carets = new WeakMap<EditorElement, SavedCaret>();
  let open: OpenPicker | null = null;
  let token: string | null = null;
  /** Where the user last opened the context menu (a trusted right-click), and when. */
  let contextTarget: { element: Element; at: number } | null = null;

  function forget(editor: EditorElement) {
    buttons.get(editor)?.remove();
    buttons.delete(editor);
  }

  function attach(editor: EditorElement) {
    if (ctx.isInvalid || token === null || buttons.has(editor)) return;
    // Editors whose compose closed while hidden may not have reported it: sweep them now.
    for (const known of buttons.keys()) if (!known.isConnected) forget(known);
    const button = placeButton(
      editor,
      token,
      () => void openPicker(editor, adapter),
      () => buttons.delete(editor),
    );
    buttons.set(editor, button);
  }

  function closePicker(restoreFocus: boolean) {
    if (!open) return;
    const { editor, caret, frame } = open;
    open = null;
    frame.close();
    if (restoreFocus && editor?.isConnected) restoreCaret(editor, caret);
  }

  async function openPicker(editor: EditorElement | null, owner: HostAdapter): Promise<boolean> {
    if (ctx.isInvalid) return false;
    closePicker(false);
    const caret = editor ? (currentCaret(editor) ?? carets.get(editor) ?? null) : null;
    const nonce = newNonce();
    const names = await options.token;
    const answer = await send('compose:opened', { nonce, canInsert: editor !== null });
    if (!answer.ok || ctx.isInvalid) return false;
    closePicker(false);
    const anchor = editor?.isConnected ? editor.getBoundingClientRect() : null;
    const frame = (options.openFrame ?? openPickerFrame)(
      doc,
      options.pickerUrl(nonce),
      anchor,
      names,
      () => {
        // The page restyled, moved, hid, covered or navigated the picker: it may be steering
        // the user's next click. Close it; the user opens it again.
        if (open?.nonce !== nonce) return;
        closePicker(false);
        void send('compose:closed', { nonce });
      },
    );
    open = { nonce, editor, adapter: owner, caret, frame };
    return true;
  }

  async function insert(
    message: Extract<ContentScriptMessage, { type: 'compose:insert' }>,
  ): Promise<ContentScriptResponses['compose:insert']> {
    if (!open || message.nonce !== open.nonce) {
      return { ok: false, error: 'This picker is no longer open. Open it again from the message.' };
    }
    const { editor, caret, frame, adapter: owner } = open;
    if (!frame.intact()) {
      closePicker(false);
      return {
        ok: false,
        error: 'The page covered or moved the picker, so nothing was inserted. Open it again.',
      };
    }
    if (!editor?.isConnected) {
      return { ok: false, error: 'The message you were writing is closed. Open it and try again.' };
    }
    // The picker stays (hidden) until it has recorded the insertion and asks us to close it.
    frame.hide();
    setTimeout(() => open?.nonce === message.nonce && closePicker(false), CLOSE_AFTER_INSERT_MS);
    restoreCaret(editor, caret);
    const method = await insertIntoEditor(editor, message.content);
    carets.delete(editor);
    const subjectFilled = fillSubjectIfEmpty(owner.subjectFor(editor), message.subject);
    return { ok: true, value: { method, subjectFilled } };
  }

  /**
   * The keyboard command and the context menu: the field the user meant, on this host or any.
   * The menu: the field right-clicked (Firefox names it; elsewhere the last trusted right-click
   * here, else the focused field). The command goes to every frame; only the frame whose own
   * element has focus answers (a frame whose focus is in a child frame leaves it to the child).
   */
  function openForFocusedEditor(
    trigger: 'menu' | 'command',
    targetElementId?: number,
  ): Promise<ContentScriptResponses['compose:open-picker']> | undefined {
    const focused = deepActiveElement(doc);
    if (trigger === 'command' && (!doc.hasFocus() || isFrame(focused))) return undefined;
    let active = focused;
    if (trigger === 'menu') {
      const named = targetElementId === undefined ? null : options.menuTarget?.(targetElementId);
      const clicked =
        contextTarget && Date.now() - contextTarget.at < CONTEXT_MENU_MS
          ? contextTarget.element
          : null;
      active = named ?? (clicked?.isConnected ? clicked : null) ?? focused;
    }
    let editor: EditorElement | null = null;
    let owner = adapter;
    if (active) {
      editor = adapter.editorFor(active);
      if (!editor && adapter !== genericAdapter) {
        editor = genericAdapter.editorFor(active);
        owner = genericAdapter;
      }
    }
    return openPicker(editor, owner).then((opened) => ({ opened, canInsert: editor !== null }));
  }

  /** Messages relayed by the background (see ContentScriptMessage). */
  function handleMessage(raw: unknown): Promise<unknown> | undefined {
    if (ctx.isInvalid || typeof raw !== 'object' || raw === null) return undefined;
    const message = raw as ContentScriptMessage;
    switch (message.type) {
      case 'compose:insert':
        return insert(message);
      case 'compose:close':
        if (open?.nonce !== message.nonce) return undefined;
        closePicker(message.restoreFocus === true);
        return Promise.resolve({ ok: true });
      case 'compose:open-picker':
        return openForFocusedEditor(message.trigger, message.targetElementId);
      default:
        return undefined;
    }
  }

  // Remember the caret as the user leaves an editor (for example by tabbing to our button).
  listen(
    doc,
    'focusout',
    (event) => {
      const editor = event.target as EditorElement;
      if (!buttons.has(editor)) return;
      const caret = currentCaret(editor);
      if (caret) carets.set(editor, caret);
    },
    { capture: true },
  );

  // Which field a context menu is for (trusted right-clicks only; composedPath for web
  // components' open shadow roots).
  listen(
    doc,
    'contextmenu',
    (event) => {
      const target = event.composedPath()[0];
      if (event.isTrusted && target instanceof Element)
        contextTarget = { element: target, at: Date.now() };
    },
    { capture: true },
  );

  // A click anywhere else in the page dismisses the picker (clicks inside it stay in its frame).
  listen(
    doc,
    'mousedown',
    (event) => {
      if (!open || !event.isTrusted || event.composedPath().includes(open.frame.host)) return;
      const { nonce } = open;
      closePicker(false);
      void send('compose:closed', { nonce });
    },
    { capture: true },
  );

  // Typed citation shortcuts (";pwn" then Space or Tab) in the editors we serve.
  listen(
    doc,
    'keydown',
    (event) => {
      const key = (event as KeyboardEvent).key;
      if (!event.isTrusted || (key !== ' ' && key !== 'Tab')) return;
      const editor = event.target as EditorElement;
      if (!buttons.has(editor) || ctx.isInvalid) return;
      void handleShortcutKey(event as KeyboardEvent, editor, async (text) => {
        const answer = await send('compose:expand-shortcut', { text });
        return answer.ok ? answer.value.expansion : null;
      });
    },
    { capture: true },
  );

  const started = options.token.then((names) => {
    if (ctx.isInvalid) return;
    // A script of an earlier extension instance may have been stopped without its clean-up
    // below (Firefox stops an unloaded extension's scripts outright), leaving its button and
    // picker hosts behind. This instance has placed nothing yet, so any such one is a leftover.
    for (const stale of doc.querySelectorAll(hostSelector(names))) {
      if (stale !== open?.frame.host) stale.remove();
    }
    token = names;
    if (options.watch) watchEditors(doc, listen, adapter, names, attach);
  });
  started.catch(() => {}); // No token: the extension is gone; nothing to place.

  ctx.onInvalidated(() => {
    for (const editor of [...buttons.keys()]) forget(editor);
    closePicker(false);
  });

  return { handleMessage, openPicker, attach, started };
}

export type ComposeController = ReturnType<typeof startCompose>;
