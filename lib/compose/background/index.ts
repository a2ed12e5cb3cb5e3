/**
 * The background side of the compose integration: the picker relay (picker → background →
 * the content script of the paired frame), the context menu, the keyboard command and typed
 * citation shortcuts. entrypoints/background.ts wires it with `registerCompose(browser)` and
 * spreads `handlers` into its router.
 *
 * Every relayed message is validated by the router (zod, sender id) and then checked here:
 * compose:* must come from a content script in a web page, picker:* from our own picker page in
 * the same tab as the nonce's session. The nonce is made by the content script when the user
 * opens the picker, so a page that embeds picker.html itself cannot insert anywhere.
 */
import type { Browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { expandShortcut } from '../../drafts/citations';
import type {
  ComposeInsertResult,
  ContentScriptMessage,
  ContentScriptResponses,
} from '../../messaging/protocol';
import type { Handlers } from '../../messaging/router';
import { detectionCss } from '../detection';
import { MAIL_HOSTS } from '../hosts';
import { installToken } from './names';
import { createSessionStore, type PickerSession, type SessionStore } from './sessions';

type Sender = Browser.runtime.MessageSender;

export const MENU_ID = 'insert-iep-paragraph';
export const MENU_TITLE = 'Insert IEP paragraph…';
export const COMMAND = 'open-picker';
export const PICKER_PATH = '/picker.html';
/** storage.session key of { host, method, subjectFilled, at } for the last insertion. */
export const LAST_INSERTION_KEY = 'compose-last-insertion';
/** The on-demand content script (entrypoints/anywhere.content). */
export const ANYWHERE_SCRIPT = '/content-scripts/anywhere.js';

type ComposeMessageType =
  | 'compose:hello'
  | 'compose:opened'
  | 'compose:closed'
  | 'compose:expand-shortcut'
  | 'picker:session'
  | 'picker:insert'
  | 'picker:close';

/** The parts of the extension API the compose background uses (tests pass fakes). */
export type ComposeBrowser = Pick<
  typeof import('wxt/browser').browser,
  'runtime' | 'tabs' | 'scripting' | 'contextMenus' | 'commands' | 'storage'
>;

function contentScriptFrame(sender: Sender, extensionOrigin: string) {
  const tabId = sender.tab?.id;
  const { frameId, url } = sender;
  const extensionScheme = new URL(extensionOrigin).protocol;
  if (tabId === undefined || frameId === undefined || !url || url.startsWith(extensionScheme)) {
    throw new Error('Only the page you are writing in can open the picker.');
  }
  // Chrome gives the frame's origin (right for about:blank frames too); Firefox does not.
  const origin = (sender as Sender & { origin?: string }).origin ?? new URL(url).origin;
  return { tabId, frameId, url, origin };
}

/**
 * The picker page's tab. Compared by scheme and path, not origin: in Chrome the picker is
 * loaded through its dynamic web-accessible URL (chrome-extension://<per-session id>/), and the
 * router has already checked the sender is this extension. Content scripts, the only other
 * senders, are in https: pages.
 */
function pickerTab(sender: Sender, extensionOrigin: string): { tabId: number; frameId: number } {
  const tabId = sender.tab?.id;
  const frameId = sender.frameId ?? -1;
  const url = sender.url ? new URL(sender.url) : null;
  const scheme = new URL(extensionOrigin).protocol;
  if (tabId === undefined || url?.protocol !== scheme || url.pathname !== PICKER_PATH) {
    throw new Error('Only the picker can insert paragraphs.');
  }
  return { tabId, frameId };
}

const NO_SESSION =
  'This picker is no longer connected to your message. Close it and open it again.';

export function createComposeHandlers(
  browser: ComposeBrowser,
  sessions: SessionStore,
): Pick<Handlers, ComposeMessageType> {
  const extensionOrigin = browser.runtime.getURL('/');
  const token = installToken(browser.storage.local);

  /**
   * The session a picker page may act for: same tab as the page that opened it, and the one
   * picker frame that first asked for it (`claim`, from picker:session): a second frame that
   * somehow learnt the nonce gets nothing.
   */
  async function pickerSession(nonce: string, sender: Sender, claim = false) {
    const { tabId, frameId } = pickerTab(sender, extensionOrigin);
    const session = await sessions.get(nonce);
    if (!session || session.tabId !== tabId) throw new Error(NO_SESSION);
    if (session.pickerFrameId === undefined && claim) {
      session.pickerFrameId = frameId;
      await sessions.put(nonce, session);
    }
    if (session.pickerFrameId !== frameId) throw new Error(NO_SESSION);
    return session;
  }

  async function relay<T extends ContentScriptMessage>(
    session: PickerSession,
    message: T,
  ): Promise<ContentScriptResponses[T['type']] | undefined> {
    return (await browser.tabs.sendMessage(session.tabId, message, {
      frameId: session.frameId,
    })) as ContentScriptResponses[T['type']] | undefined;
  }

  return {
    'compose:hello': async ({ watch }, sender) => {
      const { tabId, frameId } = contentScriptFrame(sender, extensionOrigin);
      const names = await token();
      if (watch) {
        // Not in the page's document.styleSheets, and no page CSP applies to it. Without it
        // the start-up scan and focusin still find editors.
        await browser.scripting
          .insertCSS({ target: { tabId, frameIds: [frameId] }, css: detectionCss(names) })
          .catch((error: unknown) => console.warn('Compose: detection stylesheet', error));
      }
      return { token: names };
    },
    'compose:opened': async ({ nonce, canInsert }, sender) => {
      const { tabId, frameId, origin } = contentScriptFrame(sender, extensionOrigin);
      // By origin: a pop-out compose the mail page wrote is at about:blank, with its origin.
      const host = URL.parse(origin)?.hostname ?? '';
      await sessions.put(nonce, { tabId, frameId, host, origin, canInsert, openedAt: Date.now() });
      return { ok: true };
    },
    'compose:closed': async ({ nonce }, sender) => {
      const { tabId } = contentScriptFrame(sender, extensionOrigin);
      const session = await sessions.get(nonce);
      if (session?.tabId === tabId) await sessions.remove(nonce);
      return { ok: true };
    },
    'compose:expand-shortcut': ({ text }, sender) => {
      contentScriptFrame(sender, extensionOrigin);
      return { expansion: expandShortcut(text) };
    },
    'picker:session': async ({ nonce }, sender) => {
      const { host, origin, canInsert } = await pickerSession(nonce, sender, true);
      return { host, origin, canInsert };
    },
    'picker:insert': async ({ nonce, content, subject }, sender): Promise<ComposeInsertResult> => {
      const session = await pickerSession(nonce, sender);
      if (!session.canInsert) throw new Error('There is no place to insert here: copy it instead.');
      const answer = await relay(session, { type: 'compose:insert', nonce, content, subject });
      if (!answer) throw new Error('The page did not answer. Reload it and try again.');
      if (!answer.ok) throw new Error(answer.error);
      // How the last insertion went, for support questions and the e2e tests ("which method
      // does this host use"). Memory only; no content.
      const last = { host: session.host, ...answer.value, at: Date.now() };
      await browser.storage.session.set({ [LAST_INSERTION_KEY]: last });
      return answer.value;
    },
    'picker:close': async ({ nonce, restoreFocus }, sender) => {
      const session = await pickerSession(nonce, sender);
      await sessions.remove(nonce);
      await relay(session, { type: 'compose:close', nonce, restoreFocus }).catch(() => undefined);
      return { ok: true };
    },
  };
}

/**
 * Opens the picker in a tab: first through the content script already there (mail hosts, or an
 * earlier injection), else by injecting the on-demand script, which the context menu's or the
 * command's activeTab grant allows. With no frameId the message goes to every frame and only the
 * one holding focus answers.
 */
export async function openPickerInTab(
  browser: ComposeBrowser,
  tabId: number,
  trigger: 'menu' | 'command',
  frameId?: number,
  targetElementId?: number,
): Promise<ContentScriptResponses['compose:open-picker'] | null> {
  const message: ContentScriptMessage = {
    type: 'compose:open-picker',
    trigger,
    ...(targetElementId === undefined ? {} : { targetElementId }),
  };
  const send = async () => {
    try {
      const answer = await browser.tabs.sendMessage(
        tabId,
        message,
        frameId === undefined ? {} : { frameId },
      );
      return (answer as ContentScriptResponses['compose:open-picker'] | undefined) ?? null;
    } catch {
      return null; // No content script in that frame yet.
    }
  };
  const first = await send();
  if (first) return first;
  await browser.scripting.executeScript({
    target: frameId === undefined ? { tabId, allFrames: true } : { tabId, frameIds: [frameId] },
    files: [ANYWHERE_SCRIPT],
  });
  return send();
}

/** Puts the mail content script into open mail tabs after an install, update or reload. */
async function injectIntoMailTabs(browser: ComposeBrowser): Promise<void> {
  const tabs = await browser.tabs.query({ url: MAIL_HOSTS.map((host) => `https://${host}/*`) });
  const script = browser.runtime.getManifest().content_scripts?.find((entry) => entry.js?.length);
  if (!script?.js) return;
  const { js, css = [] } = script;
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined) return;
      const target = { tabId: tab.id };
      if (css.length > 0) await browser.scripting.insertCSS({ target, files: css }).catch(() => {});
      // Paths from our own manifest.
      const files = js as ScriptPublicPath[];
      await browser.scripting.executeScript({ target, files }).catch(() => {});
    }),
  );
}

export function registerCompose(browser: ComposeBrowser) {
  const sessions = createSessionStore(browser.storage.session);
  const log = (error: unknown) => console.warn('Compose:', error);

  browser.runtime.onInstalled.addListener(({ reason }) => {
    void browser.contextMenus
      .removeAll()
      .then(() =>
        browser.contextMenus.create({ id: MENU_ID, title: MENU_TITLE, contexts: ['editable'] }),
      )
      .catch(log);
    // Mail tabs open before the install have no content script (Chrome injects declared ones
    // only into pages loaded later), and after an update the old ones are orphaned: give each
    // open mail tab a fresh one, so nobody has to reload Gmail to see the button.
    if (reason === 'install' || reason === 'update') void injectIntoMailTabs(browser).catch(log);
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID || tab?.id === undefined) return;
    // Firefox names the right-clicked element (menus.getTargetElement in the content script).
    const { targetElementId } = info as typeof info & { targetElementId?: number };
    void openPickerInTab(browser, tab.id, 'menu', info.frameId ?? 0, targetElementId).catch(log);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== COMMAND || tab?.id === undefined) return;
    void openPickerInTab(browser, tab.id, 'command').catch(log);
  });

  return { handlers: createComposeHandlers(browser, sessions), sessions };
}
