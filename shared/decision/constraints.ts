// Hard constraints a candidate must meet (R8): accuracy, p95 latency and residency, from commitments and the workload.
import type { Commitment, Evaluation, Workload } from '../domain/types.ts';
import { isOnPrem, normalizeRegion } from './residency.ts';
import { formatNumber } from '../format.ts';

export type HardConstraintKind = 'accuracy' | 'latency' | 'residency';

export interface HardConstraint {
  kind: HardConstraintKind;
  /** The commitment that sets it, or null when it comes from the workload's own residency field. */
  commitmentId: number | null;
  /** Names the constraint and who it was promised to, e.g. 'accuracy ≥ 0.95 promised to Acme (commitment #3)'. */
  label: string;
  /** The same in a few words for warnings, e.g. 'accuracy ≥ 0.95 for Acme'. */
  short: string;
  threshold: number | null;
  region: string | null;
}

export interface ConstraintCheck {
  met: boolean;
  /** Why, with the measured value, e.g. "accuracy 0.93 is below 0.95". */
  why: string;
}

function fromCommitment(c: Commitment): HardConstraint | null {
  const who = `promised to ${c.customer} (commitment #${c.id})`;
  if (c.kind === 'accuracy' && c.threshold !== null) {
    const what = `accuracy ≥ ${formatNumber(c.threshold)}`;
    return { kind: 'accuracy', commitmentId: c.id, label: `${what} ${who}`, short: `${what} for ${c.customer}`, threshold: c.threshold, region: null };
  }
  if (c.kind === 'latency' && c.threshold !== null) {
    const what = `p95 latency ≤ ${formatNumber(c.threshold)} ms`;
    return { kind: 'latency', commitmentId: c.id, label: `${what} ${who}`, short: `${what} for ${c.customer}`, threshold: c.threshold, region: null };
  }
  const region = c.kind === 'residency' ? normalizeRegion(c.description) : null;
  if (region !== null) {
    return { kind: 'residency', commitmentId: c.id, label: `data residency ${region} ${who}`, short: `data residency ${region} for ${c.customer}`, threshold: null, region };
  }
  return null;
}

/** The hard constraints of a workload: its commitments' thresholds and regions, plus its own residency. */
export function hardConstraints(workload: Workload, commitments: Commitment[]): HardConstraint[] {
  const constraints: HardConstraint[] = [];
  for (const c of commitments) {
    const constraint = fromCommitment(c);
    if (constraint) constraints.push(constraint);
  }
  const own = normalizeRegion(workload.residency);
  if (own !== null && !constraints.some((c) => c.kind === 'residency' && c.region === own)) {
    constraints.push({ kind: 'residency', commitmentId: null, label: `data residency ${own} (workload setting)`, short: `data residency ${own} (workload setting)`, threshold: null, region: own });
  }
  return constraints;
}

/** An unmeasured metric never meets a threshold: a commitment cannot be kept on a guess. */
export function checkConstraint(constraint: HardConstraint, e: Evaluation): ConstraintCheck {
  switch (constraint.kind) {
    case 'accuracy': {
      const min = constraint.threshold ?? 0;
      if (e.accuracy === null) return { met: false, why: 'accuracy was not measured' };
      return e.accuracy >= min
        ? { met: true, why: `accuracy ${formatNumber(e.accuracy)} meets ${formatNumber(min)}` }
        : { met: false, why: `accuracy ${formatNumber(e.accuracy)} is below ${formatNumber(min)}` };
    }
    case 'latency': {
      const max = constraint.threshold ?? Infinity;
      if (e.p95LatencyMs === null) return { met: false, why: 'p95 latency was not measured' };
      return e.p95LatencyMs <= max
        ? { met: true, why: `p95 latency ${formatNumber(e.p95LatencyMs, 0)} ms meets ${formatNumber(max)} ms` }
        : { met: false, why: `p95 latency ${formatNumber(e.p95LatencyMs, 0)} ms exceeds ${formatNumber(max)} ms` };
    }
    case 'residency': {
      const required = constraint.region;
      const region = normalizeRegion(e.dataRegion);
      if (required === 'on_prem') {
        return e.selfHostable || region === 'on_prem'
          ? { met: true, why: 'runs on the client\'s own infrastructure' }
          : { met: false, why: 'is hosted only, data would leave the client\'s infrastructure' };
      }
      // Data kept on the client's own infrastructure satisfies any region the client sits in.
      if (region === required || isOnPrem(region)) return { met: true, why: `data stays in ${region}` };
      return { met: false, why: region === null ? 'data region is unknown' : `data is processed in ${region}, not ${required}` };
    }
  }
}

/**
 * The best any of the candidates does against one constraint, in words: "best 0.93 (C)", "best 1,200 ms (Fast)",
 * "none keeps data in EU". R8's warning puts it beside the commitment so the gap is visible.
 */
export function bestAgainst(constraint: HardConstraint, evaluations: Evaluation[]): string {
  switch (constraint.kind) {
    case 'accuracy': {
      const measured = evaluations.filter((e) => e.accuracy !== null);
      if (measured.length === 0) return 'no candidate measured accuracy';
      const best = measured.reduce((a, b) => ((b.accuracy ?? 0) > (a.accuracy ?? 0) ? b : a));
      return `best ${formatNumber(best.accuracy ?? 0)} (${best.candidateName})`;
    }
    case 'latency': {
      const measured = evaluations.filter((e) => e.p95LatencyMs !== null);
      if (measured.length === 0) return 'no candidate measured p95 latency';
      const best = measured.reduce((a, b) => ((b.p95LatencyMs ?? Infinity) < (a.p95LatencyMs ?? Infinity) ? b : a));
      return `best ${formatNumber(best.p95LatencyMs ?? 0, 0)} ms (${best.candidateName})`;
    }
    case 'residency': {
      const keeps = evaluations.find((e) => checkConstraint(constraint, e).met);
      if (keeps) return `met by ${keeps.candidateName}`;
      return constraint.region === 'on_prem' ? 'no candidate runs on the client\'s infrastructure' : `no candidate keeps data in ${constraint.region}`;
    }
  }
}
