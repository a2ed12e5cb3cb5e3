// @vitest-environment happy-dom
/** Typed citation shortcuts: ";pwn" then Space or Tab, expanded through the background. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handleShortcutKey, tokenBeforeCaret } from '../../../lib/compose/page/shortcuts';
import { expandShortcut } from '../../../lib/drafts/citations';

afterEach(() => document.body.replaceChildren());

function field(value: string, caret = value.length) {
  const area = document.createElement('textarea');
  area.value = value;
  document.body.append(area);
  area.focus();
  area.setSelectionRange(caret, caret);
  return area;
}

const key = (name: string, extra: KeyboardEventInit = {}) =>
  new KeyboardEvent('keydown', { key: name, cancelable: true, ...extra });
const expand = vi.fn(async (text: string) => expandShortcut(text));

describe('shortcut token', () => {
  it.each([
    ['See ;pwn', ';pwn'],
    [';iee+', ';iee+'],
    ['(;records', ';records'],
    ['x;pwn', null],
    ['See ;p', null],
    ['See ;pwn ', null],
  ])('%j → %j', (text, token) => {
    expect(tokenBeforeCaret(field(text))?.token ?? null).toBe(token);
  });

  it('finds the token in a rich editor and gives its range', () => {
    const editor = document.createElement('div');
    editor.contentEditable = 'true';
    editor.textContent = 'Per ;amend';
    document.body.append(editor);
    getSelection()!.collapse(editor.firstChild!, 10);
    const found = tokenBeforeCaret(editor)!;
    expect(found.token).toBe(';amend');
    expect(found.range!.toString()).toBe(';amend');
  });
});

describe('expanding', () => {
  it('Space: the typed space stays and the caret ends after it', async () => {
    const area = field('See ;pwn');
    const event = key(' ');
    const done = handleShortcutKey(event, area, expand);
    // The browser types the space while the background answers.
    area.setRangeText(' ', 8, 8, 'end');
    area.setSelectionRange(9, 9);
    expect(await done).toBe(true);
    expect(event.defaultPrevented).toBe(false);
    expect(area.value).toBe('See 34 C.F.R. § 300.503 ');
    expect(area.selectionStart).toBe(area.value.length);
  });

  it('Tab expands instead of leaving the field, and adds the meaning with "+"', async () => {
    const area = field('Under ;iee+');
    const event = key('Tab');
    expect(await handleShortcutKey(event, area, expand)).toBe(true);
    expect(event.defaultPrevented).toBe(true);
    expect(area.value).toBe(`Under ${expandShortcut(';iee+')}`);
    expect(area.value).toMatch(/^Under 34 C\.F\.R\. § 300\.502\(b\) \(.+\)$/);
  });

  it('leaves Tab alone when no shortcut is before the caret, and ignores other keys', async () => {
    const area = field('Hello');
    const tab = key('Tab');
    expect(await handleShortcutKey(tab, area, expand)).toBe(false);
    expect(tab.defaultPrevented).toBe(false);
    expect(await handleShortcutKey(key('a'), field('x ;pwn'), expand)).toBe(false);
    expect(await handleShortcutKey(key(' ', { ctrlKey: true }), field('x ;pwn'), expand)).toBe(
      false,
    );
  });

  it('an unknown shortcut changes nothing', async () => {
    const area = field('See ;nothing');
    expect(await handleShortcutKey(key(' '), area, expand)).toBe(false);
    expect(area.value).toBe('See ;nothing');
  });

  it('text edited while the background answered is left as the user made it', async () => {
    const area = field('See ;pwn');
    const done = handleShortcutKey(key(' '), area, expand);
    area.value = 'See ;pw';
    await done;
    expect(area.value).toBe('See ;pw');
  });
});
