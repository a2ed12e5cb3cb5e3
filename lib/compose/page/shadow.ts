/**
 * Our elements in the host page: a built-in host element (see ./names.ts) with a closed shadow
 * root, so the page's CSS cannot restyle what is inside and its scripts cannot reach in. Styles
 * go in through a constructed stylesheet, which no page Content-Security-Policy governs; a
 * <style> element is the fallback where constructed sheets cannot be adopted.
 */
export function createShadowHost(
  doc: Document,
  tagName: string,
  token: string,
  css: string,
): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement(tagName);
  host.setAttribute(token, '');
  const root = host.attachShadow({ mode: 'closed' });
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = doc.createElement('style');
    style.textContent = css;
    root.appendChild(style);
  }
  return { host, root };
}

/** Styles that keep the host element itself out of the page's layout. */
export function detachFromLayout(host: HTMLElement): void {
  const style = host.style;
  style.setProperty('all', 'initial', 'important');
  style.setProperty('position', 'absolute', 'important');
  style.setProperty('width', '0', 'important');
  style.setProperty('height', '0', 'important');
  style.setProperty('margin', '0', 'important');
  style.setProperty('padding', '0', 'important');
  style.setProperty('border', '0', 'important');
  style.setProperty('overflow', 'visible', 'important');
}
