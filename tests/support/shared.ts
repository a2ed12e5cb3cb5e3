/**
 * The steering repository's shared folder: `../shared` next to the project (IEP_SHARED_DIR
 * names another). It holds material that is not ours to copy, such as the real Gmail capture
 * (fixtures/gmail/…) and the legal reference (domain/montana-iep-reference.md).
 *
 * Tests never depend on it silently:
 *   - the facts the tests check from the legal reference are kept in the project
 *     (tests/fixtures/reference/, refreshed from ../shared by `npm run reference:refresh`);
 *   - a test that needs a file only ../shared has (the Gmail capture) uses `needsShared`: without
 *     the folder it is skipped, and its name and a console line say why; in CI (CI=true), where
 *     ../shared is checked out, it always runs, and fails if the file is missing.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');

export const SHARED_DIR = resolve(process.env.IEP_SHARED_DIR ?? join(PROJECT_ROOT, '../shared'));

/** The absolute path of `relative` inside the shared folder. */
export function sharedPath(relative: string): string {
  return join(SHARED_DIR, relative);
}

export interface SharedNeed {
  /** Absolute path of the file. */
  path: string;
  /** Skip the test: the file is absent and this is not CI. */
  skip: boolean;
  /** The test's name, with the reason appended when it is skipped. */
  title(name: string): string;
}

/**
 * For a test that needs a file from the shared folder:
 *
 *   const capture = needsShared('fixtures/gmail/compose-new-message-2020.html');
 *   it.skipIf(capture.skip)(capture.title('finds the real editor'), () => { … capture.path … });
 */
export function needsShared(relative: string, path = sharedPath(relative)): SharedNeed {
  const skip = !existsSync(path) && !process.env.CI;
  const why = `skipped: ../shared/${relative} is not here (${SHARED_DIR}); CI runs it`;
  if (skip) console.log(`${why}.`);
  return { path, skip, title: (name) => (skip ? `${name} [${why}]` : name) };
}
