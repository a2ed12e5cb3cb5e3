// @vitest-environment happy-dom
/**
 * The host adapters on DOM structures modelled on the real hosts: each finds the real editor and
 * never the look-alikes (Gmail's hidden twin, Outlook's recipient fields and reading pane).
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { detectionCss } from '../../../lib/compose/detection';
import { genericAdapter } from '../../../lib/compose/page/adapters/generic';
import { gmailAdapter } from '../../../lib/compose/page/adapters/gmail';
import { MAIL_HOSTS } from '../../../lib/compose/hosts';
import { outlookAdapter } from '../../../lib/compose/page/adapters/outlook';
import { adapterForHost } from '../../../lib/compose/page/adapters/registry';
import { needsShared } from '../../support/shared';
import { DETECTION_SELECTOR } from '../../../lib/compose/detection';
import {
  gmailCompose,
  gmailGeminiPrompt,
  hashClassNames,
  loneTextbox,
  outlookCompose,
  outlookSignatureEditor,
  readingPaneBody,
  setSize,
} from './dom';

afterEach(() => {
  document.body.replaceChildren();
});

describe('Gmail adapter', () => {
  it('finds the g_editable editor, also from a node inside it', () => {
    const { editor } = gmailCompose();
    const inner = document.createElement('p');
    editor.append(inner);
    expect(gmailAdapter.editorFor(editor)).toBe(editor);
    expect(gmailAdapter.editorFor(inner)).toBe(editor);
  });

  it('never takes the hidden twin labelled "Message Body", the recipients or the subject', () => {
    const { twin, to, subject } = gmailCompose();
    expect(gmailAdapter.editorFor(twin)).toBeNull();
    expect(gmailAdapter.editorFor(to)).toBeNull();
    expect(gmailAdapter.editorFor(subject)).toBeNull();
  });

  it('ignores a g_editable field outside a compose (the signature editor in Settings)', () => {
    const signature = loneTextbox({ g_editable: 'true' });
    expect(gmailAdapter.editorFor(signature)).toBeNull();
  });

  it('never takes the "Help me write" (Ask Gemini) prompt in its own dialog in the compose', () => {
    const { root, editor, subject } = gmailCompose();
    const prompt = gmailGeminiPrompt(root);
    expect(gmailAdapter.editorFor(prompt)).toBeNull();
    expect(gmailAdapter.editorFor(editor)).toBe(editor);
    expect(gmailAdapter.subjectFor(editor)).toBe(subject);
  });

  it('works the same with hashed class names (Ht-<hash>): no selector uses a class', () => {
    const { root, editor, subject, twin, to } = gmailCompose();
    hashClassNames(root);
    expect(editor.className).toMatch(/^Ht-\w+ Ht-\w+ Ht-\w+$/);
    expect(gmailAdapter.editorFor(editor)).toBe(editor);
    expect(gmailAdapter.subjectFor(editor)).toBe(subject);
    for (const other of [twin, to, subject]) expect(gmailAdapter.editorFor(other)).toBeNull();
    for (const selector of [gmailAdapter.candidates, DETECTION_SELECTOR])
      expect(selector).not.toMatch(/\.[A-Za-z_-]/);
  });

  it("gives each editor its own compose's subject when several are open", () => {
    const first = gmailCompose({ subject: 'one' });
    const second = gmailCompose({ subject: 'two' });
    expect(gmailAdapter.subjectFor(first.editor)).toBe(first.subject);
    expect(gmailAdapter.subjectFor(second.editor)).toBe(second.subject);
  });

  const capture = needsShared('fixtures/gmail/compose-new-message-2020.html');
  it.skipIf(capture.skip)(
    capture.title('finds exactly the real editor in the captured 2020 compose'),
    () => {
      document.body.innerHTML = readFileSync(capture.path, 'utf8');
      const found = new Set(
        Array.from(document.querySelectorAll('*'))
          .map((element) => gmailAdapter.editorFor(element))
          .filter(Boolean),
      );
      expect([...found].map((editor) => editor!.id)).toEqual([':8o']);
      expect(gmailAdapter.subjectFor([...found][0]!)?.id).toBe(':7j');
    },
  );
});

describe('Outlook adapter', () => {
  it('finds the message body, not the To and Cc people pickers', () => {
    const { body, to, cc, subject } = outlookCompose();
    expect(outlookAdapter.editorFor(body)).toBe(body);
    expect(outlookAdapter.editorFor(to)).toBeNull();
    expect(outlookAdapter.editorFor(cc)).toBeNull();
    expect(outlookAdapter.subjectFor(body)).toBe(subject);
  });

  it("never takes the signature editor in Settings (the body's shape, but no recipients)", () => {
    const { body } = outlookSignatureEditor();
    expect(outlookAdapter.editorFor(body)).toBeNull();
    expect(outlookAdapter.subjectFor(body)).toBeNull();
  });

  it("never takes the reading pane's read-only message body", () => {
    const read = readingPaneBody();
    expect(outlookAdapter.editorFor(read)).toBeNull();
  });

  it('an inline reply has no subject field of its own', () => {
    const { body } = outlookCompose({ inline: true });
    expect(outlookAdapter.editorFor(body)).toBe(body);
    expect(outlookAdapter.subjectFor(body)).toBeNull();
  });

  it('ignores a lone editable with no compose around it, and single-line textboxes', () => {
    const lone = loneTextbox({ 'aria-multiline': 'true' });
    expect(outlookAdapter.editorFor(lone)).toBeNull();
    const { body } = outlookCompose();
    body.removeAttribute('aria-multiline');
    expect(outlookAdapter.editorFor(body)).toBeNull();
  });
});

describe('generic adapter (context menu, keyboard command)', () => {
  it('takes a visible textarea, text input or editing host, and not read-only ones', () => {
    const area = document.createElement('textarea');
    const input = document.createElement('input');
    const readOnly = document.createElement('textarea');
    readOnly.readOnly = true;
    const rich = document.createElement('div');
    rich.contentEditable = 'true';
    const inner = document.createElement('span');
    rich.append(inner);
    document.body.append(area, input, readOnly, rich);
    for (const element of [area, input, readOnly, rich]) setSize(element, 300, 100);
    expect(genericAdapter.editorFor(area)).toBe(area);
    expect(genericAdapter.editorFor(input)).toBe(input);
    expect(genericAdapter.editorFor(readOnly)).toBeNull();
    expect(genericAdapter.editorFor(inner)).toBe(rich);
  });

  it("treats a canvas editor's tiny off-screen editable as nothing to insert into", () => {
    const target = document.createElement('div');
    target.contentEditable = 'true';
    document.body.append(target);
    setSize(target, 1, 1);
    expect(genericAdapter.editorFor(target)).toBeNull();
  });

  it('never suggests anything on a page of its own (no start-up scan)', () => {
    expect(genericAdapter.candidates).toBe('');
    expect(genericAdapter.subjectFor(document.createElement('textarea'))).toBeNull();
  });
});

describe('registry and detection stylesheet', () => {
  it('chooses the adapter by host name', () => {
    expect(adapterForHost('mail.google.com')).toBe(gmailAdapter);
    for (const host of [
      'outlook.office.com',
      'outlook.office365.com',
      'outlook.live.com',
      'OUTLOOK.CLOUD.MICROSOFT',
    ])
      expect(adapterForHost(host)).toBe(outlookAdapter);
    expect(adapterForHost('example.com')).toBe(genericAdapter);
    expect(MAIL_HOSTS.map(adapterForHost)).not.toContain(genericAdapter);
  });

  it("animates every adapter's candidate editors, with the keyframes the script listens for", () => {
    const token = 'qwertyuiopas';
    const css = detectionCss(token);
    expect(css).toContain(`@keyframes ${token} `);
    const rule = /\n([^@{}\n][^{}]*)\{\s*animation:\s*1ms\s+([\w-]+);/.exec(css);
    expect(rule?.[2]).toBe(token);
    // Nothing in it names the tool.
    expect(css).not.toMatch(/iep|advocate/i);
    const selector = rule![1]!.trim();
    const { editor } = gmailCompose();
    const { body } = outlookCompose();
    expect(editor.matches(gmailAdapter.candidates) && editor.matches(selector)).toBe(true);
    expect(body.matches(outlookAdapter.candidates) && body.matches(selector)).toBe(true);
  });
});
