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
