// Finds the browsers the e2e harness, the demo and the bench launch.
import { existsSync } from 'node:fs';

const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];
const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

/** Chromium from E2E_CHROMIUM_PATH / PUPPETEER_EXECUTABLE_PATH, the system, or puppeteer's own. */
export async function findChromium(): Promise<string> {
  const fromEnv = process.env.E2E_CHROMIUM_PATH || process.env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`Chromium not found at ${fromEnv} (from env).`);
    return fromEnv;
  }
  const system = CHROMIUM_CANDIDATES.find((path) => existsSync(path));
  if (system) return system;
  try {
    const { default: puppeteer } = await import('puppeteer');
    const downloaded = puppeteer.executablePath();
    if (downloaded && existsSync(downloaded)) return downloaded;
  } catch {
    // No downloaded browser: fall through to the message below.
  }
  throw new Error(
    'No Chromium found. Install it (apt-get install chromium) or set E2E_CHROMIUM_PATH.',
  );
}

/** Firefox from E2E_FIREFOX_PATH or the system (Debian's firefox-esr), or null. */
export function findFirefox(): string | null {
  const fromEnv = process.env.E2E_FIREFOX_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return FIREFOX_CANDIDATES.find((path) => existsSync(path)) ?? null;
}
