/**
 * Dark mode: with the browser's colour scheme dark, the popup, every tracker route, the letter
 * and report pages and the picker (inside a dark Gmail and a dark Outlook) show light text on a
 * dark ground, axe finds no contrast (or other serious) violation, the keyboard focus ring shows,
 * and print stays black on white, exactly as in the light scheme.
 *
 * The dark scheme: Chromium through the DevTools protocol's media emulation on each page
 * (`emulateMediaFeatures`, which reaches the picker's out-of-process frame too); Firefox, where
 * Puppeteer's media emulation needs CDP and throws over WebDriver BiDi, through its profile
 * (`layout.css.prefers-color-scheme.content-override` = 0, dark for every page). Print, and the
 * light scheme to compare it with: the DevTools protocol in Chromium, the tab's own overrides
 * (what Firefox's developer tools use) in Firefox.
 */
import type { Frame, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_IDS } from '../../lib/sample';
import { expectNoA11yViolations } from './harness';
import { emulateMediaInFirefox } from './support/firefox-chrome';
import { forEachTrackerRoute, openEveryDisclosure } from './ui-steps';
import {
  insertButtons,
  launchWithSample,
  openFixture,
  waitForButtons,
  waitForPicker,
  type ComposeBrowser,
} from './compose-support';

type Rgb = [number, number, number];

