// Turns raw per-task evaluation rows into one Evaluation per candidate (the evaluation matrix),
// and decides from the governance map whether each candidate is eligible.

import type {
  Candidate,
  Evaluation,
  EvaluationRow,
  GovernanceEntry,
  SignOff,
  SignOffRole,
  Workload,
} from '../domain/types.ts';
import { SIGN_OFF_ROLES } from '../domain/types.ts';
import { percentileOfSorted } from './percentile.ts';

export interface AggregateEvaluationsInput {
  workload: Workload;
  /** The client is regulated; the workload's own regulated / auditTrailRequired flags count as well. */
  regulated: boolean;
  candidates: Candidate[];
  rows: EvaluationRow[];
  governance: GovernanceEntry[];
  signOffs: SignOff[];
}

/**
 * One Evaluation per candidate, in the order the candidates are given.
 *
 * - sampleSize: every row of the candidate, whatever is known in it.
 * - p50/p95 latency: nearest-rank percentiles (see percentile.ts) over rows with a known latency.
 * - costPer1k: mean cost of rows with a known cost × 1000.
 * - accuracy, grounded, refusal, hallucination and win rates: share of true over the rows where
 *   that flag is known (null, never 0, when no row knows it).
 * - eligible: see eligibility() below.
 * Rows of candidates not in the list are ignored.
 */
export function aggregateEvaluations(input: AggregateEvaluationsInput): Evaluation[] {
  const { workload, candidates } = input;
  const rowsByCandidate = new Map<number, EvaluationRow[]>();
  for (const row of input.rows) {
    const list = rowsByCandidate.get(row.candidateId);
    if (list) list.push(row);
    else rowsByCandidate.set(row.candidateId, [row]);
  }
  const needsApprovals = input.regulated || workload.regulated || workload.auditTrailRequired;

  return candidates.map((candidate) => {
    const rows = rowsByCandidate.get(candidate.id) ?? [];
    const latencies = rows
      .map((r) => r.latencyMs)
      .filter((v): v is number => v !== null && Number.isFinite(v))
      .sort((a, b) => a - b);
    const costs = rows.map((r) => r.costUsd).filter((v): v is number => v !== null && Number.isFinite(v));
    const meanCost = costs.length === 0 ? null : costs.reduce((a, b) => a + b, 0) / costs.length;
    const { eligible, reason } = eligibility(
      candidate,
      needsApprovals,
      workload.auditTrailRequired,
      input.governance.find((g) => g.candidateId === candidate.id && g.workloadId === workload.id) ??
        input.governance.find((g) => g.candidateId === candidate.id),
      input.signOffs.filter((s) => s.candidateId === candidate.id),
    );
    return {
      candidateId: candidate.id,
      workloadId: workload.id,
      candidateName: candidate.name,
      approach: candidate.approach,
      selfHostable: candidate.selfHostable,
      dataRegion: candidate.dataRegion,
      sampleSize: rows.length,
      costPer1k: meanCost === null ? null : meanCost * 1000,
      p50LatencyMs: percentileOfSorted(latencies, 50),
      p95LatencyMs: percentileOfSorted(latencies, 95),
      accuracy: rateOf(rows, (r) => r.correct),
      groundedRate: rateOf(rows, (r) => r.grounded),
      refusalRate: rateOf(rows, (r) => r.refused),
      hallucinationRate: rateOf(rows, (r) => r.hallucinated),
      winRate: rateOf(rows, (r) => r.winVsBaseline),
      policyUpdateHours: candidate.policyUpdateHours,
      explainability: candidate.explainability,
      eligible,
      ineligibleReason: reason,
    };
  });
}

function rateOf(rows: readonly EvaluationRow[], flag: (row: EvaluationRow) => boolean | null): number | null {
  let known = 0;
  let yes = 0;
  for (const row of rows) {
    const value = flag(row);
    if (value === null) continue;
    known += 1;
    if (value) yes += 1;
  }
  return known === 0 ? null : yes / known;
}

/**
 * The sign-off that counts for each role is the latest one (by date; undated ones count as oldest;
 * on equal dates the one listed later wins), so a re-review replaces an earlier verdict.
 */
export function currentSignOffs(signOffs: readonly SignOff[]): Partial<Record<SignOffRole, SignOff>> {
  const current: Partial<Record<SignOffRole, SignOff>> = {};
  for (const s of signOffs) {
    const prev = current[s.role];
    if (!prev || (s.at ?? '') >= (prev.at ?? '')) current[s.role] = s;
  }
  return current;
}

/**
 * A candidate is ineligible when any current sign-off is rejected (whoever the client), when the
 * workload needs approvals (regulated client, regulated workload or audit trail required) and
 * legal, security or compliance has not approved, or when an audit trail is required and the
 * governance map says the candidate has none.
 */
export function eligibility(
  candidate: Candidate,
  needsApprovals: boolean,
  auditTrailRequired: boolean,
  governance: GovernanceEntry | undefined,
  signOffs: readonly SignOff[],
): { eligible: boolean; reason: string | null } {
  const current = currentSignOffs(signOffs);
  const reasons: string[] = [];

  const rejected = SIGN_OFF_ROLES.filter((role) => current[role]?.status === 'rejected');
  for (const role of rejected) {
    const s = current[role]!;
    const who = s.by ? ` by ${s.by}` : '';
    const when = s.at ? ` on ${s.at}` : '';
    reasons.push(`${capitalise(role)} sign-off was rejected${who}${when}.`);
  }

  if (needsApprovals) {
    const missing = SIGN_OFF_ROLES.filter((role) => !rejected.includes(role) && current[role]?.status !== 'approved');
    if (missing.length > 0) {
      const pending = missing.filter((role) => current[role]?.status === 'pending');
      const absent = missing.filter((role) => current[role] === undefined);
      const parts: string[] = [];
      if (pending.length > 0) parts.push(`${listOf(pending)} ${pending.length === 1 ? 'is' : 'are'} still pending`);
      if (absent.length > 0) parts.push(`${listOf(absent)} ${absent.length === 1 ? 'has' : 'have'} not been requested`);
      reasons.push(
        `This workload is regulated, so ${candidate.name} needs approved legal, security and compliance sign-offs; ` +
          `missing: ${listOf(missing)} (${parts.join('; ')}).`,
      );
    }
  }

  if (auditTrailRequired && governance && !governance.auditTrail) {
    reasons.push(`This workload requires an audit trail and the governance map records none for ${candidate.name}.`);
  }

  return reasons.length === 0 ? { eligible: true, reason: null } : { eligible: false, reason: reasons.join(' ') };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
