/**
 * What the picker inserts: the forms it offers and the question before a draft with fill-ins
 * left goes out. (The correspondence-log record of an insertion is lib/letter/record.ts, shared
 * with the letter page.) Runs in the picker page (extension origin), never in the content script.
 */

/** The forms the picker offers: a paragraph for the message being written, or all of it. */
export type PickerForm = 'paragraph' | 'message';

/**
 * The question asked before a draft with fill-ins left goes into a message:
 * "2 fill-ins left: [a], [b]. Insert anyway?".
 */
export function fillInsLeftQuestion(markers: readonly string[], action: 'Insert' | 'Copy'): string {
  const count = markers.length === 1 ? '1 fill-in left' : `${markers.length} fill-ins left`;
  return `${count}: ${markers.join(', ')}. ${action} anyway?`;
}
