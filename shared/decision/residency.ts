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

/**
 * R6: why every generative part must run where the client controls it, or null when nothing requires it.
 * Data that may not leave the client's infrastructure, and a model deployed on it (on-prem or at the edge),
 * both rule out calling a hosted model.
 */
export function selfHostingReasons(workload: Workload, commitments: Commitment[]): string[] {
  const reasons: string[] = [];
  if (isOnPrem(workload.residency)) reasons.push('its data may not leave the client\'s infrastructure (residency on-prem)');
  const onPremCommitment = commitments.find((c) => c.kind === 'residency' && isOnPrem(c.description));
  if (onPremCommitment) reasons.push(`a residency commitment to ${onPremCommitment.customer} keeps the data on-prem`);
  if (workload.deployment === 'on_prem') reasons.push('it is deployed on the client\'s own servers, which cannot call a hosted model');
  if (workload.deployment === 'edge') reasons.push('it is deployed at the edge, where a hosted model cannot be called');
  return reasons;
}

/** R6 fires when residency (the workload's or a commitment's) says on-prem, or the workload is deployed on-prem or at the edge. */
export function requiresSelfHosting(workload: Workload, commitments: Commitment[]): boolean {
  return selfHostingReasons(workload, commitments).length > 0;
}
