/**
 * Shared steps for the compose e2e tests (tests/e2e/compose-*.e2e.test.ts): a browser with the
 * sample family seeded and "today" pinned, and ways to reach our button (in a closed shadow
 * root: found through the accessibility tree) and the picker (an extension iframe).
 */
import type { ElementHandle, Frame, Page } from 'puppeteer';
import { expect } from 'vitest';
import { LAST_INSERTION_KEY } from '../../lib/compose/background';
import { BUTTON_LABEL } from '../../lib/compose/page/button';
import { hostSelector } from '../../lib/compose/names';
import { fillInsLeftQuestion, type PickerForm } from '../../lib/compose/picker/drafts';
import { buildDraftContext, draftKinds, renderDraft } from '../../lib/drafts';
import { inlineText, type Block } from '../../lib/drafts/blocks';
import { buildSampleData } from '../../lib/sample';
import {
  launchExtensionBrowser,
  readStore,
  seedDatabase,
  type ExtensionBrowser,
  type LaunchOptions,
} from './harness';
import { setExtensionToday } from './support/clock';
import { sharedExtensionBrowser } from './support/shared-browser';
import { BUTTON_TAG, pinComposeToken, TEST_TOKEN } from './support/compose-names';
import { waitForFrameAt } from './support/firefox-navigation';
import { drivenOverBiDi } from './support/bidi';
import { afterScan, recordScans, waitForScan } from './support/scans';
import { queryInClosedShadowRoots } from './support/shadow';

export { BUTTON_TAG, PICKER_TAG } from './support/compose-names';

/** A school day in the sample's school year; the extension is moved to it (lib/clock). */
export const TODAY = '2027-03-04';
export const SAMPLE = buildSampleData(TODAY);
export const STUDENT = SAMPLE.students[0]!;

export interface ComposeBrowser extends ExtensionBrowser {
  /** An extension page kept open for reading the database. */
  extensionPage: Page;
}

/**
 * Launches the extension with the sample family in its database and today pinned to TODAY, and
 * the install's token pinned to TEST_TOKEN (`pinToken: false` keeps the install's own: a content
 * script already in a page has taken it).
 */
export async function launchWithSample(
  options: LaunchOptions & { pinToken?: boolean } = {},
): Promise<ComposeBrowser> {
  return withSample(await launchExtensionBrowser(options), options.pinToken !== false);
}

/** The same on the run's shared browser (./support/shared-browser.ts), token pinned. */
export async function sharedWithSample(): Promise<ComposeBrowser> {
  return withSample(await sharedExtensionBrowser(), true);
}

async function withSample(ext: ExtensionBrowser, pinToken: boolean): Promise<ComposeBrowser> {
  const extensionPage = await ext.openExtensionPage('popup.html');
  await seedDatabase(extensionPage, SAMPLE);
  await setExtensionToday(extensionPage, TODAY);
  if (pinToken) await pinComposeToken(extensionPage);
  return Object.assign(ext, { extensionPage });
}

const byKeys =
  <T>(...keys: ((item: T) => string | number)[]) =>
  (a: T, b: T) => {
    for (const key of keys) {
      const [x, y] = [key(a), key(b)];
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };

/**
 * The draft the picker should produce from the sample data, rendered here in Node from the
 * records in the order lib/db's loadStudentData reads them (the drafts list services in it).
 */
export function expectedDraft(
  kindId: string,
  form: PickerForm,
  inputs: Readonly<Record<string, string>> = {},
) {
  const ctx = buildDraftContext({
    inputs,
    student: STUDENT,
    profile: SAMPLE.profile,
    calendar: SAMPLE.calendar,
    services: [...SAMPLE.services].sort(
      byKeys(
        (s) => s.startDate,
        (s) => s.id,
      ),
    ),
    sessions: [...SAMPLE.sessions].sort(
      byKeys(
        (s) => s.date,
        (s) => s.id,
      ),
    ),
    letters: [...SAMPLE.letters].sort(
      byKeys(
        (l) => -l.createdAt,
        (l) => l.id,
      ),
    ),
    today: TODAY,
  });
  return renderDraft(kindId, ctx, form);
}

/** Whitespace-insensitive text for comparing what an editor shows with a draft. */
export function normalize(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** The plain text of each paragraph block, for "is it in the editor" checks. */
export function paragraphTexts(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block) =>
    block.type === 'p' ? [normalize(inlineText(block.content))] : [],
  );
}

