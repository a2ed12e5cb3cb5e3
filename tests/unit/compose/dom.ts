/**
 * DOM builders for the compose unit tests (happy-dom): the structures the adapters must tell
 * apart, as in tests/fixtures/mail.google.com and tests/fixtures/outlook.office.com.
 */

function el(tag: string, attrs: Record<string, string> = {}, ...children: Node[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/** A Gmail compose: form with recipients and subject, the hidden twin and the real editor. */
export function gmailCompose(options: { subject?: string } = {}) {
  const subject = el('input', { name: 'subjectbox', 'aria-label': 'Subject' }) as HTMLInputElement;
  subject.value = options.subject ?? '';
  const twin = el('textarea', { class: 'Ak', 'aria-label': 'Message Body' });
  const editor = el('div', {
    class: 'Am Al editable',
    contenteditable: 'true',
    role: 'textbox',
    g_editable: 'true',
    'aria-multiline': 'true',
    'aria-label': 'Message Body',
  });
  const to = el('textarea', { name: 'to', 'aria-label': 'To' });
  const root = el(
    'div',
    { role: 'dialog' },
    el(
      'div',
      { role: 'region' },
      el('form', {}, to, el('div', {}, subject)),
      el(
        'table',
        {},
        el(
          'tbody',
          {},
          el(
            'tr',
            {},
            el(
              'td',
              {},
              el('div', { class: 'Ar As' }, twin),
              el('div', { class: 'Ar Au' }, editor),
            ),
          ),
        ),
      ),
    ),
  );
  document.body.append(root);
  return { root, subject, twin, editor, to };
}

/** An Outlook compose: To/Cc people pickers (contenteditable in a combobox), subject, body. */
export function outlookCompose(options: { inline?: boolean } = {}) {
  const well = (label: string) => {
    const input = el('div', {
      contenteditable: 'true',
      role: 'textbox',
      'aria-label': label,
      'aria-autocomplete': 'list',
      'aria-multiline': 'true',
    });
    return { input, box: el('div', { role: 'combobox', 'aria-haspopup': 'listbox' }, input) };
  };
  const to = well('To');
  const cc = well('Cc');
  const subject = options.inline
    ? null
    : (el('input', { type: 'text', 'aria-label': 'Add a subject' }) as HTMLInputElement);
  const body = el('div', {
    contenteditable: 'true',
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': 'Message body, press Alt+F10 to exit',
  });
  const root = el(
    'div',
    { 'data-app-section': 'MailCompose' },
    to.box,
    cc.box,
    ...(subject ? [subject] : []),
    el('div', {}, body),
  );
  document.body.append(root);
  return { root, to: to.input, cc: cc.input, subject, body };
}

/** The reading pane's read-only message body. */
export function readingPaneBody() {
  const body = el(
    'div',
    { role: 'document', 'aria-label': 'Message body' },
    document.createTextNode('Hello.'),
  );
  document.body.append(body);
  return body;
}

/** happy-dom has no layout: give an element a size for visibility checks. */
export function setSize(element: Element, width: number, height: number): void {
  element.getBoundingClientRect = () =>
    ({ x: 0, y: 0, left: 0, top: 0, right: width, bottom: height, width, height }) as DOMRect;
}

/** A contenteditable textbox with no compose around it (a signature editor, a lone field). */
export function loneTextbox(attrs: Record<string, string> = {}): HTMLElement {
  const box = el('div', { contenteditable: 'true', role: 'textbox', ...attrs });
  document.body.append(box);
  return box;
}

/**
 * Outlook's Settings > Email signature: the compose body's shape (a RoosterJS multi-line
 * textbox) beside the signature's name, a toolbar and default-signature dropdowns, but no
 * recipients (tests/fixtures/outlook.office.com/settings.html).
 */
export function outlookSignatureEditor() {
  const body = el('div', {
    contenteditable: 'true',
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': 'Email signature',
  });
  const dropdown = el('div', { role: 'combobox', tabindex: '0', 'aria-haspopup': 'listbox' });
  const root = el(
    'div',
    { role: 'dialog', 'aria-label': 'Settings' },
    el('input', { type: 'text', 'aria-label': 'Edit signature name' }),
    el('div', { role: 'toolbar' }, el('button', { 'aria-haspopup': 'menu' })),
    el('div', {}, body),
    dropdown,
  );
  document.body.append(root);
  return { root, body };
}

/**
 * Gmail's "Help me write" (Ask Gemini) prompt: a multi-line contenteditable textbox in a dialog
 * of its own inside the compose (tests/fixtures/mail.google.com/gmail.js).
 */
export function gmailGeminiPrompt(compose: HTMLElement) {
  const prompt = el('div', {
    contenteditable: 'true',
    role: 'textbox',
    g_editable: 'true',
    'aria-multiline': 'true',
    'aria-label': 'Help me write',
  });
  compose.append(el('div', { role: 'dialog', 'aria-label': 'Help me write' }, prompt));
  return prompt;
}

/** Gives every element under `root` Gmail's hashed class names (`Ht-<hash>`) instead of its own. */
export function hashClassNames(root: Element): void {
  for (const element of [root, ...root.querySelectorAll('*')]) {
    if (!element.hasAttribute('class')) continue;
    const hashed = [...element.classList].map(
      (name) =>
        `Ht-${[...name].reduce((hash, c) => (hash * 31 + c.charCodeAt(0)) >>> 0, 7).toString(36)}`,
    );
    element.setAttribute('class', hashed.join(' '));
  }
}
