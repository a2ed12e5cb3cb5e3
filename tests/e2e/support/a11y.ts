/**
 * axe-core checks for e2e tests: injects axe into the page (axe.source, evaluated through the
 * DevTools protocol, so extension CSPs and Trusted Types do not block it) and keeps the serious
 * and critical violations.
 */
import axe from 'axe-core';
import type { Page } from 'puppeteer';

export interface A11yViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string; html: string; failureSummary: string }[];
}

export interface A11yOptions {
  /** CSS selector of the part of the page to check (default: the whole document). */
  include?: string;
  /** CSS selectors to leave out (for example a host page's own markup around our button). */
  exclude?: string[];
  /** Impacts to report (default serious and critical). */
  impacts?: string[];
}

/** Runs axe in the page; returns the violations with the requested impacts. */
export async function axeViolations(
  page: Page,
  options: A11yOptions = {},
): Promise<A11yViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(axe.source);
  const violations = await page.evaluate(
    async (include: string | null, exclude: string[]) => {
      const excluded = exclude.map((selector) => [selector]);
      const context = include ? { include: [[include]], exclude: excluded } : { exclude: excluded };
      const axeRun = (window as unknown as { axe: typeof import('axe-core') }).axe;
      const results = await axeRun.run(context as never, { resultTypes: ['violations'] });
      return results.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact ?? null,
        help: violation.help,
        helpUrl: violation.helpUrl,
        nodes: violation.nodes.map((node) => ({
          target: node.target.join(' '),
          html: node.html.slice(0, 200),
          failureSummary: node.failureSummary ?? '',
        })),
      }));
    },
    options.include ?? null,
    options.exclude ?? [],
  );
  const impacts = options.impacts ?? ['serious', 'critical'];
  return violations.filter((violation) => impacts.includes(violation.impact ?? ''));
}

/** Readable text for a list of violations (used in assertion messages). */
export function formatViolations(violations: A11yViolation[]): string {
  return violations
    .map((violation) =>
      [
        `- [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})`,
        ...violation.nodes.map(
          (node) => `    at ${node.target}\n      ${node.html}\n      ${node.failureSummary}`,
        ),
      ].join('\n'),
    )
    .join('\n');
}

/** Throws with a readable list when axe finds serious or critical violations. */
export async function expectNoA11yViolations(page: Page, options: A11yOptions = {}) {
  const violations = await axeViolations(page, options);
  if (violations.length > 0) {
    throw new Error(
      `${violations.length} accessibility violation(s) on ${page.url()}:\n` +
        formatViolations(violations),
    );
  }
}
