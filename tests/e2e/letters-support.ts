/**
 * Shared by the letter and report e2e tests: the sample family seeded on a fixed "today", the
 * letter page opened on its state complaint, PDF text per page (unpdf, pure JS, so CI needs no poppler), and storage.local reads from a page.
 */
import type { Page } from 'puppeteer';
import { extractText, getDocumentProxy } from 'unpdf';
import { buildSampleData, SAMPLE_IDS, type SampleData } from '../../lib/sample';
import type { IsoDate } from '../../lib/dates';
import { seedDatabase, type ExtensionBrowser, type SeedData } from './harness';
import { setExtensionToday } from './support/clock';
import { sharedExtensionBrowser } from './support/shared-browser';

/** A Friday in the sample's school year, after weeks of logged gaps. */
export const TODAY: IsoDate = '2026-11-27';

export { SAMPLE_IDS };

/** Moves the extension to TODAY and seeds `data`, from a tracker page it then closes. */
async function seedOnToday(ext: ExtensionBrowser, data: SeedData): Promise<void> {
  const page = await ext.openExtensionPage('tracker.html#/gaps');
  await setExtensionToday(page, TODAY);
  await seedDatabase(page, data);
  await page.close();
}

/** Moves the extension to TODAY and seeds the sample family; returns the seeded data. */
export async function seedSample(ext: ExtensionBrowser): Promise<SampleData> {
  const data = buildSampleData(TODAY);
  await seedOnToday(ext, data);
  return data;
}

/**
 * Takes the run's shared browser (./support/shared-browser.ts), moves it to TODAY with `data`
 * (the sample family unless given) and opens the letter page's state complaint for the sample
 * student, once its editor holds the draft. The browser is reset again if the page does not open.
 */
export async function launchOnComplaint(
  data: SeedData = buildSampleData(TODAY),
): Promise<{ ext: ExtensionBrowser; letter: Page }> {
  const ext = await sharedExtensionBrowser();
  try {
    await seedOnToday(ext, data);
    const letter = await ext.openExtensionPage(
      `letter.html?student=${SAMPLE_IDS.student}&kind=state-complaint`,
      { waitFor: '[data-testid=letter-editor] p' },
    );
    return { ext, letter };
  } catch (error) {
    await ext.close();
    throw error;
  }
}

/** The text of each page of a PDF. */
export async function pdfPages(pdf: Uint8Array): Promise<string[]> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(document, { mergePages: false });
  return text as string[];
}

/** PDF text with line breaks and runs of spaces folded, for phrase checks. */
export function flatten(text: string): string {
  return text.replace(/\s+/g, ' ');
}

export async function readLocalStorage(page: Page, key: string): Promise<unknown> {
  return page.evaluate(async (name: string) => {
    type Local = { get(key: string): Promise<Record<string, unknown>> };
    const scope = globalThis as unknown as {
      browser?: { storage: { local: Local } };
      chrome?: { storage: { local: Local } };
    };
    const stored = await (scope.browser ?? scope.chrome)!.storage.local.get(name);
    return stored[name];
  }, key);
}

/** The shared polling helper, kept importable from here for the letter tests. */
export { eventually } from '../support/eventually';
