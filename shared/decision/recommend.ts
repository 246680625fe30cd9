// The decision tree (R1–R10 in DESIGN.md): what replaces the fine-tuned model for one workload, and why.
import {
  JOBS,
  type Approach, type Commitment, type Evaluation, type Job, type JobProfile, type RecommendationOverride, type Workload,
} from '../domain/types.ts';
import { commitmentAppliesTo } from '../plan/links.ts';
import { architectureParts } from './architecture.ts';
import { assessConfidence } from './confidence.ts';
import { hardConstraints } from './constraints.ts';
import { decideJob } from './jobRules.ts';
import { isOnPrem, requiresSelfHosting, selfHostingReasons } from './residency.ts';
import { selectCandidate } from './selectCandidate.ts';
import { THRESHOLDS } from './thresholds.ts';
import { plural } from '../format.ts';
import type { CostBasis, Recommendation, RecommendationComponent, RecommendationNote, SelectedCandidate, TraceEntry } from './types.ts';

export interface RecommendInput {
  workload: Workload;
  profile: JobProfile | null;
  /** Commitments of the workload (others are ignored: see commitmentAppliesTo). */
  commitments: Commitment[];
  evaluations: Evaluation[];
  overrides?: RecommendationOverride[];
}

/** The latest override per job of this workload. */
function latestOverrides(workloadId: number, overrides: RecommendationOverride[]): Map<Job, RecommendationOverride> {
  const byJob = new Map<Job, RecommendationOverride>();
  for (const o of overrides) {
    if (o.workloadId !== workloadId) continue;
    const seen = byJob.get(o.job);
    if (!seen || seen.at <= o.at) byJob.set(o.job, o);
  }
  return byJob;
}

/** R8's pick prices the migration; without one, the cheapest evaluated candidate with a known cost (else any). */
function costBasisOf(evaluations: Evaluation[], selected: SelectedCandidate | null): CostBasis | null {
  if (selected) {
    const e = evaluations.find((x) => x.candidateId === selected.candidateId);
    return { candidateId: selected.candidateId, name: selected.name, costPer1k: e?.costPer1k ?? null, source: 'selected' };
  }
  if (evaluations.length === 0) return null;
  const cheapest = evaluations.reduce((a, b) => ((b.costPer1k ?? Infinity) < (a.costPer1k ?? Infinity) ? b : a));
  return { candidateId: cheapest.candidateId, name: cheapest.candidateName, costPer1k: cheapest.costPer1k, source: 'cheapest' };
}


