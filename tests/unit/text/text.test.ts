import { describe, expect, it } from 'vitest';
import { capitalize, plural } from '../../../lib/text';

describe('capitalize', () => {
  it('puts the first letter in upper case and leaves the rest as it is', () => {
    expect(capitalize('student absent')).toBe('Student absent');
    expect(capitalize('speech-language therapy, OT')).toBe('Speech-language therapy, OT');
  });

  it('leaves text that starts with an upper case letter, a digit or a sign unchanged', () => {
    expect(capitalize('Missed')).toBe('Missed');
    expect(capitalize('30 minutes')).toBe('30 minutes');
    expect(capitalize('(make-up)')).toBe('(make-up)');
  });

  it('returns the empty string for the empty string', () => {
    expect(capitalize('')).toBe('');
  });

  it('handles letters outside ASCII', () => {
    expect(capitalize('école')).toBe('École');
  });
});

describe('plural', () => {
  it('puts the count before the noun, singular only for one', () => {
    expect(plural(1, 'session')).toBe('1 session');
    expect(plural(0, 'session')).toBe('0 sessions');
    expect(plural(5, 'session')).toBe('5 sessions');
  });

  it('takes an irregular plural', () => {
    expect(plural(1, 'entry', 'entries')).toBe('1 entry');
    expect(plural(2, 'entry', 'entries')).toBe('2 entries');
  });
});
