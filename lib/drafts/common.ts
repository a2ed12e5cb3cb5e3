/**
 * The parts every letter to the district (or to a named person at the school, district or
 * cooperative) gets around its body, whatever its kind: the request to file it in the child's
 * educational record, the "Enclosures:" line when the sender attaches something, and the "cc:"
 * line when the sender copies someone. OPI's complaint keeps its own copy line; its Enclosures
 * line lists only its exhibits (./exhibits.ts).
 */
import { inline, marker, p, type Block, type Inline } from './blocks';
import { exhibitItems } from './exhibits';
import { childName, directorName, schoolName } from './facts';
import { CC_IDS, type CcId, type DraftContext, type DraftParts, type EnclosureId } from './types';
import { joinAnd, longDate } from './words';
import { capitalize } from '../text';

/** Labels for the letter page's enclosure checkboxes. */
export const ENCLOSURE_LABELS: Record<EnclosureId, string> = {
  'service-log': 'My service log (each session logged, delivered or missed)',
  'gap-summary': 'The summary of required, delivered and missed minutes',
  'iep-services-page': "The IEP's services page",
  'earlier-letters': 'Copies of my earlier letters',
  other: 'Something else',
};

/** Labels for the letter page's cc checkboxes (the names come from "Your details"). */
export const CC_LABELS: Record<CcId, string> = {
  director: 'The special education director',
  principal: 'The principal',
  'case-manager': 'The case manager',
  'coop-director': "The cooperative's director",
};

/** The profile field that holds each cc's name. */
export const CC_NAME_FIELDS = {
  director: 'directorName',
  principal: 'principalName',
  'case-manager': 'caseManagerName',
  'coop-director': 'coopDirectorName',
} as const satisfies Record<CcId, string>;

/** Whether the common parts apply: every letter except OPI's complaint. */
function toDistrict(parts: DraftParts): boolean {
  return parts.recipient !== 'opi';
}

/** The sent letters' dates: "October 5 and October 22, 2026" (each date in full). */
function earlierLetterDates(ctx: DraftContext): Inline[] {
  const dates = ctx.letters
    .filter((l) => l.letter.kind !== 'state-complaint' && l.letter.sentDate)
    .map((l) => longDate(l.letter.sentDate!));
  return joinAnd([...new Set(dates)]);
}

/** What an exhibit replaces when the letter is printed with exhibits. */
const COVERED_BY_EXHIBITS: readonly EnclosureId[] = [
  'service-log',
  'gap-summary',
  'earlier-letters',
];

/**
 * One item per enclosure, in the order of ENCLOSURE_IDS. Printed with exhibits, the exhibits come
 * first ("Exhibit A: Service log, …") and replace the log, the summary and the earlier letters.
 */
export function enclosureItems(ctx: DraftContext, recent = false): Inline[][] {
  const chosen = new Set(ctx.enclosures);
  if (ctx.exhibits) COVERED_BY_EXHIBITS.forEach((id) => chosen.delete(id));
  const exhibits = exhibitItems(ctx, recent);
  const items: Record<EnclosureId, () => Inline[]> = {
    'service-log': () =>
      inline(
        'Service log for ',
        childName(ctx),
        ', as of ',
        longDate(ctx.today),
        ' (each session I logged, with the minutes delivered or missed and the reason)',
      ),
    'gap-summary': () =>
      inline(
        'Summary of the required, delivered and missed minutes for each service, as of ',
        longDate(ctx.today),
      ),
    'iep-services-page': () => inline('Services page of the IEP (minutes and frequency)'),
    'earlier-letters': () => {
      const dates = earlierLetterDates(ctx);
      return dates.length > 0
        ? inline(`${dates.length > 1 ? 'Copies of my letters' : 'Copy of my letter'} of `, dates)
        : inline('Copies of my earlier letters');
    },
    other: () => [capitalize(ctx.otherEnclosure.trim()) || marker('what else you are enclosing')],
  };
  return [
    ...exhibits,
    ...(Object.keys(items) as EnclosureId[])
      .filter((id) => chosen.has(id))
      .map((id) => items[id]()),
  ];
}

/**
 * "Enclosures: my service log …; the services page of the IEP." — only when something is chosen.
 * OPI's complaint gets the line only for its exhibits (it has no other enclosure choices).
 */
export function enclosuresBlock(ctx: DraftContext, parts: DraftParts): Block | null {
  const complaint = !toDistrict(parts);
  if (complaint && !ctx.exhibits?.length) return null;
  const items = enclosureItems(ctx, complaint);
  if (items.length === 0) return null;
  const joined = items.flatMap((item, i) => (i === 0 ? item : ['; ', ...item]));
  return p('Enclosures: ', joined, '.');
}

/**
 * The request a letter to the district ends its body with; a letter to another person asks it
 * only when its kind says so (`fileInRecord`).
 */
export function recordRequestBlock(parts: DraftParts): Block | null {
  if (!(parts.fileInRecord ?? parts.recipient === 'district')) return null;
  return p(
    "Please place this letter in my child's educational record and confirm that you received it.",
  );
}

function ccEntry(ctx: DraftContext, id: CcId): Inline[] {
  const name = ctx.profile[CC_NAME_FIELDS[id]]?.trim();
  switch (id) {
    case 'director':
      return inline(directorName(ctx), ', Special Education Director');
    case 'principal':
      return inline(name || marker("principal's name"), ', Principal, ', schoolName(ctx));
    case 'case-manager':
      return inline(name || marker("case manager's name"), ', Case Manager');
    case 'coop-director': {
      const coop = ctx.profile.coopName?.trim();
      return inline(
        name || marker("cooperative director's name"),
        ', Director, ',
        coop || marker('name of the special education cooperative'),
      );
    }
  }
}

/** "cc: Pat Lee, Principal, Lincoln Elementary; …" — only when someone is chosen. */
export function ccBlock(ctx: DraftContext, parts: DraftParts): Block | null {
  if (!toDistrict(parts)) return null;
  const chosen = new Set(ctx.cc);
  // A letter to the director does not copy the director.
  if (parts.recipient === 'district') chosen.delete('director');
  const entries = CC_IDS.filter((id) => chosen.has(id)).map((id) => ccEntry(ctx, id));
  if (entries.length === 0) return null;
  return p(
    'cc: ',
    entries.flatMap((entry, i) => (i === 0 ? entry : ['; ', ...entry])),
  );
}
