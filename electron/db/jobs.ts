// Fine-tuning jobs imported from the API's jobs list, and the workloads they were grouped into.
import type { Database } from 'better-sqlite3';
import type { ImportedJob, WorkloadDraft } from '../../shared/imports/jobsList.ts';
import type { Recorder } from './changes.ts';
import { prepared } from './changes.ts';
import { getWorkload, insertWorkload, updateWorkload } from './workloads.ts';

export type DraftAction = 'create' | 'update' | 'unchanged';

export function workloadIdForKey(db: Database, key: string): number | null {
  const row = prepared(db, 'SELECT id FROM workloads WHERE source_key = ?').get(key) as { id: number } | undefined;
  return row?.id ?? null;
}

/** The jobs of `ids` already in the workspace, with the workload each belongs to: one query per draft, not one per job. */
function knownJobs(db: Database, ids: string[]): Map<string, number | null> {
  const rows = prepared(db, 'SELECT id, workload_id FROM fine_tuning_jobs WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as { id: string; workload_id: number | null }[];
  return new Map(rows.map((r) => [r.id, r.workload_id]));
}

interface DraftState {
  action: DraftAction;
  workloadId: number | null;
  known: Map<string, number | null>;
}

function draftState(db: Database, draft: WorkloadDraft): DraftState {
  const workloadId = workloadIdForKey(db, draft.key);
  const known = knownJobs(db, draft.jobs.map((j) => j.id));
  if (workloadId === null) return { action: 'create', workloadId, known };
  const w = getWorkload(db, workloadId);
  const same = known.size === draft.jobs.length && [...known.values()].every((owner) => owner === workloadId)
    && w.retrainCadenceDays === draft.retrainCadenceDays && w.lastRetrainDate === draft.lastRetrainDate
    && (draft.fineTunedModel === null || w.fineTunedModel === draft.fineTunedModel);
  return { action: same ? 'unchanged' : 'update', workloadId, known };
}

export function draftAction(db: Database, draft: WorkloadDraft): { action: DraftAction; workloadId: number | null } {
  const { action, workloadId } = draftState(db, draft);
  return { action, workloadId };
}

function jobRow(job: ImportedJob, workloadId: number): Record<string, unknown> {
  return {
    id: job.id, workload_id: workloadId, model: job.model, fine_tuned_model: job.fineTunedModel, status: job.status,
    created_at: job.createdAt, finished_at: job.finishedAt, trained_tokens: job.trainedTokens, training_file: job.trainingFile, suffix: job.suffix,
  };
}

/** Creates or updates the draft's workload (keyed by the model family) and adds jobs not seen before. */
export function applyDraft(db: Database, rec: Recorder, draft: WorkloadDraft, clientId: number): DraftAction {
  const { action, workloadId, known } = draftState(db, draft);
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
  const target = id;
  // Jobs already imported stay as they are, but follow their family (e.g. after its workload was deleted and re-imported).
  for (const [jobId, owner] of known) if (owner !== target) rec.update('fine_tuning_jobs', { id: jobId }, { workload_id: target });
  rec.insertMany('fine_tuning_jobs', draft.jobs.filter((j) => !known.has(j.id)).map((j) => jobRow(j, target)));
  return action;
}
