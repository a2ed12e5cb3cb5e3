/**
 * The citation registry: the only legal citations a draft may print.
 *
 * Every entry is one row of the project's reference (../shared/domain/montana-iep-reference.md,
 * the federal, Montana and case-law tables), printed exactly as its "cite as" column says. Rows the
 * reference marks "do not cite" are deliberately absent. Drafts cite through `cite(key)`, so a key
 * that is not here fails the type check; tests compare this table with the reference row by row.
 *
 * Advocates also search the registry while writing (`searchCitations`) and type shortcuts such as
 * ";pwn" (`expandShortcut`), which the compose integration wires in.
 */

export type CitationSource = 'federal' | 'montana' | 'case';

interface CitationRow {
  /** Exactly the reference's "cite as" column. */
  citeAs: string;
  /** One plain-language line: what the rule means for a parent. */
  meaning: string;
  source: CitationSource;
  /** Extra words people search with (not printed). */
  keywords: string;
}

const rows = {
  fape: {
    citeAs: '34 C.F.R. § 300.17(d)',
    meaning:
      'A free appropriate public education means services provided as the IEP says; not carrying out the IEP denies it.',
    source: 'federal',
    keywords: 'fape free appropriate public education implement iep denial conformity',
  },
  'fape-available': {
    citeAs: '34 C.F.R. § 300.101(a)',
    meaning:
      'A free appropriate public education must be available to every eligible child in the state, ages 3 to 21.',
    source: 'federal',
    keywords: 'fape available eligible ages 3 21 residing',
  },
  'iep-services': {
    citeAs: '34 C.F.R. § 300.320(a)(4)',
    meaning:
      'The IEP lists the special education and related services, based on peer-reviewed research as far as practicable.',
    source: 'federal',
    keywords: 'iep contents services related services peer-reviewed research supplementary aids',
  },
  'implement-asap': {
    citeAs: '34 C.F.R. § 300.323(c)(2)',
    meaning:
      'As soon as possible after the IEP is written, its services must be provided as written.',
    source: 'federal',
    keywords: 'implement implementation provide services as written start delay teletherapy',
  },
  'transfer-in-state': {
    citeAs: '34 C.F.R. § 300.323(e)',
    meaning:
      'A child who moves to a new Montana district during the school year gets services comparable to the old IEP right away.',
    source: 'federal',
    keywords: 'transfer move new district same state comparable services enrollment',
  },
  'transfer-out-of-state': {
    citeAs: '34 C.F.R. § 300.323(f)',
    meaning:
      'A child who moves in from another state gets comparable services until any evaluation and a new IEP.',
    source: 'federal',
    keywords: 'transfer move another state out of state comparable services enrollment',
  },
  'amend-iep': {
    citeAs: '34 C.F.R. § 300.324(a)(4), (a)(6)',
    meaning:
      'The IEP changes only at an IEP team meeting or by a written amendment the parent agrees to; the district cannot cut services on its own.',
    source: 'federal',
    keywords: 'amend amendment change reduce cut services without meeting unilateral revised copy',
  },
  'parent-participation': {
    citeAs: '34 C.F.R. §§ 300.322, 300.501(b)',
    meaning:
      'Parents take part in IEP meetings, scheduled at a time and place both sides agree on.',
    source: 'federal',
    keywords: 'parent participation meeting schedule attend iep meeting mutually agreed',
  },
  pwn: {
    citeAs: '34 C.F.R. § 300.503',
    meaning:
      'The district must give written notice, with its reasons, before it changes or refuses to change a service.',
    source: 'federal',
    keywords: 'prior written notice pwn notice change refuse proposes reasons',
  },
  iee: {
    citeAs: '34 C.F.R. § 300.502(b)',
    meaning:
      'A parent who disagrees with a district evaluation may ask for an independent evaluation at public expense.',
    source: 'federal',
    keywords: 'iee independent educational evaluation public expense disagree evaluation',
  },
  records: {
    citeAs: '34 C.F.R. § 300.613(a)',
    meaning:
      'Parents may inspect education records, including service logs and progress data, before any IEP meeting and within 45 days.',
    source: 'federal',
    keywords: 'records education records inspect review logs attendance progress data 45 days',
  },
  'complaint-remedies': {
    citeAs: '34 C.F.R. § 300.151(b)',
    meaning:
      'When a state complaint finds services were not provided, the state orders a fix such as compensatory services.',
    source: 'federal',
    keywords: 'remedies corrective action compensatory services reimbursement state complaint',
  },
  'complaint-timeline': {
    citeAs: '34 C.F.R. § 300.152(a)',
    meaning: 'The state has 60 days to investigate a complaint and issue a written decision.',
    source: 'federal',
    keywords: 'state complaint 60 days timeline decision investigate',
  },
  'complaint-contents': {
    citeAs: '34 C.F.R. § 300.153',
    meaning:
      'What a state complaint must contain: signed, the facts, the child and school, a proposed fix, within one year.',
    source: 'federal',
    keywords: 'state complaint contents filing one year signed proposed resolution',
  },
  personnel: {
    citeAs: '34 C.F.R. § 300.156',
    meaning:
      'Staff who provide services must be properly trained; therapy licenses cannot be waived on an emergency basis.',
    source: 'federal',
    keywords: 'personnel qualifications staff license licensure vacancy provider teletherapy',
  },
  'mt-state-complaint': {
    citeAs: 'ARM 10.16.3662',
    meaning:
      "Montana's state complaint rule: a signed written complaint to OPI, with a copy to the district.",
    source: 'montana',
    keywords: 'opi state complaint montana dispute resolution office public instruction',
  },
  'mt-early-assistance': {
    citeAs: 'ARM 10.16.3660',
    meaning:
      "OPI's Early Assistance Program may try to settle a complaint informally within 15 business days.",
    source: 'montana',
    keywords: 'early assistance program opi informal resolution 15 business days',
  },
  'mt-present-complaints': {
    citeAs: 'ARM 10.16.3661',
    meaning:
      'Montana gives parents the chance to present complaints (see the state complaint rule).',
    source: 'montana',
    keywords: 'present complaints opportunity montana',
  },
  'mt-mediation': {
    citeAs: 'ARM 10.16.3506',
    meaning: 'Mediation is voluntary and starts with a written request.',
    source: 'montana',
    keywords: 'mediation voluntary written request montana',
  },
  'mt-consent-exceptions': {
    citeAs: 'ARM 10.16.3505',
    meaning:
      'If a parent does not sign the IEP, the parent has 15 days to send written exceptions; disputed parts stay as last agreed.',
    source: 'montana',
    keywords: 'consent exceptions not sign annual iep 15 days disputed parts montana',
  },
  'van-duyn': {
    citeAs: 'Van Duyn v. Baker Sch. Dist. 5J, 502 F.3d 811 (9th Cir. 2007)',
    meaning:
      'Not carrying out an IEP violates the law when the gap is more than minor (Ninth Circuit, which includes Montana).',
    source: 'case',
    keywords: 'van duyn material failure implement ninth circuit materiality',
  },
  reid: {
    citeAs: 'Reid v. District of Columbia, 401 F.3d 516 (D.C. Cir. 2005)',
    meaning:
      'Compensatory education is decided for the individual child; it need not be hour for hour.',
    source: 'case',
    keywords: 'reid compensatory education make up hour for hour individualized',
  },
} as const satisfies Record<string, CitationRow>;

