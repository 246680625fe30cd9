// Residency values are typed by people: "on_prem", "on-prem", "On prem" all mean data stays on the client's infrastructure.
import type { Commitment, Workload } from '../domain/types.ts';

export function normalizeRegion(region: string | null | undefined): string | null {
  if (region === null || region === undefined) return null;
  const trimmed = region.trim();
  if (trimmed === '') return null;
  if (/^on[\s_-]?prem(ise|ises)?$/i.test(trimmed)) return 'on_prem';
  return trimmed.toUpperCase();
}

export function isOnPrem(region: string | null | undefined): boolean {
  return normalizeRegion(region) === 'on_prem';
}

/** R6 fires when the workload's residency, or a residency commitment on it, says on_prem. */
export function requiresSelfHosting(workload: Workload, commitments: Commitment[]): boolean {
  if (isOnPrem(workload.residency)) return true;
  return commitments.some((c) => c.kind === 'residency' && isOnPrem(c.description));
}
