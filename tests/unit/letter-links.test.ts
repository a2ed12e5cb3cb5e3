/** The records-request link for periods with no record, and reading its dates back. */
import { describe, expect, it } from 'vitest';
import {
  NO_RECORD_PERIODS_INPUT,
  noRecordPeriodsInput,
  recordsRequestPath,
} from '../../lib/ui/letter-links';

describe('letter links', () => {
  it('carries the student, the kind, the service and the period starts', () => {
    const path = recordsRequestPath('stu 1', 'svc&2', ['2026-10-05', '2026-10-12']);
    expect(path).toBe(
      '/letter.html?student=stu+1&kind=records-request&service=svc%262&dates=2026-10-05%2C2026-10-12',
    );
    const query = new URLSearchParams(path.split('?')[1]);
    expect(query.get('service')).toBe('svc&2');
    expect(noRecordPeriodsInput(query.get('dates'))).toBe('2026-10-05,2026-10-12');
    expect(NO_RECORD_PERIODS_INPUT).toBe('noRecordPeriods');
  });

  it('keeps only real dates, sorted, without repeats', () => {
    expect(noRecordPeriodsInput(null)).toBe('');
    expect(noRecordPeriodsInput('')).toBe('');
    expect(noRecordPeriodsInput('2026-10-12, 2026-10-05,2026-10-12,2026-02-30,<b>,')).toBe(
      '2026-10-05,2026-10-12',
    );
  });
});
