/**
 * The letter page's address: letter.html?student=<id>&kind=<kind>, ?letter=<id> to reopen a
 * saved letter, &service=<id> for the one service a draft is about (from a gap card),
 * &dates=<d1>,<d2>,… for the periods with no record a records request asks about
 * (lib/ui/letter-links), and &about=<id> for the sent letter a follow-up is about.
 */
import { NO_RECORD_PERIODS_INPUT, noRecordPeriodsInput } from '../../lib/ui/letter-links';

export interface LetterParams {
  student: string | null;
  kind: string | null;
  letter: string | null;
  /** The one service the draft is about. */
  service: string | null;
  /** Draft inputs carried by the link: noRecordPeriods from ?dates, letter from ?about. */
  inputs: Record<string, string>;
}

export function readLetterParams(search: string): LetterParams {
  const query = new URLSearchParams(search);
  const inputs: Record<string, string> = {};
  const noRecordPeriods = noRecordPeriodsInput(query.get('dates'));
  if (noRecordPeriods) inputs[NO_RECORD_PERIODS_INPUT] = noRecordPeriods;
  // A sent letter to follow up: the follow-up kind's "letter" input.
  const about = query.get('about');
  if (about) inputs.letter = about;
  return {
    student: query.get('student'),
    kind: query.get('kind'),
    letter: query.get('letter'),
    service: query.get('service'),
    inputs,
  };
}
