import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * The date-sensitive suites, run a second time on the other side of the date line (UTC+14):
 * dates are calendar dates, so no time zone may shift one.
 */
const DATE_SUITES = [
  'dates',
  'gap',
  'deadlines',
  'reminders',
  'csv',
  'calendar',
  'sample',
  'drafts',
  'iep-import',
  'district',
].flatMap((name) => [`tests/unit/${name}.test.ts`, `tests/unit/${name}/**/*.test.{ts,tsx}`]);

export default defineConfig({
  plugins: [WxtVitest()],
  // Unit tests exercise the test hooks (lib/clock.ts); see wxt.config.ts.
  define: { __TEST_HOOKS__: 'true' },
  test: {
    environment: 'node',
    // Unit tests only; e2e runs through tests/e2e/run.mjs against the built extension.
    restoreMocks: true,
    // One run, two time zones: the two projects share one pool of workers, so neither waits
    // for the other's slowest file (two `vitest run`s one after the other took 25 s longer).
    projects: [
      {
        extends: true,
        test: {
          name: 'denver',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          env: { TZ: 'America/Denver' },
          setupFiles: ['tests/unit/time-zone.setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'kiritimati',
          include: DATE_SUITES,
          env: { TZ: 'Pacific/Kiritimati' },
          setupFiles: ['tests/unit/time-zone.setup.ts'],
        },
      },
    ],
  },
});
