// @vitest-environment happy-dom
/**
 * Building a draft's DOM without parsing HTML, and the insertion fallbacks chosen by what the
 * editor does (its own paste pipeline, the editing command, a Range with input events).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubExecCommand } from '../../support/exec-command';
import { restoreCaret, currentCaret } from '../../../lib/compose/page/caret';
import { buildFragment, fragmentHtml } from '../../../lib/compose/fragment';
import { insertIntoEditor } from '../../../lib/compose/page/insert';
import { fillSubjectIfEmpty } from '../../../lib/compose/page/subject';
import type { Block } from '../../../lib/drafts/blocks';

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

const HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
const blocks: Block[] = [
  { type: 'p', content: ['Speech: ', { type: 'strong', content: ['240 minutes'] }, ' missed.'] },
  { type: 'ul', items: [['one'], [HOSTILE]] },
  { type: 'table', head: ['Date', 'Minutes'], rows: [[['2027-02-01'], ['30']]] },
  {
    type: 'p',
    content: [
      'Evaluation on ',
      { type: 'marker', need: 'date of the evaluation' },
      { type: 'br' },
      'Thanks',
    ],
  },
];

describe('draft fragment', () => {
  it('builds paragraphs, lists, the table and fill-ins as elements, never parsing strings', () => {
    const fragment = buildFragment(document, blocks, '');
    const holder = document.createElement('div');
    holder.append(fragment);
    expect(Array.from(holder.children, (c) => c.localName)).toEqual(['p', 'ul', 'table', 'p']);
    expect(holder.querySelector('img, script')).toBeNull();
    expect(holder.querySelectorAll('li')[1]!.textContent).toBe(HOSTILE);
    expect(holder.querySelectorAll('tbody tr')).toHaveLength(1);
    expect(holder.querySelector('p:last-child strong')!.textContent).toBe(
      '[date of the evaluation]',
    );
    expect(holder.querySelector('p:last-child br')).not.toBeNull();
  });

  it('serialises with every page-supplied string escaped', () => {
    const html = fragmentHtml(document, buildFragment(document, blocks, ''));
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror="alert(1)"&gt;');
  });

  it('plain text (a citation) becomes text with line breaks', () => {
    const holder = document.createElement('div');
    holder.append(buildFragment(document, [], 'a\nb'));
    expect(holder.innerHTML).toBe('a<br>b');
  });
});

function richEditor(text = 'Hello ') {
  const editor = document.createElement('div');
  editor.contentEditable = 'true';
  editor.textContent = text;
  document.body.append(editor);
  editor.focus();
  const range = document.createRange();
  range.setStart(editor.firstChild!, text.length);
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(range);
  return editor;
}

/** happy-dom has no execCommand: stands in for the browser's insertHTML on `editor`. */
function standInForInsertHTML(editor: HTMLElement) {
  const exec = vi.fn((command: string, _ui: boolean, value: string) => {
    if (command === 'insertHTML') editor.append(value);
    return true;
  });
  stubExecCommand(exec);
  return exec;
}

