/** Opening the extension's own pages in a tab of their own (the popup closes when one opens). */
import { browser } from 'wxt/browser';

/** A link's click handler that opens `path` (e.g. "/letter.html?…") in a new tab. */
export function openPage(path: string) {
  return (event: Event) => {
    event.preventDefault();
    void browser.tabs.create({ url: browser.runtime.getURL(path as '/tracker.html') });
  };
}
