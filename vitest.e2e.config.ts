import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// One build folder per run, so people (or helpers) running e2e at once never share a build.
const buildDir =
  process.env.E2E_BUILD_DIR ?? resolve('tests/.artifacts/build', `run-${process.pid}`);
process.env.E2E_BUILD_DIR = buildDir;

export default defineConfig({
  // Test code imports lib/clock.ts (the test hook's storage key); see wxt.config.ts.
  define: { __TEST_HOOKS__: 'true' },
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    env: { E2E_BUILD_DIR: buildDir },
    // The machines have 2 cores, so one file at a time.
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    // All files in one worker process: Puppeteer, the harness and the fixture server are loaded
    // once per run instead of once per file (about a second of CPU each), and most files share
    // one browser (tests/e2e/support/shared-browser.ts: reset and checked between files); the
    // others launch their own and close it in their afterAll. No test module keeps state at
    // module level between files but that shared browser.
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
