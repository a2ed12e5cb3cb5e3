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
  main(ctx) {
    runComposeContentScript(ctx, adapterForHost(location.hostname), true);
  },
});
