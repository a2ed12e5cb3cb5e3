/** Input fields several kinds share, and the sentence each one becomes in a letter. */
import { p, type Paragraph } from './blocks';
import { inputSentences } from './facts';
import type { DraftContext, InputField } from './types';

/** A choice among the student's services. */
export function serviceInput(
  label: string,
  required: boolean,
  help = 'Pick the service from the IEP.',
): InputField {
  return { id: 'service', label, type: 'service', required, help };
}

/** What the school has said so far, in the parent's words. */
export function toldSoFarInput(example: string): InputField {
  return {
    id: 'toldSoFar',
    label: 'What the school told you (optional)',
    type: 'textarea',
    required: false,
    help: `For example: "${example}"`,
  };
}

/** "What I have been told so far: …", or null when the field is empty. */
export function toldSoFarBlock(ctx: DraftContext): Paragraph | null {
  const told = inputSentences(ctx, 'toldSoFar');
  return told ? p('What I have been told so far: ', told) : null;
}

/** The date a provider stopped coming; the draft falls back to the first vacancy in the log. */
export function vacancySinceInput(label: string): InputField {
  return {
    id: 'since',
    label,
    type: 'date',
    required: false,
    help: 'If you leave it empty, the draft uses the first session logged as missed for a vacancy.',
  };
}

/** A choice among fixed options, given as value → label in the order shown. */
export function selectInput(
  id: string,
  label: string,
  help: string,
  options: Readonly<Record<string, string>>,
  required = false,
): InputField {
  return {
    id,
    label,
    type: 'select',
    required,
    help,
    options: Object.entries(options).map(([value, text]) => ({ value, label: text })),
  };
}
