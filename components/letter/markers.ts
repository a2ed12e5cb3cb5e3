/**
 * Fill-in markers ("[date of the evaluation]") in the letter editor: where they are, flagged with
 * the CSS Custom Highlight API (no change to the text the user edits, so the caret never jumps),
 * or, where that API is missing, by wrapping them in <mark> once when the draft is inserted.
 */

/** Ranges of each marker's occurrences in the editor's text nodes, in document order. */
export function markerRanges(root: HTMLElement, markers: readonly string[]): Map<string, Range[]> {
  const found = new Map<string, Range[]>();
  if (markers.length === 0) return found;
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    if (!text.includes('[')) continue;
    for (const marker of markers) {
      for (
        let at = text.indexOf(marker);
        at !== -1;
        at = text.indexOf(marker, at + marker.length)
      ) {
        const range = root.ownerDocument.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + marker.length);
        const list = found.get(marker) ?? [];
        list.push(range);
        found.set(marker, list);
      }
    }
  }
  return found;
}

const HIGHLIGHT_NAME = 'fill-in';

export function supportsHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

/** Flags the markers still in the editor; returns the ones found, in the draft's order. */
export function highlightMarkers(root: HTMLElement, markers: readonly string[]): string[] {
  const found = markerRanges(root, markers);
  if (supportsHighlights()) {
    const ranges = [...found.values()].flat();
    if (ranges.length > 0) CSS.highlights.set(HIGHLIGHT_NAME, new Highlight(...ranges));
    else CSS.highlights.delete(HIGHLIGHT_NAME);
  }
  return markers.filter((marker) => found.has(marker));
}

/** For browsers without the Highlight API: wraps each marker in <mark> in the inserted HTML. */
export function markMarkersInHtml(html: string, markers: readonly string[]): string {
  if (supportsHighlights() || markers.length === 0) return html;
  let out = html;
  for (const marker of markers) {
    const escaped = marker.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    out = out.split(escaped).join(`<mark>${escaped}</mark>`);
  }
  return out;
}

/** Selects a marker's first occurrence in the editor, so typing replaces it. */
export function selectMarker(root: HTMLElement, marker: string): boolean {
  const range = markerRanges(root, [marker]).get(marker)?.[0];
  if (!range) return false;
  root.focus();
  const selection = root.ownerDocument.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  return true;
}
