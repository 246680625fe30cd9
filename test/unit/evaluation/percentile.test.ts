import { describe, expect, it } from 'vitest';
import { percentile, percentileOfSorted } from '../../../shared/evaluation/percentile.ts';

describe('percentile (nearest rank)', () => {
  it('returns null when there are no values', () => {
    expect(percentile([], 95)).toBeNull();
  });

  it('returns the only value for any percentile of one sample', () => {
    expect(percentile([42], 50)).toBe(42);
    expect(percentile([42], 95)).toBe(42);
  });

  it('picks an observed value, never an interpolated one', () => {
    // ranks: p50 of 4 values → ceil(2) = 2nd; p95 → ceil(3.8) = 4th
    expect(percentile([400, 100, 300, 200], 50)).toBe(200);
    expect(percentile([400, 100, 300, 200], 95)).toBe(400);
  });

  it('gives the second slowest of 20 samples as p95', () => {
    const values = Array.from({ length: 20 }, (_, i) => (i + 1) * 10);
    expect(percentile(values, 95)).toBe(190);
    expect(percentile(values, 50)).toBe(100);
  });

  it('gives the 95th of 100 samples as p95', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 95)).toBe(95);
  });

  it('ignores values that are not finite numbers', () => {
    expect(percentile([Number.NaN, 5, Number.POSITIVE_INFINITY, 1], 100)).toBe(5);
  });

  it('treats p0 as the smallest value and rejects percentiles outside 0–100', () => {
    expect(percentileOfSorted([1, 2, 3], 0)).toBe(1);
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });
});
