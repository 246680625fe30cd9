// Which limits an evaluation-matrix cell breaks: the one decision the Evaluation screen and the roadmap PDF both draw.
import type { Commitment, Evaluation, Workload } from '../domain/types.ts';
import { checkConstraint, hardConstraints, type HardConstraint } from '../decision/constraints.ts';
import { commitmentAppliesTo } from '../plan/links.ts';
import { formatMoney, formatNumber } from '../format.ts';

/** The matrix column a flag marks. */
export type FlaggedColumn = 'accuracy' | 'latency' | 'region' | 'cost';

export interface CellFlag {
  column: FlaggedColumn;
  /** true for a commitment or residency R8 holds candidates to; false for the workload's own target or today's cost. */
  hard: boolean;
  /** What is broken, e.g. "accuracy ≥ 0.95 promised to St. Anne (commitment #3)". */
  limit: string;
  /** Why, with the measured value, e.g. "accuracy 0.93 is below 0.95". */
  why: string;
}

const COLUMN_OF: Record<HardConstraint['kind'], FlaggedColumn> = { accuracy: 'accuracy', latency: 'latency', residency: 'region' };

/**
 * The limits one candidate breaks: every hard constraint (commitments' accuracy and p95 latency, residency) it does not
 * meet — an unmeasured metric cannot keep a commitment — plus the workload's own p95 target and today's cost per
 * 1,000 tasks, which are flagged but do not rule a candidate out.
 */
export function cellFlags(workload: Workload, constraints: HardConstraint[], e: Evaluation): CellFlag[] {
  const flags: CellFlag[] = [];
  for (const c of constraints) {
    const check = checkConstraint(c, e);
    if (!check.met) flags.push({ column: COLUMN_OF[c.kind], hard: true, limit: c.label, why: check.why });
  }
  const target = workload.latencyTargetMs;
  if (target !== null && e.p95LatencyMs !== null && e.p95LatencyMs > target && !constraints.some((c) => c.kind === 'latency' && (c.threshold ?? Infinity) <= target)) {
    flags.push({ column: 'latency', hard: false, limit: `p95 latency target ${formatNumber(target)} ms (workload setting)`, why: `p95 latency ${formatNumber(e.p95LatencyMs, 0)} ms exceeds ${formatNumber(target)} ms` });
  }
  const today = workload.baselineCostPer1k;
  if (today !== null && e.costPer1k !== null && e.costPer1k > today) {
    flags.push({ column: 'cost', hard: false, limit: `today's cost of ${formatMoney(today)} per 1,000 tasks`, why: `${formatMoney(e.costPer1k)} per 1,000 tasks is more than today's ${formatMoney(today)}` });
  }
  return flags;
}

/** Flags of every candidate of a workload, by candidate id; commitments of other workloads are ignored. */
export function matrixFlags(workload: Workload, commitments: Commitment[], evaluations: Evaluation[]): Record<number, CellFlag[]> {
  const constraints = hardConstraints(workload, commitments.filter((c) => commitmentAppliesTo(c, workload)));
  return Object.fromEntries(evaluations.map((e) => [e.candidateId, cellFlags(workload, constraints, e)]));
}
