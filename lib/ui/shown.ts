/**
 * "Has the user been able to see this for a moment?" for the picker, which a hostile page would
 * like to hide or cover while steering the user's click or Enter into it.
 *
 * Where the browser has IntersectionObserver v2 (Chromium), it says whether the picker is
 * really visible: not covered by anything in any frame, not transparent, filtered or
 * distorted. The answer turns true only once that has held for SHOWN_MS, and false again the
 * moment it stops. Elsewhere (Firefox) it turns true SHOWN_MS after the picker opened; there the
 * content script's checks guard it (top layer, and lib/compose/page/picker-frame.ts `intact()`).
 */
import { useEffect, useState } from 'preact/hooks';

export const SHOWN_MS = 500;

type VisibilityEntry = IntersectionObserverEntry & { isVisible?: boolean };

export function tracksVisibility(): boolean {
  return typeof IntersectionObserverEntry !== 'undefined'
    ? 'isVisible' in IntersectionObserverEntry.prototype
    : false;
}

export function useShownLongEnough(ms = SHOWN_MS): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const start = () => {
      if (timer === undefined) timer = setTimeout(() => setShown(true), ms);
    };
    const stop = () => {
      clearTimeout(timer);
      timer = undefined;
      setShown(false);
    };
    if (!tracksVisibility()) {
      start();
      return () => clearTimeout(timer);
    }
    const observer = new IntersectionObserver(
      (entries) => ((entries[entries.length - 1] as VisibilityEntry).isVisible ? start() : stop()),
      { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
    );
    observer.observe(document.documentElement);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [ms]);
  return shown;
}
