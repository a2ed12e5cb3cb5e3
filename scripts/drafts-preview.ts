/**
 * npm run drafts:preview [-- --today=YYYY-MM-DD] [--out=path]
 *
 * Renders every draft kind from the sample student (lib/sample) in all three forms — paragraph,
 * e-mail message, printable document — side by side on one HTML page, so people can read and
 * review the wording. Writes tests/.artifacts/drafts-preview.html by default and prints the path.
 * "Today" is fixed unless given, so two runs give the same page.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { addDays, formatLongDate, isIsoDate, type IsoDate } from '../lib/dates';
import {
  DRAFT_FORMS,
  buildDraftContext,
  draftKinds,
  escapeHtml,
  renderDraft,
  type DraftContextInput,
  type DraftForm,
  type DraftKindId,
  type RenderedDraft,
} from '../lib/drafts';
import { letterSchema, type Letter } from '../lib/model';
import { SAMPLE_IDS, buildSampleData } from '../lib/sample';

const DEFAULT_TODAY: IsoDate = '2026-11-05';
const DEFAULT_OUT = 'tests/.artifacts/drafts-preview.html';

function arg(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

/** Two letters "already sent", so the state complaint shows its history of requests. */
function previewLetters(today: IsoDate): Letter[] {
  return [
    letterSchema.parse({
      id: 'preview-letter-1',
      studentId: SAMPLE_IDS.student,
      kind: 'service-concern',
      subject: 'IEP services not being delivered for Riley Sample',
      status: 'sent',
      createdAt: 1,
      sentDate: addDays(today, -30),
      to: 'Dr. Pat Example',
      method: 'email',
      requestedResponseDate: addDays(today, -16),
      responseDate: addDays(today, -14),
      responseSummary: 'The co-op is short on therapists this fall; no make-up plan was offered.',
    }),
    letterSchema.parse({
      id: 'preview-letter-2',
      studentId: SAMPLE_IDS.student,
      kind: 'compensatory-services',
      subject: 'Request to make up missed IEP services for Riley Sample',
      status: 'sent',
      createdAt: 2,
      sentDate: addDays(today, -13),
      to: 'Dr. Pat Example',
      method: 'mail',
      requestedResponseDate: addDays(today, -1),
    }),
  ];
}

/** What a parent would type into each kind's extra fields for the sample student. */
function previewInputs(kind: DraftKindId, today: IsoDate): Record<string, string> {
  switch (kind) {
    case 'service-concern':
      return {
        toldSoFar: `On ${formatLongDate(addDays(today, -34))}, the principal told me the cooperative is short on therapists this fall.`,
      };
    case 'pwn-request':
      return {
        service: SAMPLE_IDS.occupational,
        change:
          'occupational therapy went from one 30-minute session every week to about one visit a month',
      };
    case 'compensatory-services':
      return {
        proposal: 'One extra session of each service every week until the minutes are made up.',
      };
    case 'progress-data-request':
      return {
        service: SAMPLE_IDS.speech,
        claim:
          'the speech-language pathologist told me Riley has made enough progress to go down to one session a week',
        claimDate: addDays(today, -9),
        proposedLevel: '30 minutes per week (1 session)',
      };
    case 'iee-request':
      return {
        evaluation: 'speech-language evaluation',
        evaluationDate: addDays(today, -48),
        evaluator: 'Casey Rivers, SLP',
      };
    case 'iep-meeting-request':
      return {
        times: [addDays(today, 5), addDays(today, 7)]
          .map((d) => `${formatLongDate(d)}, after 3:30 p.m.`)
          .join('\n'),
        attendees: 'the speech-language pathologist and the occupational therapist',
      };
    case 'transfer-comparable-services':
      return {
        enrollmentDate: addDays(today, -60),
        priorDistrict: 'Glacier Peak School District (sample)',
        origin: 'in-state',
      };
    case 'staffing-vacancy':
      return { position: 'reading teacher' };
    case 'service-log-request':
      return { service: SAMPLE_IDS.speech };
    case 'conversation-confirmation':
      return {
        conversationDate: addDays(today, -6),
        person: 'Robin Example',
        role: 'principal',
        how: 'at school pick-up',
        said: [
          'We are short on therapists this fall.',
          'The cooperative is trying to hire a second speech therapist.',
          "There is no date yet for Riley's speech sessions to restart",
        ].join('\n'),
        ask: "Please tell me in writing when Riley's speech sessions will restart and how the missed sessions will be made up.",
      };
    default:
      return {};
  }
}

