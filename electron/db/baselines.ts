// Baselines: named, dated snapshots of the whole plan, kept in plan_snapshots (label = the name, plan = the JSON).
import type { Database } from 'better-sqlite3';
import { OfframpError } from '../../shared/errors.ts';
import { parseBaselinePlan, type Baseline, type BaselinePlan, type BaselineSummary } from '../../shared/plan/baseline.ts';
import type { Recorder, Row } from './changes.ts';
import { prepared } from './changes.ts';
import { nowIso } from './rows.ts';

const SUMMARY_COLUMNS = "id, label, taken_at, today, json_array_length(plan, '$.workloads') AS workload_count";

function summaryFromRow(r: Row): BaselineSummary {
  return { id: Number(r.id), name: String(r.label), takenAt: String(r.taken_at), today: String(r.today), workloadCount: Number(r.workload_count ?? 0) };
}

/** Newest first. */
export function listBaselines(db: Database): BaselineSummary[] {
  return (prepared(db, `SELECT ${SUMMARY_COLUMNS} FROM plan_snapshots ORDER BY taken_at DESC, id DESC`).all() as Row[]).map(summaryFromRow);
}

export function getBaseline(db: Database, id: number): Baseline {
  const row = prepared(db, `SELECT ${SUMMARY_COLUMNS}, plan FROM plan_snapshots WHERE id = ?`).get(id) as Row | undefined;
  if (!row) throw new OfframpError({ code: 'not_found', field: 'id', message: `Baseline ${id} no longer exists` });
  let plan: BaselinePlan;
  try {
    plan = parseBaselinePlan(JSON.parse(String(row.plan)));
  } catch (e) {
    throw new OfframpError({ code: 'invalid_payload', field: 'plan', message: `Baseline "${String(row.label)}" cannot be read: ${(e as Error).message}` });
  }
  return { ...summaryFromRow(row), plan };
}

/** The newest baseline, or null when none was set. */
export function latestBaseline(db: Database): Baseline | null {
  const row = prepared(db, 'SELECT id FROM plan_snapshots ORDER BY taken_at DESC, id DESC LIMIT 1').get() as { id: number } | undefined;
  return row ? getBaseline(db, row.id) : null;
}

export function insertBaseline(db: Database, rec: Recorder, input: { name: string; plan: BaselinePlan; takenAt?: string }): BaselineSummary {
  const id = rec.insert('plan_snapshots', { label: input.name, taken_at: input.takenAt ?? nowIso(), today: input.plan.today, plan: JSON.stringify(input.plan) });
  return getBaselineSummary(db, id);
}

export function getBaselineSummary(db: Database, id: number): BaselineSummary {
  const row = prepared(db, `SELECT ${SUMMARY_COLUMNS} FROM plan_snapshots WHERE id = ?`).get(id) as Row | undefined;
  if (!row) throw new OfframpError({ code: 'not_found', field: 'id', message: `Baseline ${id} no longer exists` });
  return summaryFromRow(row);
}

export function renameBaseline(db: Database, rec: Recorder, id: number, name: string): BaselineSummary {
  getBaselineSummary(db, id);
  rec.update('plan_snapshots', { id }, { label: name });
  return getBaselineSummary(db, id);
}

export function deleteBaseline(db: Database, rec: Recorder, id: number): void {
  getBaselineSummary(db, id);
  rec.delete('plan_snapshots', { id });
}
