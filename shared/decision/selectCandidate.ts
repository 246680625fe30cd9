// R8 (and the second half of R7): choose the cheapest eligible candidate that meets every hard constraint.
import type { Evaluation } from '../domain/types.ts';
import { bestAgainst, checkConstraint, type HardConstraint } from './constraints.ts';
import { formatMoney, formatNumber } from '../format.ts';

export interface RejectedCandidate {
  candidateId: number;
  name: string;
  reasons: string[];
}

export interface CandidateSelection {
  selected: Evaluation | null;
  /** Sentence explaining the choice (or why there is none). */
  reason: string;
  eligibleCount: number;
  rejected: RejectedCandidate[];
  /** Constraints that no eligible candidate meets on its own. */
  unmetByAll: HardConstraint[];
  /**
   * true when no single candidate meets every constraint but each constraint is met by some eligible
   * candidate: a stack that routes to several candidates could keep every commitment (R7, second clause).
   * Deliberately simple: it does not prove the combination works, it says the benchmark should try it.
   */
  combinationWouldMeet: boolean;
  /**
   * R8's warning when no candidate is selected although some are eligible: each commitment no single candidate
   * keeps, with the best value any eligible candidate reached ("accuracy ≥ 0.95 for St. Anne: best 0.93 (C)").
   */
  warning: string | null;
}

const costKey = (e: Evaluation) => e.costPer1k ?? Number.POSITIVE_INFINITY;
const groundedKey = (e: Evaluation) => e.groundedRate ?? -1;

/** Lowest cost per 1k first; ties go to the higher grounded-answer rate, then the lower candidate id. */
function compareCandidates(a: Evaluation, b: Evaluation): number {
  return costKey(a) - costKey(b) || groundedKey(b) - groundedKey(a) || a.candidateId - b.candidateId;
}

export function selectCandidate(
  evaluations: Evaluation[],
  constraints: HardConstraint[],
  selfHostingRequired: boolean,
): CandidateSelection {
  const rejected: RejectedCandidate[] = [];
  const eligible: Evaluation[] = [];
  for (const e of evaluations) {
    const reasons: string[] = [];
    if (!e.eligible) reasons.push(e.ineligibleReason ?? 'not eligible under governance');
    if (selfHostingRequired && !e.selfHostable) reasons.push('hosted only, while the workload must run on self-hosted models (R6)');
    if (reasons.length > 0) rejected.push({ candidateId: e.candidateId, name: e.candidateName, reasons });
    else eligible.push(e);
  }

  const meetsAll: Evaluation[] = [];
  const metBySome = new Set<HardConstraint>();
  for (const e of eligible) {
    const failures: string[] = [];
    for (const c of constraints) {
      const check = checkConstraint(c, e);
      if (check.met) metBySome.add(c);
      else failures.push(`${c.label}: ${check.why}`);
    }
    if (failures.length === 0) meetsAll.push(e);
    else rejected.push({ candidateId: e.candidateId, name: e.candidateName, reasons: failures });
  }

  const unmetByAll = constraints.filter((c) => !metBySome.has(c));
  meetsAll.sort(compareCandidates);
  const selected = meetsAll[0] ?? null;
  const combinationWouldMeet =
    selected === null && eligible.length >= 2 && constraints.length > 0 && unmetByAll.length === 0;

  let reason: string;
  if (selected) {
    const cost = selected.costPer1k === null ? 'unknown cost' : `${formatMoney(selected.costPer1k)} per 1,000 tasks`;
    const tie = meetsAll.length > 1 && costKey(meetsAll[1]) === costKey(selected)
      ? `, tied on cost and chosen for its higher grounded-answer rate (${selected.groundedRate === null ? 'unknown' : formatNumber(selected.groundedRate)})`
      : '';
    const kept = constraints.length === 0 ? 'no hard constraint applies' : `meets ${constraints.map((c) => c.label).join('; ')}`;
    reason = meetsAll.length === 1
      ? `${selected.candidateName} is the only candidate that qualifies (${cost}${tie}); it ${kept}.`
      : `${selected.candidateName} is the cheapest of the ${meetsAll.length} candidates that qualify (${cost}${tie}); it ${kept}.`;
  } else if (eligible.length === 0) {
    reason = evaluations.length === 0 ? 'No candidate has been evaluated.' : 'No evaluated candidate is eligible.';
  } else if (combinationWouldMeet) {
    reason = 'No single candidate meets every hard constraint, but each constraint is met by at least one eligible candidate.';
  } else if (unmetByAll.length === 0) {
    reason = 'No eligible candidate meets every hard constraint at once.';
  } else {
    reason = `No candidate meets ${unmetByAll.map((c) => c.label).join('; ')}.`;
  }
  return { selected, reason, eligibleCount: eligible.length, rejected, unmetByAll, combinationWouldMeet, warning: shortfallWarning(selected, eligible, constraints, unmetByAll, combinationWouldMeet) };
}

function shortfallWarning(
  selected: Evaluation | null, eligible: Evaluation[], constraints: HardConstraint[], unmetByAll: HardConstraint[], combination: boolean,
): string | null {
  if (selected !== null || eligible.length === 0 || constraints.length === 0) return null;
  // Those nobody meets are the gap; when each is met by someone, every constraint some candidate breaks is named.
  const named = unmetByAll.length > 0 ? unmetByAll : constraints.filter((c) => eligible.some((e) => !checkConstraint(c, e).met));
  const list = named.map((c) => `${c.short}: ${bestAgainst(c, eligible)}`).join('; ');
  return combination
    ? `No single candidate meets every commitment; a multi-model stack that routes between candidates could: ${list}.`
    : `No candidate meets every commitment: ${list}.`;
}
