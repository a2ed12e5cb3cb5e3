/**
 * The complaint packet (issue 13) as one element: `<div class="packet" data-packet>` holding the
 * letter (the editor's text through the allow-list cleaner, kept in step with every edit) and
 * then each exhibit as `<section class="exhibit" data-exhibit="A">` (PacketExhibit). It is in the
 * page while "Print with exhibits" is on: hidden on screen unless previewed, and in print it
 * replaces the page (letter.css), whichever way printing starts. The Word export reads the same
 * element. The child's name and the date head every printed page through @page margin boxes
 * (a constructed stylesheet: the page's CSP allows no inline <style>), which Chromium prints;
 * Firefox has none, so the document's title carries them into Firefox's own header.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatLongDate, type IsoDate } from '../../lib/dates';
import { listSessionsForStudent, type AdvocateDatabase } from '../../lib/db';
import type { DraftData } from '../../lib/ui/draft-data';
import { useLiveQuery } from '../../lib/ui/live-query';
import { replaceWithLetterHtml } from '../../lib/letter-export/index';
import type { SessionEntry } from '../../lib/model';
import { buildPacket, packetRecent } from '../../lib/packet';
import { PacketExhibit } from './PacketExhibit';
import type { LetterDraft } from './use-letter-draft';

/** A CSS string literal for any text (quotes, backslashes and line breaks escaped). */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ')}"`;
}

/** The running header of every printed page, while the packet is in the page. */
function useRunningHeader(name: string, date: string) {
  useEffect(() => {
    const title = document.title;
    document.title = `${name} – ${date}`;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(
      `@media print { @page { @top-left { content: ${cssString(name)}; } @top-right { content: ${cssString(date)}; } } }`,
    );
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.title = title;
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [name, date]);
}

/** The editor's cleaned HTML, updated on every change to the editor's content. */
function useLetterHtml(draft: LetterDraft): string {
  const [html, setHtml] = useState(() => draft.readText().html);
  const region = draft.regionRef.current;
  useEffect(() => {
    if (!region) return;
    const update = () => setHtml(draft.readText().html);
    update();
    const observer = new MutationObserver(update);
    observer.observe(region, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [region]);
  return html;
}

/**
 * The packet: the letter, then its exhibits. The exhibits list the log's entries, which the
 * letter page does not read otherwise (lib/ui/draft-data.ts): the packet reads the log itself
 * and is shown once it has.
 */
export function Packet(props: {
  db: AdvocateDatabase;
  draft: LetterDraft;
  data: DraftData;
  today: IsoDate;
  preview: boolean;
}) {
  const { db, data } = props;
  const sessions = useLiveQuery(
    () => listSessionsForStudent(db, data.student.id),
    [db, data.student.id],
  );
  if (sessions === undefined) return null;
  return <PacketWithLog {...props} sessions={sessions} />;
}

function PacketWithLog(props: {
  draft: LetterDraft;
  data: DraftData;
  sessions: readonly SessionEntry[];
  today: IsoDate;
  preview: boolean;
}) {
  const { draft, data, sessions } = props;
  const { kindId } = draft.state.settings;
  const exhibits = useMemo(
    () =>
      buildPacket({
        ctx: draft.draftContext,
        recent: packetRecent(kindId),
        sessions,
        districtRecords: data.districtRecords,
      }),
    [draft.draftContext, kindId, data, sessions],
  );
  const html = useLetterHtml(draft);
  const letterRef = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (letterRef.current) replaceWithLetterHtml(letterRef.current, html);
  }, [html]);
  useRunningHeader(data.student.name, formatLongDate(props.today));
  return (
    <div
      class={props.preview ? 'packet preview' : 'packet'}
      data-packet
      data-testid="packet"
      id="packet"
    >
      <div class="packet-letter" ref={letterRef} />
      {exhibits.map((exhibit) => (
        <PacketExhibit key={exhibit.id} exhibit={exhibit} />
      ))}
    </div>
  );
}
