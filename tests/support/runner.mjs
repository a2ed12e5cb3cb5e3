// Shared by the test runners (tests/run.mjs, tests/e2e/run.mjs): running a child process with
// its output prefixed, and whether a Firefox is installed for the e2e suite.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';

/** Copies a child's output line by line, each line prefixed. */
function prefixLines(stream, prefix, out) {
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) =>
    out.write(`${prefix}${line}\n`),
  );
}

/**
 * Runs a child process to its end; with a prefix, each line of its output is copied with the
 * prefix in front, so two children running at once stay readable. Answers the exit code (1 when
 * killed by a signal).
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, prefix?: string }} options
 * @returns {Promise<number>}
 */
export function runChild(command, args, { cwd, env = process.env, prefix } = {}) {
  return new Promise((done) => {
    const child = spawn(command, args, {
      cwd,
      stdio: prefix ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      // Colours stay on when prefixed only if the terminal would have shown them.
      env: { ...env, ...(prefix && !process.stdout.isTTY ? { NO_COLOR: '1' } : {}) },
    });
    if (prefix) {
      prefixLines(child.stdout, prefix, process.stdout);
      prefixLines(child.stderr, prefix, process.stderr);
    }
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

/** A Firefox for the e2e suite: E2E_FIREFOX_PATH, else Debian's (tests/e2e/support/browser-path.ts). */
export function firefoxInstalled() {
  return process.env.E2E_FIREFOX_PATH
    ? existsSync(process.env.E2E_FIREFOX_PATH)
    : ['/usr/bin/firefox-esr', '/usr/bin/firefox'].some((path) => existsSync(path));
}