export type CitationKey = keyof typeof rows;

export interface Citation {
  key: CitationKey;
  /** The printed form: "34 C.F.R. § 300.503". */
  citeAs: string;
  meaning: string;
  source: CitationSource;
}

/** Every citation, in the reference's order. */
export const citations: readonly Citation[] = Object.entries(rows).map(([key, row]) => ({
  key: key as CitationKey,
  citeAs: row.citeAs,
  meaning: row.meaning,
  source: row.source,
}));

export function isCitationKey(value: string): value is CitationKey {
  return Object.hasOwn(rows, value);
}

export function getCitation(key: CitationKey): Citation {
  const row: CitationRow = rows[key];
  return { key, citeAs: row.citeAs, meaning: row.meaning, source: row.source };
}

/** The printed form of a citation. Drafts print citations only through this function. */
export function cite(key: CitationKey): string {
  return rows[key].citeAs;
}

/** "34 C.F.R. § 300.503", or with its meaning: "34 C.F.R. § 300.503 (The district must …)". */
export function formatCitation(key: CitationKey, options: { withMeaning?: boolean } = {}): string {
  const row: CitationRow = rows[key];
  return options.withMeaning ? `${row.citeAs} (${row.meaning})` : row.citeAs;
}

// ---------------------------------------------------------------- shortcuts