/** How many of our buttons the page holds (their hosts are in the page's DOM). */
export function buttonCount(page: Page): Promise<number> {
  return page.evaluate((tag: string) => document.querySelectorAll(tag).length, BUTTON_TAG);
}

export async function waitForButtons(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (tag: string, n: number) => document.querySelectorAll(tag).length === n,
    { timeout: 10_000 },
    BUTTON_TAG,
    count,
  );
}

/**
 * The accessible "Insert IEP paragraph" buttons (inside closed shadow roots): through the
 * accessibility tree over CDP (Chromium); over WebDriver BiDi (Firefox), whose accessibility
 * locator cannot return nodes in closed roots, through each button host's shadow root.
 */
export function insertButtons(page: Page, token = TEST_TOKEN): Promise<ElementHandle<Element>[]> {
  if (drivenOverBiDi(page)) {
    const hosts = hostSelector(token, 'button');
    return queryInClosedShadowRoots(page, hosts, `button[aria-label="${BUTTON_LABEL}"]`);
  }
  return page.$$(`aria/${BUTTON_LABEL}[role="button"]`);
}

/**
 * The picker iframe once its page has rendered its kinds and may act: connected to its session
 * and shown long enough for the user to have seen it (lib/ui/shown.ts).
 */
export async function waitForPicker(page: Page): Promise<Frame> {
  // By the frame's own location (Firefox keeps an extension iframe's URL at about:blank).
  const frame = await waitForFrameAt(page, '/picker.html', { timeout: 10_000 });
  await frame.waitForSelector('[role="listbox"] [role="option"]', { timeout: 10_000 });
  await frame.waitForSelector('main[data-shown="true"]', { timeout: 10_000 });
  return frame;
}

export async function pickerClosed(page: Page, token = TEST_TOKEN): Promise<void> {
  await page.waitForFunction(
    (tag: string) => document.querySelector(tag) === null,
    { timeout: 10_000 },
    hostSelector(token, 'picker'),
  );
}

/** Selects a draft kind by id in the picker's list (arrow keys, as a keyboard user would). */
export async function chooseKind(frame: Frame, kindId: string): Promise<void> {
  const ids = await frame.$$eval('[role="option"]', (nodes) => nodes.map((node) => node.id));
  const index = ids.indexOf(`kind-${kindId}`);
  expect(index, `kind "${kindId}" in ${ids.join(', ')}`).toBeGreaterThanOrEqual(0);
  await frame.focus('[role="listbox"]');
  await frame.page().keyboard.press('Home');
  for (let i = 0; i < index; i++) await frame.page().keyboard.press('ArrowDown');
  await frame.waitForSelector(`#kind-${kindId}[aria-selected="true"]`);
}

/**
 * Everything in the page a script could read: text and attribute values of the document and of
 * every open shadow root (ours are closed; the picker's content lives in its own origin).
 */
export function pageReadableText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [document.body?.innerText ?? ''];
    const visit = (root: Document | ShadowRoot) => {
      for (const element of Array.from(root.querySelectorAll('*'))) {
        for (const attribute of Array.from(element.attributes)) parts.push(attribute.value);
        if (element.shadowRoot) visit(element.shadowRoot);
      }
      parts.push(
        root === document ? (document.documentElement.textContent ?? '') : (root.textContent ?? ''),
      );
    };
    visit(document);
    return parts.join('\n');
  });
}

