/**
 * What the extension may do, pinned. Builds the Chrome and Firefox packages into a temporary
 * folder and checks the generated manifests (and the built files) against the lists below, so a
 * new permission, host, exposed file or weaker CSP fails this test until someone changes the
 * list here on purpose: a reviewed decision, not a side effect.
 *
 * Why each permission exists:
 *   storage            the "today" override for tests and demos, small extension settings
 *   unlimitedStorage   years of session logs and letters in IndexedDB without eviction quotas
 *   alarms             the daily deadline check (lib/reminders)
 *   notifications      deadline and one-year reminders
 *   contextMenus       "Insert IEP paragraph…" on any editable field
 *   activeTab          that menu/command reaches only the tab the user acted in, only then
 *   scripting          injecting the compose script into that tab (activeTab) and into open mail
 *                      tabs after an update
 * Host access: only the mail hosts the compose integration supports (lib/compose/hosts.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_PAGES_CSP, GECKO_ID } from '../../wxt.config';

const API_PERMISSIONS = [
  'activeTab',
  'alarms',
  'contextMenus',
  'notifications',
  'scripting',
  'storage',
  'unlimitedStorage',
];

const HOST_PATTERNS = [
  'https://mail.google.com/*',
  'https://outlook.cloud.microsoft/*',
  'https://outlook.live.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
];

/** Only the picker is exposed to web pages: it is the iframe the compose button opens. */
const EXPOSED_FILES = ['picker.html'];

const BROAD_PATTERNS = ['<all_urls>', '*://*/*', 'http://*/*', 'https://*/*', 'file:///*'];

const ICON_SIZES = ['16', '32', '48', '96', '128'];

interface Manifest {
  manifest_version: number;
  name: string;
  description: string;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: {
    matches: string[];
    js?: string[];
    all_frames?: boolean;
    match_about_blank?: boolean;
    match_origin_as_fallback?: boolean;
  }[];
  web_accessible_resources?: (string | { resources: string[]; matches: string[] })[];
  content_security_policy?: string | { extension_pages?: string; sandbox?: string };
  externally_connectable?: unknown;
  icons?: Record<string, string>;
  browser_specific_settings?: {
    gecko?: { id?: string; strict_min_version?: string; data_collection_permissions?: unknown };
    gecko_android?: unknown;
  };
  background?: { scripts?: string[]; service_worker?: string };
  update_url?: string;
}

const isPattern = (permission: string) => permission.includes('://') || permission === '<all_urls>';

let outDir: string;
const builds: Record<'chrome' | 'firefox', { dir: string; manifest: Manifest }> = {} as never;

function build(browser: 'chrome' | 'firefox') {
  const result = spawnSync(
    join(process.cwd(), 'node_modules/.bin/wxt'),
    browser === 'chrome' ? ['build'] : ['build', '-b', 'firefox'],
    { env: { ...process.env, WXT_OUT_DIR: outDir, NO_COLOR: '1' }, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`wxt build failed:\n${result.stdout}\n${result.stderr}`);
  const folder = readdirSync(outDir).find((name) => name.startsWith(`${browser}-mv`));
  if (!folder) throw new Error(`No ${browser} build in ${outDir}`);
  const dir = join(outDir, folder);
  builds[browser] = { dir, manifest: JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) };
}