/**
 * Typed shortcuts: ";pwn" expands to the printed form of the Prior Written Notice rule. Every
 * registry key also works as a shortcut (";transfer-out-of-state").
 */
export const SHORTCUTS: Readonly<Record<string, CitationKey>> = {
  fape: 'fape',
  available: 'fape-available',
  services: 'iep-services',
  implement: 'implement-asap',
  transfer: 'transfer-in-state',
  outofstate: 'transfer-out-of-state',
  amend: 'amend-iep',
  meeting: 'parent-participation',
  pwn: 'pwn',
  iee: 'iee',
  records: 'records',
  remedies: 'complaint-remedies',
  '60days': 'complaint-timeline',
  complaint: 'complaint-contents',
  staff: 'personnel',
  opi: 'mt-state-complaint',
  early: 'mt-early-assistance',
  mediation: 'mt-mediation',
  exceptions: 'mt-consent-exceptions',
  material: 'van-duyn',
  vanduyn: 'van-duyn',
  reid: 'reid',
};

const SHORTCUT = /^;([a-z0-9-]+)(\+?)$/;

/** The citation key a shortcut names (";pwn" or ";pwn+"), or null when it is not a shortcut. */
export function shortcutKey(text: string): CitationKey | null {
  const match = SHORTCUT.exec(text.trim().toLowerCase());
  if (!match) return null;
  const name = match[1]!;
  if (Object.hasOwn(SHORTCUTS, name)) return SHORTCUTS[name]!;
  return isCitationKey(name) ? name : null;
}

/**
 * Expands a typed shortcut to the printed citation, or returns null when the text is not a
 * shortcut. A trailing "+" (";pwn+") adds the one-line meaning.
 */
export function expandShortcut(text: string): string | null {
  const key = shortcutKey(text);
  if (!key) return null;
  return formatCitation(key, { withMeaning: text.trim().endsWith('+') });
}

// ---------------------------------------------------------------- search

const STOP_WORDS = new Set(['a', 'an', 'the', 'of', 'to', 'for', 'and', 'or', 'in', 'on', 'cfr']);

/** Digits and dots only, so "34 CFR 300.503" and "§ 300.503" both become "34300.503" pieces. */
function numberTokens(text: string): string[] {
  return text.match(/\d+(?:\.\d+)*/g) ?? [];
}

function wordTokens(text: string): string[] {
  return (text.toLowerCase().match(/[a-z][a-z-]*/g) ?? []).filter((w) => !STOP_WORDS.has(w));
}

function scoreCitation(citation: Citation, query: string): number {
  const q = query.trim().toLowerCase();
  const row: CitationRow = rows[citation.key];
  const shortcutNames = Object.keys(SHORTCUTS).filter((name) => SHORTCUTS[name] === citation.key);
  let score = 0;
  if (q === citation.key || shortcutNames.includes(q.replace(/^;/, ''))) score += 100;

  const citedNumbers = numberTokens(row.citeAs);
  for (const number of numberTokens(q)) {
    if (number === '34') continue; // the title of the C.F.R., shared by every federal rule
    if (citedNumbers.includes(number)) score += 60;
    else if (citedNumbers.some((n) => n.startsWith(number) || n.endsWith(number))) score += 30;
    else return 0; // a number that does not match rules the citation out
  }

  const haystack = `${citation.key} ${row.keywords} ${row.meaning} ${row.citeAs}`.toLowerCase();
  const words = wordTokens(q);
  let matchedWords = 0;
  for (const word of words) {
    if (citation.key.split('-').includes(word)) score += 6;
    if (new RegExp(`\\b${word}`).test(row.keywords)) score += 4;
    if (haystack.includes(word)) {
      score += 1;
      matchedWords++;
    }
  }
  if (words.length > 1 && row.keywords.includes(words.join(' '))) score += 10;
  // Words only count when every one of them appears somewhere.
  if (words.length > 0 && matchedWords < words.length) return numberTokens(q).length ? score : 0;
  return score;
}

/**
 * Finds citations by number ("300.503", "3662"), key ("pwn"), shortcut (";iee") or words
 * ("prior written notice"), best match first. An empty query lists every citation.
 */
export function searchCitations(query: string): Citation[] {
  if (!query.trim()) return [...citations];
  return citations
    .map((citation, index) => ({ citation, index, score: scoreCitation(citation, query) }))
    .filter((hit) => hit.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((hit) => hit.citation);
}
