// Fine-tuning jobs imported from the API's jobs list, and the workloads they were grouped into.
import type { Database } from 'better-sqlite3';
import { isoOfMs, type ImportedJob, type JobsListImport, type WorkloadDraft } from '../../shared/imports/jobsList.ts';
import type { Recorder, Row } from './changes.ts';
import { prepared } from './changes.ts';
import { getWorkload, newWorkloadRow, updateWorkload } from './workloads.ts';

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
  if (lookup.jobOwners.size > 0) for (const j of draft.jobs) if (lookup.jobOwners.has(j.id)) known.set(j.id, lookup.jobOwners.get(j.id) ?? null);
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

/** The columns of fine_tuning_jobs, in the order applyDrafts binds them. */
const JOB_COLUMNS = ['id', 'workload_id', 'model', 'fine_tuned_model', 'status', 'created_at', 'finished_at', 'trained_tokens', 'training_file', 'suffix'] as const;

/** A job as its row (undo, redo and the audit read it so): dates as ISO text in UTC. */
function jobRow(job: ImportedJob, workloadId: number): Row {
  return {
    id: job.id, workload_id: workloadId, model: job.model, fine_tuned_model: job.fineTunedModel, status: job.status,
    created_at: isoOfMs(job.createdMs), finished_at: job.finishedMs === null ? null : isoOfMs(job.finishedMs),
    trained_tokens: job.trainedTokens, training_file: job.trainingFile, suffix: job.suffix,
  };
}

export interface DraftCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Creates or updates each draft's workload (keyed by the model family; `lookup` is read once per import, which is
 * sound because drafts never share a key or a job) and adds the jobs not seen before. New workloads go in as one bulk
 * change and every new job as another, written straight from the parsed jobs.
 */
export function applyDrafts(db: Database, rec: Recorder, { drafts, jobs: listed }: JobsListImport, clientId: number, lookup: DraftLookup): DraftCounts {
  const counts: DraftCounts = { created: 0, updated: 0, unchanged: 0 };
  // Drafts with jobs to write, in their order; a new workload's id is known once its row is in.
  const owned: { draft: WorkloadDraft; known: Map<string, number | null>; workloadId: number | null; row?: Row }[] = [];
  for (const draft of drafts) {
    const { action, workloadId, known } = draftState(db, draft, lookup);
    if (action === 'unchanged') {
      counts.unchanged++;
    } else if (workloadId === null) {
      counts.created++;
      // The handler checked the client once for every draft.
      owned.push({
        draft, known, workloadId,
        row: newWorkloadRow({
          clientId, name: draft.name, kind: 'product', fineTunedModel: draft.fineTunedModel ?? '', baseModel: draft.baseModel, owner: '',
          criticality: 'important', deployment: 'cloud', residency: null, regulated: false, auditTrailRequired: false, monthlyVolume: 0,
          latencyTargetMs: null, pairwiseFeedback: 0, knowledgeChangeFrequency: 'monthly', baselineAccuracy: null, baselineP95Ms: null,
          baselineCostPer1k: null, startDate: null, retrainCadenceDays: draft.retrainCadenceDays, lastRetrainDate: draft.lastRetrainDate,
          notes: `Imported from the fine-tuning jobs list (${draft.succeededCount} succeeded job${draft.succeededCount === 1 ? '' : 's'}).`,
          sourceKey: draft.key,
        }),
      });
    } else {
      counts.updated++;
      const w = getWorkload(db, workloadId);
      updateWorkload(db, rec, {
        ...w, retrainCadenceDays: draft.retrainCadenceDays, lastRetrainDate: draft.lastRetrainDate,
        fineTunedModel: draft.fineTunedModel ?? w.fineTunedModel,
      });
      owned.push({ draft, known, workloadId });
    }
  }
  // insertMany gives each new row its id.
  rec.insertMany('workloads', owned.flatMap((o) => (o.row ? [o.row] : [])));

  // The workload of each family whose jobs are written.
  const ownerOf = new Map<string, number>();
  for (const o of owned) {
    const workloadId = (o.row ? o.row.id : o.workloadId) as number;
    ownerOf.set(o.draft.key, workloadId);
    // Jobs already imported stay as they are, but follow their family (e.g. after its workload was deleted and re-imported).
    for (const [jobId, owner] of o.known) if (owner !== workloadId) rec.update('fine_tuning_jobs', { id: jobId }, { workload_id: workloadId });
  }
  // New jobs in the order the list gives them.
  const jobs: ImportedJob[] = [];
  const owners: number[] = [];
  const seen = lookup.jobOwners;
  for (const j of listed) {
    const owner = ownerOf.get(j.family);
    if (owner === undefined || (seen.size > 0 && seen.has(j.id))) continue;
    jobs.push(j);
    owners.push(owner);
  }
  rec.insertEach('fine_tuning_jobs', JOB_COLUMNS, jobs.length, (insert, i) => {
    const j = jobs[i];
    insert.run(j.id, owners[i], j.model, j.fineTunedModel, j.status, isoOfMs(j.createdMs), j.finishedMs === null ? null : isoOfMs(j.finishedMs),
      j.trainedTokens, j.trainingFile, j.suffix);
  }, (i) => jobRow(jobs[i], owners[i]));
  return counts;
}