function filesIn(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesIn(path) : [path];
  });
}

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'iep-manifest-'));
  build('chrome');
  build('firefox');
}, 240_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe.each(['chrome', 'firefox'] as const)('%s manifest', (browser) => {
  const manifest = () => builds[browser].manifest;
  const hostPatterns = () => [
    ...(manifest().host_permissions ?? []),
    ...(manifest().permissions ?? []).filter(isPattern),
  ];

  it('asks for exactly the permissions the features use', () => {
    expect((manifest().permissions ?? []).filter((p) => !isPattern(p)).sort()).toEqual(
      API_PERMISSIONS,
    );
    expect(manifest().optional_permissions ?? []).toEqual([]);
    expect(manifest().optional_host_permissions ?? []).toEqual([]);
  });

  it('reaches only the mail hosts, and never every site', () => {
    expect([...new Set(hostPatterns())].sort()).toEqual(HOST_PATTERNS);
    const everyPattern = [
      ...hostPatterns(),
      ...(manifest().content_scripts ?? []).flatMap((script) => script.matches),
    ];
    for (const broad of BROAD_PATTERNS) expect(everyPattern).not.toContain(broad);
    for (const script of manifest().content_scripts ?? [])
      expect(script.matches.every((match) => HOST_PATTERNS.includes(match))).toBe(true);
  });

  it("reaches a mail page's own about:blank pop-out, in top frames only", () => {
    // Outlook's pop-out compose (docs/architecture.md, "Compose integration"): about:blank
    // documents whose opener matches the mail hosts, never those of other sites.
    for (const script of manifest().content_scripts ?? []) {
      expect(script).toMatchObject({ match_about_blank: true, match_origin_as_fallback: true });
      expect(script.all_frames ?? false).toBe(false);
    }
  });

  it('exposes only the picker to web pages', () => {
    const exposed = (manifest().web_accessible_resources ?? []).flatMap((entry) =>
      typeof entry === 'string' ? [entry] : entry.resources,
    );
    expect(exposed.sort()).toEqual(EXPOSED_FILES);
    expect(manifest().externally_connectable).toBeUndefined();
    expect(manifest().update_url).toBeUndefined();
  });

  it('has the strict content security policy', () => {
    const csp = manifest().content_security_policy;
    const pages = typeof csp === 'string' ? csp : csp?.extension_pages;
    expect(pages).toBe(EXTENSION_PAGES_CSP);
    const directives = Object.fromEntries(
      EXTENSION_PAGES_CSP.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(["'self'", "'none'"]).toContain(directives['object-src']?.[0]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    // Everything not listed is closed, and styles come only from the extension's own files.
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['style-src']).toEqual(["'self'"]);
    expect(EXTENSION_PAGES_CSP).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });

  it('runs no remote or inline code', () => {
    const files = filesIn(builds[browser].dir);
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(file, 'utf8');
      const name = relative(builds[browser].dir, file);
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.length, name).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        expect(body!.trim(), `${name}: inline script`).toBe('');
        expect(attributes, name).toMatch(/\ssrc="\/[^"]+\.js"/);
      }
      expect(html, name).not.toMatch(/(src|href)="(https?:)?\/\//i);
    }
    for (const file of files.filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(file, 'utf8');
      const name = relative(builds[browser].dir, file);
      expect(code, name).not.toMatch(/\beval\(/);
      expect(code, name).not.toMatch(/importScripts\(/);
      expect(code, name).not.toMatch(/import\(\s*["'`]https?:/);
    }
  });

  it('has no test hooks: the clock.today override exists only in test builds', () => {
    // These builds are made like `npm run build` (no WXT_TEST_HOOKS): production.
    for (const file of filesIn(builds[browser].dir).filter((f) => /\.(js|html)$/.test(f))) {
      expect(readFileSync(file, 'utf8'), relative(builds[browser].dir, file)).not.toContain(
        'clock.today',
      );
    }
  });

  it('keeps the content script small and away from the database', () => {
    const scripts = (manifest().content_scripts ?? []).flatMap((script) => script.js ?? []);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const code = readFileSync(join(builds[browser].dir, script), 'utf8');
      // A content script's IndexedDB is the host page's: records are read by the background.
      expect(code, script).not.toMatch(/indexedDB|Dexie/);
    }
  });

  it('has a name, a description and every icon size', () => {
    expect(manifest().name).toBe('Montana IEP Advocate');
    expect(manifest().description.length).toBeLessThanOrEqual(132);
    expect(manifest().description).toMatch(/IEP service minutes/);
    expect(manifest().description).toMatch(/stays in this browser/);
    expect(Object.keys(manifest().icons ?? {}).sort()).toEqual([...ICON_SIZES].sort());
    for (const size of ICON_SIZES) {
      const png = readFileSync(join(builds[browser].dir, manifest().icons![size]!));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(Number(size)); // width in the IHDR chunk
    }
  });
});

describe('browser-specific', () => {
  it('Chrome and Edge get Manifest V3', () => {
    expect(builds.chrome.manifest.manifest_version).toBe(3);
  });

  it('Firefox gets a fixed add-on id and declares that it collects no data', () => {
    const gecko = builds.firefox.manifest.browser_specific_settings?.gecko;
    expect(gecko?.id).toBe(GECKO_ID);
    // A GUID, as addons.mozilla.org issues them, not a placeholder domain.
    expect(GECKO_ID).toMatch(/^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/);
    expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
    // 142: the first Firefox, desktop and Android, that reads the declaration (web-ext lint
    // warns below it).
    expect(gecko?.strict_min_version).toBe('142.0');
    // Not declared for Firefox for Android: it has no contextMenus or commands (docs/firefox.md).
    expect(builds.firefox.manifest.browser_specific_settings).not.toHaveProperty('gecko_android');
  });

  it('Firefox gets Manifest V3 too, with an event-page background (docs/firefox.md)', () => {
    expect(builds.firefox.manifest.manifest_version).toBe(3);
    expect(builds.firefox.manifest.background).toEqual({ scripts: ['background.js'] });
  });

  it('no script holds the Function constructor (zod runs jitless; scripts/zod-without-eval.ts)', () => {
    // A bare `Function` (called, constructed or aliased), not Function.prototype.call and kin:
    // what Mozilla's linter reports as eval.
    for (const browser of ['chrome', 'firefox'] as const) {
      for (const file of filesIn(builds[browser].dir).filter((path) => path.endsWith('.js'))) {
        const source = readFileSync(file, 'utf8');
        expect(source, relative(builds[browser].dir, file)).not.toMatch(
          /(?<![\w.$])Function(?!\s*\.)/,
        );
      }
    }
  });

  it('no script assigns anything but "" to innerHTML (scripts/preact-without-inner-html.ts)', () => {
    // What web-ext lint reports as UNSAFE_VAR_ASSIGNMENT. Preact's dangerouslySetInnerHTML was
    // the one; it is taken out at build time, which is only safe while nothing of ours uses it.
    for (const browser of ['chrome', 'firefox'] as const) {
      for (const file of filesIn(builds[browser].dir).filter((path) => path.endsWith('.js'))) {
        const source = readFileSync(file, 'utf8');
        expect(source, relative(builds[browser].dir, file)).not.toMatch(
          /\.(inner|outer)HTML\s*\+?=(?!=)(?!\s*(""|''|``)\s*[;,)}\n])/,
        );
      }
    }
    const ours = ['lib', 'components', 'entrypoints'].flatMap((dir) =>
      filesIn(join(process.cwd(), dir)).filter((path) => /\.tsx?$/.test(path)),
    );
    expect(ours.length).toBeGreaterThan(50);
    expect(
      ours.filter((file) => readFileSync(file, 'utf8').includes('dangerouslySetInnerHTML')),
    ).toEqual([]);
  });
});
