/**
 * Seeds the bench data set into the extension's database in several smaller transactions: one
 * page.evaluate carrying all 40,000 log entries can outlast the harness's protocol timeout on a
 * busy 2-core machine. Not a bench module (no `run`).
 */
import type { Page } from 'puppeteer';
import { defaultSettings } from '../../lib/model';
import { buildBenchData, type BenchData } from '../../lib/sample';
import { seedDatabase } from '../e2e/harness';

/** The bench data set: 10 students × 8 services × 3 school years, about 40,000 log entries. */
export function benchDataSet(): BenchData {
  return buildBenchData({ students: 10, servicesPerStudent: 8, years: 3, seed: 1 });
}

const SESSIONS_PER_CALL = 5_000;
const SEED_TIMEOUT_MS = 120_000;

/** Seeds `data` with its first student picked and setup done, as a parent who picked them. */
export async function seedBenchData(page: Page, data: BenchData): Promise<void> {
  const { sessions, ...rest } = data;
  const settings = { ...defaultSettings, currentStudentId: data.students[0]!.id, setupDone: true };
  await seedDatabase(page, { ...rest, settings }, { timeoutMs: SEED_TIMEOUT_MS });
  for (let from = 0; from < sessions.length; from += SESSIONS_PER_CALL) {
    const slice = sessions.slice(from, from + SESSIONS_PER_CALL);
    await seedDatabase(page, { sessions: slice }, { timeoutMs: SEED_TIMEOUT_MS });
  }
}
