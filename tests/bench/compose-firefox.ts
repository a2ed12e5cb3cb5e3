/**
 * The compose integration measured in Firefox exactly as tests/bench/compose.ts measures it in
 * Chromium (same fixture, same bare copy on example.com, same trials), from the Firefox build:
 * content script initial size, detection latency p50/p95 and click-to-inserted p95.
 *
 * The 10,000-mutation overhead ratio stays Chromium-only: it reads the main thread's CPU time
 * through CDP, which Firefox's WebDriver BiDi does not offer (docs/firefox.md). Firefox also
 * rounds performance.now() to whole milliseconds for pages, so its latencies are whole numbers.
 * Without a Firefox on the machine the module measures nothing and says so.
 */
import { findFirefox } from '../e2e/support/browser-path';
import { measureCompose } from './compose';
import type { BenchRow } from './types';

export async function run(): Promise<BenchRow[]> {
  if (!findFirefox()) {
    console.warn('compose-firefox: no Firefox installed (E2E_FIREFOX_PATH); nothing measured.');
    return [];
  }
  return measureCompose('firefox', 'compose (Firefox)');
}
