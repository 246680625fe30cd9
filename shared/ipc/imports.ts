// Channels of the imports: files in, a preview of what will change, then one transaction or nothing.
import { z } from 'zod';
import { mutation, query } from './contract.ts';
import { APPROACHES, JOBS } from '../domain/types.ts';
import type { Approach, JobProfile, Workload } from '../domain/types.ts';
import type { ErrorInfo } from '../errors.ts';
import type { TrainingAnalysis } from '../analysis/types.ts';

const id = z.number().int().positive();
/** A file the user chose through imports.chooseFile: an opaque handle (the main process keeps the path). */
const fileHandle = z.string().min(1, 'Choose a file').max(1000);

/**
 * Candidate name → approach. Not z.record: it drops a key named "__proto__", and a candidate may be
 * called that; this keeps the object as sent (the handler reads own keys only).
 */
const approachChoices = z.custom<Record<string, Approach>>(
  (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((a) => (APPROACHES as readonly unknown[]).includes(a)),
  { message: `Choose one of ${APPROACHES.join(', ')} for each candidate` },
);

export const IMPORT_KINDS = ['jobs', 'training', 'evaluations', 'spreadsheet'] as const;

export interface TaskProgressInfo {
  task: string;
  done: number;
  total: number;
  label: string;
  finished: boolean;
}

export const SPREADSHEET_KINDS = ['workloads', 'contracts', 'commitments'] as const;
export type SpreadsheetKind = (typeof SPREADSHEET_KINDS)[number];

export interface JobsImportPreview {
  /** Hands the parsed files to the commit step without reading them again. */
  token: string;
  files: string[];
  drafts: {
    key: string;
    name: string;
    baseModel: string;
    fineTunedModel: string;
    jobsTotal: number;
    succeeded: number;
    /** Failed and cancelled jobs: shown, not counted. */
    notCounted: number;
    retrainCadenceDays: number | null;
    lastRetrainDate: string | null;
    /** What committing does: a new workload, new jobs added to an existing one, or nothing (already imported). */
    action: 'create' | 'update' | 'unchanged';
    workloadId: number | null;
  }[];
  skipped: { id: string; status: string; reason: string }[];
}

export interface EvaluationImportPreview {
  token: string;
  file: string;
  format: string;
  rowCount: number;
  candidates: { name: string; rows: number; existingCandidateId: number | null; approach: Approach }[];
}

export interface SpreadsheetPreview {
  token: string;
  file: string;
  kind: SpreadsheetKind;
  headers: string[];
  /** Column header → field name (null = ignored). */
  mapping: Record<string, string | null>;
  /** The fields a column can map to. */
  fields: string[];
  changes: { line: number; action: 'create' | 'update' | 'unchanged'; id: number | null; name: string; changedFields: string[] }[];
  errors: ErrorInfo[];
}

export const importsChannels = {
  /** Asks for a file to import (native open dialog): a handle for the preview channels ("<id>/<name>"); null when the user cancels. */
  'imports.chooseFile': query<string | null>()(z.object({ kind: z.enum(IMPORT_KINDS) })),
  'tasks.progress': query<TaskProgressInfo | null>()(z.object({ task: z.string().min(1) })),
  'tasks.cancel': query<boolean>()(z.object({ task: z.string().min(1) })),

  /** Streams a training JSONL through the analyser (task id for progress and cancel). Writes nothing. */
  'imports.training.analyse': query<TrainingAnalysis & { file: string }>()(z.object({ file: fileHandle, task: z.string().min(1).default('training-analysis') })),
  /** Accepts (possibly edited) suggested weights into the workload's job profile, keeping the evidence and its source. */
  'imports.training.accept': mutation<{ workload: Workload; profile: JobProfile }>()(z.object({
    workloadId: id,
    file: z.string().min(1),
    weights: z.object(Object.fromEntries(JOBS.map((j) => [j, z.number().min(0).max(100)])) as Record<(typeof JOBS)[number], z.ZodNumber>),
    evidence: z.array(z.string().max(2000)).max(100),
    preferencePairs: z.number().int().min(0).default(0),
  })),

  /** Parses one or several pages of a fine-tuning jobs list; nothing is written. */
  'imports.jobs.preview': query<JobsImportPreview>()(z.object({ files: z.array(fileHandle).min(1, 'Choose at least one file') })),
  /** Creates or updates the workload drafts of a preview for one client, in one transaction. Re-importing changes nothing. */
  'imports.jobs.commit': mutation<{ created: number; updated: number; unchanged: number }>()(z.object({ token: z.string().min(1), clientId: id })),

  /** Parses promptfoo JSON/CSV output or a plain CSV of per-task rows for one workload (task id for progress and cancel); nothing is written. */
  'imports.evaluations.preview': query<EvaluationImportPreview>()(z.object({ file: fileHandle, workloadId: id, task: z.string().min(1).default('evaluation-preview') })),
  /** Creates missing candidates (with the chosen approaches) and replaces their raw rows, in one transaction. */
  'imports.evaluations.commit': mutation<{ candidates: number; rows: number }>()(z.object({
    token: z.string().min(1), workloadId: id, approaches: approachChoices.default({}),
  })),

  /** Reads a CSV of workloads, contracts or commitments; with `mapping` for foreign column names. Nothing is written. */
  'imports.spreadsheet.preview': query<SpreadsheetPreview>()(z.object({
    file: fileHandle, kind: z.enum(SPREADSHEET_KINDS), mapping: z.record(z.string(), z.string().nullable()).optional(),
  })),
  /** Writes the previewed rows (only changed rows are updated); refused while the preview has errors. */
  'imports.spreadsheet.commit': mutation<{ created: number; updated: number }>()(z.object({ token: z.string().min(1) })),
  /** Saves workloads, contracts or commitments as CSV for editing in a spreadsheet; null when the user cancels. */
  'export.spreadsheet': query<{ path: string } | null>()(z.object({ kind: z.enum(SPREADSHEET_KINDS) })),
} as const;
