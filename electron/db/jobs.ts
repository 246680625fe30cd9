// Fine-tuning jobs imported from the API's jobs list, and the workloads they were grouped into.
import type { Database } from 'better-sqlite3';
import type { ImportedJob, WorkloadDraft } from '../../shared/imports/jobsList.ts';
import type { Recorder } from './changes.ts';
import { getWorkload, insertWorkload, updateWorkload } from './workloads.ts';

export type DraftAction = 'create' | 'update' | 'unchanged';

export function workloadIdForKey(db: Database, key: string): number | null {
  const row = db.prepare('SELECT id FROM workloads WHERE source_key = ?').get(key) as { id: number } | undefined;
  return row?.id ?? null;
}

/** Which of `ids` are already in the workspace: one query per draft, not one per job. */
function knownJobIds(db: Database, ids: string[]): Set<string> {
  const rows = db.prepare('SELECT id FROM fine_tuning_jobs WHERE id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(ids)) as string[];
  return new Set(rows);
}

export function draftAction(db: Database, draft: WorkloadDraft): { action: DraftAction; workloadId: number | null } {
  const workloadId = workloadIdForKey(db, draft.key);
  if (workloadId === null) return { action: 'create', workloadId };
  const w = getWorkload(db, workloadId);
  const known = knownJobIds(db, draft.jobs.map((j) => j.id));
  const same = known.size === draft.jobs.length && w.retrainCadenceDays === draft.retrainCadenceDays
    && w.lastRetrainDate === draft.lastRetrainDate && (draft.fineTunedModel === null || w.fineTunedModel === draft.fineTunedModel);
  return { action: same ? 'unchanged' : 'update', workloadId };
}

function jobRow(job: ImportedJob, workloadId: number): Record<string, unknown> {
  return {
    id: job.id, workload_id: workloadId, model: job.model, fine_tuned_model: job.fineTunedModel, status: job.status,
    created_at: job.createdAt, finished_at: job.finishedAt, trained_tokens: job.trainedTokens, training_file: job.trainingFile, suffix: job.suffix,
  };
}

/** Creates or updates the draft's workload (keyed by the model family) and adds jobs not seen before. */
export function applyDraft(db: Database, rec: Recorder, draft: WorkloadDraft, clientId: number): DraftAction {
  const { action, workloadId } = draftAction(db, draft);
  if (action === 'unchanged') return action;
  let id = workloadId;
  if (id === null) {
    id = insertWorkload(db, rec, {
      clientId, name: draft.name, kind: 'product', fineTunedModel: draft.fineTunedModel ?? '', baseModel: draft.baseModel, owner: '',
      criticality: 'important', deployment: 'cloud', residency: null, regulated: false, auditTrailRequired: false, monthlyVolume: 0,
      latencyTargetMs: null, pairwiseFeedback: 0, knowledgeChangeFrequency: 'monthly', baselineAccuracy: null, baselineP95Ms: null,
      baselineCostPer1k: null, startDate: null, retrainCadenceDays: draft.retrainCadenceDays, lastRetrainDate: draft.lastRetrainDate,
      notes: `Imported from the fine-tuning jobs list (${draft.succeededCount} succeeded job${draft.succeededCount === 1 ? '' : 's'}).`,
      sourceKey: draft.key,
    }).id;
  } else {
    const w = getWorkload(db, id);
    updateWorkload(db, rec, {
      ...w, retrainCadenceDays: draft.retrainCadenceDays, lastRetrainDate: draft.lastRetrainDate,
      fineTunedModel: draft.fineTunedModel ?? w.fineTunedModel,
    });
  }
  const known = knownJobIds(db, draft.jobs.map((j) => j.id));
  const target = id;
  rec.insertMany('fine_tuning_jobs', draft.jobs.filter((j) => !known.has(j.id)).map((j) => jobRow(j, target)));
  return action;
}
