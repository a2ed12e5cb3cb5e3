/**
 * Who embeds the picker. The background says which page origin opened the picker's session;
 * Chrome tells the picker who its parent really is (`location.ancestorOrigins`). If they differ,
 * another page framed picker.html (with a nonce it should never have had) and the picker shows
 * nothing. Firefox has no ancestorOrigins: there the session's tab and frame are what is checked
 * (lib/compose/background), and every install has its own moz-extension:// address.
 */
export function embeddedBy(
  ancestorOrigins: { readonly length: number; readonly [index: number]: string } | undefined,
  pageOrigin: string,
): boolean {
  if (!ancestorOrigins) return true;
  return ancestorOrigins.length > 0 && ancestorOrigins[0] === pageOrigin;
}
