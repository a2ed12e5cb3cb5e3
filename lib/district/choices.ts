/**
 * The import screen's choices, pure: where a new file's choices start (remembered for the
 * district, then guessed), what of them is remembered for the district's next file, and the
 * sentence about rows left out.
 */
import type { DistrictMapping, Service } from '../model';
import type { BuildResult, ImportChoices } from './build';
import { guessMapping, headerKey } from './columns';
import type { DistrictTable } from './table';

/** "1 row", "1,204 rows" (counts of rows run into the thousands). */
export function countOf(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/**
 * Choices for a new file: the district's remembered columns, codes and services, then guesses. A
 * remembered service is found by id, else by kind and label (after a backup was restored into a
 * new browser), else left unmatched; one "not in the IEP" answer stays that.
 */
export function startingChoices(
  table: DistrictTable,
  remembered: DistrictMapping | undefined,
  services: readonly Service[],
): ImportChoices {
  const servicesChosen: Record<string, string> = {};
  for (const [text, choice] of Object.entries(remembered?.services ?? {})) {
    const same =
      services.find((s) => s.id === choice.serviceId) ??
      services.find(
        (s) => choice.serviceId !== '' && s.kind === choice.kind && s.label === choice.label,
      );
    servicesChosen[text] = choice.serviceId === '' ? '' : (same?.id ?? '');
  }
  return {
    mapping: guessMapping(table.header, remembered?.columns ?? {}),
    codes: { ...(remembered?.codes ?? {}) },
    services: servicesChosen,
    students: {},
    singleServiceId: services.length === 1 ? services[0]!.id : '',
  };
}

/**
 * What to remember for the district's next file: each named column's field, the codes answered,
 * and each of the district's service names with the IEP service chosen (`chosen` says which).
 */
export function choicesToRemember(
  header: readonly string[],
  choices: ImportChoices,
  result: BuildResult,
  services: readonly Service[],
  chosen: (key: string) => string,
): Pick<DistrictMapping, 'columns' | 'codes' | 'services'> {
  return {
    columns: Object.fromEntries(
      header
        .map((text, index) => [headerKey(text), choices.mapping[index]!] as const)
        .filter(([key]) => key !== ''),
    ),
    codes: choices.codes,
    services: Object.fromEntries(
      [...result.serviceValues.keys()].map((key) => {
        const id = chosen(key);
        const service = services.find((s) => s.id === id);
        return [key, { serviceId: id, kind: service?.kind ?? '', label: service?.label ?? '' }];
      }),
    ),
  };
}

/** The rows an import leaves out, by why, in one sentence. */
export function leftOutSentence(result: Pick<BuildResult, 'leftOut'>): string {
  const { leftOut } = result;
  const parts = [
    leftOut.otherStudent
      ? countOf(leftOut.otherStudent, 'row for another student', 'rows for other students')
      : '',
    leftOut.otherService
      ? countOf(
          leftOut.otherService,
          'row for a service not in the IEP',
          'rows for services not in the IEP',
        )
      : '',
    leftOut.notADate
      ? countOf(
          leftOut.notADate,
          'row with no date that can be read',
          'rows with no date that can be read',
        )
      : '',
    leftOut.outsideIep
      ? countOf(leftOut.outsideIep, 'row dated outside the IEP', 'rows dated outside the IEP')
      : '',
    leftOut.badMinutes
      ? countOf(
          leftOut.badMinutes,
          'row whose minutes cannot be read',
          'rows whose minutes cannot be read',
        )
      : '',
  ].filter(Boolean);
  return parts.length ? `Left out: ${parts.join('; ')}.` : 'No rows are left out.';
}
