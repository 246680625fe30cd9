// A candidate's evaluation rows summed up once (counts, sums, exact nearest-rank p50/p95): enough to build its
// Evaluation without the rows. The workspace keeps one per candidate, refreshed in the transaction that writes rows.
import type { Candidate, Evaluation, EvaluationRow, GovernanceEntry, SignOff, Workload } from '../domain/types.ts';
import { eligibility } from './aggregate.ts';
import { percentileOfSorted } from './percentile.ts';

export interface CandidateAggregate {
  candidateId: number;
  sampleSize: number;
  costCount: number;
  costSum: number;
  latencyCount: number;
  p50LatencyMs: number | null;
  p95LatencyMs: number | null;
  correctKnown: number; correctYes: number;
  groundedKnown: number; groundedYes: number;
  refusedKnown: number; refusedYes: number;
  hallucinatedKnown: number; hallucinatedYes: number;
  winKnown: number; winYes: number;
}

export const emptyAggregate = (candidateId: number): CandidateAggregate => ({
  candidateId, sampleSize: 0, costCount: 0, costSum: 0, latencyCount: 0, p50LatencyMs: null, p95LatencyMs: null,
  correctKnown: 0, correctYes: 0, groundedKnown: 0, groundedYes: 0, refusedKnown: 0, refusedYes: 0,
  hallucinatedKnown: 0, hallucinatedYes: 0, winKnown: 0, winYes: 0,
});

/** The summary of raw rows (tests compare it with what the workspace stores). */
export function aggregateOfRows(candidateId: number, rows: readonly EvaluationRow[]): CandidateAggregate {
  const a = emptyAggregate(candidateId);
  const latencies: number[] = [];
  for (const r of rows) {
    if (r.candidateId !== candidateId) continue;
    a.sampleSize += 1;
    if (r.costUsd !== null && Number.isFinite(r.costUsd)) { a.costCount += 1; a.costSum += r.costUsd; }
    if (r.latencyMs !== null && Number.isFinite(r.latencyMs)) latencies.push(r.latencyMs);
    if (r.correct !== null) { a.correctKnown += 1; if (r.correct) a.correctYes += 1; }
    if (r.grounded !== null) { a.groundedKnown += 1; if (r.grounded) a.groundedYes += 1; }
    if (r.refused !== null) { a.refusedKnown += 1; if (r.refused) a.refusedYes += 1; }
    if (r.hallucinated !== null) { a.hallucinatedKnown += 1; if (r.hallucinated) a.hallucinatedYes += 1; }
    if (r.winVsBaseline !== null) { a.winKnown += 1; if (r.winVsBaseline) a.winYes += 1; }
  }
  latencies.sort((x, y) => x - y);
  a.latencyCount = latencies.length;
  a.p50LatencyMs = percentileOfSorted(latencies, 50);
  a.p95LatencyMs = percentileOfSorted(latencies, 95);
  return a;
}

/** 1-based nearest rank of percentile p among n values (see percentile.ts); 0 when there are none. */
export function nearestRank(n: number, p: number): number {
  return n === 0 ? 0 : Math.min(n, Math.max(1, Math.ceil((p / 100) * n)));
}

const rate = (known: number, yes: number) => (known === 0 ? null : yes / known);

export interface EvaluationsFromAggregatesInput {
  workload: Workload;
  regulated: boolean;
  candidates: Candidate[];
  aggregates: ReadonlyMap<number, CandidateAggregate>;
  governance: GovernanceEntry[];
  signOffs: SignOff[];
}

/** The same Evaluation per candidate as aggregateEvaluations gives from the raw rows, built from the summaries. */
export function evaluationsFromAggregates(input: EvaluationsFromAggregatesInput): Evaluation[] {
  const { workload } = input;
  const needsApprovals = input.regulated || workload.regulated || workload.auditTrailRequired;
  return input.candidates.map((candidate) => {
    const a = input.aggregates.get(candidate.id) ?? emptyAggregate(candidate.id);
    const { eligible, reason } = eligibility(
      candidate, needsApprovals, workload.auditTrailRequired,
      input.governance.find((g) => g.candidateId === candidate.id && g.workloadId === workload.id)
        ?? input.governance.find((g) => g.candidateId === candidate.id),
      input.signOffs.filter((s) => s.candidateId === candidate.id),
    );
    return {
      candidateId: candidate.id, workloadId: workload.id, candidateName: candidate.name, approach: candidate.approach,
      selfHostable: candidate.selfHostable, dataRegion: candidate.dataRegion,
      sampleSize: a.sampleSize,
      costPer1k: a.costCount === 0 ? null : (a.costSum / a.costCount) * 1000,
      p50LatencyMs: a.p50LatencyMs, p95LatencyMs: a.p95LatencyMs,
      accuracy: rate(a.correctKnown, a.correctYes), groundedRate: rate(a.groundedKnown, a.groundedYes),
      refusalRate: rate(a.refusedKnown, a.refusedYes), hallucinationRate: rate(a.hallucinatedKnown, a.hallucinatedYes),
      winRate: rate(a.winKnown, a.winYes),
      policyUpdateHours: candidate.policyUpdateHours, explainability: candidate.explainability,
      eligible, ineligibleReason: reason,
    };
  });
}
