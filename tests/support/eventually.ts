/**
 * The one polling helper of the test suites (unit and e2e): runs `check` until it passes, or
 * fails after a timeout with a message that says what was awaited and what the last check saw.
 *
 * A check passes when it returns (or resolves to) anything but `undefined` or `false`, and does
 * not throw. So both styles work:
 *
 *   // a lookup: undefined until there is something
 *   const record = await eventually(() => readStore(page, 'letters').then((l) => l[0]), 'a letter');
 *   // an assertion: throws until it holds (its last error is in the failure message)
 *   await eventually(async () => {
 *     expect(await tabUrls()).toEqual([]);
 *     return true;
 *   }, 'the browser to close the tabs');
 *
 * It is for waiting for something to HAPPEN. To show that something does NOT happen, wait for a
 * positive signal that the work which could have done it has finished (a scan, a check, a
 * render), then assert the absence once: never poll for an absence, never sleep first.
 */
export interface EventuallyOptions {
  /** Give up after this long (default 10 s). */
  timeout?: number;
  /** Wait this long between checks (default 100 ms). */
  interval?: number;
}

const describeValue = (value: unknown): string => {
  try {
    const json = JSON.stringify(value);
    return json === undefined ? String(value) : json.length > 300 ? `${json.slice(0, 300)}…` : json;
  } catch {
    return String(value);
  }
};

const OUT_OF_TIME = Symbol('out of time');

export async function eventually<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  what: string,
  options: number | EventuallyOptions = {},
): Promise<T> {
  const { timeout = 10_000, interval = 100 } =
    typeof options === 'number' ? { timeout: options } : options;
  const started = Date.now();
  const deadline = started + timeout;
  let last = 'no check finished';
  let lastError: unknown;
  for (let attempt = 1; ; attempt++) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A check that hangs (a page that stopped answering) must not outlive the deadline.
    const outOfTime = new Promise<typeof OUT_OF_TIME>((resolve) => {
      timer = setTimeout(() => resolve(OUT_OF_TIME), Math.max(0, deadline - Date.now()));
    });
    let hung = false;
    try {
      const value = await Promise.race([Promise.resolve().then(check), outOfTime]);
      if (value === OUT_OF_TIME) hung = true;
      else if (value !== undefined && value !== false) return value as T;
      else {
        last = `check ${attempt} answered ${String(value)}`;
        lastError = undefined;
      }
    } catch (error) {
      lastError = error;
      const message = error instanceof Error ? error.message : describeValue(error);
      last = `check ${attempt} failed: ${message.length > 2000 ? `${message.slice(0, 2000)}…` : message}`;
    } finally {
      clearTimeout(timer);
    }
    if (hung || Date.now() >= deadline) {
      const still = hung ? `; check ${attempt} was still running` : '';
      throw new Error(
        `Timed out after ${Date.now() - started} ms waiting for ${what} (${last}${still}).`,
        { cause: lastError },
      );
    }
    await new Promise((wait) => setTimeout(wait, Math.min(interval, deadline - Date.now())));
  }
}
