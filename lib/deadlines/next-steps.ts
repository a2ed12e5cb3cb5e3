/**
 * What to do when a deadline passes without a logged response. The seed's sequence: put the
 * concern in writing → ask for Prior Written Notice if services were changed, and for a plan to
 * make up the missed minutes → file a state complaint with OPI if the district doesn't respond.
 */
import type { Deadline } from './rules';

export interface NextStep {
  /** The draft kind to write next (lib/drafts id), or null when the step is not a letter. */
  draftKind: string | null;
  /** One plain sentence: what to do and why. */
  text: string;
}

const OPI_PHONE = '(406) 444-2046';

/** A step: the draft to write next (null when the step is not a letter) and what to do. */
function step(draftKind: string | null, text: string): NextStep {
  return { draftKind, text };
}

const makeUpPlan = step(
  'compensatory-services',
  'Ask in writing for a plan to make up the missed minutes: when, by whom and how.',
);
const priorWrittenNotice = step(
  'pwn-request',
  'If a service was cut or changed without an IEP meeting, ask for Prior Written Notice.',
);
const stateComplaint = step(
  'state-complaint',
  "File a state complaint with OPI: the district's silence is part of the facts.",
);
const meetingRequest = step(
  'iep-meeting-request',
  'Ask in writing for an IEP meeting; you do not have to wait for the annual review.',
);

const afterNoAnswer: Record<string, NextStep[]> = {
  'service-concern': [makeUpPlan, priorWrittenNotice],
  'pwn-request': [stateComplaint, meetingRequest],
  'compensatory-services': [
    { ...stateComplaint, text: 'No plan to make up the minutes: file a state complaint with OPI.' },
  ],
  'staffing-vacancy': [makeUpPlan, stateComplaint],
  'teletherapy-inquiry': [makeUpPlan, stateComplaint],
  'transfer-comparable-services': [makeUpPlan, stateComplaint],
  'progress-data-request': [
    step('records-request', 'Ask for the records formally: the district then has 45 days at most.'),
    meetingRequest,
  ],
  'records-request': [
    {
      ...stateComplaint,
      text: 'Records not provided in time: this can go to OPI as a state complaint.',
    },
  ],
  'iee-request': [stateComplaint],
  'iep-meeting-request': [stateComplaint],
  'state-complaint': [
    step(
      null,
      `Call OPI's Dispute Resolution office at ${OPI_PHONE} and ask when the decision will come.`,
    ),
  ],
};

const fallback: NextStep[] = [meetingRequest, stateComplaint];

/** Suggested next steps for a deadline that passed without a logged response. */
export function nextStepsFor(deadline: Pick<Deadline, 'letterKind'>): NextStep[] {
  return afterNoAnswer[deadline.letterKind] ?? fallback;
}

/** The step for missed sessions nearing the one-year limit. */
export function oneYearNextStep(lastDayToFile: string): NextStep {
  return step('state-complaint', `File a state complaint so OPI receives it by ${lastDayToFile}.`);
}
