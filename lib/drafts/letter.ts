/**
 * Wraps a kind's parts into the three forms: the paragraph, the e-mail message (greeting,
 * body, closing, signature) and the printable document (date line, addresses, "Re:" line,
 * signature line). The OPI address is the one in the project's reference.
 */
import {
  blocks,
  collectMarkers,
  inlineText,
  lines,
  marker,
  p,
  strong,
  toHtml,
  toText,
  type Block,
  type Inline,
} from './blocks';
import { OPI_ADDRESS_LINES } from './opi';
import { childName, directorName, districtName, parentName } from './facts';
import type { DraftContext, DraftForm, DraftKind, DraftParts, RenderedDraft } from './types';
import { longDate } from './words';

const DIRECTOR_TITLE = 'Special Education Director';

function addressLines(address: string): Inline[][] {
  return address
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => [line]);
}

/** The parent's address, phone and e-mail lines; when required, gaps become markers. */
function contactLines(ctx: DraftContext, required: boolean): Inline[][] {
  const { address, phone, email } = ctx.profile;
  const line = (value: string, what: string): Inline[] =>
    value.trim() ? [value.trim()] : required ? [marker(what)] : [];
  const addressPart = address.trim() ? addressLines(address) : [line('', 'your mailing address')];
  return [...addressPart, line(phone, 'your phone number'), line(email, 'your e-mail address')];
}

function greeting(ctx: DraftContext, parts: DraftParts): Block {
  return parts.recipient === 'opi'
    ? p('To the Office of Public Instruction, Dispute Resolution:')
    : p('Dear ', directorName(ctx), ',');
}

function copyLine(ctx: DraftContext, parts: DraftParts): Block | null {
  if (parts.recipient !== 'opi') return null;
  return p('cc: ', directorName(ctx), ', ', DIRECTOR_TITLE, ', ', districtName(ctx));
}

/** The closing; a complaint's body already lists the complainant's contact information. */
function messageSignature(ctx: DraftContext, parts: DraftParts): Block[] {
  const contact = parts.recipient === 'opi' ? [] : contactLines(ctx, false);
  return [p('Sincerely,'), p(lines([parentName(ctx)], ['Parent of ', childName(ctx)], ...contact))];
}

function documentHeader(ctx: DraftContext, parts: DraftParts): Block[] {
  const recipient =
    parts.recipient === 'opi'
      ? OPI_ADDRESS_LINES.map((line) => [line])
      : [[directorName(ctx)], [DIRECTOR_TITLE], [districtName(ctx)]];
  return [
    p(longDate(ctx.today)),
    p(lines([parentName(ctx)], ...contactLines(ctx, true))),
    p(lines(...recipient)),
    p(strong('Re: ', parts.subject)),
  ];
}

/** A signature line; a complaint must be signed, so it also gets a line for the date. */
function documentSignature(ctx: DraftContext, parts: DraftParts): Block[] {
  return [
    p('Sincerely,'),
    p(
      lines(
        ['______________________________'],
        [parentName(ctx)],
        ['Parent of ', childName(ctx)],
        parts.recipient === 'opi' ? ['Date signed: ______________'] : [],
      ),
    ),
  ];
}

/** The blocks of one form. */
export function formBlocks(ctx: DraftContext, parts: DraftParts, form: DraftForm): Block[] {
  switch (form) {
    case 'paragraph':
      return parts.paragraph;
    case 'message':
      return blocks(
        greeting(ctx, parts),
        parts.body,
        messageSignature(ctx, parts),
        copyLine(ctx, parts),
      );
    case 'document':
      return blocks(
        documentHeader(ctx, parts),
        greeting(ctx, parts),
        parts.body,
        documentSignature(ctx, parts),
        copyLine(ctx, parts),
      );
  }
}

export function renderParts(kind: DraftKind, ctx: DraftContext, form: DraftForm): RenderedDraft {
  const rendered = kind.render(ctx);
  const parts =
    form === 'message' && rendered.messageParts
      ? { ...rendered, ...rendered.messageParts }
      : rendered;
  const content = formBlocks(ctx, parts, form);
  return {
    kind: kind.id,
    form,
    subject: inlineText(parts.subject),
    text: toText(content),
    html: toHtml(content),
    markers: collectMarkers(content, parts.subject),
    notes: parts.notes,
    blocks: content,
  };
}
