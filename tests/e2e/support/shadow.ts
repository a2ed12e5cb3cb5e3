/**
 * Reaching into closed shadow roots from a test, in both browsers.
 *
 * The compose button lives in a closed shadow root so the host page cannot read it. Chromium's
 * accessibility query (`aria/…`, over CDP) pierces closed roots, so tests find the button by its
 * accessible name. Firefox's accessibility locator (WebDriver BiDi) finds the button but cannot
 * hand out a node inside a closed root: it answers with an unrelated ancestor. WebDriver BiDi
 * does, however, serialise every element's shadow root, open or closed, as test tools need it;
 * so in Firefox the harness queries inside each host's root through that reference, the way
 * WebDriver clients do.
 */
import type { ElementHandle, Page } from 'puppeteer';

interface SerializedNode {
  type: string;
  sharedId?: string;
  value?: { shadowRoot?: SerializedNode | null };
}

/**
 * Elements matching `selector` inside the (closed) shadow roots of the elements matching
 * `hostSelector`, in document order. Firefox (WebDriver BiDi) only.
 */
export async function queryInClosedShadowRoots(
  page: Page,
  hostSelector: string,
  selector: string,
): Promise<ElementHandle<Element>[]> {
  // Puppeteer's BiDi element class builds a handle from a serialised node; it is not part of
  // Puppeteer's public API, so it is loaded only here (and only in Firefox runs).
  const { BidiElementHandle } = await import('puppeteer-core/internal/bidi/bidi.js');
  type Host = ElementHandle<Element> & {
    remoteValue(): SerializedNode;
    realm: Parameters<typeof BidiElementHandle.from>[1];
  };
  const found: ElementHandle<Element>[] = [];
  for (const host of (await page.$$(hostSelector)) as Host[]) {
    const root = host.remoteValue().value?.shadowRoot;
    if (!root?.sharedId) continue;
    const handle = BidiElementHandle.from(
      root as Parameters<typeof BidiElementHandle.from>[0],
      host.realm,
    ) as unknown as ElementHandle<Element>;
    found.push(...(await handle.$$(selector)));
  }
  return found;
}