/** Collects errors thrown into the page and console errors (from the page and our scripts). */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${String(error)}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/** Letters recorded in the extension's database. */
export function readLetters(ext: ComposeBrowser) {
  return readStore<{ kind: string; status: string; host: string; studentId: string }>(
    ext.extensionPage,
    'letters',
  );
}

/**
 * How lib/compose/page/insert.ts reaches an editor with its own paste pipeline (RoosterJS) in this
 * browser, found the way the product finds it: a synthetic paste where a constructed paste event
 * keeps the data given to it (Chromium), the editing command where it arrives empty (Firefox).
 */
export async function pipelineInsertMethod(page: Page): Promise<'paste' | 'insertHTML'> {
  const keepsData = await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'probe');
    const event = new ClipboardEvent('paste', { clipboardData: data });
    return event.clipboardData?.getData('text/plain') === 'probe';
  });
  return keepsData ? 'paste' : 'insertHTML';
}

/** How the last insertion went ({ host, method, subjectFilled }), as the background saw it. */
export function lastInsertion(ext: ComposeBrowser) {
  return ext.extensionPage.evaluate(async (key: string) => {
    type Session = { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } };
    const api = (globalThis as unknown as { chrome: Session }).chrome;
    return (await api.storage.session.get(key))[key] as
      { host: string; method: string; subjectFilled: boolean } | undefined;
  }, LAST_INSERTION_KEY);
}

/**
 * Presses Enter on the chosen kind; a draft with fill-ins left asks first (with the question the
 * picker must show), and Enter on its focused "Insert anyway" goes ahead.
 */
export async function insertChosen(
  frame: Frame,
  kindId: string,
  form: PickerForm,
  inputs: Readonly<Record<string, string>> = {},
  action: 'Insert' | 'Copy' = 'Insert',
): Promise<void> {
  await frame.page().keyboard.press('Enter');
  const { markers } = expectedDraft(kindId, form, inputs);
  if (markers.length === 0) return;
  const confirm = await frame.waitForSelector('[data-testid="picker-confirm"]', { timeout: 5000 });
  expect(await confirm!.evaluate((e) => e.textContent)).toContain(
    fillInsLeftQuestion(markers, action),
  );
  // Enter must reach "… anyway" (focused when the question shows), not the list behind it.
  await frame.waitForFunction(
    (word: string) => document.activeElement?.textContent === `${word} anyway`,
    {},
    action,
  );
  await frame.page().keyboard.press('Enter');
}

/**
 * Types `inputs` into the picker's fields for the chosen kind (dates through the date control's
 * own keyboard entry is browser-specific, so a date's value is set the way a picked date lands:
 * the input's value, then its `input` event).
 */
export async function fillPickerInputs(
  frame: Frame,
  inputs: Readonly<Record<string, string>>,
): Promise<void> {
  for (const [id, value] of Object.entries(inputs)) {
    const selector = `.draft-input-${id} :is(input, textarea, select)`;
    const kind = await frame.$eval(selector, (e) =>
      e instanceof HTMLInputElement ? e.type : e.localName,
    );
    if (kind === 'date' || kind === 'select') {
      await frame.$eval(
        selector,
        (e, v) => {
          const field = e as HTMLInputElement | HTMLSelectElement;
          field.focus();
          field.value = v;
          field.dispatchEvent(
            new Event(field.localName === 'select' ? 'change' : 'input', { bubbles: true }),
          );
        },
        value,
      );
    } else {
      await frame.focus(selector);
      await frame.page().keyboard.type(value);
    }
  }
}

