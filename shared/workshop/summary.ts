// What the minutes keep of a recommendation: the architecture, the approach per job, the rules that fired, the plan's end.
import type { Recommendation } from '../decision/types.ts';
import type { WorkloadPlan } from '../plan/types.ts';
import type { RecommendationSummary } from './types.ts';

export function summarizeRecommendation(recommendation: Recommendation, plan: WorkloadPlan | null): RecommendationSummary {
  const seen = new Set<string>();
  const rules: RecommendationSummary['rules'] = [];
  for (const t of recommendation.trace) {
    const key = `${t.ruleId}:${t.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rules.push({ id: t.ruleId, sentence: t.text });
  }
  return {
    architecture: recommendation.architecture,
    components: recommendation.components.map((c) => ({ job: c.job, approach: c.approach })),
    rules,
    planEnd: plan?.end ?? null,
    status: plan?.status ?? null,
  };
}

/** Sentences saying what changed between two summaries ("Architecture: prompting → rag"), empty when nothing did. */
export function summaryChanges(before: RecommendationSummary, after: RecommendationSummary): string[] {
  const changes: string[] = [];
  if (before.architecture !== after.architecture) changes.push(`Architecture: ${before.architecture} → ${after.architecture}`);
  const was = new Map(before.components.map((c) => [c.job, c.approach]));
  for (const c of after.components) {
    const old = was.get(c.job);
    if (old === undefined) changes.push(`${c.job}: now ${c.approach}`);
    else if (old !== c.approach) changes.push(`${c.job}: ${old} → ${c.approach}`);
  }
  for (const c of before.components) if (!after.components.some((a) => a.job === c.job)) changes.push(`${c.job}: no longer a component`);
  if (before.planEnd !== after.planEnd) changes.push(`Plan ends ${after.planEnd ?? 'unscheduled'} (was ${before.planEnd ?? 'unscheduled'})`);
  return changes;
}
