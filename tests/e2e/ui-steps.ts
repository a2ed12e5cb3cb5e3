/**
 * Steps a person takes in the extension's pages, for the popup and tracker e2e tests: find a
 * control by its accessible name, type, read the message shown next to a field, move with Tab
 * only, and open a page on a chosen "today" (lib/clock's override).
 */
import type { ElementHandle, Page } from 'puppeteer';
import type { ExtensionBrowser } from './harness';
import { setExtensionToday } from './support/clock';
import { waitForAccessibleElement } from './support/accessible-query';
import { restorePageFocus } from './support/focus';

/**
 * Opens an extension page with the extension's clock on `today`, and brings it to the front
 * (background tabs get no frames in headless Chromium, so clicks there never finish).
 */
export async function openAt(
  ext: ExtensionBrowser,
  path: string,
  today: string,
  viewport?: { width: number; height: number },
): Promise<Page> {
  const page = await ext.openExtensionPage(path);
  if (viewport) await page.setViewport(viewport);
  await setExtensionToday(page, today);
  await page.reload({ waitUntil: 'load' });
  await page.bringToFront();
  return page;
}

type Role = 'textbox' | 'combobox' | 'button' | 'radio' | 'checkbox' | 'link' | 'heading' | 'group';

function ariaSelector(name: string, role?: Role): string {
  const quoted = JSON.stringify(name);
  return role ? `::-p-aria([name=${quoted}][role="${role}"])` : `::-p-aria(${quoted})`;
}

const CONTROL_TIMEOUT_MS = 10_000;

/**
 * The control with this accessible name (inside `scope` if given), waiting for it to appear:
 * found in the browser's accessibility tree in Chromium, and by the same rules in the page in
 * Firefox, where asking the browser is slow (./support/accessible-query.ts).
 */
export async function control(
  scope: Page | ElementHandle,
  name: string,
  role?: Role,
): Promise<ElementHandle<HTMLElement>> {
  if (process.env.E2E_BROWSER === 'firefox')
    return waitForAccessibleElement(scope, name, role, CONTROL_TIMEOUT_MS);
  const selector = ariaSelector(name, role);
  const handle = await scope.waitForSelector(selector, { timeout: CONTROL_TIMEOUT_MS });
  if (!handle) throw new Error(`No control named "${name}"`);
  if (role) return handle as ElementHandle<HTMLElement>;
  // An accessibility tree may also name a <label> by its text, and list it before its field: a
  // label is never the control.
  for (const candidate of [handle, ...(await scope.$$(selector))]) {
    if (!(await candidate.evaluate((el) => el.localName === 'label')))
      return candidate as ElementHandle<HTMLElement>;
  }
  throw new Error(`Only a label is named "${name}", no control.`);
}

export async function click(scope: Page | ElementHandle, name: string, role?: Role) {
  await (await control(scope, name, role)).click();
}

/** Replaces a text field's content the way a person does: select all, type. */
export async function fill(scope: Page | ElementHandle, name: string, text: string) {
  const field = await control(scope, name, 'textbox');
  await field.click({ count: 3 });
  await field.evaluate((el) => (el as HTMLInputElement).select?.());
  if (text === '') await field.press('Backspace');
  else await field.type(text);
}

/**
 * Types an ISO date into a date input through its month/day/year segments (en-US order), as a
 * keyboard user does.
 */
export async function fillDate(scope: Page | ElementHandle, name: string, isoDate: string) {
  const field = await control(scope, name);
  const [year, month, day] = isoDate.split('-');
  // ElementHandle.type focuses the input (its first segment, the month) and types.
  await field.type(`${month}${day}${year}`);
  const value = await field.evaluate((el) => (el as HTMLInputElement).value);
  if (value !== isoDate) throw new Error(`Date field "${name}" shows ${value}, not ${isoDate}`);
}

export async function valueOf(scope: Page | ElementHandle, name: string, role?: Role) {
  const field = await control(scope, name, role);
  return field.evaluate((el) => (el as HTMLInputElement).value);
}

/** What a field says about itself: aria-invalid and the texts it is described by. */
export async function fieldState(field: ElementHandle<HTMLElement>) {
  return field.evaluate((el) => {
    const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    const described = ids.map((id) => el.ownerDocument.getElementById(id));
    return {
      invalid: el.getAttribute('aria-invalid') === 'true',
      error:
        described
          .filter((node) => node?.classList.contains('field-error'))
          .map((node) => node!.textContent!.trim())
          .join(' ') || null,
      value: (el as HTMLInputElement).value,
    };
  });
}

/** The message shown next to the field named `name` (null when there is none). */
export async function errorFor(scope: Page | ElementHandle, name: string, role?: Role) {
  return (await fieldState(await control(scope, name, role))).error;
}

/** How a person would name the focused element: its label, aria-label, or text. */
export async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    if (!el || el === document.body) return '';
    const label = el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.textContent;
    return (label ?? '').replace(/\s*\*$/, '').trim();
  });
}

