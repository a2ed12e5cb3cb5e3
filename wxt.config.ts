import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/** Mail hosts where the compose integration runs (see lib/compose). */
export const MAIL_HOST_MATCHES = [
  'https://mail.google.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.live.com/*',
  'https://outlook.cloud.microsoft/*',
];

export const GECKO_ID = 'montana-iep-advocate@example.org';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // e2e runs and helpers building at once each pass their own folder.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
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
