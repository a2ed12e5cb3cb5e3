import { describe, expect, it } from 'vitest';
import { capitalize } from '../../../lib/text';

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
