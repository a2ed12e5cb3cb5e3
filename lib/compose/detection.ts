/**
 * The detection stylesheet and the test-only "scan finished" event name: shared by the background
 * (which injects the stylesheet with scripting.insertCSS) and the content script
 * (./page/detect.ts, which listens for the animation it starts). See ./page/detect.ts for how
 * detection works.
 */
/** Every adapter's `candidates` must match this (tests/unit/compose/adapters.test.ts). */
export const DETECTION_SELECTOR = "div[contenteditable='true'][role='textbox']";

/** The detection stylesheet for an install's token: the animation changes nothing visible. */
export function detectionCss(token: string): string {
  return (
    `@keyframes ${token} { from { --${token}: 0; } to { --${token}: 1; } }\n` +
    `${DETECTION_SELECTOR} { animation: 1ms ${token}; }\n`
  );
}

/**
 * Test builds only (`__TEST_HOOKS__`): dispatched on the document, with no data but which look it
 * was ('start' or 'focus'), when the start-up scan or a focus look has finished (buttons placed,
 * if any): the positive signal the e2e tests wait for before they check that a page got nothing
 * from us. Production builds dispatch nothing, so a page learns nothing from it.
 */
export function scannedEvent(token: string): string {
  return `${token}-scanned`;
}
