/**
 * The compose picker with a draft ready, on the Gmail-like fixture page: from the click on our
 * "Insert IEP paragraph" button to the picker's preview showing the first suggested draft, with
 * the bench data set (about 40,000 log entries) against the same picker with an empty database
 * (its "add your child first" note), same run, same browser, in Chromium and Firefox.
 *
 * The click is timed in the mail page (the event's own time stamp), the view in the picker frame
 * (its `performance.mark`, set by the preview or the note: components/picker/DraftPreview.tsx);
 * both as wall-clock times (timeOrigin + …), as tests/bench/compose.ts does. Median over RUNS
 * opens after WARM_UP, the picker closed with its Close button between opens.
 */
import type { Page } from 'puppeteer';
import { PICKER_SHOWN_MARK } from '../../components/picker/DraftPreview';
import { insertButtons, pickerClosed } from '../e2e/compose-support';
import { launchExtensionBrowser, startFixtureServer } from '../e2e/harness';
import { prepareExtension, type BrowserName } from '../e2e/support/build';
import { setExtensionToday } from '../e2e/support/clock';
import { BUTTON_TAG, pinComposeToken } from '../e2e/support/compose-names';
import { waitForFrameAt } from '../e2e/support/firefox-navigation';
import { openCompose } from './compose';
import { inEachBrowser, median, round, RUNS, WARM_UP } from './page-open';
import { benchDataSet, seedBenchData } from './seed';
import type { BenchRow } from './types';

const TIMEOUT_MS = 30_000;

/** Click-to-shown times of the picker opened from the page's first button. */
async function pickerOpenTimes(page: Page): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < WARM_UP + RUNS; run++) {
    // The click reaches the window (composed, out of our closed shadow root) with its time.
    await page.evaluate(() => {
      const scope = globalThis as unknown as { clickedAt?: Promise<number> };
      scope.clickedAt = new Promise<number>((resolve) =>
        addEventListener('click', (event) => resolve(performance.timeOrigin + event.timeStamp), {
          capture: true,
          once: true,
        }),
      );
    });
    const [button] = await insertButtons(page);
    await button!.click();
    const frame = await waitForFrameAt(page, '/picker.html', { timeout: TIMEOUT_MS });
    const shown = await frame.waitForFunction(
      (name: string) => {
        const mark = performance.getEntriesByName(name, 'mark')[0];
        return mark ? performance.timeOrigin + mark.startTime : false;
      },
      { timeout: TIMEOUT_MS, polling: 50 },
      PICKER_SHOWN_MARK,
    );
    const clickedAt = await page.evaluate(
      () => (globalThis as unknown as { clickedAt: Promise<number> }).clickedAt,
    );
    const time = ((await shown.jsonValue()) as number) - clickedAt;
    if (!Number.isFinite(time)) throw new Error('A picker open was not timed.');
    if (run >= WARM_UP) times.push(time);
    await frame.click('.picker-close');
    await pickerClosed(page);
  }
  return times;
}

async function benchPicker(browser: BrowserName): Promise<BenchRow[]> {
  const fixtures = await startFixtureServer();
  const ext = await launchExtensionBrowser({
    browser,
    headless: true,
    extensionDir: await prepareExtension(`bench-${browser}`, browser),
    fixtures,
  });
  try {
    const data = benchDataSet();
    const setup = await ext.openExtensionPage('popup.html');
    await pinComposeToken(setup);
    await setExtensionToday(setup, data.asOf);
    const mail = await openCompose(ext.browser, fixtures, 'mail.google.com');
    await mail.waitForSelector(BUTTON_TAG);
    const empty = median(await pickerOpenTimes(mail));

    await setup.bringToFront();
    await seedBenchData(setup, data);
    await mail.bringToFront();
    const seeded = median(await pickerOpenTimes(mail));
    return [
      {
        name: `${browser}: picker: draft ready, ${data.sessions.length} log entries (median of ${RUNS})`,
        value: round(seeded),
        unit: 'ms',
        baseline: { name: 'empty database', value: round(empty) },
        target: '≤ 1.25 × empty',
      },
    ];
  } finally {
    await ext.close();
    await fixtures.close();
  }
}

export function run(): Promise<BenchRow[]> {
  return inEachBrowser(benchPicker);
}
