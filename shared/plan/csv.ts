// Plan exports: one CSV row per workload step (and, re-exported, the plan JSON of `cli plan --format json`).
import { writeCsv } from '../imports/writeCsv.ts';
import type { Portfolio } from '../portfolio.ts';
import { APPROACH_NAMES } from '../domain/approachNames.ts';
import { costAtVolume } from './cost.ts';

export { PLAN_JSON_FORMAT, PLAN_JSON_VERSION, portfolioToPlanJson, type PlanJson } from './planJson.ts';

export const PLAN_CSV_COLUMNS = [
  'client', 'workload_id', 'workload', 'step', 'step_name', 'start', 'end', 'duration_days',
  'status', 'sunset', 'sunset_reason', 'approach', 'slack_days',
  // Cost at volume (the workload's, repeated on each of its steps): money with two decimals, "unknown" when an input is missing.
  'approach_name', 'monthly_volume', 'cost_per_1k_today', 'cost_per_1k_after', 'cost_basis',
  'monthly_cost_today', 'monthly_cost_after', 'annual_cost_today', 'annual_cost_after',
] as const;

const money = (n: number | null): string => (n === null ? 'unknown' : n.toFixed(2));

export function planToCsv(portfolio: Portfolio): string {
  const clientNames = new Map(portfolio.rollups.map((r) => [r.clientId, r.clientName]));
  const rows: (string | number)[][] = [];
  for (const { workload, plan, recommendation } of portfolio.workloads) {
    const cost = costAtVolume(workload, recommendation.costBasis);
    const basis = cost.basis === null ? 'unknown' : `${cost.basis.name} (${cost.basis.source === 'selected' ? 'R8 pick' : 'cheapest evaluated'})`;
    const costCells = [
      APPROACH_NAMES[plan.approach], cost.monthlyVolume ?? 'unknown', money(cost.todayPer1k), money(cost.afterPer1k), basis,
      money(cost.todayMonthly), money(cost.afterMonthly), money(cost.todayAnnual), money(cost.afterAnnual),
    ];
    for (const step of plan.steps) {
      rows.push([
        clientNames.get(workload.clientId) ?? `Client #${workload.clientId}`, workload.id, workload.name,
        step.step, step.name, step.start, step.end, step.durationDays,
        plan.status, plan.sunset.date, plan.sunset.reason, plan.approach, plan.slackDays, ...costCells,
      ]);
    }
  }
  return writeCsv(PLAN_CSV_COLUMNS, rows);
}
