import { browser } from 'wxt/browser';
import { createRouter } from '../lib/messaging/router';
import { openDatabase } from '../lib/db';
import { registerReminders } from '../lib/reminders';
import { registerCompose } from '../lib/compose/background';

export default defineBackground(() => {
  const db = openDatabase();
  // Deadline and one-year reminders: alarms → notifications (lib/reminders).
  registerReminders(db);
  // Compose integration: picker relay, context menu, keyboard command (lib/compose/background).
  const compose = registerCompose(browser);
  const route = createRouter(
    { ping: () => ({ ok: true }), ...compose.handlers },
    browser.runtime.id,
  );
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));

  browser.runtime.onInstalled.addListener(({ reason }) => {
    // First run: a short setup (student, IEP services, calendar).
    if (reason === 'install')
      void browser.tabs.create({ url: browser.runtime.getURL('/tracker.html#/setup') });
  });
});
