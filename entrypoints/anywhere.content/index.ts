/**
 * On-demand content script for any other site: injected by the context menu ("Insert IEP
 * paragraph…") or the keyboard command through activeTab + scripting. It is not declared for
 * any site in the manifest, so the extension has no standing access beyond the mail hosts.
 */
import { runComposeContentScript } from '../../lib/compose/page/content-script';
import { genericAdapter } from '../../lib/compose/page/adapters/generic';

export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    runComposeContentScript(ctx, genericAdapter, false);
  },
});
