import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  // Unit tests exercise the test hooks (lib/clock.ts); see wxt.config.ts.
  define: { __TEST_HOOKS__: 'true' },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Unit tests only; e2e runs through tests/e2e/run.mjs against the built extension.
    restoreMocks: true,
  },
});
