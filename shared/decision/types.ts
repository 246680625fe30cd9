// The shape of a recommendation: what replaces the fine-tuned model for one workload, and why.
import type { Approach, Job, RecommendationOverride } from '../domain/types.ts';

export const RULE_IDS = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10'] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** The rule that chose a component's approach; 'default' when no job reached the weight threshold. */
export type ComponentRuleId = RuleId | 'default';

/** A recorded override as its component shows it: the workload and the job are the component's own. */
export type ComponentOverride = Pick<RecommendationOverride, 'approach' | 'reason' | 'actor' | 'at'>;

export interface RecommendationComponent {
  job: Job;
  weight: number;
  /** The approach in force: the override's when there is one, else the rules'. */
  approach: Approach;
  /** What the rules alone chose (differs from `approach` only under an override). */
  ruleApproach: Approach;
  ruleId: ComponentRuleId;
  reason: string;
  override: ComponentOverride | null;
}

export type TraceInputs = Record<string, string | number | boolean | null>;

export interface TraceEntry {
  /** A rule id, or 'override' when a person replaced a rule's choice. */
  ruleId: RuleId | 'override' | 'default';
  /** A plain sentence an auditor can read, with the input values that made the rule fire. */
  text: string;
  inputs: TraceInputs;
}

export interface RecommendationNote {
  ruleId?: RuleId | 'override' | 'default';
  text: string;
}

export interface SelectedCandidate {
  candidateId: number;
  name: string;
  reason: string;
}

/** The candidate whose measured cost prices the workload after migration: R8's pick, else the cheapest evaluated. */
export interface CostBasis {
  candidateId: number;
  name: string;
  /** Measured cost per 1,000 tasks; null when the candidate's cost is unknown. */
  costPer1k: number | null;
  source: 'selected' | 'cheapest';
}

export type ConfidenceLevel = 'high' | 'medium' | 'low';

export interface Confidence {
  level: ConfidenceLevel;
  /** Each missing input named in words, e.g. "baseline p95 latency". */
  missing: string[];
}

export interface Recommendation {
  workloadId: number;
  components: RecommendationComponent[];
  architecture: Approach;
  /** Each part of the architecture named, e.g. "router (open-weight adapter) for behavior". */
  architectureParts: string[];
  /** The approach of the heaviest component (ties: job order knowledge, format, style, behavior, ranking). */
  primaryApproach: Approach;
  trace: TraceEntry[];
  /** Things to act on (e.g. "collect pairwise feedback", no candidate meets a commitment). */
  warnings: RecommendationNote[];
  /** Things to know (e.g. "benchmark an adapter", a note for auditors). */
  notes: RecommendationNote[];
  selectedCandidate: SelectedCandidate | null;
  /** What prices the migrated workload (null when nothing is evaluated). */
  costBasis: CostBasis | null;
  confidence: Confidence;
}
