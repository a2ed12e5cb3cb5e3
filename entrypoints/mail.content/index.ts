/**
 * Content script on the mail hosts: wires lib/compose to the page through WXT's ctx. Kept small
 * (no zod, no Dexie, no drafts): see "Compose integration" in docs/architecture.md.
 */
import { runComposeContentScript } from '../../lib/compose/page/content-script';
import { MAIL_HOSTS } from '../../lib/compose/hosts';
import { adapterForHost } from '../../lib/compose/page/adapters/registry';

export default defineContentScript({
  matches: MAIL_HOSTS.map((host) => `https://${host}/*`),
  runAt: 'document_idle',
  // Outlook's pop-out compose is a child window at about:blank that the mail page writes: the
  // script goes there too when its opener is a mail host (top frames only, as everywhere).
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  main(ctx) {
    // about:blank has no host of its own: its origin is the opener's.
    const host = location.hostname || (URL.parse(origin)?.hostname ?? '');
    runComposeContentScript(ctx, adapterForHost(host), true);
  },
});
