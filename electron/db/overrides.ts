// Recommendation overrides: a person chose another approach for a job, with a reason.
import type { Database } from 'better-sqlite3';
import type { Job, RecommendationOverride } from '../../shared/domain/types.ts';
import type { Recorder, Row } from './changes.ts';
import { prepared } from './changes.ts';

export function listOverrides(db: Database, workloadId?: number): RecommendationOverride[] {
  const rows = workloadId === undefined
    ? prepared(db, 'SELECT * FROM overrides ORDER BY workload_id, job').all()
    : prepared(db, 'SELECT * FROM overrides WHERE workload_id = ? ORDER BY job').all(workloadId);
  return (rows as Row[]).map((r) => ({
    workloadId: Number(r.workload_id), job: r.job as Job, approach: r.approach as RecommendationOverride['approach'],
    reason: String(r.reason), actor: String(r.actor), at: String(r.at),
  }));
}

export function setOverride(rec: Recorder, o: RecommendationOverride): void {
  const key = { workload_id: o.workloadId, job: o.job };
  const row = { approach: o.approach, reason: o.reason, actor: o.actor, at: o.at };
  if (rec.selectByKey('overrides', key)) rec.update('overrides', key, row);
  else rec.insert('overrides', { ...key, ...row });
}

export function clearOverride(rec: Recorder, workloadId: number, job: Job): void {
  rec.delete('overrides', { workload_id: workloadId, job });
}
