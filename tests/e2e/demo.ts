/**
 * `npm run demo [-- --headless] [-- --today=YYYY-MM-DD]`
 *
 * Builds the extension, launches Chromium with it and the fixture server, seeds the sample
 * student (lib/sample) into the extension's IndexedDB, and opens the demo compose page, the popup
 * (as a tab) and the tracker. Headed (the default) it stays open until Ctrl+C. With --headless it
 * saves screenshots into tests/.artifacts/demo/, prints their paths and exits.
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { Page } from 'puppeteer';
import { join } from 'node:path';
import { isIsoDate, todayIso } from '../../lib/dates';
import { defaultSettings } from '../../lib/model';
import { buildSampleData, SAMPLE_IDS } from '../../lib/sample';
import { FIXTURES_DIR } from '../fixtures/server/index';
import { eventually, launchExtensionBrowser, seedDatabase, type ExtensionBrowser } from './harness';
import { ARTIFACTS_DIR, prepareExtension } from './support/build';
import { setExtensionToday } from './support/clock';

const DEMO_DIR = join(ARTIFACTS_DIR, 'demo');

/** The Gmail-like fixture when the compose work has added it, else the harness's plain page. */
function composePage(): { host: string; path: string } {
  for (const path of ['/compose.html', '/index.html']) {
    if (existsSync(join(FIXTURES_DIR, 'mail.google.com', path))) {
      return { host: 'mail.google.com', path };
    }
  }
  return { host: 'mail.google.com', path: '/__harness/plain-editor.html' };
}

function parseArgs(argv: string[]) {
  const headless = argv.includes('--headless');
  const todayArg = argv.find((arg) => arg.startsWith('--today='))?.slice('--today='.length);
  if (todayArg !== undefined && !isIsoDate(todayArg)) {
    throw new Error(`--today must be a date like 2026-03-02, not "${todayArg}".`);
  }
  return { headless, today: todayArg ?? todayIso() };
}

async function openDemo(ext: ExtensionBrowser, today: string) {
  // The first-install setup tab is not part of the demo: the sample data completes setup.
  for (const page of await ext.browser.pages()) {
    if (page.url().startsWith(ext.extensionOrigin)) await page.close();
  }
  const popup = await ext.openExtensionPage('popup.html');
  await setExtensionToday(popup, today);
  const sample = buildSampleData(today);
  const counts = await seedDatabase(popup, {
    ...sample,
    settings: { ...defaultSettings, currentStudentId: SAMPLE_IDS.student, setupDone: true },
  });
  console.log(`Seeded the sample data for ${today}:`, counts);
  await popup.reload({ waitUntil: 'load' });

  const { host, path } = composePage();
  const compose = await ext.newPage();
  await compose.goto(ext.fixtures.url(host, path), { waitUntil: 'load' });
  const tracker = await ext.openExtensionPage('tracker.html');
  return { popup, tracker, compose };
}

interface DomNode {
  backendNodeId: number;
  localName: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

function findButton(node: DomNode, label: string): DomNode | null {
  const attributes = node.attributes ?? [];
  const named = attributes.findIndex((value, index) => index % 2 === 0 && value === 'aria-label');
  if (node.localName === 'button' && attributes[named + 1] === label) return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const found = findButton(child, label);
    if (found) return found;
  }
  return null;
}

/**
 * Clicks the compose integration's button and waits for the picker iframe, so the screenshot
 * shows the product at work. The button sits in a closed shadow root, so it is found through the
 * DevTools DOM (which pierces shadow roots) and clicked at its on-screen position, as a user would.
 */
async function openPicker(compose: Page) {
  const session = await compose.createCDPSession();
  const box = await eventually(
    async () => {
      const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as {
        root: DomNode;
      };
      const button = findButton(root, 'Insert IEP paragraph');
      if (!button) return undefined;
      const { model } = await session.send('DOM.getBoxModel', {
        backendNodeId: button.backendNodeId,
      });
      return model.border;
    },
    'the "Insert IEP paragraph" button on the compose page',
    { timeout: 5_000, interval: 200 },
  ).catch((error: Error) => void console.warn(error.message));
  await session.detach();
  if (!box) return;
  await compose.mouse.click((box[0]! + box[4]!) / 2, (box[1]! + box[5]!) / 2);
  const picker = await eventually(
    () => compose.frames().find((frame) => frame.url().includes('/picker.html')),
    'the picker to open',
    5_000,
  ).catch((error: Error) => void console.warn(error.message));
  if (!picker) return;
  await picker.waitForSelector('h1', { timeout: 5_000 }).catch(() => {});
  // For the screenshot only: let the picker's entrance finish painting.
  await new Promise((settle) => setTimeout(settle, 500));
}

async function screenshots(pages: Awaited<ReturnType<typeof openDemo>>) {
  mkdirSync(DEMO_DIR, { recursive: true });
  const { popup, tracker, compose } = pages;
  await popup.setViewport({ width: 420, height: 640 });
  await popup
    .waitForSelector('[data-testid="gap-cards"][data-ready="true"]', { timeout: 10_000 })
    .catch(() => console.warn('The popup never showed its gap cards; saving what it shows.'));
  await openPicker(compose);
  const files: string[] = [];
  for (const [name, page] of [
    ['popup', popup],
    ['tracker', tracker],
    ['compose', compose],
  ] as const) {
    await page.bringToFront();
    const file = join(DEMO_DIR, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    files.push(file);
  }
  return files;
}

async function main() {
  const { headless, today } = parseArgs(process.argv.slice(2));
  if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.error(
      'No display found. Run `npm run demo -- --headless` to save screenshots instead.',
    );
    process.exit(2);
  }
  console.log('Building the extension…');
  const ext = await launchExtensionBrowser({
    browser: 'chromium',
    headless,
    extensionDir: await prepareExtension('demo'),
    args: headless ? [] : ['--window-size=1280,900'],
  });
  try {
    const pages = await openDemo(ext, today);
    if (headless) {
      for (const file of await screenshots(pages)) console.log(`Saved ${file}`);
      return;
    }
    await pages.popup.bringToFront();
    console.log(
      [
        '',
        'The demo is running in the Chromium window:',
        `  popup    ${ext.extensionUrl('popup.html')}`,
        `  tracker  ${ext.extensionUrl('tracker.html')}`,
        `  compose  ${pages.compose.url()}  (served locally on the real host name)`,
        '',
        'Press Ctrl+C here to close it.',
      ].join('\n'),
    );
    await new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      ext.browser.once('disconnected', () => resolve());
    });
  } finally {
    await ext.close();
  }
}

await main();
