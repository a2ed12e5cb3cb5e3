/**
 * Small DOM helpers the host adapters share: finding the compose a field belongs to by walking
 * up to the nearest ancestor that also holds a given kind of element.
 */

/** How far up from an editor a compose's other fields can be (Gmail's subject is ~12 levels up). */
const MAX_DEPTH = 24;

/**
 * The nearest ancestor of `from` (itself excluded) that contains an element matching
 * `selector` and accepted by `accept`, with that element; null when none within MAX_DEPTH.
 * Runs once per editor (results are cached by the caller), so the querySelector per level is
 * affordable: the subtrees near the editor are small.
 */
export function nearestAncestorWith<T extends Element>(
  from: Element,
  selector: string,
  accept: (found: T) => boolean = () => true,
): { root: Element; found: T } | null {
  let ancestor = from.parentElement;
  for (let depth = 0; ancestor && depth < MAX_DEPTH; depth++) {
    for (const found of ancestor.querySelectorAll<T>(selector)) {
      if (found !== from && accept(found)) return { root: ancestor, found };
    }
    if (ancestor === from.ownerDocument.body) break;
    ancestor = ancestor.parentElement;
  }
  return null;
}

/** True when `element` is an editing host that accepts rich text. */
export function isRichEditingHost(element: Element): element is HTMLElement {
  return (
    (element as HTMLElement).isContentEditable === true &&
    element.getAttribute('contenteditable') !== 'false'
  );
}

/**
 * A caching wrapper for per-editor lookups that walk the DOM. Only found results are cached: a
 * compose that is still being built may gain its subject field a moment after its editor.
 */
export function cachedPerElement<K extends Element, V>(
  compute: (key: K) => V | null,
): (key: K) => V | null {
  const cache = new WeakMap<K, V>();
  return (key) => {
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const value = compute(key);
    if (value !== null) cache.set(key, value);
    return value;
  };
}
