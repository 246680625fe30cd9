// What people type into number and date fields, read the way they meant it.
import { describe, expect, it } from 'vitest';
import { numberText, parseNumber } from '../../../renderer/forms.ts';
import { normaliseDate } from '../../../renderer/components/fields.tsx';

const parsed = (text: string) => {
  const errors: Record<string, string> = {};
  return { value: parseNumber(text, 'f', errors), error: errors.f };
};

describe('number fields', () => {
  it.each(['1,200', '1 200', '1\u202f200', '1\u00a0200', '1_200', '1200'])('read %j as 1200', (text) => {
    expect(parsed(text)).toEqual({ value: 1200, error: undefined });
  });

  it('read grouped millions and grouped decimals', () => {
    expect(parsed('2,400,000').value).toBe(2_400_000);
    expect(parsed('12,500.75').value).toBe(12_500.75);
    expect(parsed('0.92').value).toBe(0.92);
  });

  it('treat empty as unknown, not zero', () => {
    expect(parsed('  ')).toEqual({ value: null, error: undefined });
  });

  it('refuse a decimal comma or a wrong grouping with a message that says what to type', () => {
    expect(parsed('0,92')).toEqual({ value: null, error: expect.stringContaining('Use a point for decimals') });
    expect(parsed('1,20').value).toBeNull();
    expect(parsed('1,200 000').value).toBeNull();
    expect(parsed('twelve')).toEqual({ value: null, error: expect.stringContaining('Enter a number') });
  });

  it('show large whole numbers grouped, so what is shown reads back the same', () => {
    expect(numberText(600_000)).toBe('600,000');
    expect(parsed(numberText(600_000)).value).toBe(600_000);
    expect(numberText(1200)).toBe('1200');
    expect(numberText(0.92)).toBe('0.92');
    expect(numberText(null)).toBe('');
  });
});

describe('date fields', () => {
  it('turn a short or slashed date into yyyy-MM-dd and leave anything else for validation to name', () => {
    expect(normaliseDate('2027-2-1')).toBe('2027-02-01');
    expect(normaliseDate(' 2027/02/01 ')).toBe('2027-02-01');
    expect(normaliseDate('2027.12.31')).toBe('2027-12-31');
    expect(normaliseDate('01/02/2027')).toBe('01/02/2027');
    expect(normaliseDate('')).toBe('');
  });
});
