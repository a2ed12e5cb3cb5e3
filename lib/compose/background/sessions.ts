/**
 * Open picker sessions: which tab and frame a nonce belongs to. Kept in storage.session (memory
 * only, extension contexts only: content scripts cannot read it), so a service worker that was
 * stopped while the user chose a paragraph still knows where to insert.
 */
import type { Browser } from 'wxt/browser';

export interface PickerSession {
  tabId: number;
  frameId: number;
  /** Host name of the page the picker serves, recorded with each insertion. */
  host: string;
  /** Origin of the page the picker serves: the picker checks who embeds it (Chrome). */
  origin: string;
  canInsert: boolean;
  /** The picker frame that claimed the session (its first picker:session). */
  pickerFrameId?: number;
  openedAt: number;
}

const PREFIX = 'compose-session:';
/** A picker left open longer than this is stale. */
const MAX_AGE_MS = 2 * 60 * 60 * 1000;

type SessionArea = Pick<Browser.storage.StorageArea, 'get' | 'set' | 'remove'>;

export function createSessionStore(area: SessionArea, now: () => number = Date.now) {
  return {
    async put(nonce: string, session: PickerSession): Promise<void> {
      const all = (await area.get(null)) as Record<string, unknown>;
      const stale = Object.entries(all)
        .filter(([key, value]) => key.startsWith(PREFIX) && isStale(value, now()))
        .map(([key]) => key);
      if (stale.length > 0) await area.remove(stale);
      await area.set({ [PREFIX + nonce]: session });
    },
    async get(nonce: string): Promise<PickerSession | null> {
      const key = PREFIX + nonce;
      const value = (await area.get(key))[key] as PickerSession | undefined;
      return value && !isStale(value, now()) ? value : null;
    },
    async remove(nonce: string): Promise<void> {
      await area.remove(PREFIX + nonce);
    },
  };
}

function isStale(value: unknown, now: number): boolean {
  const openedAt = (value as Partial<PickerSession> | null)?.openedAt;
  return typeof openedAt !== 'number' || now - openedAt > MAX_AGE_MS;
}

export type SessionStore = ReturnType<typeof createSessionStore>;
