/** The shared polling helper (tests/support/eventually.ts) that unit and e2e tests wait with. */
import { describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';

describe('eventually', () => {
  it('answers the first value that is neither undefined nor false', async () => {
    let calls = 0;
    const value = await eventually(
      () => (++calls < 3 ? undefined : calls === 3 ? false : { calls }),
      'the fourth call',
      { interval: 1 },
    );
    expect(value).toEqual({ calls: 4 });
  });

  it('retries an assertion until it holds', async () => {
    let n = 0;
    await eventually(
      () => {
        expect(++n).toBe(3);
        return true;
      },
      'n to reach 3',
      { interval: 1 },
    );
    expect(n).toBe(3);
  });

  it('fails after the timeout, naming what it waited for and the last failure', async () => {
    const failure = await eventually(
      () => {
        expect('red').toBe('green');
        return true;
      },
      'the light to turn green',
      { timeout: 50, interval: 5 },
    ).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(
      /^Timed out after \d+ ms waiting for the light to turn green \(check \d+ failed: expected 'red' to be 'green'/,
    );
    expect((failure as Error).cause).toBeInstanceOf(Error);
  });

  it('does not wait past the timeout for a check that never settles', async () => {
    const started = Date.now();
    const failure = await eventually(
      () => new Promise<boolean>(() => {}),
      'a hung check',
      50,
    ).catch((error: Error) => error);
    expect((failure as Error).message).toMatch(
      /waiting for a hung check \(no check finished; check 1 was still running\)/,
    );
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
