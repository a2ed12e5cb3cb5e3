/**
 * The end-to-end harness: launches a real browser with the built extension and the HTTPS fixture
 * server, and gives tests what they need to drive it like a user. See docs/architecture.md
 * ("End-to-end harness") for the design.
 *
 *   const ext = await launchExtensionBrowser();            // Chromium unless E2E_BROWSER=firefox
 *   const popup = await ext.openExtensionPage('popup.html');
 *   await seedDatabase(popup, buildSampleData(today), { reload: true });
 *   await expectNoA11yViolations(popup);
 *   const gmail = await ext.newPage();
 *   await gmail.goto(ext.fixtures.url('mail.google.com', '/compose.html'));
 *   await ext.close();
 *
 * The extension is built once per `npm run test:e2e` run by tests/e2e/global-setup.ts into
 * tests/.artifacts/build/<run>/ (E2E_BUILD_DIR); E2E_EXTENSION_DIR uses an existing build.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page, type Target, type WebWorker } from 'puppeteer';
import { FIXTURE_HOSTS, startFixtureServer, type FixtureServer } from '../fixtures/server/index';
import { findChromium, findFirefox } from './support/browser-path';
import { extensionDirFor, type BrowserName } from './support/build';
import { openTabUrls } from './support/bidi';
import { adaptExtensionNavigation } from './support/firefox-navigation';
import { copyFirefoxProfile, newProfileDir } from './support/firefox-profile';
import { eventually } from '../support/eventually';

export {
  startFixtureServer,
  hasSharedFixture,
  needsSharedFixture,
  FIXTURE_HOSTS,
} from '../fixtures/server/index';
export type { FixtureServer, RecordedRequest } from '../fixtures/server/index';
export { seedDatabase, clearDatabase, readStore, type SeedData } from './support/database';
export { reloadExtensionPage } from './support/reload';
export { setExtensionToday } from './support/clock';
export { axeViolations, expectNoA11yViolations, formatViolations } from './support/a11y';
export {
  collectRequests,
  type NetworkRequest,
  type RequestCollector,
  type RequestRange,
} from './support/requests';
export type { BrowserName } from './support/build';
export { eventually, type EventuallyOptions } from '../support/eventually';

export interface LaunchOptions {
  /** Default: E2E_BROWSER, else chromium. */
  browser?: BrowserName;
  /** Default: true unless E2E_HEADLESS=0. */
  headless?: boolean;
  /** Extra browser arguments. */
  args?: string[];
  /**
   * Extra Firefox preferences for the profile (Firefox only), such as
   * `layout.css.prefers-color-scheme.content-override: 0` for a dark colour scheme: WebDriver
   * BiDi has no media-feature emulation.
   */
  firefoxPrefs?: Record<string, string | number | boolean>;
  /** An unpacked build to load (default: this run's build, see ./support/build.ts). */
  extensionDir?: string;
  /** Reuse a running fixture server (it is then left running on close). */
  fixtures?: FixtureServer;
  /**
   * Runs in the started browser before the extension is installed (tabs a user already had open
   * when installing, say). Chromium then installs the build the way the reload test updates it
   * (`browser.installExtension` over the pipe) instead of loading it at launch.
   */
  beforeInstall?(browser: Browser, fixtures: FixtureServer): Promise<void>;
}

export interface ExtensionBrowser {
  browser: Browser;
  browserName: BrowserName;
  extensionId: string;
  /** chrome-extension://<id> or moz-extension://<uuid> */
  extensionOrigin: string;
  extensionUrl(path: string): string;
  /** Opens an extension page in a new tab and waits for it to load (and for `waitFor`). */
  openExtensionPage(path: string, options?: { waitFor?: string }): Promise<Page>;
  newPage(): Promise<Page>;
  /**
   * Waits for a tab showing the extension page `path` (opened by the extension itself, such as
   * the setup tab) and returns it. Reads each tab's location, as Firefox does not report
   * navigations to extension pages.
   */
  waitForExtensionPage(path: string, options?: { timeout?: number }): Promise<Page>;
  /**
   * The addresses of the open tabs, from the browser itself: in Firefox, Puppeteer keeps listing
   * extension tabs the browser closed (on an update, for example).
   */
  tabUrls(): Promise<string[]>;
  /** The background service worker (Chromium), for evaluating code in the background. */
  serviceWorker(): Promise<WebWorker | null>;
  /**
   * Runs `fn` where the extension's APIs are, as `chrome` (and `browser` in Firefox): the
   * service worker in Chromium; in Firefox, whose background event page has no automation
   * target, an extension page, which holds the same permissions (activeTab grants included).
   */
  evaluateInExtension<Args extends unknown[], R>(
    fn: (...args: Args) => R | Promise<R>,
    ...args: Args
  ): Promise<R>;
  fixtures: FixtureServer;
  close(): Promise<void>;
}

