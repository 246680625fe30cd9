// Fine-tuning jobs imported from the API's jobs list, and the workloads they were grouped into.
import type { Database } from 'better-sqlite3';
import type { ImportedJob, WorkloadDraft } from '../../shared/imports/jobsList.ts';
import type { Recorder } from './changes.ts';
import { prepared } from './changes.ts';
import { getWorkload, insertWorkloadRow, updateWorkload } from './workloads.ts';

export type DraftAction = 'create' | 'update' | 'unchanged';

/** What the workspace already holds of a set of drafts, read in two queries whatever their size. */
export interface DraftLookup {
  /** Workload id per model-family key. */
  workloadByKey: Map<string, number>;
  /** Workload (or null) of every job id already imported. */
  jobOwners: Map<string, number | null>;
}

export function lookupDrafts(db: Database, drafts: WorkloadDraft[]): DraftLookup {
  const keys = JSON.stringify(drafts.map((d) => d.key));
  const workloads = prepared(db, 'SELECT source_key, id FROM workloads WHERE source_key IN (SELECT value FROM json_each(?))').all(keys) as { source_key: string; id: number }[];
  return { workloadByKey: new Map(workloads.map((w) => [w.source_key, w.id])), jobOwners: jobOwners(db, drafts) };
}

/**
 * Owners of the drafts' jobs already in the workspace. Binding 10,000 ids through json_each measured a quarter of the
 * preview; a workspace's jobs table is usually smaller than the list being imported, so when it holds no more rows
 * than the list it is read whole (an index scan, no JSON) and matched in memory.
 */
function jobOwners(db: Database, drafts: WorkloadDraft[]): Map<string, number | null> {
  const owners = new Map<string, number | null>();
  let wanted = 0;
  for (const d of drafts) wanted += d.jobs.length;
  const held = (prepared(db, 'SELECT count(*) AS n FROM (SELECT 1 FROM fine_tuning_jobs LIMIT ?)').get(wanted + 1) as { n: number }).n;
  if (held === 0) return owners;
  if (held <= wanted) {
    const ids = new Set<string>();
    for (const d of drafts) for (const j of d.jobs) ids.add(j.id);
    for (const row of prepared(db, 'SELECT id, workload_id FROM fine_tuning_jobs').iterate() as IterableIterator<{ id: string; workload_id: number | null }>) {
      if (ids.has(row.id)) owners.set(row.id, row.workload_id);
    }
    return owners;
  }
  const ids = JSON.stringify(drafts.flatMap((d) => d.jobs.map((j) => j.id)));
  for (const row of prepared(db, 'SELECT id, workload_id FROM fine_tuning_jobs WHERE id IN (SELECT value FROM json_each(?))').all(ids) as { id: string; workload_id: number | null }[]) {
    owners.set(row.id, row.workload_id);
  }
  return owners;
}

interface DraftState {
  action: DraftAction;
  workloadId: number | null;
  known: Map<string, number | null>;
}

function draftState(db: Database, draft: WorkloadDraft, lookup: DraftLookup): DraftState {
  const workloadId = lookup.workloadByKey.get(draft.key) ?? null;
  const known = new Map<string, number | null>();
  for (const j of draft.jobs) if (lookup.jobOwners.has(j.id)) known.set(j.id, lookup.jobOwners.get(j.id) ?? null);
  if (workloadId === null) return { action: 'create', workloadId, known };
  const w = getWorkload(db, workloadId);
  const same = known.size === draft.jobs.length && [...known.values()].every((owner) => owner === workloadId)
    && w.retrainCadenceDays === draft.retrainCadenceDays && w.lastRetrainDate === draft.lastRetrainDate
    && (draft.fineTunedModel === null || w.fineTunedModel === draft.fineTunedModel);
  return { action: same ? 'unchanged' : 'update', workloadId, known };
}

export function draftAction(db: Database, draft: WorkloadDraft, lookup: DraftLookup): { action: DraftAction; workloadId: number | null } {
  const { action, workloadId } = draftState(db, draft, lookup);
  return { action, workloadId };
}

function jobRow(job: ImportedJob, workloadId: number): Record<string, unknown> {
  return {
    id: job.id, workload_id: workloadId, model: job.model, fine_tuned_model: job.fineTunedModel, status: job.status,
    created_at: job.createdAt, finished_at: job.finishedAt, trained_tokens: job.trainedTokens, training_file: job.trainingFile, suffix: job.suffix,
  };
}

/** Creates or updates the draft's workload (keyed by the model family; `lookup` is read once per import, which is sound because drafts never share a key or a job) and adds jobs not seen before. */
export function applyDraft(db: Database, rec: Recorder, draft: WorkloadDraft, clientId: number, lookup: DraftLookup, newJobs?: Record<string, unknown>[]): DraftAction {
  const { action, workloadId, known } = draftState(db, draft, lookup);
  if (action === 'unchanged') return action;
  let id = workloadId;
  if (id === null) {
    // The handler checked the client once for every draft.
    id = insertWorkloadRow(rec, {
      clientId, name: draft.name, kind: 'product', fineTunedModel: draft.fineTunedModel ?? '', baseModel: draft.baseModel, owner: '',
      criticality: 'important', deployment: 'cloud', residency: null, regulated: false, auditTrailRequired: false, monthlyVolume: 0,
      latencyTargetMs: null, pairwiseFeedback: 0, knowledgeChangeFrequency: 'monthly', baselineAccuracy: null, baselineP95Ms: null,
      baselineCostPer1k: null, startDate: null, retrainCadenceDays: draft.retrainCadenceDays, lastRetrainDate: draft.lastRetrainDate,
      notes: `Imported from the fine-tuning jobs list (${draft.succeededCount} succeeded job${draft.succeededCount === 1 ? '' : 's'}).`,
      sourceKey: draft.key,
    });
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
  const rows = draft.jobs.filter((j) => !known.has(j.id)).map((j) => jobRow(j, target));
  // With a sink the caller inserts every draft's jobs at once: one bulk change for the table, not one per family.
  if (newJobs) for (const r of rows) newJobs.push(r);
  else rec.insertMany('fine_tuning_jobs', rows);
  return action;
}
