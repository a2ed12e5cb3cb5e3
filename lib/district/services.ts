/**
 * Matching a district row to one of the IEP's services by what its service column says, and to the
 * child by its student column. Guesses only; the user confirms or corrects each distinct value and
 * the choice is remembered for the district's next file.
 */
import { serviceName, type Service, type ServiceKind, type Student } from '../model';

/** A service or student value as it is remembered: lower case, spaces collapsed. */
export function valueKey(value: string): string {
  return value.toLowerCase().replace(/\s+/g, ' ').trim().slice(0, 200);
}

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** Whole words or phrases that name a kind of service in district exports. */
const KIND_WORDS: Record<ServiceKind, string[]> = {
  'speech-language': ['speech', 'language', 'slp', 'sl', 'articulation', 'communication'],
  occupational: ['occupational', 'ot', 'cota', 'fine motor'],
  physical: ['physical therapy', 'pt', 'gross motor'],
  reading: ['reading', 'literacy', 'dyslexia', 'phonics'],
  'special-education': [
    'special education',
    'special ed',
    'sped',
    'sdi',
    'specially designed',
    'resource',
  ],
  counseling: ['counseling', 'counselling', 'social work', 'mental health', 'behavior', 'psych'],
  other: [],
};

function mentions(text: string, phrase: string): boolean {
  return ` ${words(text).join(' ')} `.includes(` ${phrase} `);
}

/**
 * The IEP service a district's service text most likely is: the service whose own name it spells,
 * else the one service whose kind its words name. Null when none or more than one fits.
 */
export function guessService(text: string, services: readonly Service[]): Service | null {
  const key = words(text).join(' ');
  if (key === '') return services.length === 1 ? services[0]! : null;
  const byName = services.filter((service) => words(serviceName(service)).join(' ') === key);
  if (byName.length === 1) return byName[0]!;
  const byKind = services.filter((service) =>
    KIND_WORDS[service.kind].some((phrase) => mentions(text, phrase)),
  );
  if (byKind.length === 1) return byKind[0]!;
  const byLabel = byKind.filter(
    (service) => service.label && mentions(text, words(service.label).join(' ')),
  );
  return byLabel.length === 1 ? byLabel[0]! : null;
}

/**
 * Whether a student column's value is this child: it holds their first and last names, in either
 * order ("Rivera, Sam", "Sam Rivera"), or their only name.
 */
export function isThisStudent(value: string, student: Pick<Student, 'name'>): boolean {
  const name = words(student.name);
  const cell = new Set(words(value));
  if (name.length === 0) return false;
  const first = name[0]!;
  const last = name[name.length - 1]!;
  return cell.has(first) && cell.has(last);
}
