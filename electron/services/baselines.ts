// Baselines as the app, the CLI and the roadmap use them: set one from today's plan, compare the plan now with one.
import type { Database } from 'better-sqlite3';
import type { Recorder } from '../db/changes.ts';
import { baselineFromPortfolio, scopeBaselinePlan, type Baseline, type BaselineSummary } from '../../shared/plan/baseline.ts';
import { diffPlans, type BaselineDiff } from '../../shared/plan/baselineDiff.ts';
import { WorkingCalendar } from '../../shared/plan/calendar.ts';
import { formatDate } from '../../shared/format.ts';
import { getBaseline, insertBaseline, latestBaseline } from '../db/baselines.ts';
import { getPolicy } from '../db/policy.ts';
import { loadPortfolio } from './portfolio.ts';

export function setBaseline(db: Database, rec: Recorder, today: string, name?: string): BaselineSummary {
  const { portfolio } = loadPortfolio(db, today);
  return insertBaseline(db, rec, { name: name ?? `Baseline ${formatDate(today)}`, plan: baselineFromPortfolio(portfolio) });
}

/** The plan on `today` against a baseline (the newest when no id is given); null when there is none. */
export function diffSinceBaseline(db: Database, today: string, options: { id?: number; clientId?: number } = {}): BaselineDiff | null {
  const baseline: Baseline | null = options.id === undefined ? latestBaseline(db) : getBaseline(db, options.id);
  if (!baseline) return null;
  const { portfolio } = loadPortfolio(db, today, options.clientId);
  const current = baselineFromPortfolio(portfolio);
  const dates = [baseline.plan.today, today, ...baseline.plan.workloads.map((w) => w.end), ...current.workloads.map((w) => w.end)].sort();
  const calendar = new WorkingCalendar(getPolicy(db), [dates[0], dates[dates.length - 1]]);
  const summary = { id: baseline.id, name: baseline.name, takenAt: baseline.takenAt, today: baseline.today };
  return diffPlans(scopeBaselinePlan(baseline.plan, options.clientId), current, summary, (a, b) => calendar.countWorkingDays(a, b));
}
