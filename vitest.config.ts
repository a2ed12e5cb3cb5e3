import { defineConfig, type TestProjectConfiguration } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * The date-sensitive suites, run a second time on the other side of the date line (UTC+14):
 * dates are calendar dates, so no time zone may shift one.
 */
const DATE_SUITE_NAMES = [
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
];
const DATE_SUITES = DATE_SUITE_NAMES.flatMap((name) => [
  `tests/unit/${name}.test.ts`,
  `tests/unit/${name}/**/*.test.{ts,tsx}`,
]);

/**
 * Suites of pure code (no fake browser or IndexedDB, no mocks, stubs, spies, fake timers, globals
 * or DOM environment): each project runs them in one module graph per worker (`isolate: false`),
 * which spares re-importing lib/ for every file (three quarters of their CPU time). A suite that
 * uses any of those stays out of this list and isolated: sharing the fake IndexedDB between
 * files made its tests time out under load.
 */
const PURE_SUITES = [
  'calendar.test.ts',
  'citations-everywhere.test.ts',
  'components/forms.test.ts',
  'compose/picker-drafts.test.ts',
  'csv.test.ts',
  'dates.test.ts',
  'deadlines.test.ts',
  'district/choices.test.ts',
  'district/import.test.ts',
  'district/reconcile.test.ts',
  'district/values.test.ts',
  'drafts/blocks-words.test.ts',
  'drafts/citations.test.ts',
  'drafts/common-parts.test.ts',
  'drafts/context.test.ts',
  'drafts/district.test.ts',
  'drafts/exhibits.test.ts',
  'drafts/figures.test.ts',
  'drafts/kinds.test.ts',
  'drafts/meta.test.ts',
  'drafts/new-kinds.test.ts',
  'drafts/properties.test.ts',
  'eventually.test.ts',
  'fixture-certificate.test.ts',
  'gap/counted-from.test.ts',
  'gap/missed-formula.test.ts',
  'gap/no-record.test.ts',
  'gap/periods.test.ts',
  'gap/properties.test.ts',
  'gap/reduction.test.ts',
  'gap/totals.test.ts',
  'gap/words-and-series.test.ts',
  'iep-import/frequency.test.ts',
  'iep-import/pdfjs-build.test.ts',
  'iep-import/read-iep.test.ts',
  'letter-links.test.ts',
  'letter-records.test.ts',
  'letter/draft-state.test.ts',
  'letter/record.test.ts',
  'log/filter.test.ts',
  'log/session-form.test.ts',
  'packet/packet.test.ts',
  'reference-fixture.test.ts',
  'report/missed.test.ts',
  'sample.test.ts',
  'text/text.test.ts',
].map((path) => `tests/unit/${path}`);

const isDateSuite = (path: string) =>
  DATE_SUITE_NAMES.some(
    (name) => path === `tests/unit/${name}.test.ts` || path.startsWith(`tests/unit/${name}/`),
  );

/** One time zone's projects: its isolated suites, and its pure ones sharing modules. */
function timeZoneProjects(
  name: string,
  timeZone: string,
  include: string[],
  pure: string[],
): TestProjectConfiguration[] {
  const test = { env: { TZ: timeZone }, setupFiles: ['tests/unit/time-zone.setup.ts'] };
  return [
    { extends: true as const, test: { ...test, name, include, exclude: pure } },
    {
      extends: true as const,
      test: { ...test, name: `${name}-pure`, include: pure, isolate: false },
    },
  ];
}

export default defineConfig({
  plugins: [WxtVitest()],
  // Unit tests exercise the test hooks (lib/clock.ts); see wxt.config.ts.
  define: { __TEST_HOOKS__: 'true' },
  test: {
    environment: 'node',
    // Unit tests only; e2e runs through tests/e2e/run.mjs against the built extension.
    restoreMocks: true,
    // The property tests are CPU-bound, and `npm test` runs them beside the Firefox e2e suite on
    // a 2-core machine other work shares: a loaded machine made a 1-second test take 7. The
    // timeout only guards against a hang, so it leaves room for that.
    testTimeout: 30_000,
    // One run, two time zones: the projects share one pool of workers, so none waits
    // for the other's slowest file (two `vitest run`s one after the other took 25 s longer).
    projects: [
      ...timeZoneProjects(
        'denver',
        'America/Denver',
        ['tests/unit/**/*.test.{ts,tsx}'],
        PURE_SUITES,
      ),
      ...timeZoneProjects(
        'kiritimati',
        'Pacific/Kiritimati',
        DATE_SUITES,
        PURE_SUITES.filter(isDateSuite),
      ),
    ],
  },
});
