// Builds the extension for e2e runs, the demo and the bench, each into its own folder so runs
// in parallel (several people or helpers in one work tree) never overwrite each other's build.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const ARTIFACTS_DIR = join(PROJECT_ROOT, 'tests', '.artifacts');

/** WXT's output folder names for each browser the harness drives, in order of preference. */
export type BrowserName = 'chromium' | 'firefox';

const TARGET_FOLDERS: Record<BrowserName, string[]> = {
  chromium: ['chrome-mv3'],
  firefox: ['firefox-mv3', 'firefox-mv2'],
};

/** The build's messages without terminal escapes and bundler stack frames. */
function readable(output: string): string {
  return (
    output
      // eslint-disable-next-line no-control-regex -- terminal escapes start with ESC
      .replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')
      .replace(/[\u2800-\u28ff] [^\u2800-\u28ff✔✗\n]*/g, '') // spinner frames
      .split('\n')
      .filter((line) => !/^\s+at /.test(line))
      .join('\n')
      .trim()
  );
}

function run(command: string, args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      cwd: PROJECT_ROOT,
      // Plain output (no colours, no spinner): it ends up in error messages.
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', CI: 'true', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0
        ? done(output)
        : fail(new Error(`${command} ${args.join(' ')} failed (${code}):\n${readable(output)}`)),
    );
  });
}

/**
 * Runs `wxt build` into outDir for each browser ('chromium' → chrome-mv3, 'firefox' → WXT's
 * Firefox target). Returns outDir.
 */
export async function buildExtension({
  outDir,
  browsers = ['chromium'],
}: {
  outDir: string;
  browsers?: BrowserName[];
}): Promise<string> {
  const wxt = join(PROJECT_ROOT, 'node_modules', '.bin', 'wxt');
  for (const browser of browsers) {
    const args = browser === 'firefox' ? ['build', '-b', 'firefox'] : ['build'];
    // Test builds keep the test hooks (the clock.today override); production builds have none.
    await run(wxt, args, { WXT_OUT_DIR: outDir, WXT_TEST_HOOKS: '1' });
  }
  return outDir;
}

/**
 * The unpacked extension folder for a browser: E2E_EXTENSION_DIR when it is itself a build
 * (has manifest.json), else the browser's folder inside E2E_EXTENSION_DIR or `outDir`.
 */
export function extensionDirFor(browser: BrowserName, outDir?: string): string {
  const given = process.env.E2E_EXTENSION_DIR;
  if (given && existsSync(join(given, 'manifest.json'))) return resolve(given);
  const root = resolve(given ?? outDir ?? '');
  for (const folder of TARGET_FOLDERS[browser]) {
    const dir = join(root, folder);
    if (existsSync(join(dir, 'manifest.json'))) return dir;
  }
  throw new Error(
    `No ${browser} build in ${root}. Run the tests through \`npm run test:e2e\` (it builds), ` +
      'or set E2E_EXTENSION_DIR to a built extension.',
  );
}

/**
 * For the demo and the bench: E2E_EXTENSION_DIR's build when set, else a fresh build into
 * tests/.artifacts/build/<name>/.
 */
export async function prepareExtension(name: string, browser: BrowserName = 'chromium') {
  if (process.env.E2E_EXTENSION_DIR) return extensionDirFor(browser);
  const outDir = join(ARTIFACTS_DIR, 'build', name);
  await buildExtension({ outDir, browsers: [browser] });
  return extensionDirFor(browser, outDir);
}
