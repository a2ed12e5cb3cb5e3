/**
 * The install's random token (lib/compose/names.ts): made once, kept in storage.local, so our
 * elements and the detection animation in a page carry a name that is the same across this
 * install's tabs (a later content script finds an earlier one's leftovers) but says nothing and
 * differs from every other install.
 */
import type { Browser } from 'wxt/browser';
import { TOKEN_PATTERN } from '../names';

export const NAMES_STORAGE_KEY = 'compose.token';
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

type LocalArea = Pick<Browser.storage.StorageArea, 'get' | 'set'>;

export function newToken(length = 16): string {
  // 256 % 26 != 0: reject the top bytes so every letter is equally likely.
  const letters: string[] = [];
  while (letters.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length))) {
      if (byte < 234 && letters.length < length) letters.push(LETTERS[byte % 26]!);
    }
  }
  return letters.join('');
}

/** The token, made on first use. Concurrent first calls share one answer. */
export function installToken(area: LocalArea): () => Promise<string> {
  let pending: Promise<string> | null = null;
  return () =>
    (pending ??= (async () => {
      const stored = (await area.get(NAMES_STORAGE_KEY))[NAMES_STORAGE_KEY];
      if (typeof stored === 'string' && TOKEN_PATTERN.test(stored)) return stored;
      const token = newToken();
      await area.set({ [NAMES_STORAGE_KEY]: token });
      return token;
    })().finally(() => (pending = null)));
}
