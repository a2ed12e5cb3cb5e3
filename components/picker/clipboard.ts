/**
 * Copying a draft where nothing can be inserted (canvas editors such as Google Docs, or no text
 * field). Rich HTML and plain text both go on the clipboard so either kind of editor can paste.
 * The HTML is built by the same safe builder the content script uses (lib/compose/fragment.ts).
 */
import { buildFragment, fragmentHtml } from '../../lib/compose/fragment';
import type { InsertContent } from '../../lib/messaging/protocol';

export async function copyToClipboard(content: InsertContent): Promise<boolean> {
  const html = fragmentHtml(document, buildFragment(document, content.blocks, content.text));
  try {
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob([content.text], { type: 'text/plain' }),
      }),
    ]);
    return true;
  } catch {
    try {
      await navigator.clipboard.writeText(content.text);
      return true;
    } catch {
      return false;
    }
  }
}