describe('insertion', () => {
  it('an editor with its own paste pipeline gets a paste carrying HTML and text', async () => {
    const editor = richEditor();
    const seen: string[] = [];
    editor.addEventListener('paste', (event) => {
      event.preventDefault();
      const data = (event as ClipboardEvent).clipboardData!;
      seen.push(data.getData('text/plain'), data.getData('text/html'));
      // Like RoosterJS: insert a moment later, through its own model.
      setTimeout(() => editor.append(data.getData('text/plain')), 10);
    });
    const method = await insertIntoEditor(editor, { text: 'Plain words', blocks });
    expect(method).toBe('paste');
    // The caret ends a line with text: the draft starts on a new line (tests/unit/compose/new-line).
    expect(seen[0]).toBe('\nPlain words');
    expect(seen[1]).toContain('<table');
    expect(editor.textContent).toBe('Hello \nPlain words');
  });

  it('where a constructed paste loses its data (Firefox), no paste is sent: the command inserts', async () => {
    const editor = richEditor();
    // Firefox gives a constructed ClipboardEvent a new, empty clipboardData.
    const Native = globalThis.ClipboardEvent;
    vi.stubGlobal(
      'ClipboardEvent',
      class extends Native {
        constructor(type: string, init: ClipboardEventInit = {}) {
          super(type, { ...init, clipboardData: new DataTransfer() });
        }
      },
    );
    const pastes = vi.fn((event: Event) => event.preventDefault()); // Would swallow it (RoosterJS).
    editor.addEventListener('paste', pastes);
    const exec = standInForInsertHTML(editor);
    expect(await insertIntoEditor(editor, { text: 'x', blocks: blocks.slice(0, 1) })).toBe(
      'insertHTML',
    );
    expect(pastes).not.toHaveBeenCalled();
    expect(exec).toHaveBeenCalledWith('insertHTML', false, expect.stringContaining('240 minutes'));
    vi.unstubAllGlobals();
  });

  it('without a paste handler, the editing command; failing that, a Range and input events', async () => {
    const editor = richEditor();
    const inputs: string[] = [];
    editor.addEventListener('input', (event) => inputs.push((event as InputEvent).inputType));
    // happy-dom has no editing commands: the Range fallback runs and announces the change.
    const method = await insertIntoEditor(editor, { text: 'x', blocks: blocks.slice(0, 1) });
    expect(method).toBe('range');
    expect(editor.innerHTML).toBe('Hello <br><p>Speech: <strong>240 minutes</strong> missed.</p>');
    expect(inputs).toEqual(['insertFromPaste']);
  });

  it('uses insertHTML when the browser does the edit', async () => {
    const editor = richEditor();
    const exec = standInForInsertHTML(editor);
    expect(await insertIntoEditor(editor, { text: 'x', blocks: blocks.slice(0, 1) })).toBe(
      'insertHTML',
    );
    expect(exec).toHaveBeenCalledWith(
      'insertHTML',
      false,
      expect.stringContaining('<strong>240 minutes</strong>'),
    );
  });

  it('text fields get plain text at the caret, replacing the selection', async () => {
    const field = document.createElement('textarea');
    field.value = 'Dear Director, XX thanks';
    document.body.append(field);
    field.focus();
    field.setSelectionRange(15, 17);
    const inputs: string[] = [];
    field.addEventListener('input', (event) => inputs.push((event as InputEvent).inputType));
    expect(await insertIntoEditor(field, { text: 'the logs', blocks })).toBe('value');
    expect(field.value).toBe('Dear Director, the logs thanks');
    expect(inputs).toEqual(['insertText']);
  });
});

describe('caret', () => {
  it('puts the caret back where it was, or at the end when its place is gone', () => {
    const editor = richEditor('Hello world');
    const range = document.createRange();
    range.setStart(editor.firstChild!, 5);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    const caret = currentCaret(editor);
    getSelection()!.removeAllRanges();
    restoreCaret(editor, caret);
    expect(getSelection()!.getRangeAt(0).startOffset).toBe(5);
    editor.replaceChildren('New text');
    restoreCaret(editor, caret);
    const end = getSelection()!.getRangeAt(0);
    expect([end.startContainer, end.startOffset]).toEqual([editor, 1]);
  });

  it('remembers nothing when the selection is outside the editor', () => {
    const editor = richEditor('Hello');
    const other = document.createElement('p');
    other.textContent = 'elsewhere';
    document.body.append(other);
    getSelection()!.selectAllChildren(other);
    expect(currentCaret(editor)).toBeNull();
  });
});

describe('subject', () => {
  it('fills only an empty subject, announcing it with input and change', () => {
    const subject = document.createElement('input');
    const events: string[] = [];
    subject.addEventListener('input', () => events.push('input'));
    subject.addEventListener('change', () => events.push('change'));
    expect(fillSubjectIfEmpty(subject, 'Missed speech therapy')).toBe(true);
    expect(subject.value).toBe('Missed speech therapy');
    expect(events).toEqual(['input', 'change']);
    expect(fillSubjectIfEmpty(subject, 'Other')).toBe(false);
    expect(subject.value).toBe('Missed speech therapy');
    expect(fillSubjectIfEmpty(null, 'x')).toBe(false);
  });
});
