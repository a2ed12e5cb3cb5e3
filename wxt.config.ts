import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { MAIL_HOSTS } from './lib/compose/hosts';

/** Mail hosts where the compose integration runs (see lib/compose/hosts.ts). */
export const MAIL_HOST_MATCHES = MAIL_HOSTS.map((host) => `https://${host}/*`);

export const GECKO_ID = 'montana-iep-advocate@example.org';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // e2e runs and helpers building at once each pass their own folder.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  hooks: {
    // Content scripts use the browser's own `browser`/`chrome` namespace instead of the
    // webextension-polyfill (about 3.3 KB gzip, 40% of their 8 KB budget): in MV3 Chrome and in
    // Firefox every API they call already returns promises, and their one onMessage listener
    // answers through sendResponse (lib/compose/content-script.ts). Extension pages and the
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
  manifest: ({ browser }) => ({
    name: 'Montana IEP Advocate',
    description:
      'Track missed IEP service minutes and write Montana-specific requests (PWN, make-up minutes, OPI complaint). Your data stays in this browser.',
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
    // The compose picker (lib/compose/picker-frame.ts) is an iframe in the page the user writes
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
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