/**
 * A browser call that hangs fails after this long instead of Puppeteer's 3 minutes (longer than
 * any single step should take, seeding 40,000 records on a busy machine included).
 */
const PROTOCOL_TIMEOUT_MS = 45_000;

/** Flags for a quiet, reproducible Chromium (no background traffic, no first-run UI). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--ignore-certificate-errors',
];

/**
 * Sends the fixture hosts to the fixture server's port; every other name fails to resolve, so
 * nothing a test does can reach the internet. (IP literals such as 127.0.0.1 are not resolved.)
 */
export function hostResolverRules(port: number, hosts: readonly string[] = FIXTURE_HOSTS): string {
  return [...hosts.map((host) => `MAP ${host} 127.0.0.1:${port}`), 'MAP * ~NOTFOUND'].join(', ');
}

/**
 * Firefox's proxy auto-config (Firefox has no host-resolver switch): every host goes to the
 * fixture server's CONNECT proxy, which tunnels the fixture hosts and records and refuses every
 * other one. So, as with Chromium's resolver rules, no test reaches the internet, and a request
 * to any other host is on record, whoever made it: a page, the picker, or the extension's
 * background page, whose requests WebDriver BiDi does not report. Firefox's own service hosts
 * (Mozilla's remote settings and the like) go DIRECT, where they fail on these machines: their
 * steady polling is the browser's, not ours, and would bury the record.
 */
export function proxyAutoConfig(proxyPort: number) {
  const pac = `function FindProxyForURL(url, host) { return /(^|\\.)(mozilla\\.(com|net|org)|firefox\\.com)$/.test(host) ? "DIRECT" : "PROXY 127.0.0.1:${proxyPort}"; }`;
  return 'data:text/javascript,' + encodeURIComponent(pac);
}

/** Preferences of every Firefox the harness starts (the run's profile template's included). */
export const FIREFOX_PREFS = {
  'datareporting.policy.dataSubmissionEnabled': false,
  // Notifications in Firefox's own alert window, which stays open as on a desktop; headless,
  // the system backend closes each one at once (notifications.getAll() would miss it).
  'alerts.useSystemBackend': false,
  'app.update.enabled': false,
};

function defaultBrowser(): BrowserName {
  return process.env.E2E_BROWSER === 'firefox' ? 'firefox' : 'chromium';
}

function defaultHeadless(): boolean {
  return process.env.E2E_HEADLESS !== '0';
}