/** Waits until the focused element is named `name` (focus often moves after a render). */
export async function waitForFocus(page: Page, name: string): Promise<void> {
  await page
    .waitForFunction(
      (expected: string) => {
        const el = document.activeElement as HTMLInputElement | null;
        const label =
          el?.labels?.[0]?.textContent ?? el?.getAttribute('aria-label') ?? el?.textContent;
        return (label ?? '').replace(/\s*\*$/, '').trim() === expected;
      },
      { timeout: 5_000, polling: 50 },
      name,
    )
    .catch(async () => {
      throw new Error(`Focus is on "${await focusedName(page)}", not "${name}"`);
    });
}

/**
 * Presses Tab (or Shift+Tab) until the focused element is named `name`. Keyboard only: no
 * clicks and no focus() calls.
 */
export async function tabTo(
  page: Page,
  name: string | RegExp,
  options: { backwards?: boolean; max?: number } = {},
): Promise<void> {
  const matches = (text: string) => (typeof name === 'string' ? text === name : name.test(text));
  const seen: string[] = [];
  for (let i = 0; i < (options.max ?? 80); i++) {
    if (options.backwards) {
      await page.keyboard.down('Shift');
      await page.keyboard.press('Tab');
      await page.keyboard.up('Shift');
    } else {
      await page.keyboard.press('Tab');
    }
    const focused = await focusedName(page);
    // Focus went past the page's end (into Firefox's toolbar): give the page its focus back.
    if (focused === '') await restorePageFocus(page);
    if (matches(focused)) return;
    seen.push(focused);
  }
  throw new Error(`Tab never reached "${String(name)}"; passed: ${seen.join(' | ')}`);
}

/** Types a date into the focused date input (month, day, year segments). */
export async function typeDateKeys(page: Page, isoDate: string): Promise<void> {
  const [year, month, day] = isoDate.split('-');
  await page.keyboard.type(`${month}${day}${year}`);
}

/** Every figure of the gap card of a service: { expected: 345, owed: 235, … }. */
export async function gapFigures(page: Page, serviceId: string): Promise<Record<string, number>> {
  const selector = `[data-testid="gap-card"][data-service-id="${serviceId}"]`;
  // Cards keep their older figures, marked busy, while new ones are worked out after a change.
  await page.waitForFunction(
    (s: string) => {
      const card = document.querySelector(s);
      return card !== null && card.closest('[aria-busy="true"]') === null;
    },
    { timeout: 10_000, polling: 100 },
    selector,
  );
  return page.$eval(selector, (card) =>
    Object.fromEntries(
      [...card.querySelectorAll<HTMLElement>('[data-gap]')].map((dd) => [
        dd.dataset.gap!,
        Number(dd.dataset.value),
      ]),
    ),
  );
}

/** Waits until a gap card's figure shows `value` (live updates from another page). */
export async function waitForFigure(
  page: Page,
  serviceId: string,
  key: string,
  value: number,
): Promise<void> {
  await page.waitForFunction(
    (id: string, k: string, v: number) =>
      document
        .querySelector(`[data-testid="gap-card"][data-service-id="${id}"] [data-gap="${k}"]`)
        ?.getAttribute('data-value') === String(v),
    // Poll: a tab in the background gets no animation frames.
    { timeout: 10_000, polling: 100 },
    serviceId,
    key,
    value,
  );
}

/** Text of an element, trimmed, or null. */
/** Waits until the element's trimmed text is exactly `text` (a page that reads data async). */
export async function waitForTextIs(page: Page, selector: string, text: string): Promise<void> {
  await page.waitForFunction(
    (s: string, t: string) => document.querySelector(s)?.textContent?.trim() === t,
    { timeout: 10_000, polling: 100 },
    selector,
    text,
  );
}

export async function textOf(page: Page, selector: string): Promise<string | null> {
  return page.$eval(selector, (el) => el.textContent?.trim() ?? '').catch(() => null);
}

/**
 * Opens every closed <details> of the page and waits until their contents are built (a
 * LazyDetails builds them in its toggle event, components/ui/LazyDetails.tsx).
 */
export async function openEveryDisclosure(page: Page): Promise<void> {
  await page.$$eval('details:not([open])', (all) =>
    Promise.all(
      all.map(
        (details) =>
          new Promise<void>((done) => {
            // Preact renders in a microtask after the toggle handler: a task later it is done.
            details.addEventListener('toggle', () => setTimeout(done), { once: true });
            details.open = true;
          }),
      ),
    ),
  );
}

/**
 * Opens each route of the tracker's nav in `tracker`, waits for it to load, opens every
 * disclosure (so their contents are checked too) and runs `check`; returns the routes' paths.
 */
export async function forEachTrackerRoute(
  ext: ExtensionBrowser,
  tracker: Page,
  check: (path: string) => Promise<void>,
): Promise<string[]> {
  const paths = await tracker.$$eval('nav[aria-label="Tracker sections"] a', (links) =>
    links.map((a) => a.getAttribute('href')!),
  );
  for (const path of paths) {
    await tracker.goto(ext.extensionUrl(`tracker.html${path}`), { waitUntil: 'load' });
    await tracker.bringToFront();
    await tracker.waitForFunction(
      () => !document.querySelector('main')?.textContent?.includes('Loading…'),
    );
    await openEveryDisclosure(tracker);
    await check(path);
  }
  return paths;
}
