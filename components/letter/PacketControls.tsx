/**
 * "Print with exhibits" (issue 13), for the state complaint and letters to the district: turn it
 * on, keep or leave out each exhibit (the letter's text and Enclosures line follow, re-lettered),
 * preview the packet and print it. Controls stay outside the packet element.
 */
import {
  EXHIBIT_IDS,
  EXHIBIT_LABELS,
  availableExhibits,
  exhibitLetter,
  type ExhibitId,
} from '../../lib/drafts';
import { packetRecent } from '../../lib/packet';
import { CheckboxField } from '../ui/fields';
import type { LetterDraft } from './use-letter-draft';

export function PacketControls(props: {
  draft: LetterDraft;
  preview: boolean;
  onPreview: (on: boolean) => void;
}) {
  const { draft, preview } = props;
  const { extras, kindId } = draft.state.settings;
  const kept = extras.exhibits ?? null;
  const available = availableExhibits(draft.draftContext, packetRecent(kindId));
  const setKept = (exhibits: ExhibitId[] | null) =>
    draft.dispatch({ type: 'extras', extras: { ...extras, exhibits } });
  return (
    <section class="packet-controls no-print" aria-labelledby="packet-heading">
      <h2 id="packet-heading">Print with exhibits</h2>
      <CheckboxField
        label="Print the letter with its evidence as lettered exhibits"
        hint="The letter then names each exhibit (“see Exhibit A, the service log”) and lists them on its Enclosures line."
        checked={kept !== null}
        onChecked={(on) => {
          setKept(on ? [...available] : null);
          if (!on) props.onPreview(false);
        }}
      />
      {kept !== null ? (
        <>
          {available.length === 0 ? (
            <p class="small">There is no evidence to add yet: log some sessions first.</p>
          ) : (
            <fieldset class="plain field" data-testid="exhibit-choices">
              <legend>Exhibits to keep</legend>
              {available.map((id) => {
                const letter = exhibitLetter(draft.draftContext, id);
                return (
                  <CheckboxField
                    key={id}
                    label={`${letter ? `Exhibit ${letter}: ` : 'Left out: '}${EXHIBIT_LABELS[id]}`}
                    checked={kept.includes(id)}
                    onChecked={(on) =>
                      setKept(EXHIBIT_IDS.filter((e) => (e === id ? on : kept.includes(e))))
                    }
                  />
                );
              })}
            </fieldset>
          )}
          <div class="button-row" role="group" aria-label="Packet">
            <button type="button" onClick={() => window.print()} data-testid="print-packet">
              Print with exhibits
            </button>
            <button
              type="button"
              class="secondary"
              aria-expanded={preview}
              aria-controls="packet"
              onClick={() => props.onPreview(!preview)}
            >
              {preview ? 'Hide the packet' : 'Show the packet'}
            </button>
          </div>
          <PacketHelp complaint={kindId === 'state-complaint'} />
        </>
      ) : null}
    </section>
  );
}

function PacketHelp(props: { complaint: boolean }) {
  return (
    <details class="small packet-help">
      <summary>
        How the packet prints{props.complaint ? ', and how to file it with OPI' : ''}
      </summary>
      <p>
        Each exhibit starts on a new page with its title, and long tables repeat their column names.
        In Chrome and Edge every page shows your child's name, the date and “Page x of y”. Firefox
        prints its own header and footer instead (turn on “Print headers and footers” in its print
        dialog): the page numbers and this page's title, which is your child's name and the date.
      </p>
      {props.complaint ? (
        <ol>
          <li>Read the complaint and fill in anything marked in brackets.</li>
          <li>Print it with its exhibits, then sign and date the complaint.</li>
          <li>
            Mail or deliver it to the OPI Dispute Resolution office, P.O. Box 202501, Helena, MT
            59620-2501 (phone (406) 444-2046). OPI's own form is optional: a letter with every
            required element is enough.
          </li>
          <li>Send a copy to the district at the same time.</li>
          <li>
            Send it soon after you date it: it can only cover problems from the year before OPI
            receives it. OPI issues a written decision within 60 days.
          </li>
        </ol>
      ) : null}
      <p>The step-by-step guide is in the project's docs: docs/filing-a-state-complaint.md.</p>
    </details>
  );
}
