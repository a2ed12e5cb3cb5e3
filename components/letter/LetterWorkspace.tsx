/**
 * The letter page for one student: the draft (use-letter-draft.ts) laid out in three columns:
 * the settings (LetterSettings), the text (LetterText) with print, copy and save under it
 * (LetterActions) and "Print with exhibits" (PacketControls), and beside them the state
 * complaint's checklist and the notes for the sender. The packet (Packet) follows the layout.
 */
import { useEffect, useState } from 'preact/hooks';
import { formatLongDate } from '../../lib/dates';
import { useStatus } from '../ui/status';
import { ComplaintChecklist, type ChecklistManual } from './ComplaintChecklist';
import { LetterActions } from './LetterActions';
import { LetterSettings } from './LetterSettings';
import { LetterText } from './LetterText';
import { Packet } from './Packet';
import { PacketControls } from './PacketControls';
import { useLetterDraft, type LetterDraftProps } from './use-letter-draft';

export function LetterWorkspace(props: LetterDraftProps) {
  const { db, today, data } = props;
  const { student, profile, calendar, services } = data;
  const draft = useLetterDraft(props);
  const { kindId } = draft.state.settings;
  const [status, announce] = useStatus();
  const [manual, setManual] = useState<ChecklistManual>({ signed: false, copyToDistrict: false });
  const [preview, setPreview] = useState(false);
  // The packet: the complaint and letters to the district (not to a named person).
  const packetOffered = kindId === 'state-complaint' || draft.rendered.recipient === 'district';
  const { extras } = draft.state.settings;
  const packetOn = packetOffered && Boolean(extras.exhibits);
  // A kind that is not offered the packet never names exhibits.
  useEffect(() => {
    if (!packetOffered && extras.exhibits)
      draft.dispatch({ type: 'extras', extras: { ...extras, exhibits: null } });
  }, [packetOffered, extras]);

  /** Adds the complaint's attachments list before the closing ("Sincerely,"). */
  function addAttachments() {
    const region = draft.regionRef.current;
    if (!region) return;
    const earlier = draft.draftContext.letters
      .filter((l) => l.letter.kind !== 'state-complaint')
      .map((l) => `${l.kindTitle} (${formatLongDate(l.letter.sentDate!)})`);
    const paragraph = document.createElement('p');
    paragraph.textContent =
      `Attachments: (1) Evidence report: required and delivered minutes by week and the missed ` +
      `sessions, as of ${formatLongDate(today)}.` +
      (earlier.length > 0
        ? ` (2) Copies of my earlier letters: ${earlier.join('; ')}, and the district's replies.`
        : '');
    const closing = Array.from(region.querySelectorAll('p')).find((p) =>
      /^\s*Sincerely,?/.test(p.textContent ?? ''),
    );
    region.insertBefore(paragraph, closing ?? null);
    draft.dispatch({ type: 'changed', plainText: draft.readText().text });
    announce('An attachments list was added before the closing.');
  }

  return (
    <>
      <div class="letter-layout">
        <LetterSettings
          draft={draft}
          studentId={student.id}
          services={services}
          profile={profile}
          today={today}
        />

        <section class="letter-work" aria-labelledby="text-heading">
          <LetterText draft={draft} />
          <LetterActions
            db={db}
            today={today}
            studentName={student.name}
            calendar={calendar}
            draft={draft}
            packetOn={packetOn}
            status={status}
            announce={announce}
          />
          {packetOffered ? (
            <PacketControls draft={draft} preview={preview} onPreview={setPreview} />
          ) : null}
        </section>

        <aside class="letter-side no-print" aria-label="Notes and checks">
          {kindId === 'state-complaint' ? (
            <ComplaintChecklist
              db={db}
              studentId={student.id}
              today={today}
              text={draft.state.plainText}
              remainingMarkers={draft.fillIns.all}
              districtName={student.district || profile.district}
              manual={manual}
              onManual={setManual}
              onAddAttachments={addAttachments}
            />
          ) : null}
          {draft.rendered.notes.length > 0 ? (
            <section class="card" aria-labelledby="notes-heading">
              <h2 id="notes-heading">Notes for you (not part of the letter)</h2>
              <ul>
                {draft.rendered.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            </section>
          ) : null}
        </aside>
      </div>
      {packetOn ? (
        <Packet db={db} draft={draft} data={data} today={today} preview={preview} />
      ) : null}
    </>
  );
}
