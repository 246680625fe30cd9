// The stable JSON shape of `cli plan --format json`, documented in docs/plan-json.md: other tools read it.
import type { Portfolio, PortfolioWorkload } from '../portfolio.ts';
import type { ClientRollup } from './types.ts';

export const PLAN_JSON_FORMAT = 'offramp-plan';
export const PLAN_JSON_VERSION = 1;

/** Fields are copied one by one: the JSON stays stable when internal types grow. */
function workloadJson({ workload, recommendation: r, plan }: PortfolioWorkload) {
  return {
    id: workload.id,
    name: workload.name,
    criticality: workload.criticality,
    monthlyVolume: workload.monthlyVolume,
    recommendation: {
      architecture: r.architecture,
      architectureParts: r.architectureParts,
      primaryApproach: r.primaryApproach,
      components: r.components.map((c) => ({
        job: c.job, weight: c.weight, approach: c.approach, ruleApproach: c.ruleApproach, ruleId: c.ruleId, reason: c.reason,
        override: c.override && { approach: c.override.approach, reason: c.override.reason, actor: c.override.actor, at: c.override.at },
      })),
      trace: r.trace.map((t) => ({ ruleId: t.ruleId, text: t.text, inputs: t.inputs })),
      warnings: r.warnings.map((w) => ({ ruleId: w.ruleId ?? null, text: w.text })),
      notes: r.notes.map((n) => ({ ruleId: n.ruleId ?? null, text: n.text })),
      selectedCandidate: r.selectedCandidate && { candidateId: r.selectedCandidate.candidateId, name: r.selectedCandidate.name, reason: r.selectedCandidate.reason },
      confidence: { level: r.confidence.level, missing: r.confidence.missing },
    },
    plan: {
      status: plan.status,
      approach: plan.approach,
      start: plan.start,
      end: plan.end,
      sunset: { date: plan.sunset.date, reason: plan.sunset.reason, source: plan.sunset.source },
      slackDays: plan.slackDays,
      overrunDays: plan.overrunDays,
      compressed: plan.compressed,
      endsBeforeTrainingDeadline: plan.endsBeforeTrainingDeadline,
      fullEnd: plan.fullEnd,
      bridge: plan.bridge && { refreshBy: plan.bridge.refreshBy, level: plan.bridge.level, red: plan.bridge.red, text: plan.bridge.text },
      explanation: plan.explanation,
      steps: plan.steps.map((s) => ({
        step: s.step, name: s.name, start: s.start, end: s.end, durationDays: s.durationDays, fullDays: s.fullDays,
        floorDays: s.floorDays, reasons: s.reasons, dependsOn: s.dependsOn, capacityWaitDays: s.capacityWaitDays,
      })),
    },
  };
}

function clientJson(rollup: ClientRollup, workloads: PortfolioWorkload[]) {
  return {
    id: rollup.clientId,
    name: rollup.clientName,
    sunset: rollup.sunset && { date: rollup.sunset.date, reason: rollup.sunset.reason, source: rollup.sunset.source, workloadId: rollup.sunset.workloadId },
    workloadCount: rollup.workloadCount,
    statusCounts: rollup.statusCounts,
    approachCounts: rollup.approachCounts,
    criticalPath: rollup.criticalPath,
    minSlackDays: rollup.minSlackDays,
    end: rollup.end,
    workloads: workloads.map(workloadJson),
  };
}

export type PlanJson = ReturnType<typeof portfolioToPlanJson>;

export function portfolioToPlanJson(portfolio: Portfolio) {
  const byClient = new Map<number, PortfolioWorkload[]>();
  for (const w of portfolio.workloads) {
    const list = byClient.get(w.workload.clientId);
    if (list) list.push(w);
    else byClient.set(w.workload.clientId, [w]);
  }
  const s = portfolio.workspaceSunset;
  return {
    format: PLAN_JSON_FORMAT,
    version: PLAN_JSON_VERSION,
    today: portfolio.today,
    trainingDeadline: portfolio.trainingDeadline,
    daysToDeadline: portfolio.daysToDeadline,
    workspaceSunset: s && { date: s.date, reason: s.reason, source: s.source, workloadId: s.workloadId },
    clients: portfolio.rollups.map((r) => clientJson(r, byClient.get(r.clientId) ?? [])),
  };
}