export async function launchExtensionBrowser(
  options: LaunchOptions = {},
): Promise<ExtensionBrowser> {
  const browserName = options.browser ?? defaultBrowser();
  const extensionDir =
    options.extensionDir ?? extensionDirFor(browserName, process.env.E2E_BUILD_DIR);
  const ownsFixtures = !options.fixtures;
  const fixtures = options.fixtures ?? (await startFixtureServer());
  try {
    const launched =
      browserName === 'firefox'
        ? await launchFirefox(extensionDir, fixtures, options)
        : await launchChromium(extensionDir, fixtures, options);
    const { browser, extensionOrigin } = launched;
    // A browser still open when the test process ends (the run's shared one,
    // ./support/shared-browser.ts) is killed by Puppeteer's own handlers; its profile is removed
    // here on exit, or else by the run's teardown with the build folder it lies in.
    const removeProfileOnExit = () => launched.cleanup();
    process.once('exit', removeProfileOnExit);
    // A tab the extension opens itself (the setup tab on install) takes the foreground; a tab in
    // the background gets no animation frames (rAF, waitForFunction's default polling) and no
    // focus. So every tab a test opens is brought to the front.
    // Firefox: goto/reload on extension pages wait for the document (./support/firefox-navigation).
    const adapt = (page: Page) =>
      browserName === 'firefox' ? adaptExtensionNavigation(page, extensionOrigin) : page;
    const newPage = async () => {
      const page = adapt(await browser.newPage());
      await page.bringToFront();
      return page;
    };
    const extensionUrl = (path: string) => `${extensionOrigin}/${path.replace(/^\//, '')}`;
    // Firefox: an extension page (the popup's) kept open for evaluateInExtension, opened on first use.
    let apiPage: Page | undefined;
    const isShowing = async (page: Page) => {
      const href = await page.evaluate(() => location.href).catch(() => '');
      return href === extensionUrl('popup.html') && (await openTabUrls(browser)).includes(href);
    };
    const openApiPage = async () => {
      const page = adapt(await browser.newPage());
      await page.goto(extensionUrl('popup.html'), { waitUntil: 'load' });
      return page;
    };
    return {
      browser,
      browserName,
      extensionId: launched.extensionId,
      extensionOrigin,
      extensionUrl,
      fixtures,
      newPage,
      openExtensionPage: async (path, { waitFor } = {}) => {
        const page = await newPage();
        await page.goto(extensionUrl(path), { waitUntil: 'load' });
        if (waitFor) await page.waitForSelector(waitFor);
        return page;
      },
      waitForExtensionPage: async (path, { timeout = 15_000 } = {}) => {
        const wanted = extensionUrl(path);
        const page = await eventually(
          async () => {
            for (const page of await browser.pages()) {
              const href = await page.evaluate(() => location.href).catch(() => '');
              if (href.startsWith(wanted)) return page;
            }
            return undefined;
          },
          `a tab showing ${wanted}`,
          timeout,
        );
        return adapt(page);
      },
      serviceWorker: async () => {
        // The newest: after an update the old worker stays listed (see evaluateInExtension).
        const target = browser
          .targets()
          .filter((t) => t.type() === 'service_worker' && t.url().startsWith(extensionOrigin))
          .at(-1);
        return target ? target.worker() : null;
      },
      tabUrls: async () =>
        browserName === 'firefox'
          ? openTabUrls(browser)
          : (await browser.pages()).map((page) => page.url()),
      evaluateInExtension: async <Args extends unknown[], R>(
        fn: (...args: Args) => R | Promise<R>,
        ...args: Args
      ): Promise<R> => {
        type Evaluate = (fn: unknown, ...args: unknown[]) => Promise<R>;
        if (browserName === 'firefox') {
          // Reopened when a test closed it, or the browser did (on an update: no event then).
          if (!apiPage || apiPage.isClosed() || !(await isShowing(apiPage)))
            apiPage = await openApiPage();
          return (apiPage.evaluate as unknown as Evaluate).call(apiPage, fn, ...args);
        }
        const ours = (t: Target) =>
          t.type() === 'service_worker' && t.url().startsWith(extensionOrigin);
        await browser.waitForTarget(ours, { timeout: 10_000 });
        // The newest: after an update the old worker stays listed, and never answers.
        const target = browser.targets().filter(ours).at(-1)!;
        const worker = await target.worker();
        if (!worker) throw new Error('The extension has no service worker running.');
        // Right after an update the new worker may not be listed yet: an evaluation in the old
        // one fails as soon as a new one appears (or the old one goes), instead of hanging.
        let onCreated: (created: Target) => void = () => {};
        let onDestroyed: (destroyed: Target) => void = () => {};
        const replaced = new Promise<never>((_, reject) => {
          const fail = () =>
            reject(new Error('The service worker was replaced (an update?) before it answered.'));
          onCreated = (created) => void (created !== target && ours(created) && fail());
          onDestroyed = (destroyed) => void (destroyed === target && fail());
          browser.on('targetcreated', onCreated);
          browser.on('targetdestroyed', onDestroyed);
        });
        try {
          return await Promise.race([
            (worker.evaluate as unknown as Evaluate).call(worker, fn, ...args),
            replaced,
          ]);
        } finally {
          browser.off('targetcreated', onCreated);
          browser.off('targetdestroyed', onDestroyed);
        }
      },
      close: async () => {
        await browser.close().catch(() => {});
        process.off('exit', removeProfileOnExit);
        launched.cleanup();
        if (ownsFixtures) await fixtures.close();
      },
    };
  } catch (error) {
    if (ownsFixtures) await fixtures.close();
    throw error;
  }
}

interface Launched {
  browser: Browser;
  extensionId: string;
  extensionOrigin: string;
  cleanup(): void;
}

