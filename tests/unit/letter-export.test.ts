// @vitest-environment happy-dom
/**
 * What leaves and enters the letter editor (lib/letter-export/index.ts): the allow-list cleaner
 * and the plain-text form, which must read like lib/drafts' own text form.
 */
import { describe, expect, it } from 'vitest';
import {
  cleanLetterHtml,
  letterDocument,
  letterText,
  replaceWithLetterHtml,
} from '../../lib/letter-export/index';
import { buildDraftContext, draftKinds, renderDraft } from '../../lib/drafts';
import { buildSampleData } from '../../lib/sample';

describe('cleanLetterHtml', () => {
  it('drops scripts, styles, images, links and every attribute', () => {
    const dirty =
      '<p style="color:red" onclick="x()">Hi <a href="https://evil.example">there</a></p>' +
      '<script>alert(1)</script><style>p{}</style><img src=x onerror="alert(1)">' +
      '<form><input value="x"><button>Go</button></form><p class="c" id="i">Bye</p>';
    expect(cleanLetterHtml(dirty)).toBe('<p>Hi there</p><p>Bye</p>');
  });

  it('leaves out <noscript> fallbacks, pictures and rules with what is inside them', () => {
    // Pasted web pages carry these; their text (a "turn on JavaScript" notice) is not the letter's.
    const pasted =
      '<p>Before</p><noscript><p>Enable JavaScript</p></noscript>' +
      '<picture><source srcset="x.webp"><img src="x.png" alt="Logo"></picture><hr><p>After</p>';
    expect(cleanLetterHtml(pasted)).toBe('<p>Before</p><p>After</p>');
  });

  it('keeps the formatting a letter needs, renaming the rest', () => {
    expect(cleanLetterHtml('<div><b>Bold</b> and <i>italic</i> and <u>under</u></div>')).toBe(
      '<p><strong>Bold</strong> and <em>italic</em> and <u>under</u></p>',
    );
    expect(cleanLetterHtml('<ol><li>One<br>two</li></ol><h2>Title</h2>')).toBe(
      '<ol><li>One<br>two</li></ol><p>Title</p>',
    );
    expect(
      cleanLetterHtml(
        '<table border="1"><thead><tr><th>Date</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>',
      ),
    ).toBe(
      '<table><thead><tr><th scope="col">Date</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>',
    );
  });

  it('unwraps the highlight marks and keeps their text', () => {
    expect(cleanLetterHtml('<p>Call <mark>[your phone number]</mark></p>')).toBe(
      '<p>Call [your phone number]</p>',
    );
  });
});

describe('replaceWithLetterHtml', () => {
  it('replaces the region with the parsed letter, without innerHTML and without running anything', () => {
    const region = document.createElement('div');
    region.appendChild(document.createElement('p')).textContent = 'old text';
    replaceWithLetterHtml(region, '<p>Dear <strong>Ms. Lee</strong>,</p><ul><li>one</li></ul>');
    expect(region.innerHTML).toBe('<p>Dear <strong>Ms. Lee</strong>,</p><ul><li>one</li></ul>');
    // Parsed inert: an event handler that slipped through would not run on insertion.
    replaceWithLetterHtml(region, '<img src="x" onerror="globalThis.__ran = true">');
    expect((globalThis as { __ran?: boolean }).__ran).toBeUndefined();
  });
});

describe('letterText', () => {
  it('reads every draft kind exactly as the draft library writes its text', () => {
    const today = '2026-11-27';
    const sample = buildSampleData(today);
    const ctx = buildDraftContext({
      student: sample.students[0]!,
      profile: sample.profile,
      calendar: sample.calendar,
      services: sample.services,
      sessions: sample.sessions,
      letters: sample.letters,
      today,
    });
    for (const kind of draftKinds) {
      for (const form of ['message', 'document'] as const) {
        const draft = renderDraft(kind.id, ctx, form);
        expect(letterText(cleanLetterHtml(draft.html)), `${kind.id} ${form}`).toBe(draft.text);
      }
    }
  });

  it('separates loose text and blocks with a blank line', () => {
    expect(letterText('Dear Ms. Lee,<p>First.</p><ul><li>a</li><li>b</li></ul>')).toBe(
      'Dear Ms. Lee,\n\nFirst.\n\n- a\n- b',
    );
  });
});

describe('letterDocument', () => {
  it('is a standalone page with the print styles and an escaped title', () => {
    const page = letterDocument('Re: <script> & more', '<p>Body</p>');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<title>Re: &lt;script&gt; &amp; more</title>');
    expect(page).toContain('thead { display: table-header-group; }');
    expect(page).toContain('<p>Body</p>');
  });
});
