// R1–R5: one component per job whose weight reaches the threshold, each with the rule and the inputs that chose it.
import type { Approach, Job, JobWeights, Workload } from '../domain/types.ts';
import { THRESHOLDS } from './thresholds.ts';
import { articleFor, formatNumber, plural } from '../format.ts';
import type { RecommendationNote, RuleId, TraceInputs } from './types.ts';

export interface JobDecision {
  job: Job;
  weight: number;
  approach: Approach;
  ruleId: RuleId;
  reason: string;
  inputs: TraceInputs;
  warnings: RecommendationNote[];
  notes: RecommendationNote[];
}

const fmt = (n: number) => formatNumber(n);
/** "no pairwise feedback pairs" rather than "only 0 pairs". */
const pairsExist = (n: number) => (n === 0 ? 'no pairwise feedback pairs exist' : `only ${plural(n, 'pairwise feedback pair')} ${n === 1 ? 'exists' : 'exist'}`);

/** Style is the top job when no other job weighs more (a tie still counts as top). */
function isTopJob(job: Job, weights: JobWeights): boolean {
  return Object.values(weights).every((w) => w <= weights[job]);
}

export function decideJob(job: Job, weights: JobWeights, workload: Workload): JobDecision {
  const weight = weights[job];
  const min = THRESHOLDS.componentWeight;
  const pairs = workload.pairwiseFeedback;
  const enoughPairs = pairs >= THRESHOLDS.preferencePairs;
  const base = { job, weight, warnings: [] as RecommendationNote[], notes: [] as RecommendationNote[] };
  switch (job) {
    case 'knowledge':
      return {
        ...base, approach: 'rag', ruleId: 'R1',
        reason: `Knowledge weighs ${weight} (≥ ${min}) and changes ${workload.knowledgeChangeFrequency}: changing knowledge is served by retrieval (RAG), refreshed without retraining.`,
        inputs: { knowledgeWeight: weight, knowledgeChangeFrequency: workload.knowledgeChangeFrequency },
      };
    case 'format':
      return {
        ...base, approach: 'prompting', ruleId: 'R2',
        reason: `Format weighs ${weight} (≥ ${min}): a prompt with structured outputs (JSON-schema enforcement) produces the format.`,
        inputs: { formatWeight: weight },
      };
    case 'style': {
      const top = isTopJob('style', weights);
      const inputs = { styleWeight: weight, pairwiseFeedback: pairs, styleIsTopJob: top };
      if (enoughPairs && top) {
        return {
          ...base, approach: 'preference', ruleId: 'R3', inputs,
          reason: `Style weighs ${weight} (≥ ${min}), is the top job, and ${fmt(pairs)} pairwise feedback pairs exist (≥ ${THRESHOLDS.preferencePairs}): preference optimization learns the voice.`,
        };
      }
      const why = !enoughPairs
        ? `${pairsExist(pairs)} (< ${THRESHOLDS.preferencePairs})`
        : 'style is not the top job';
      return {
        ...base, approach: 'prompting', ruleId: 'R3', inputs,
        reason: `Style weighs ${weight} (≥ ${min}) and ${why}: a system prompt with style regression tests carries the voice.`,
      };
    }
    case 'ranking': {
      const inputs = { rankingWeight: weight, pairwiseFeedback: pairs };
      if (enoughPairs) {
        return {
          ...base, approach: 'preference', ruleId: 'R4', inputs,
          reason: `Ranking weighs ${weight} (≥ ${min}) and ${fmt(pairs)} pairwise feedback pairs exist (≥ ${THRESHOLDS.preferencePairs}): preference optimization learns the ordering.`,
        };
      }
      return {
        ...base, approach: 'prompting', ruleId: 'R4', inputs,
        reason: `Ranking weighs ${weight} (≥ ${min}) but ${pairsExist(pairs)} (< ${THRESHOLDS.preferencePairs}): prompting for now.`,
        warnings: [{ ruleId: 'R4', text: `Collect pairwise feedback: ranking needs ${THRESHOLDS.preferencePairs} preference pairs for preference optimization, ${pairs === 0 ? 'none exist' : `${fmt(pairs)} ${pairs === 1 ? 'exists' : 'exist'}`}.` }],
      };
    }
    case 'behavior': {
      const target = workload.latencyTargetMs;
      const inputs = { behaviorWeight: weight, deployment: workload.deployment, latencyTargetMs: target, monthlyVolume: workload.monthlyVolume };
      const because: string[] = [];
      if (workload.deployment === 'edge' || workload.deployment === 'on_prem') because.push(`it is deployed ${workload.deployment === 'edge' ? 'at the edge' : 'on-prem'}`);
      if (target !== null && target <= THRESHOLDS.adapterLatencyMs) because.push(`the p95 latency target is ${fmt(target)} ms (≤ ${THRESHOLDS.adapterLatencyMs} ms)`);
      if (workload.monthlyVolume >= THRESHOLDS.adapterMonthlyVolume) because.push(`it handles ${fmt(workload.monthlyVolume)} tasks a month (≥ ${fmt(THRESHOLDS.adapterMonthlyVolume)})`);
      if (because.length > 0) {
        return {
          ...base, approach: 'open_weight', ruleId: 'R5', inputs,
          reason: `Behavior weighs ${weight} (≥ ${min}) and ${because.join(' and ')}: the fixed decision moves to an adapter on an open-weight model.`,
        };
      }
      return {
        ...base, approach: 'prompting', ruleId: 'R5', inputs,
        reason: `Behavior weighs ${weight} (≥ ${min}) on a ${workload.deployment} deployment with ${target === null ? 'no latency target' : `${articleFor(target)} ${fmt(target)} ms p95 target`} and ${fmt(workload.monthlyVolume)} tasks a month: few-shot prompting with a label enum.`,
        notes: [{ ruleId: 'R5', text: 'Benchmark an adapter on an open-weight model against the prompt: it may be cheaper or faster for this fixed decision.' }],
      };
    }
  }
}
