import { describe, expect, it } from 'vitest';
import { recordedLetterSchema, relativeDays } from '../../components/correspondence/letter-records';
import { validate } from '../../lib/ui/forms';

const today = '2026-11-27';
const base = {
  id: 'l1',
  studentId: 's1',
  kind: 'service-concern',
  subject: 'Missed minutes',
  status: 'sent',
  createdAt: 1,
  sentDate: '2026-11-02',
  method: 'email',
};

function errors(fields: Record<string, unknown>) {
  const result = validate(recordedLetterSchema(today), { ...base, ...fields });
  return result.ok ? {} : result.errors;
}

describe('a recorded letter', () => {
  it('accepts a sent letter with its date and method', () => {
    expect(errors({})).toEqual({});
    expect(
      errors({ responseDate: '2026-11-20', responseSummary: 'They will add sessions.' }),
    ).toEqual({});
  });

  it('needs the date and how it was sent once it is sent, not as a draft', () => {
    expect(errors({ sentDate: null, method: null })).toEqual({
      sentDate: 'Enter the date you sent it.',
      method: 'Pick how you sent it.',
    });
    expect(errors({ status: 'draft', sentDate: null, method: null })).toEqual({});
  });

  it('keeps dates in order and out of the future', () => {
    expect(errors({ sentDate: '2026-11-28' }).sentDate).toBe(
      'The date sent cannot be in the future.',
    );
    expect(errors({ requestedResponseDate: '2026-11-01' }).requestedResponseDate).toMatch(
      /on or after/,
    );
    expect(errors({ responseDate: '2026-11-01' }).responseDate).toMatch(/cannot come before/);
    expect(errors({ responseDate: '2026-11-30' }).responseDate).toMatch(/future/);
    expect(errors({ responseSummary: 'A call' }).responseDate).toBe(
      'Enter the date the reply came.',
    );
  });

  it('still applies letterSchema', () => {
    expect(errors({ kind: '' }).kind).toBeTruthy();
    expect(errors({ sentDate: '2026-02-30' }).sentDate).toBe('Enter a real date (year-month-day).');
  });
});

describe('relative days', () => {
  it('says it plainly', () => {
    expect([0, 1, -1, 5, -3].map(relativeDays)).toEqual([
      'today',
      'tomorrow',
      'yesterday',
      'in 5 days',
      '3 days ago',
    ]);
  });
});
