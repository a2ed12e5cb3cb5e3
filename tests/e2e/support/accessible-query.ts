/**
 * Finds an element by its role and accessible name in the page itself, for browsers driven over
 * WebDriver BiDi (Firefox). There, Puppeteer's `::-p-aria` asks the browser for its
 * accessibility tree on every poll (`browsingContext.locateNodes` with an accessibility
 * locator), which took 0.2 to 0.7 s per query on the 2-core machine: about half the time of the
 * popup and tracker suites. dom-accessibility-api computes roles and names by the W3C rules
 * (accname, html-aam) in the page in a few ms. Chromium keeps `::-p-aria`, answered from its own
 * accessibility tree over CDP.
 */
import { buildSync } from 'esbuild';
import type { ElementHandle, Frame, Page } from 'puppeteer';

/** The page-side global holding the library (bundled once per run). */
const GLOBAL = '__iepAccessibleName';

let bundled: string | undefined;
/** dom-accessibility-api as one script that sets `globalThis[GLOBAL]`. */
function libraryScript(): string {
  bundled ??= buildSync({
    stdin: {
      contents: `export { computeAccessibleName, getRole, isInaccessible } from 'dom-accessibility-api';`,
      resolveDir: import.meta.dirname,
      loader: 'js',
    },
    bundle: true,
    format: 'iife',
    globalName: 'library',
    platform: 'browser',
    write: false,
  }).outputFiles[0]!.text;
  return `globalThis.${GLOBAL} = (() => { ${bundled}; return library; })();`;
}

/** Answered by the page when its document has no copy of the library (a new or reloaded page). */
const NEEDS_LIBRARY = 'needs-library';

export async function waitForAccessibleElement(
  scope: Page | ElementHandle,
  name: string,
  role: string | undefined,
  timeout: number,
): Promise<ElementHandle<HTMLElement>> {
  const frame: Frame = 'mainFrame' in scope ? scope.mainFrame() : scope.frame;
  const root = 'mainFrame' in scope ? null : scope;
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = await frame
      .waitForFunction(
        (
          root: Element | null,
          name: string,
          role: string | null,
          global: string,
          needs: string,
        ) => {
          type Library = {
            computeAccessibleName(element: Element): string;
            getRole(element: Element): string | null;
            isInaccessible(element: Element): boolean;
          };
          const library = (globalThis as unknown as Record<string, Library | undefined>)[global];
          if (!library) return needs;
          const scopeRoot = root ?? document.documentElement;
          const FORM_CONTROLS = new Set(['input', 'select', 'textarea', 'button']);
          for (const element of [scopeRoot, ...scopeRoot.querySelectorAll('*')]) {
            const elementRole = library.getRole(element);
            // With no role asked for, anything with a role answers, and form controls whose type
            // has none in the mapping (a date field): never a <label>, which is not a control.
            const candidate = role
              ? elementRole === role
              : elementRole !== null || FORM_CONTROLS.has(element.localName);
            if (!candidate || library.isInaccessible(element)) continue;
            if (library.computeAccessibleName(element) === name) return element;
          }
          return false;
        },
        { timeout: Math.max(1, deadline - Date.now()), polling: 50 },
        root,
        name,
        role ?? null,
        GLOBAL,
        NEEDS_LIBRARY,
      )
      .catch((error: unknown) => {
        const what = role ? `a ${role} named "${name}"` : `an element named "${name}"`;
        throw new Error(`No ${what} within ${timeout} ms`, { cause: error });
      });
    const element = found.asElement();
    if (element) return element as ElementHandle<HTMLElement>;
    await found.dispose();
    await frame.evaluate(libraryScript());
  }
}
