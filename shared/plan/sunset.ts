// The internal sunset date: the last day a workload may still be on the old model, with the reason that set it.
import { DEFAULT_TRAINING_DEADLINE, type Commitment, type Contract, type DeadlinePolicy, type IsoDate, type Workload } from '../domain/types.ts';
import { addCalendarDays, toDayNumber } from './calendar.ts';
import { commitmentAppliesTo, contractAppliesTo } from './links.ts';
import type { SunsetDate } from './types.ts';

const minusDays = (date: IsoDate, days: number): IsoDate => addCalendarDays(date, -days);

function earliestEvent(policy: DeadlinePolicy, kind: 'training_deadline' | 'inference_retirement'): IsoDate | null {
  let earliest: IsoDate | null = null;
  for (const e of policy.events) if (e.kind === kind && (earliest === null || e.date < earliest)) earliest = e.date;
  return earliest;
}

/** The vendor's training deadline in force: the earliest training_deadline event, else 2027-01-06. */
export function trainingDeadline(policy: DeadlinePolicy): IsoDate {
  return earliestEvent(policy, 'training_deadline') ?? DEFAULT_TRAINING_DEADLINE;
}

/** The inference retirement date, when the vendor has announced one. */
export function inferenceRetirement(policy: DeadlinePolicy): IsoDate | null {
  return earliestEvent(policy, 'inference_retirement');
}

export interface SunsetContext {
  policy: DeadlinePolicy;
  /** May hold other workloads' commitments and contracts: only those that apply to the workload count. */
  commitments: Commitment[];
  contracts: Contract[];
}

/**
 * The earliest of: training deadline − (retest + rollback); inference retirement − the same, when known;
 * each linked commitment or contract date before the training deadline − its notice period.
 * On equal dates the first in that order is kept, so the reason stays the most general one.
 */
export function computeSunsetDate(workload: Workload, { policy, commitments, contracts }: SunsetContext): SunsetDate {
  const buffer = policy.retestDays + policy.rollbackDays;
  const bufferText = `${buffer} days (${policy.retestDays} retest + ${policy.rollbackDays} rollback)`;
  const deadline = trainingDeadline(policy);
  let sunset: SunsetDate = {
    date: minusDays(deadline, buffer),
    reason: `Training deadline ${deadline} minus ${bufferText}.`,
    source: 'training_deadline',
  };
  // Reasons are written only for a date that wins: thousands of workloads share the same few dates.
  const retirement = inferenceRetirement(policy);
  if (retirement !== null) {
    const date = minusDays(retirement, buffer);
    if (date < sunset.date) sunset = { date, reason: `Inference retirement ${retirement} minus ${bufferText}.`, source: 'inference_retirement' };
  }
  for (const c of commitments) {
    if (c.dueDate === null || c.dueDate >= deadline || !commitmentAppliesTo(c, workload)) continue;
    const date = minusDays(c.dueDate, c.noticeDays);
    if (date < sunset.date) sunset = { date, reason: commitmentReason(c), source: 'commitment' };
  }
  for (const k of contracts) {
    if (k.renewalDate === null || k.renewalDate >= deadline || !contractAppliesTo(k, workload)) continue;
    const date = minusDays(k.renewalDate, k.noticeDays);
    if (date < sunset.date) {
      sunset = { date, reason: `Contract "${k.name}" with ${k.counterparty} renews ${k.renewalDate}, before the training deadline, minus its ${k.noticeDays}-day notice period.`, source: 'contract' };
    }
  }
  return sunset;
}

function commitmentReason(c: Commitment): string {
  const kind = `${c.kind[0].toUpperCase()}${c.kind.slice(1)}`;
  const threshold = c.threshold !== null && (c.kind === 'accuracy' || c.kind === 'latency' || c.kind === 'availability') ? ` (${c.threshold})` : '';
  return `${kind} commitment${threshold} to ${c.customer} due ${c.dueDate}, before the training deadline, minus its ${c.noticeDays}-day notice period.`;
}

/** The client's sunset: the earliest of its workloads' (null when it has none). */
export function clientSunsetDate<T extends { workloadId: number; sunset: SunsetDate }>(plans: T[]): (SunsetDate & { workloadId: number }) | null {
  let earliest: T | null = null;
  for (const p of plans) if (earliest === null || p.sunset.date < earliest.sunset.date) earliest = p;
  return earliest === null ? null : { ...earliest.sunset, workloadId: earliest.workloadId };
}

/** Calendar days from `today` to `date` (negative when past). */
export function daysUntil(today: IsoDate, date: IsoDate): number {
  return toDayNumber(date) - toDayNumber(today);
}
