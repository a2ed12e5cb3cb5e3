// @vitest-environment happy-dom
/**
 * A draft inserted after text on the caret's line starts on a line of its own ("Hello Ms. Holt,"
 * then the paragraph, never "Hello Ms. Holt,My child's IEP…"), in each insertion path.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubExecCommand } from '../../support/exec-command';
import { caretAtEndOfTextLine } from '../../../lib/compose/page/caret';
import { insertIntoEditor } from '../../../lib/compose/page/insert';
import type { Block } from '../../../lib/drafts/blocks';

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

/** An editing host holding `html`, with the caret where `|` was. */
function editorWithCaret(html: string): HTMLElement {
  const editor = document.createElement('div');
  editor.contentEditable = 'true';
  editor.innerHTML = html.replace('|', '<span id="caret"></span>');
  document.body.append(editor);
  const mark = editor.querySelector('#caret')!;
  const range = document.createRange();
  range.setStartBefore(mark);
  mark.remove();
  range.collapse(true);
  editor.focus();
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(range);
  return editor;
}

function textarea(value: string, caret = value.length): HTMLTextAreaElement {
  const field = document.createElement('textarea');
  field.value = value;
  document.body.append(field);
  field.focus();
  field.setSelectionRange(caret, caret);
  return field;
}

describe('caret at the end of a line with text', () => {
  it.each([
    ['Hello Ms. Holt,|', true],
    ['<div>Hello Ms. Holt,|</div>', true],
    ['<div>Hello <b>Ms. Holt,</b>|</div>', true],
    ['<div>Hello Ms. Holt,</div><div>|<br></div>', false],
    ['Hello Ms. Holt,<br>|', false],
    ['<p>Hello</p><p>|</p>', false],
    ['|', false],
    ['<div>&nbsp; |</div>', false],
    ['<div>First</div>Second|', true],
    ['<div><div>Hello</div>|</div>', false],
    ['<div>Hello | Ms. Holt</div>', false],
    ['<div>Hello Ms. Holt,| <br>next</div>', true],
    ['<div>Hello Ms. Holt,|</div><div>next</div>', true],
    // A hint shown in an empty reply (not editable, hidden from screen readers) is not text.
    ['<span contenteditable="false" aria-hidden="true">Press Tab to reply</span>|<br>', false],
    ['<div><span contenteditable="false">Help me write</span>|</div>', false],
    ['<div><span aria-hidden="true">Help me write</span>|<br></div>', false],
    ['<div><span aria-hidden="true">Hint</span>Hello Ms. Holt,|</div>', true],
  ])('%s → %s', (html, expected) => {
    expect(caretAtEndOfTextLine(editorWithCaret(html))).toBe(expected);
  });

  it("in a text field: only the characters of the caret's line count", () => {
    expect(caretAtEndOfTextLine(textarea('Hello Ms. Holt,'))).toBe(true);
    expect(caretAtEndOfTextLine(textarea('Hello Ms. Holt,\n'))).toBe(false);
    expect(caretAtEndOfTextLine(textarea('Hello Ms. Holt,\n  '))).toBe(false);
    expect(caretAtEndOfTextLine(textarea(''))).toBe(false);
    expect(caretAtEndOfTextLine(textarea('Hi\nthere', 2))).toBe(true);
    expect(caretAtEndOfTextLine(textarea('Hi there', 2))).toBe(false);
  });
});

const blocks: Block[] = [{ type: 'p', content: ["My child's IEP"] }];

describe('inserting after text on the line', () => {
  it('a text field gets a line break first', async () => {
    const field = textarea('Hello Ms. Holt,');
    await insertIntoEditor(field, { text: "My child's IEP", blocks });
    expect(field.value).toBe("Hello Ms. Holt,\nMy child's IEP");
  });

  it('a text field on an empty line gets none', async () => {
    const field = textarea('Hello Ms. Holt,\n');
    await insertIntoEditor(field, { text: "My child's IEP", blocks });
    expect(field.value).toBe("Hello Ms. Holt,\nMy child's IEP");
  });

  it('the editing command gets HTML starting with a line break', async () => {
    const editor = editorWithCaret('<div>Hello Ms. Holt,|</div>');
    const exec = vi.fn((command: string, _ui: boolean, value: string) => {
      if (command === 'insertHTML') editor.append(value);
      return true;
    });
    stubExecCommand(exec);
    expect(await insertIntoEditor(editor, { text: "My child's IEP", blocks })).toBe('insertHTML');
    expect(exec).toHaveBeenCalledWith('insertHTML', false, "<br><p>My child's IEP</p>");
  });

  it('a paste pipeline (RoosterJS) gets HTML and text starting with a line break', async () => {
    const editor = editorWithCaret('<div>Hello Ms. Holt,|</div>');
    const seen: string[] = [];
    editor.addEventListener('paste', (event) => {
      event.preventDefault();
      const data = (event as ClipboardEvent).clipboardData!;
      seen.push(data.getData('text/plain'), data.getData('text/html'));
      setTimeout(() => editor.append('x'), 0);
    });
    expect(await insertIntoEditor(editor, { text: "My child's IEP", blocks })).toBe('paste');
    expect(seen).toEqual(["\nMy child's IEP", "<br><p>My child's IEP</p>"]);
  });

  it("after an empty reply's hint the HTML starts with the draft itself", async () => {
    const editor = editorWithCaret(
      '<span contenteditable="false" aria-hidden="true">Press Tab to reply</span>|<br>',
    );
    const exec = vi.fn(() => true);
    stubExecCommand(exec);
    await insertIntoEditor(editor, { text: "My child's IEP", blocks });
    expect(exec).toHaveBeenCalledWith('insertHTML', false, "<p>My child's IEP</p>");
  });

  it('on an empty line the HTML starts with the draft itself', async () => {
    const editor = editorWithCaret('<div>Hello Ms. Holt,</div><div>|<br></div>');
    const exec = vi.fn(() => true);
    stubExecCommand(exec);
    await insertIntoEditor(editor, { text: "My child's IEP", blocks });
    expect(exec).toHaveBeenCalledWith('insertHTML', false, "<p>My child's IEP</p>");
  });
});

it('a citation (text without blocks) goes into the sentence as it is', async () => {
  const field = textarea('See ');
  await insertIntoEditor(field, { text: '34 C.F.R. § 300.503', blocks: [] });
  expect(field.value).toBe('See 34 C.F.R. § 300.503');
});
