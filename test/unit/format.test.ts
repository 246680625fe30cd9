import { describe, it, expect } from 'vitest';
import { articleFor, formatDate, formatMoney, formatNumber, plural, workingDays } from '../../shared/format.ts';

describe('one way to write numbers, money and dates', () => {
  it('groups thousands with commas', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(-1200)).toBe('-1,200');
    expect(formatNumber(0.93)).toBe('0.93');
    expect(formatNumber(1234.5678, 1)).toBe('1,234.6');
    expect(formatNumber(-0.001, 2)).toBe('0.00');
  });

  it('writes money with two decimals', () => {
    expect(formatMoney(1234.5)).toBe('$1,234.50');
    expect(formatMoney(0.2)).toBe('$0.20');
    expect(formatMoney(-3)).toBe('−$3.00');
  });

  it('writes a date as "9 Dec 2026"', () => {
    expect(formatDate('2026-12-09')).toBe('9 Dec 2026');
    expect(formatDate('2027-01-06T10:00:00Z')).toBe('6 Jan 2027');
  });

  it('gets singular and plural right', () => {
    expect(plural(1, 'job')).toBe('1 job');
    expect(plural(2, 'job')).toBe('2 jobs');
    expect(workingDays(1)).toBe('1 working day');
    expect(workingDays(1200)).toBe('1,200 working days');
  });

  it('chooses the article a number needs when read aloud', () => {
    expect(articleFor(800)).toBe('an');
    expect(articleFor(18)).toBe('an');
    expect(articleFor(11_500)).toBe('an');
    expect(articleFor(300)).toBe('a');
    expect(articleFor(110)).toBe('a');
  });
});
