import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { MAIL_HOSTS } from './lib/compose/hosts';
import { preactWithoutInnerHtml } from './scripts/preact-without-inner-html';
import { zodWithoutEval } from './scripts/zod-without-eval';
import { pdfjsWithoutEval, pdfjsWorkerFile } from './scripts/pdfjs-without-eval';

/** Mail hosts where the compose integration runs (see lib/compose/hosts.ts). */
export const MAIL_HOST_MATCHES = MAIL_HOSTS.map((host) => `https://${host}/*`);

/** The Firefox add-on ID: a GUID, as addons.mozilla.org issues them (no placeholder domain). */
export const GECKO_ID = '{06f98b09-423c-4946-84ed-e8d69d2d6e94}';

/**
 * Test hooks (the `clock.today` override in lib/clock.ts) are compiled in only when the build
 * is made with WXT_TEST_HOOKS=1: the e2e harness, the demo and the bench set it
 * (tests/e2e/support/build.ts). `npm run build` and `npm run zip` leave it unset, so a store
 * package holds no hook (tests/unit/manifest-permissions.test.ts checks).
 */
export const TEST_HOOKS = process.env.WXT_TEST_HOOKS === '1';

/**
 * The extension pages' content security policy (release decision; tests/unit/
 * manifest-permissions.test.ts pins it): scripts only from the extension itself (no eval, no
 * inline or remote code), no plugins, no <base> or form posts, no frames inside our pages,
 * connections and images only to the extension's own files (data:/blob: images for downloads
 * and charts), so even injected markup could not send anything out. `default-src 'none'` closes
 * every kind not listed (workers, manifests, …) and `style-src 'self'` allows only the
 * extension's own stylesheets: no remote or inline <style> even from injected markup.
 */
export const EXTENSION_PAGES_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'none'",
  "font-src 'self'",
  "style-src 'self'",
].join('; ');

// See https://wxt.dev/api/config.html
export default defineConfig({
  // e2e runs and helpers building at once each pass their own folder.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  // Manifest V3 for every browser, Firefox included (docs/firefox.md says why).
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    // No `Function` constructor and no innerHTML assignment in the bundle: web-ext lint stays
    // at 0 warnings (see each file). pdf.js is loaded only by the IEP reader.
    plugins: [preact(), zodWithoutEval(), preactWithoutInnerHtml(), pdfjsWithoutEval()],
    define: { __TEST_HOOKS__: JSON.stringify(TEST_HOOKS) },
  }),
  hooks: {
    // The IEP reader's pdf.js worker, from the extension's own files (scripts/pdfjs-without-eval.ts).
    'build:publicAssets': (_wxt, files) => {
      files.push(pdfjsWorkerFile());
    },
    // Content scripts use the browser's own `browser`/`chrome` namespace instead of the
    // webextension-polyfill (about 3.3 KB gzip, 40% of their 8 KB budget): in MV3 Chrome and in
    // Firefox every API they call already returns promises, and their one onMessage listener
    // answers through sendResponse (lib/compose/page/content-script.ts). Extension pages and the
    // background keep the polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entry) => entry.type === 'content-script')) return;
      config.resolve ??= {};
      const alias = config.resolve.alias;
      const native = { find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' };
      config.resolve.alias = Array.isArray(alias)
        ? [native, ...alias]
        : [
            native,
            ...Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement })),
          ];
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Montana IEP Advocate',
    // Chrome allows 132 characters.
    description:
      'Track missed IEP service minutes and draft Montana requests (PWN, make-up minutes, OPI complaint). Your data stays in this browser.',
    content_security_policy:
      manifestVersion === 3 ? { extension_pages: EXTENSION_PAGES_CSP } : EXTENSION_PAGES_CSP,
    permissions: [
      'storage',
      'unlimitedStorage',
      'alarms',
      'notifications',
      'contextMenus',
      'activeTab',
      'scripting',
    ],
    // The same hosts the compose content script already runs on (no wider access): lets the
    // background put a fresh content script into open mail tabs after an update or reload,
    // which content_scripts alone does not allow.
    host_permissions: MAIL_HOST_MATCHES,
    // The compose picker (lib/compose/page/picker-frame.ts) is an iframe in the page the user writes
    // in: any site, since the context menu works everywhere. Chrome's dynamic URL keeps sites
    // from probing for the extension with a fixed chrome-extension:// address.
    web_accessible_resources: [
      {
        resources: ['picker.html'],
        matches: ['<all_urls>'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    commands: {
      'open-picker': {
        suggested_key: { default: 'Alt+Shift+I' },
        description: 'Insert IEP paragraph in the focused editor',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // 142: the first release where desktop and Android both read
              // data_collection_permissions. web-ext lint judges Android by this floor even
              // without gecko_android; 140 would ship a warning (docs/firefox.md).
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
            // No gecko_android: Firefox for Android has neither contextMenus nor commands, so
            // the background would throw before its router starts. Desktop Firefox only.
          },
        }
      : {}),
  }),
});