async function launchChromium(
  extensionDir: string,
  fixtures: FixtureServer,
  options: LaunchOptions,
): Promise<Launched> {
  const profile = newProfileDir('iep-e2e-chromium-');
  const cleanup = () => rmSync(profile, { recursive: true, force: true });
  try {
    const browser = await puppeteer.launch({
      executablePath: await findChromium(),
      headless: options.headless ?? defaultHeadless(),
      userDataDir: profile,
      pipe: true,
      enableExtensions: options.beforeInstall ? true : [extensionDir],
      acceptInsecureCerts: true,
      defaultViewport: { width: 1280, height: 800 },
      protocolTimeout: PROTOCOL_TIMEOUT_MS,
      args: [
        ...CHROMIUM_ARGS,
        `--host-resolver-rules=${hostResolverRules(fixtures.port, fixtures.hosts)}`,
        ...(options.args ?? []),
      ],
    });
    if (options.beforeInstall) {
      try {
        await options.beforeInstall(browser, fixtures);
        await browser.installExtension(extensionDir);
      } catch (error) {
        await browser.close();
        throw error;
      }
    }
    const worker = await browser
      .waitForTarget(
        (target) =>
          target.type() === 'service_worker' && target.url().startsWith('chrome-extension://'),
        { timeout: 20_000 },
      )
      .catch(async (error: unknown) => {
        await browser.close();
        throw new Error(`The extension's service worker never started (${extensionDir}).`, {
          cause: error,
        });
      });
    const extensionId = new URL(worker.url()).host;
    return {
      browser,
      extensionId,
      extensionOrigin: `chrome-extension://${extensionId}`,
      cleanup,
    };
  } catch (error) {
    cleanup();
    throw error;
  }
}

/**
 * Firefox through WebDriver BiDi, following ../shared/design/firefox-e2e.md: the add-on is
 * installed as a temporary add-on, its internal UUID pinned by a pref so pages have a known
 * moz-extension:// origin, and the fixture hosts reached through a PAC file and the fixture
 * server's CONNECT proxy (Firefox has no --host-resolver-rules).
 */
async function launchFirefox(
  extensionDir: string,
  fixtures: FixtureServer,
  options: LaunchOptions,
): Promise<Launched> {
  const executablePath = findFirefox();
  if (!executablePath)
    throw new Error('No Firefox found. Install firefox-esr or set E2E_FIREFOX_PATH.');
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error(`${extensionDir}/manifest.json has no gecko id.`);
  const uuid = randomUUID();
  // A copy of the run's warmed-up profile (./support/firefox-profile.ts), when there is one.
  const profile = copyFirefoxProfile();
  const launching = puppeteer.launch({
    browser: 'firefox',
    executablePath,
    ...(profile ? { userDataDir: profile.dir } : {}),
    headless: options.headless ?? defaultHeadless(),
    acceptInsecureCerts: true,
    defaultViewport: { width: 1280, height: 800 },
    protocolTimeout: PROTOCOL_TIMEOUT_MS,
    args: ['--remote-allow-system-access', ...(options.args ?? [])],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      'network.proxy.type': 2,
      'network.proxy.autoconfig_url': proxyAutoConfig(fixtures.proxyPort),
      ...FIREFOX_PREFS,
      ...options.firefoxPrefs,
    },
  });
  const browser = await launching.catch((error: unknown) => {
    profile?.remove();
    throw error;
  });
  try {
    await options.beforeInstall?.(browser, fixtures);
    await browser.installExtension(extensionDir);
  } catch (error) {
    await browser.close();
    profile?.remove();
    throw error;
  }
  return {
    browser,
    extensionId: geckoId,
    extensionOrigin: `moz-extension://${uuid}`,
    cleanup: () => profile?.remove(),
  };
}

/** Sends a protocol message (lib/messaging/protocol.ts) from an extension page. */
export async function sendRuntimeMessage(page: Page, message: { type: string; payload: unknown }) {
  return page.evaluate(async (msg) => {
    // Firefox exposes `browser`, Chromium `chrome`; both have runtime.sendMessage.
    type Runtime = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
    const scope = globalThis as unknown as { browser?: Runtime; chrome?: Runtime };
    const api = scope.browser ?? scope.chrome;
    if (!api) throw new Error('Not an extension page: no runtime API.');
    return api.runtime.sendMessage(msg);
  }, message);
}
