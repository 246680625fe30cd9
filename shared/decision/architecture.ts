// R7: one approach, or a multi-model stack whose parts are named for the jobs they do.
import type { Approach, Job } from '../domain/types.ts';
import type { RecommendationComponent } from './types.ts';

const PART_LABEL: Record<Approach, string> = {
  rag: 'retrieval-backed generation (RAG)',
  prompting: 'hardened system prompt with structured outputs and regression tests',
  open_weight: 'self-hosted open-weight model (adapter or prompted)',
  preference: 'preference-optimized model (DPO-style, from pairwise feedback)',
  multi_model: 'multi-model stack',
};

/** The behavior job is a fixed decision from a known set: in a stack it is the router. */
function partName(approach: Approach, jobs: Job[], stack: boolean): string {
  const forJobs = `for ${jobs.join(' and ')}`;
  if (stack && jobs.includes('behavior')) {
    const how = approach === 'open_weight' ? 'open-weight adapter' : approach === 'prompting' ? 'prompted classifier' : PART_LABEL[approach];
    return `router (${how}) ${forJobs}`;
  }
  return `${PART_LABEL[approach]} ${forJobs}`;
}

export function groupByApproach(components: RecommendationComponent[]): Map<Approach, Job[]> {
  const groups = new Map<Approach, Job[]>();
  for (const c of components) {
    const jobs = groups.get(c.approach) ?? [];
    jobs.push(c.job);
    groups.set(c.approach, jobs);
  }
  return groups;
}

export function architectureParts(
  components: RecommendationComponent[],
  architecture: Approach,
  routesBetweenCandidates: boolean,
): string[] {
  const stack = architecture === 'multi_model';
  // In a stack the behavior job is its own part (the router); the other jobs share a part per approach.
  const router = stack ? components.find((c) => c.job === 'behavior') : undefined;
  const parts = router ? [partName(router.approach, ['behavior'], true)] : [];
  const groups = groupByApproach(components.filter((c) => c !== router));
  for (const [approach, jobs] of groups) parts.push(partName(approach, jobs, stack));
  if (stack && !router) {
    parts.unshift(routesBetweenCandidates
      ? 'router that sends each request to the candidate that keeps its commitment'
      : 'router that sends each request to the part for its job');
  }
  return parts;
}
