/**
 * The content scripts' one wiring: the page's document, WXT's ctx, the runtime messages and the
 * picker's address. entrypoints/mail.content (mail hosts, watching) and
 * entrypoints/anywhere.content (any site, on demand) differ only in adapter and `watch`.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage } from '../../messaging/client';
import { startCompose } from './controller';
import type { HostAdapter } from './types';

export function runComposeContentScript(
  ctx: ContentScriptContext,
  adapter: HostAdapter,
  watch: boolean,
) {
  // The install's token for our names; the background also brings the detection stylesheet.
  const token = sendMessage('compose:hello', { watch }).then((answer) => {
    if (!answer.ok) throw new Error(answer.error);
    return answer.value.token;
  });
  const menus = (browser as unknown as { menus?: { getTargetElement?(id: number): Element } })
    .menus;
  const compose = startCompose({
    document,
    ctx,
    adapter,
    send: sendMessage,
    pickerUrl: (nonce) => `${browser.runtime.getURL('/picker.html')}#${nonce}`,
    watch,
    token,
    menuTarget: (id) => menus?.getTargetElement?.(id) ?? null,
  });
  // Answered through sendResponse: content scripts use the browser's own API, not the polyfill
  // (see wxt.config.ts), and Chrome's listeners cannot return a promise.
  const onMessage = (
    message: unknown,
    _sender: unknown,
    sendResponse: (answer: unknown) => void,
  ) => {
    const answer = compose.handleMessage(message);
    if (!answer) return false;
    answer.then(sendResponse, (error: unknown) =>
      sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
    return true;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  return compose;
}
