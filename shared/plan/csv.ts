// Plan exports: one CSV row per workload step (and, re-exported, the plan JSON of `cli plan --format json`).
import { writeCsv } from '../imports/writeCsv.ts';
import type { Portfolio } from '../portfolio.ts';

export { PLAN_JSON_FORMAT, PLAN_JSON_VERSION, portfolioToPlanJson, type PlanJson } from './planJson.ts';

export const PLAN_CSV_COLUMNS = [
  'client', 'workload_id', 'workload', 'step', 'step_name', 'start', 'end', 'duration_days',
  'status', 'sunset', 'sunset_reason', 'approach', 'slack_days',
] as const;

export function planToCsv(portfolio: Portfolio): string {
  const clientNames = new Map(portfolio.rollups.map((r) => [r.clientId, r.clientName]));
  const rows: (string | number)[][] = [];
  for (const { workload, plan } of portfolio.workloads) {
    for (const step of plan.steps) {
      rows.push([
        clientNames.get(workload.clientId) ?? `Client #${workload.clientId}`, workload.id, workload.name,
        step.step, step.name, step.start, step.end, step.durationDays,
        plan.status, plan.sunset.date, plan.sunset.reason, plan.approach, plan.slackDays,
      ]);
    }
  }
  return writeCsv(PLAN_CSV_COLUMNS, rows);
}
