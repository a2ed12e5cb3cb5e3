/**
 * Build-time flags, replaced by Vite's `define` (wxt.config.ts, vitest.config.ts).
 * `__TEST_HOOKS__`: true only in test and demo builds (WXT_TEST_HOOKS=1); production code
 * guarded by it is removed from the bundle.
 */
declare const __TEST_HOOKS__: boolean;
