import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', '.output', '.wxt', 'tests/.artifacts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.webextensions } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.cjs', '**/*.mjs', 'tests/**', 'scripts/**', '*.config.*'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Pure cores: no browser APIs, so they run and test in Node.
    files: ['lib/gap/**', 'lib/drafts/**', 'lib/dates/**', 'lib/calendar/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'wxt/*',
            'dexie',
            '@wxt-dev/*',
            'webextension-polyfill',
            '**/db',
            '**/db/**',
            '**/messaging/**',
          ],
        },
      ],
      'no-restricted-globals': ['error', 'browser', 'chrome', 'window', 'document', 'indexedDB'],
    },
  },
);
