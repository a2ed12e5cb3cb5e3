/**
 * Sends a protocol message to the background. Imports only types from ./protocol, so it is cheap
 * enough for the content script.
 */
import { browser } from 'wxt/browser';
import type { MessagePayload, MessageResult, MessageType } from './protocol';

export async function sendMessage<T extends MessageType>(
  type: T,
  payload: MessagePayload<T>,
): Promise<MessageResult<T>> {
  try {
    const result = (await browser.runtime.sendMessage({ type, payload })) as
      MessageResult<T> | undefined;
    return result ?? { ok: false, error: 'No answer from the extension.' };
  } catch (error) {
    // The extension was reloaded or updated: this context is orphaned.
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
