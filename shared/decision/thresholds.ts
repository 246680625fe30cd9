// Every threshold the decision tree and the planner read, in one table, plus the rules in words for the UI.
import type { RuleId } from './types.ts';
import { formatNumber } from '../format.ts';

export const THRESHOLDS = {
  /** A job becomes a component at this weight or above (R1–R5, R10). */
  componentWeight: 20,
  /** Pairwise feedback pairs needed for preference optimization (R3, R4). */
  preferencePairs: 500,
  /** p95 latency target (ms) at or below which behavior moves to an adapter (R5). */
  adapterLatencyMs: 300,
  /** Monthly volume at or above which behavior moves to an adapter (R5). */
  adapterMonthlyVolume: 1_000_000,
  /** Slack (working days) at or above which a plan is on track rather than tight. */
  onTrackSlackDays: 5,
  /** Missing inputs (baselines, confirmed profile, evaluations) tolerated for medium confidence. */
  mediumConfidenceMaxMissing: 2,
} as const;

export type Thresholds = typeof THRESHOLDS;

export interface RuleDescription {
  id: RuleId;
  title: string;
  description: string;
}

const t = THRESHOLDS;

export const RULES: readonly RuleDescription[] = [
  {
    id: 'R1',
    title: 'Changing knowledge → retrieval',
    description: `When knowledge weighs ${t.componentWeight} or more, facts are served by retrieval (RAG) over indexed content, refreshed without retraining.`,
  },
  {
    id: 'R2',
    title: 'Output format → structured outputs',
    description: `When format weighs ${t.componentWeight} or more, a prompt with structured outputs (JSON-schema enforcement) produces the format.`,
  },
  {
    id: 'R3',
    title: 'Style → system prompt, or preference optimization',
    description: `When style weighs ${t.componentWeight} or more, a system prompt with style regression tests carries the voice; preference optimization instead when at least ${t.preferencePairs} pairwise feedback pairs exist and style is the top job.`,
  },
  {
    id: 'R4',
    title: 'Ranking → preference optimization',
    description: `When ranking weighs ${t.componentWeight} or more, preference optimization learns the ordering if at least ${t.preferencePairs} pairwise feedback pairs exist; otherwise prompting now, and collect pairwise feedback.`,
  },
  {
    id: 'R5',
    title: 'Fixed behavior → open-weight adapter when it must be close to the model',
    description: `When behavior weighs ${t.componentWeight} or more, an adapter on an open-weight model if the workload runs at the edge or on-prem, needs p95 latency of ${t.adapterLatencyMs} ms or less, or handles ${formatNumber(t.adapterMonthlyVolume)} tasks a month or more; otherwise few-shot prompting with a label enum, and benchmark an adapter.`,
  },
  {
    id: 'R6',
    title: 'On-prem data or deployment → self-hosted models only',
    description: 'When data may not leave the client\'s infrastructure, or the workload is deployed on-prem or at the edge (where a hosted model cannot be called), every generative part must be self-hostable: prompting becomes prompting an open-weight model, and hosted-only candidates are ineligible.',
  },
  {
    id: 'R7',
    title: 'Several approaches → multi-model stack',
    description: 'When the components use two or more approaches, or no single evaluated candidate meets every hard constraint while each constraint is met by some candidate, the architecture is a multi-model stack with each part named.',
  },
  {
    id: 'R8',
    title: 'Evaluations → cheapest candidate that meets every commitment',
    description: 'Among eligible candidates that meet every hard constraint (accuracy, p95 latency and residency commitments), pick the lowest cost per 1,000 tasks; ties go to the higher grounded-answer rate. When none meets them all, name each unmet commitment with the best candidate\'s value against it (for example "accuracy ≥ 0.95 for St. Anne: best 0.93 (C)"), also when a combination of candidates meets them and the architecture becomes a multi-model stack.',
  },
  {
    id: 'R9',
    title: 'Experimental → simplest first, later wave',
    description: 'An experimental workload takes the simplest approach first, in a later wave; consider retiring it instead of migrating.',
  },
  {
    id: 'R10',
    title: 'Regulated knowledge → traceable retrieval',
    description: `When the workload is regulated or needs an audit trail and knowledge weighs ${t.componentWeight} or more, prefer retrieval (answers cite their sources) over knowledge stored in weights.`,
  },
];