export function recommend(input: RecommendInput): Recommendation {
  const { workload, profile, evaluations } = input;
  const commitments = input.commitments.filter((c) => commitmentAppliesTo(c, workload));
  const trace: TraceEntry[] = [];
  const warnings: RecommendationNote[] = [];
  const notes: RecommendationNote[] = [];
  const selfHosting = requiresSelfHosting(workload, commitments);

  // R1–R5: a component per job at or above the weight threshold, in the fixed job order.
  const components: RecommendationComponent[] = [];
  for (const job of JOBS) {
    if (!profile || profile.weights[job] < THRESHOLDS.componentWeight) continue;
    const d = decideJob(job, profile.weights, workload);
    components.push({ job, weight: d.weight, approach: d.approach, ruleApproach: d.approach, ruleId: d.ruleId, reason: d.reason, override: null });
    trace.push({ ruleId: d.ruleId, text: d.reason, inputs: d.inputs });
    warnings.push(...d.warnings);
    notes.push(...d.notes);
  }

  let defaultApproach: Approach = 'prompting';
  if (components.length === 0) {
    const why = profile === null
      ? 'No job profile exists for this workload'
      : `No job weighs ${THRESHOLDS.componentWeight} or more (${JOBS.map((j) => `${j} ${profile.weights[j]}`).join(', ')})`;
    const text = `${why}: defaulting to a hardened system prompt with structured outputs until the jobs are classified.`;
    warnings.push({ ruleId: 'default', text: `${why}. Answer the questionnaire to classify its jobs; until then the recommendation is a default.` });
    trace.push({ ruleId: 'default', text, inputs: { hasProfile: profile !== null } });
  }

  // R6: data or deployment on the client's infrastructure: every generative part must run on a model it hosts.
  if (selfHosting) {
    const why = selfHostingReasons(workload, commitments);
    const converted = components.filter((c) => c.approach === 'prompting');
    for (const c of converted) {
      c.approach = 'open_weight';
      c.ruleApproach = 'open_weight';
      c.ruleId = 'R6';
      c.reason = `${c.reason} Because ${why[0]}, the prompt runs on a self-hosted open-weight model (R6).`;
    }
    if (components.length === 0) defaultApproach = 'open_weight';
    const others = components.filter((c) => !converted.includes(c) && (c.approach === 'rag' || c.approach === 'preference'));
    const parts: string[] = [];
    if (components.length === 0) parts.push('the default prompt runs on a self-hosted open-weight model');
    if (converted.length > 0) parts.push(`prompting for ${converted.map((c) => c.job).join(', ')} becomes prompting a self-hosted open-weight model`);
    if (others.length > 0) parts.push(`${others.map((c) => c.job).join(', ')} keep${others.length === 1 ? 's' : ''} ${others.length === 1 ? 'its' : 'their'} approach with generation on a self-hosted open-weight model`);
    if (parts.length === 0) parts.push('every component already runs on a self-hosted model');
    trace.push({
      ruleId: 'R6',
      text: `Every generative part must be self-hosted because ${why.join(', and ')}: ${parts.join('; ')}; candidates that are hosted only are ineligible.`,
      inputs: {
        residency: workload.residency,
        deployment: workload.deployment,
        onPremCommitment: commitments.some((c) => c.kind === 'residency' && isOnPrem(c.description)),
        convertedJobs: converted.map((c) => c.job).join(', '),
      },
    });
  }

  // Overrides: a person's choice replaces the rules' for that job, and stays visible as an override.
  for (const [job, o] of latestOverrides(workload.id, input.overrides ?? [])) {
    const component = components.find((c) => c.job === job);
    if (!component) {
      warnings.push({ ruleId: 'override', text: `The override of ${job} to ${o.approach} by ${o.actor} is not applied: ${job} weighs less than ${THRESHOLDS.componentWeight}, so it has no component.` });
      continue;
    }
    component.approach = o.approach;
    component.override = { approach: o.approach, reason: o.reason, actor: o.actor, at: o.at };
    trace.push({
      ruleId: 'override',
      text: `${o.actor} overrode ${job} from ${component.ruleApproach} (${component.ruleId}) to ${o.approach} on ${o.at.slice(0, 10)}: "${o.reason.replace(/[.\s]+$/, '')}".`,
      inputs: { job, ruleApproach: component.ruleApproach, approach: o.approach, actor: o.actor, at: o.at },
    });
    if (selfHosting && o.approach === 'prompting') {
      warnings.push({ ruleId: 'R6', text: `The override puts ${job} on prompting while every part must be self-hosted (R6): make sure the prompted model runs on the client's infrastructure.` });
    }
  }

  // R10: auditors need answers that cite their sources.
  const knowledge = components.find((c) => c.job === 'knowledge');
  if ((workload.regulated || workload.auditTrailRequired) && knowledge) {
    const why = [workload.regulated ? 'regulated' : null, workload.auditTrailRequired ? 'requires an audit trail' : null].filter(Boolean).join(' and ');
    trace.push({
      ruleId: 'R10',
      text: `The workload is ${why} and knowledge weighs ${knowledge.weight} (≥ ${THRESHOLDS.componentWeight}): retrieval is preferred over weights because each answer can cite its sources.`,
      inputs: { regulated: workload.regulated, auditTrailRequired: workload.auditTrailRequired, knowledgeWeight: knowledge.weight },
    });
    notes.push({ ruleId: 'R10', text: 'For auditors: knowledge is served by retrieval, so every answer can show the indexed source it came from; keep the index versioned.' });
    if (knowledge.approach !== 'rag') {
      warnings.push({ ruleId: 'R10', text: `Knowledge is on ${knowledge.approach} (override) in a ${why} workload: auditors cannot trace answers to sources; retrieval is preferred.` });
    }
  }

  // R8: measured candidates against the hard constraints.
  let selectedCandidate: SelectedCandidate | null = null;
  let routesBetweenCandidates = false;
  if (evaluations.length > 0) {
    const constraints = hardConstraints(workload, commitments);
    const selection = selectCandidate(evaluations, constraints, selfHosting);
    routesBetweenCandidates = selection.combinationWouldMeet;
    if (selection.selected) {
      selectedCandidate = { candidateId: selection.selected.candidateId, name: selection.selected.candidateName, reason: selection.reason };
    } else {
      warnings.push({ ruleId: 'R8', text: selection.warning ?? selection.reason });
    }
    trace.push({
      ruleId: 'R8',
      text: `${plural(evaluations.length, 'candidate')} evaluated, ${selection.eligibleCount} eligible, against ${plural(constraints.length, 'hard constraint')}${constraints.length ? ` (${constraints.map((c) => c.label).join('; ')})` : ''}. ${selection.reason}`,
      inputs: {
        evaluated: evaluations.length,
        eligible: selection.eligibleCount,
        constraints: constraints.map((c) => c.label).join('; '),
        selected: selection.selected?.candidateName ?? null,
        rejected: selection.rejected.map((r) => `${r.name}: ${r.reasons.join(', ')}`).join(' | ') || null,
      },
    });
  }

  // R7: several approaches, or several candidates that only together keep every commitment.
  const distinct = [...new Set(components.map((c) => c.approach))];
  let architecture: Approach = distinct.length === 1 ? distinct[0] : defaultApproach;
  if (distinct.length >= 2 || routesBetweenCandidates) {
    architecture = 'multi_model';
    const why = distinct.length >= 2
      ? `the components use ${distinct.length} approaches (${components.map((c) => `${c.job}: ${c.approach}`).join(', ')})`
      : 'no single evaluated candidate meets every hard constraint, while each is met by some candidate';
    trace.push({ ruleId: 'R7', text: `Architecture is a multi-model stack because ${why}.`, inputs: { distinctApproaches: distinct.length, combinationOfCandidates: routesBetweenCandidates } });
  }

  // R9: experimental work should not compete with business-critical migrations.
  if (workload.criticality === 'experimental') {
    trace.push({ ruleId: 'R9', text: 'The workload is experimental: take the simplest approach first, in a later wave, or retire it.', inputs: { criticality: workload.criticality } });
    warnings.push({ ruleId: 'R9', text: 'Experimental workload: simplest approach first in a later wave; consider retiring it instead of migrating.' });
  }

  const heaviest = components.reduce<RecommendationComponent | null>((top, c) => (top === null || c.weight > top.weight ? c : top), null);
  const parts = components.length > 0
    ? architectureParts(components, architecture, routesBetweenCandidates)
    : [`${defaultApproach === 'open_weight' ? 'self-hosted open-weight model with a hardened prompt' : 'hardened system prompt with structured outputs and regression tests'} (default until the jobs are classified)`];

  return {
    workloadId: workload.id,
    components,
    architecture,
    architectureParts: parts,
    primaryApproach: heaviest?.approach ?? defaultApproach,
    trace,
    warnings,
    notes,
    selectedCandidate,
    costBasis: costBasisOf(evaluations, selectedCandidate),
    confidence: assessConfidence(workload, profile, evaluations, components.length > 0),
  };
}