/** What the sender attaches and copies, for the kinds that show the common parts. */
function previewExtras(
  kind: DraftKindId,
): Pick<DraftContextInput, 'enclosures' | 'cc' | 'otherEnclosure'> {
  switch (kind) {
    case 'service-concern':
      return { enclosures: ['service-log', 'gap-summary'], cc: ['principal', 'coop-director'] };
    case 'follow-up':
      return { enclosures: ['earlier-letters'], cc: ['principal'] };
    case 'service-log-request':
      return { enclosures: ['service-log'], cc: ['director'] };
    case 'conversation-confirmation':
      return { cc: ['director'] };
    default:
      return {};
  }
}

const FORM_TITLES: Record<DraftForm, string> = {
  paragraph: 'Paragraph (to drop into a message)',
  message: 'E-mail message',
  document: 'Printable letter',
};

function draftCell(form: DraftForm, draft: RenderedDraft): string {
  const list = (title: string, items: string[]) =>
    items.length
      ? `<p class="meta"><strong>${title}:</strong></p><ul class="meta">${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`
      : '';
  return `<div class="form">
  <h3>${FORM_TITLES[form]}</h3>
  <p class="subject"><strong>Subject:</strong> ${escapeHtml(draft.subject)}</p>
  <div class="letter ${form}">${draft.html}</div>
  ${list('Still to fill in', draft.markers)}
  ${list('Notes for the sender (not in the letter)', draft.notes)}
  <details><summary>Plain text</summary><pre>${escapeHtml(draft.text)}</pre></details>
</div>`;
}

const STYLE = `
body { font: 15px/1.5 system-ui, sans-serif; margin: 0 1.5rem 3rem; color: #1b1b1b; background: #f4f4f1; }
header { max-width: 70rem; }
h1 { margin-top: 1.5rem; }
section { margin: 2.5rem 0; }
section > h2 { border-bottom: 2px solid #35506b; padding-bottom: .25rem; }
.forms { display: grid; grid-template-columns: minmax(18rem, 1fr) minmax(24rem, 1.4fr) minmax(24rem, 1.4fr); gap: 1rem; align-items: start; }
.form { background: #fff; border: 1px solid #ccc; border-radius: 6px; padding: .75rem 1rem; }
.form h3 { margin: 0 0 .5rem; font-size: 1rem; color: #35506b; }
.letter { font: 15px/1.55 Georgia, 'Times New Roman', serif; border-top: 1px solid #ddd; padding-top: .5rem; }
.letter table { border-collapse: collapse; font: 13px/1.35 system-ui, sans-serif; margin: .5rem 0; }
.letter th, .letter td { border: 1px solid #999; padding: .2rem .4rem; text-align: left; vertical-align: top; }
.letter th { background: #eef1f4; }
.subject, .meta { font-size: 13px; }
ul.meta { margin-top: 0; }
pre { white-space: pre-wrap; font-size: 12px; background: #f7f7f7; padding: .5rem; }
@media (max-width: 80rem) { .forms { grid-template-columns: 1fr; } }
`;

function page(today: IsoDate, sections: string[]): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Draft preview — Montana IEP Advocate</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>Draft preview</h1>
<p>Every draft kind, rendered from the sample student (Riley Sample, lib/sample) as of
<strong>${escapeHtml(formatLongDate(today))}</strong>, in the three forms: a paragraph to drop into a
message, a full e-mail message, and a printable letter. The extra fields each kind asks for are
filled in as a parent might, and two letters are marked as already sent so the state complaint has
a history of requests (the second one's reply date has passed, so the follow-up has a letter to
follow up). A few kinds also show what the sender attaches (the "Enclosures:" line) and copies
("cc:"). Bracketed text such as [date of the evaluation] is a fill-in the parent
still has to complete.</p>
</header>
${sections.join('\n')}
</body>
</html>
`;
}

function main(): void {
  const todayArg = arg('today');
  if (todayArg !== undefined && !isIsoDate(todayArg)) {
    console.error(`--today must be a date like 2026-11-05 (got "${todayArg}").`);
    process.exit(1);
  }
  const today = todayArg ?? DEFAULT_TODAY;
  const out = path.resolve(arg('out') ?? DEFAULT_OUT);
  const sample = buildSampleData(today);
  const student = sample.students[0] ?? null;
  const sections = draftKinds.map((kind) => {
    const ctx = buildDraftContext({
      student,
      profile: sample.profile,
      calendar: sample.calendar,
      services: sample.services,
      sessions: sample.sessions,
      letters: [...sample.letters, ...previewLetters(today)],
      today,
      inputs: previewInputs(kind.id, today),
      ...previewExtras(kind.id),
    });
    const cells = DRAFT_FORMS.map((form) => draftCell(form, renderDraft(kind.id, ctx, form)));
    return `<section id="${escapeHtml(kind.id)}">
<h2>${escapeHtml(kind.title)}</h2>
<p>${escapeHtml(kind.description)}</p>
<div class="forms">${cells.join('\n')}</div>
</section>`;
  });
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, page(today, sections));
  console.log(out);
}

main();