/** Opens the picker from the `index`th button, chooses a kind and form, and inserts with Enter. */
export async function insertWithPicker(
  page: Page,
  kindId: string,
  options: { index?: number; form?: PickerForm; token?: string } = {},
): Promise<void> {
  const buttons = await insertButtons(page, options.token);
  const button = buttons[options.index ?? 0];
  expect(button, `button ${options.index ?? 0} of ${buttons.length}`).toBeDefined();
  await button!.click();
  const frame = await waitForPicker(page);
  if (options.form === 'message') await frame.click('input[name="form"][value="message"]');
  await chooseKind(frame, kindId);
  await insertChosen(frame, kindId, options.form ?? 'paragraph');
  await pickerClosed(page, options.token);
}

/**
 * Opens a fixture page in a new tab, collecting what it throws or logs as errors, and recording
 * our content script's scan signals (./support/scans.ts).
 */
export async function openFixture(
  ext: ComposeBrowser,
  host: string,
  path: string,
): Promise<{ page: Page; errors: string[] }> {
  const page = await ext.newPage();
  const errors = collectPageErrors(page);
  await recordScans(page);
  await page.goto(ext.fixtures.url(host, path), { waitUntil: 'load' });
  return { page, errors };
}

/** Elements of ours in the page (button and picker hosts are named iep-advocate-…). */
export function ourElements(page: Page): Promise<number> {
  // Our hosts carry the install's token (pinned in tests: ./support/compose-names.ts).
  return page.evaluate(
    (selector: string) => document.querySelectorAll(selector).length,
    hostSelector(TEST_TOKEN),
  );
}

/**
 * A page without a compose gets nothing from us, even after focus moves into a field there
 * (detection also listens to focus): checked once our content script has finished its start-up
 * scan and its look at the focused field. The page must come from openFixture (which records
 * the scans).
 */
export async function expectNothingAdded(page: Page, focusSelector: string): Promise<void> {
  await waitForScan(page, 'start');
  await afterScan(page, 'focus', () => page.focus(focusSelector));
  expect(await ourElements(page)).toBe(0);
}

/** Fill-ins for the IEE request, typed in the picker: its two required inputs. */
export const IEE_INPUTS = {
  evaluation: 'Speech-language evaluation',
  evaluationDate: '2027-01-12',
};

/**
 * Opens the picker from the first button, chooses the IEE request, checks its required fields
 * come first, types the fill-ins and waits for the preview to show them with no fill-in left,
 * then inserts with the button. Answers the draft the editor should now hold.
 */
export async function insertWithFillIns(page: Page) {
  const [button] = await insertButtons(page);
  await button!.click();
  const frame = await waitForPicker(page);
  await chooseKind(frame, 'iee-request');
  const order = await frame.$$eval('[data-testid="picker-inputs"] .field', (fields) =>
    fields.map((field) => field.className.replace(/.*draft-input-(\w+).*/, '$1')),
  );
  const kind = draftKinds.find((k) => k.id === 'iee-request')!;
  expect(order.slice(0, 2)).toEqual(kind.inputs.filter((i) => i.required).map((i) => i.id));
  expect(
    await frame.$eval('.draft-input-evaluationDate input', (i) => (i as HTMLInputElement).type),
  ).toBe('date');
  const before = expectedDraft('iee-request', 'paragraph');
  expect(before.markers.length).toBe(2);
  expect(
    await frame.$$eval('.preview-body mark.fill-in', (m) => m.map((n) => n.textContent)),
  ).toEqual(before.markers);
  await fillPickerInputs(frame, IEE_INPUTS);
  const draft = expectedDraft('iee-request', 'paragraph', IEE_INPUTS);
  expect(draft.markers).toEqual([]);
  await frame.waitForFunction(
    (expected: string) => {
      const preview = document.querySelector('.preview-body');
      return (
        preview?.querySelector('mark') === null &&
        (preview.textContent ?? '').replace(/\s+/g, ' ').includes(expected)
      );
    },
    { timeout: 5000 },
    paragraphTexts(draft.blocks)[0]!,
  );
  await frame.click('.picker-actions button');
  await pickerClosed(page);
  return draft;
}
