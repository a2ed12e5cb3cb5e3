import { onTestFinished } from 'vitest';

type ExecCommand = (command: string, ui: boolean, value: string) => boolean;

/**
 * Puts `exec` in place of `document.execCommand` (happy-dom has none) for the current test only.
 * The stand-in is removed when the test finishes: unit files share one document when they run in
 * one worker (`isolate: false`), so a stand-in left behind would answer the next file's calls.
 */
export function stubExecCommand<T extends ExecCommand>(exec: T): T {
  Object.defineProperty(document, 'execCommand', { value: exec, configurable: true });
  onTestFinished(() => {
    delete (document as { execCommand?: unknown }).execCommand;
  });
  return exec;
}
