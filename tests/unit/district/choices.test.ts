/** The import screen's choices (lib/district/choices.ts): start, remember, and "left out". */
import { describe, expect, it } from 'vitest';
import {
  buildImport,
  choicesToRemember,
  countOf,
  findHeaderRow,
  leftOutSentence,
  resolvedService,
  startingChoices,
  toTable,
} from '../../../lib/district';
import type { DistrictMapping } from '../../../lib/model';
import { infiniteCampus, ot, services, speech, student } from './fixtures';

const table = (() => {
  const result = toTable(infiniteCampus, findHeaderRow);
  if (!result.ok) throw new Error(result.message);
  return result.table;
})();

const remembered: DistrictMapping = {
  id: 'bozeman public schools',
  district: 'Bozeman Public Schools',
  columns: { 'minutes served': 'minutes' },
  codes: { XA: 'student-absent' },
  services: {
    // Same service, another id (a backup restored elsewhere): found by kind and label.
    'speech/language therapy': { serviceId: 'old-id', kind: speech.kind, label: speech.label },
    // Answered "not in the IEP" before.
    transportation: { serviceId: '', kind: '', label: '' },
    // A service since deleted.
    'music therapy': { serviceId: 'gone', kind: 'other', label: 'Music' },
  },
  updatedAt: 1,
};

describe('starting choices', () => {
  it('guess everything for a district seen for the first time', () => {
    const choices = startingChoices(table, undefined, services);
    expect(choices.codes).toEqual({});
    expect(choices.services).toEqual({});
    expect(choices.singleServiceId).toBe('');
    expect(choices.mapping).toContain('date');
    expect(choices.mapping).toContain('minutes');
  });

  it('take the remembered codes and services, matching a service by kind and label', () => {
    const choices = startingChoices(table, remembered, services);
    expect(choices.codes).toEqual({ XA: 'student-absent' });
    expect(choices.services).toEqual({
      'speech/language therapy': speech.id,
      transportation: '',
      'music therapy': '',
    });
  });

  it('choose the only service when there is one', () => {
    expect(startingChoices(table, undefined, [ot]).singleServiceId).toBe(ot.id);
  });
});

describe('what is remembered', () => {
  it('keeps named columns, codes and the service chosen for each district name', () => {
    const choices = startingChoices(table, undefined, services);
    const result = buildImport(table, choices, { student, services });
    const kept = choicesToRemember(table.header, choices, result, services, (key) =>
      resolvedService(key, choices, services, true),
    );
    expect(kept.codes).toBe(choices.codes);
    expect(Object.keys(kept.columns)).toContain('minutes served');
    expect(kept.columns['date']).toBe('date');
    expect(kept.services['occupational therapy']).toEqual({
      serviceId: ot.id,
      kind: ot.kind,
      label: ot.label,
    });
    expect(kept.services['transportation']).toEqual({ serviceId: '', kind: '', label: '' });
  });
});

describe('the left-out sentence', () => {
  const none = { otherStudent: 0, otherService: 0, notADate: 0, outsideIep: 0, badMinutes: 0 };

  it('says when nothing is left out', () => {
    expect(leftOutSentence({ leftOut: none })).toBe('No rows are left out.');
  });

  it('lists each reason with its count, thousands with a comma', () => {
    expect(
      leftOutSentence({ leftOut: { ...none, otherStudent: 1, outsideIep: 2, badMinutes: 1204 } }),
    ).toBe(
      'Left out: 1 row for another student; 2 rows dated outside the IEP; 1,204 rows whose minutes cannot be read.',
    );
  });

  it('counts with the noun', () => {
    expect(countOf(1, 'record', 'records')).toBe('1 record');
    expect(countOf(12345, 'record', 'records')).toBe('12,345 records');
  });
});
