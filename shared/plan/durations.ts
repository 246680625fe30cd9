// Step durations in working days: the policy's base durations grown by the rules in DESIGN.md "The six steps".
import type { Approach, Commitment, DeadlinePolicy, Workload } from '../domain/types.ts';
import type { StepNumber } from './types.ts';
import { plural } from '../format.ts';

export interface StepDuration {
  step: StepNumber;
  fullDays: number;
  floorDays: number;
  /** Why, e.g. ["base 5", "+5: baseline p95 latency missing"]. */
  reasons: string[];
}

export interface DurationInputs {
  workload: Workload;
  /** Jobs with a component (weight ≥ 20); counted as 1 when none. */
  jobCount: number;
  architecture: Approach;
  /** Commitments that apply to the workload. */
  commitments: Commitment[];
}

/** The shortest a step can be: half its duration rounded up, at least one working day. */
export const floorOf = (days: number): number => Math.max(1, Math.ceil(days / 2));

/** Sums a base and its growth parts; parts that add nothing are left out of the reasons. */
function grow(step: StepNumber, parts: [number, string][]): StepDuration {
  let days = 0;
  const reasons: string[] = [];
  parts.forEach(([d, why], i) => {
    days += d;
    if (i === 0) reasons.push(why);
    else if (d !== 0) reasons.push(`${d > 0 ? '+' : ''}${d}: ${why}`);
  });
  days = Math.max(1, days);
  return { step, fullDays: days, floorDays: floorOf(days), reasons };
}

export function stepDurations({ workload, jobCount, architecture, commitments }: DurationInputs, policy: DeadlinePolicy): StepDuration[] {
  const base = policy.stepDurations;
  const jobs = Math.max(1, jobCount);
  const extraJobs = jobs - 1;

  const missing = [
    workload.baselineAccuracy === null ? 'accuracy' : null,
    workload.baselineP95Ms === null ? 'p95 latency' : null,
    workload.baselineCostPer1k === null ? 'cost per 1k tasks' : null,
  ].filter((m): m is string => m !== null);
  const step1 = grow(1, [
    [base[0], `base ${base[0]}`],
    [missing.length > 0 ? 5 : 0, `baseline ${missing.join(', ')} missing`],
  ]);

  const step2 = grow(2, [
    [base[1], `base ${base[1]}`],
    [2 * extraJobs, `${plural(extraJobs, 'job')} beyond the first (${jobs} jobs)`],
  ]);

  const accuracy = commitments.find((c) => c.kind === 'accuracy' && c.threshold !== null);
  const step3 = grow(3, [
    [base[2], `base ${base[2]}`],
    [5 * extraJobs, `${plural(extraJobs, 'job')} beyond the first (${jobs} jobs)`],
    [accuracy ? 5 : 0, `accuracy threshold ${accuracy?.threshold} promised to ${accuracy?.customer}`],
  ]);

  // ×3 applies to the base: the residency review is a fixed extra, not tripled.
  const step4 = grow(4, [
    [base[3], `base ${base[3]}`],
    [workload.regulated ? base[3] * 2 : 0, `regulated (×3)`],
    [workload.residency !== null ? 5 : 0, `residency constraint (${workload.residency})`],
  ]);

  // Business-critical doubles the base (the default 5 becomes 10).
  const step5 = grow(5, [
    [base[4], `base ${base[4]}`],
    [workload.criticality === 'business_critical' ? base[4] : 0, 'business-critical (pilot twice as long)'],
    [architecture === 'multi_model' ? 5 : 0, 'multi-model architecture'],
  ]);

  const step6 = grow(6, [[base[5], `base ${base[5]}`]]);
  return [step1, step2, step3, step4, step5, step6];
}
