// Percentiles of measured values (latencies), by the nearest-rank method.
//
// Nearest rank: the p-th percentile of n sorted values is the value at rank ceil(p/100 × n)
// (1-based). It always returns a latency that was actually observed, never an interpolated one,
// and it never under-states a tail: with 20 samples p95 is the second slowest value, with fewer
// than 20 samples it is the slowest one. That is how an SLA reviewer reads "95% of requests were
// at or below X ms".

/** Nearest-rank percentile of values that are already sorted ascending. null when there are none. */
export function percentileOfSorted(sorted: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be between 0 and 100, got ${p}`);
  const n = sorted.length;
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * n));
  return sorted[Math.min(rank, n) - 1];
}

/** Nearest-rank percentile (0–100) of finite values, in any order. null when there are none. */
export function percentile(values: readonly number[], p: number): number | null {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  return percentileOfSorted(sorted, p);
}