/** sRGB relative luminance (WCAG 2) of a computed colour, `rgb(r, g, b)` or `rgba(…, 1)`. */
function luminance(color: string): number {
  const match =
    /^rgba?\((\d+(?:\.\d+)?), (\d+(?:\.\d+)?), (\d+(?:\.\d+)?)(?:, (1|0?\.\d+|0))?\)$/.exec(color);
  if (!match) throw new Error(`Not a computed rgb() colour: ${color}`);
  if (match[4] !== undefined && Number(match[4]) !== 1)
    throw new Error(`Not an opaque colour: ${color}`);
  const [r, g, b] = [match[1], match[2], match[3]].map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The page's ground and text colours (the root element's, where the scheme's colours are set). */
function rootColours(page: Page | Frame): Promise<{ background: string; color: string }> {
  return page.evaluate(() => {
    const style = getComputedStyle(document.documentElement);
    return { background: style.backgroundColor, color: style.color };
  });
}

/** The scheme really applied: a dark ground with light text, AA or better. */
async function expectDark(page: Page | Frame) {
  const { background, color } = await rootColours(page);
  expect(luminance(background), `background ${background}`).toBeLessThan(0.05);
  expect(luminance(color), `text ${color}`).toBeGreaterThan(0.5);
  expect(contrast(background, color)).toBeGreaterThanOrEqual(7);
}

describe('dark mode', () => {
  let ext: ComposeBrowser;

  beforeAll(async () => {
    ext = await launchWithSample({
      firefoxPrefs: { 'layout.css.prefers-color-scheme.content-override': 0 },
    });
  });
  afterAll(async () => {
    await ext?.close();
  });

  async function inScheme(page: Page, scheme: 'light' | 'dark') {
    if (ext.browserName === 'chromium')
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  }

  /** Opens an extension page in the dark scheme and waits for `ready`. */
  async function openDark(path: string, ready: string): Promise<Page> {
    const page = await ext.newPage();
    await inScheme(page, 'dark');
    await page.goto(ext.extensionUrl(path), { waitUntil: 'load' });
    await page.waitForSelector(ready);
    await page.bringToFront();
    return page;
  }

  it('the popup: dark, contrast clean, and the focus ring shows', async () => {
    const popup = await openDark('popup.html', '[data-testid="gap-cards"][data-ready="true"]');
    await popup.setViewport({ width: 380, height: 600 });
    await expectDark(popup);
    await openEveryDisclosure(popup);
    await expectNoA11yViolations(popup);

    await popup.keyboard.press('Tab');
    const ring = await popup.evaluate(() => {
      const focused = document.activeElement!;
      const style = getComputedStyle(focused);
      return {
        visible: focused.matches(':focus-visible'),
        style: style.outlineStyle,
        width: parseFloat(style.outlineWidth),
        color: style.outlineColor,
        ground: getComputedStyle(document.documentElement).backgroundColor,
      };
    });
    expect(ring).toMatchObject({ visible: true, style: 'solid' });
    expect(ring.width).toBeGreaterThanOrEqual(2);
    expect(contrast(ring.color, ring.ground)).toBeGreaterThanOrEqual(3);
    await popup.close();
  });

  it('every tracker route: dark and contrast clean; the chart in dark colours', async () => {
    const tracker = await openDark('tracker.html#/gaps', '[data-testid="weekly-chart"]');
    // The chart's bars and axis stand out from the dark ground (3:1 for graphics).
    const chart = await tracker.evaluate(() => {
      const paint = (selector: string, property: 'fill' | 'stroke') =>
        getComputedStyle(document.querySelector(selector)!)[property];
      return {
        delivered: paint('[data-testid="weekly-chart"] svg[role="img"] .chart-delivered', 'fill'),
        outline: paint('[data-testid="weekly-chart"] svg[role="img"] .chart-axis', 'stroke'),
        text: getComputedStyle(
          document.querySelector('[data-testid="weekly-chart"] svg[role="img"] text')!,
        ).fill,
        ground: getComputedStyle(document.documentElement).backgroundColor,
      };
    });
    expect(contrast(chart.delivered, chart.ground)).toBeGreaterThanOrEqual(3);
    expect(contrast(chart.outline, chart.ground)).toBeGreaterThanOrEqual(3);
    expect(contrast(chart.text, chart.ground)).toBeGreaterThanOrEqual(4.5);

    const paths = await forEachTrackerRoute(ext, tracker, async () => {
      await expectDark(tracker);
      await expectNoA11yViolations(tracker);
    });
    expect(paths).toEqual(
      expect.arrayContaining(['#/gaps', '#/log', '#/services', '#/students', '#/letters']),
    );
    await tracker.close();
  });

  it('the letter page: dark on screen, the sheet too', async () => {
    const letter = await openDark(
      `letter.html?student=${SAMPLE_IDS.student}&kind=state-complaint`,
      '[data-testid=letter-editor] p',
    );
    await expectDark(letter);
    const sheet = await letter.$eval('[data-testid=letter-editor]', (el) => {
      const style = getComputedStyle(el);
      return { background: style.backgroundColor, color: style.color };
    });
    expect(luminance(sheet.background)).toBeLessThan(0.05);
    expect(contrast(sheet.background, sheet.color)).toBeGreaterThanOrEqual(7);
    await expectNoA11yViolations(letter);
    await letter.close();
  });

  it('the report page: dark and contrast clean', async () => {
    const report = await openDark(
      `report.html?student=${SAMPLE_IDS.student}`,
      '[data-testid=evidence-report]',
    );
    await expectDark(report);
    await openEveryDisclosure(report);
    await expectNoA11yViolations(report);
    await report.close();
  });

  for (const [mail, host, editor] of [
    ['Gmail', 'mail.google.com', 'div[g_editable="true"]'],
    ['Outlook', 'outlook.office.com', 'div[aria-label^="Message body"][contenteditable="true"]'],
  ] as const) {
    it(`the picker in a dark ${mail}: a solid dark ground, contrast clean; the button legible`, async () => {
      const { page: mailPage } = await openFixture(ext, host, '/compose.html');
      await inScheme(mailPage, 'dark');
      // The mail service's dark theme: a dark page around the compose.
      await mailPage.evaluate(() => {
        for (const el of [document.documentElement, document.body]) {
          el.style.background = '#202124';
          el.style.color = '#e8eaed';
        }
      });
      await waitForButtons(mailPage, 1);
      const [button] = await insertButtons(mailPage);
      const look = await button!.evaluate((el) => {
        const style = getComputedStyle(el);
        return { background: style.backgroundColor, color: style.color };
      });
      // The button brings its own colours: dark text on a light disc, clear of the dark page.
      expect(contrast(look.background, look.color)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(look.background, 'rgb(32, 33, 36)')).toBeGreaterThanOrEqual(3);

      await mailPage.click(editor);
      await button!.click();
      const frame = await waitForPicker(mailPage);
      await expectDark(frame);
      await expectNoA11yViolations(frame as unknown as Page);
      await mailPage.close();
    });
  }

  /**
   * Sets the media type and the colour scheme together: Chromium in one protocol call (Puppeteer's
   * emulateMediaType and emulateMediaFeatures each reset the other); Firefox through the tab's
   * own overrides, as its developer tools do (./support/firefox-chrome.ts).
   */
  async function mediaEmulation(page: Page) {
    if (ext.browserName === 'firefox')
      return (media: 'screen' | 'print', scheme: 'light' | 'dark') =>
        emulateMediaInFirefox(page, media, scheme);
    const session = await page.createCDPSession();
    return async (media: 'screen' | 'print', scheme: 'light' | 'dark') => {
      await session.send('Emulation.setEmulatedMedia', {
        media,
        features: [{ name: 'prefers-color-scheme', value: scheme }],
      });
    };
  }

  it('print stays black on white, exactly as in the light scheme', async () => {
    for (const [path, ready] of [
      [
        `letter.html?student=${SAMPLE_IDS.student}&kind=state-complaint`,
        '[data-testid=letter-editor] p',
      ],
      [`report.html?student=${SAMPLE_IDS.student}`, '[data-testid=evidence-report]'],
    ] as const) {
      const page = await ext.newPage();
      await page.goto(ext.extensionUrl(path), { waitUntil: 'load' });
      await page.waitForSelector(ready);
      const emulate = await mediaEmulation(page);
      await emulate('screen', 'dark');
      await expectDark(page);
      const printed = async (scheme: 'light' | 'dark') => {
        await emulate('print', scheme);
        return page.evaluate(() =>
          Array.from(document.querySelectorAll('*'), (el) => {
            const style = getComputedStyle(el);
            const colours = [style.color, style.backgroundColor, style.borderTopColor];
            return `${el.tagName}.${el.className} ${colours.join(' ')} ${style.fill}`;
          }),
        );
      };
      const dark = await printed('dark');
      // Black on white: a white ground, near-black text, the letter itself pure black.
      expect(await rootColours(page)).toEqual({
        background: 'rgb(255, 255, 255)',
        color: 'rgb(27, 31, 36)',
      });
      const text = await page.$eval(
        path.startsWith('letter') ? '[data-testid=letter-editor]' : '[data-testid=evidence-report]',
        (el) => getComputedStyle(el).color,
      );
      expect(text).toBe(path.startsWith('letter') ? 'rgb(0, 0, 0)' : 'rgb(27, 31, 36)');
      // Every element prints in the same colours as in the light scheme.
      expect(dark).toEqual(await printed('light'));
      await page.close();
    }
  });
});
