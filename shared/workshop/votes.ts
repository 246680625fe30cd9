// Dot voting: the options of a vote, a participant's ballot checked against the dot limit, the tally and the ranking it gives.
import type { VoteEntry, VoteOption } from './types.ts';

export const workloadOptionKey = (workloadId: number): string => `w:${workloadId}`;

/** A vote item's options: its own, or (when it has none) one per workload of the client. */
export function voteOptionsOf(item: { voteOptions: VoteOption[] }, workloads: readonly { id: number; name: string }[]): VoteOption[] {
  if (item.voteOptions.length > 0) return item.voteOptions;
  return workloads.map((w) => ({ key: workloadOptionKey(w.id), label: w.name, workloadId: w.id }));
}

export interface BallotIssue {
  field: string;
  message: string;
}

/** What is wrong with one participant's dots: options that are not in the vote, or more dots than they have. */
export function validateBallot(participant: string, dots: Record<string, number>, options: readonly VoteOption[], dotsPerParticipant: number): BallotIssue | null {
  const keys = new Set(options.map((o) => o.key));
  for (const key of Object.keys(dots)) {
    if (!keys.has(key)) return { field: `dots.${key}`, message: `${key} is not an option of this vote` };
  }
  const total = Object.values(dots).reduce((s, n) => s + n, 0);
  if (total > dotsPerParticipant) {
    return { field: 'dots', message: `${participant} gave ${total} dots; each participant has ${dotsPerParticipant}. Take ${total - dotsPerParticipant} away.` };
  }
  return null;
}

export interface TallyRow extends VoteOption {
  dots: number;
  /** Participants who gave this option at least one dot. */
  voters: string[];
}

/** Dots per option, most first; ties keep the options' order. */
export function tallyVotes(entries: readonly VoteEntry[], options: readonly VoteOption[]): TallyRow[] {
  const rows = options.map((o) => ({ ...o, dots: 0, voters: [] as string[] }));
  const byKey = new Map(rows.map((r) => [r.key, r]));
  for (const e of entries) {
    const row = byKey.get(e.optionKey);
    if (!row || e.dots <= 0) continue;
    row.dots += e.dots;
    if (!row.voters.includes(e.participant)) row.voters.push(e.participant);
  }
  const order = new Map(options.map((o, i) => [o.key, i]));
  return rows.sort((a, b) => b.dots - a.dots || (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0));
}

/**
 * The priority order a tally gives the voted workloads: 1 = most dots. Workloads with equal dots keep their
 * current order (`currentOrder`: workload ids, highest priority first); options without dots or without a
 * workload get no rank.
 */
export function rankFromTally(tally: readonly TallyRow[], currentOrder: readonly number[]): { workloadId: number; rank: number }[] {
  const position = new Map(currentOrder.map((id, i) => [id, i]));
  const voted = tally.filter((t): t is TallyRow & { workloadId: number } => t.workloadId !== null && t.dots > 0);
  voted.sort((a, b) => b.dots - a.dots || (position.get(a.workloadId) ?? Infinity) - (position.get(b.workloadId) ?? Infinity) || a.workloadId - b.workloadId);
  return voted.map((t, i) => ({ workloadId: t.workloadId, rank: i + 1 }));
}
