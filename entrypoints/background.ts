import { browser } from 'wxt/browser';
import { createRouter } from '../lib/messaging/router';

export default defineBackground(() => {
  const route = createRouter({ ping: () => ({ ok: true }) }, browser.runtime.id);
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));

  browser.runtime.onInstalled.addListener(({ reason }) => {
    // First run: a short setup (student, IEP services, calendar).
    if (reason === 'install')
      void browser.tabs.create({ url: browser.runtime.getURL('/tracker.html#/setup') });
  });
});
