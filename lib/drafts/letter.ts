/**
 * Wraps a kind's parts into the three forms: the paragraph, the e-mail message (greeting,
 * body, closing, signature) and the printable document (date line, addresses, "Re:" line,
 * signature line). The OPI address is the one in the project's reference. The parts every
 * letter to the district gets whatever its kind (record request, Enclosures, cc) are in ./common.
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
import { ccBlock, enclosuresBlock, recordRequestBlock } from './common';
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

/** The name a letter to a named person is addressed to. */
function addresseeName(parts: DraftParts): Inline {
  return parts.addressee?.name ?? marker('name of the person you are writing to');
}

function greeting(ctx: DraftContext, parts: DraftParts): Block {
  switch (parts.recipient) {
    case 'opi':
      return p('To the Office of Public Instruction, Dispute Resolution:');
    case 'person':
      return p('Dear ', addresseeName(parts), ',');
    case 'district':
      return p('Dear ', directorName(ctx), ',');
  }
}

/** The address block of the printed letter. */
function recipientLines(ctx: DraftContext, parts: DraftParts): Inline[][] {
  switch (parts.recipient) {
    case 'opi':
      return OPI_ADDRESS_LINES.map((line) => [line]);
    case 'person':
      return [[addresseeName(parts)], ...(parts.addressee?.lines ?? [])];
    case 'district':
      return [[directorName(ctx)], [DIRECTOR_TITLE], [districtName(ctx)]];
  }
}

function copyLine(ctx: DraftContext, parts: DraftParts): Block | null {
  if (parts.recipient !== 'opi') return ccBlock(ctx, parts);
  return p('cc: ', directorName(ctx), ', ', DIRECTOR_TITLE, ', ', districtName(ctx));
}

/** The closing; a complaint's body already lists the complainant's contact information. */
function messageSignature(ctx: DraftContext, parts: DraftParts): Block[] {
  const contact = parts.recipient === 'opi' ? [] : contactLines(ctx, false);
  return [p('Sincerely,'), p(lines([parentName(ctx)], ['Parent of ', childName(ctx)], ...contact))];
}

function documentHeader(ctx: DraftContext, parts: DraftParts): Block[] {
  return [
    p(longDate(ctx.today)),
    p(lines([parentName(ctx)], ...contactLines(ctx, true))),
    p(lines(...recipientLines(ctx, parts))),
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
        recordRequestBlock(parts),
        messageSignature(ctx, parts),
        enclosuresBlock(ctx, parts),
        copyLine(ctx, parts),
      );
    case 'document':
      return blocks(
        documentHeader(ctx, parts),
        greeting(ctx, parts),
        parts.body,
        recordRequestBlock(parts),
        documentSignature(ctx, parts),
        enclosuresBlock(ctx, parts),
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
    recipient: parts.recipient,
    subject: inlineText(parts.subject),
    text: toText(content),
    html: toHtml(content),
    markers: collectMarkers(content, parts.subject),
    notes: parts.notes,
    blocks: content,
  };
}
