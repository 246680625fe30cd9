// The shape of a plan: six dated steps per workload and a roll-up per client. Every date is ISO yyyy-MM-dd.
import type { Approach, IsoDate, PlanStatus } from '../domain/types.ts';

export const STEP_NUMBERS = [1, 2, 3, 4, 5, 6] as const;
export type StepNumber = (typeof STEP_NUMBERS)[number];

export const STEP_NAMES: Record<StepNumber, string> = {
  1: 'Audit the workload',
  2: 'Classify the jobs',
  3: 'Benchmark the alternatives',
  4: 'Map governance and data constraints',
  5: 'Pilot the architecture',
  6: 'Set the deadline and cut over',
};

export type SunsetSource = 'training_deadline' | 'inference_retirement' | 'commitment' | 'contract';

export interface SunsetDate {
  date: IsoDate;
  /** The sentence that says what set this date, e.g. "Training deadline 2027-01-06 minus 28 days (14 retest + 14 rollback)". */
  reason: string;
  source: SunsetSource;
}

export interface PlannedStep {
  step: StepNumber;
  name: string;
  /** First and last working day of the step (inclusive). */
  start: IsoDate;
  end: IsoDate;
  /** Working days as planned (the floor when the plan is compressed). */
  durationDays: number;
  /** Working days with every growth rule applied, before any compression. */
  fullDays: number;
  /** Half of fullDays rounded up, at least 1: the shortest this step can be. */
  floorDays: number;
  /** Why the duration is what it is, e.g. ["base 5", "+5: baseline p95 latency missing"]. */
  reasons: string[];
  dependsOn: StepNumber[];
  /** Working days this step waited for a free team slot (capacity, steps 3–5 only). */
  capacityWaitDays: number;
}

/**
 * `recommended` (amber): at full step durations the plan would end after the training deadline, so it only makes it
 * if every step is cut to its floor. `required` (red): even the compressed plan ends after it, or a known inference
 * retirement comes first.
 */
export type BridgeLevel = 'recommended' | 'required';

export interface BridgeProposal {
  /** Last working day on which the final refresh of the old fine-tuned model can be trained. */
  refreshBy: IsoDate;
  level: BridgeLevel;
  /** true when the bridge is required (level `required`): drawn red. */
  red: boolean;
  /** The one sentence that states the bridge; screens and print show it once per workload. */
  text: string;
}

export interface WorkloadPlan {
  workloadId: number;
  clientId: number;
  /** The architecture the plan pilots (the recommendation's). */
  approach: Approach;
  /** The later of today and the workload's start date, moved to the next working day. */
  start: IsoDate;
  steps: PlannedStep[];
  /** Last day of step 6. */
  end: IsoDate;
  /** Where step 6 would end at full step durations (equal to `end` unless compressed): the risk a compressed plan carries. */
  fullEnd: IsoDate;
  sunset: SunsetDate;
  status: PlanStatus;
  /** Working days between the end of step 6 and the sunset date; negative when late. */
  slackDays: number;
  /** Working days past the sunset date (0 unless late). */
  overrunDays: number;
  /** true when the steps are cut to their floors (status compressed or late). */
  compressed: boolean;
  /** Only meaningful when late: the migration still ends before the training deadline (the buffer is consumed). */
  endsBeforeTrainingDeadline: boolean;
  bridge: BridgeProposal | null;
  /** Sentences that explain the status, e.g. "Ends 2026-10-02, 12 working days before the sunset date 2026-10-20". */
  explanation: string[];
}

export interface ClientRollup {
  clientId: number;
  clientName: string;
  /** Earliest sunset of the client's workloads, with the workload that sets it (null when the client has none). */
  sunset: (SunsetDate & { workloadId: number }) | null;
  workloadCount: number;
  statusCounts: Record<PlanStatus, number>;
  approachCounts: Record<Approach, number>;
  /** The workloads with the least slack: they set the client's critical path. */
  criticalPath: number[];
  /** The least slack among the client's workloads (null when it has none). */
  minSlackDays: number | null;
  /** Latest step-6 end among the client's workloads. */
  end: IsoDate | null;
}
