// Handlers of the imports.
import path from 'node:path';
import type { IMPORT_KINDS, importsChannels } from '../../../shared/ipc/imports.ts';
import { JOBS, type JobProfile } from '../../../shared/domain/types.ts';
import type { HandlerContext, HandlerMap } from '../context.ts';
import { analyseTrainingFile } from '../../importers/analyseTrainingFile.ts';
import { formatBytes } from '../../importers/readLines.ts';
import { readImportFile } from '../../importers/readFile.ts';
import fs from 'node:fs';
import { getJobProfile, getWorkload, setJobProfile, updateWorkload } from '../../db/workloads.ts';
import { parseJobsList, type JobsListImport } from '../../../shared/imports/jobsList.ts';
import { applyDrafts, draftAction, lookupDrafts, type DraftLookup } from '../../db/jobs.ts';
import { getClient } from '../../db/clients.ts';
import { PendingImports } from '../../services/pending.ts';
import { OfframpError, type ErrorInfo } from '../../../shared/errors.ts';
import { commitStaged, dropStaged, stageEvaluationFile, stagedCounts, stagingAlive, stagingExpired, type StagedEvaluations } from '../../db/evaluationStaging.ts';
import { insertCandidate, listCandidates } from '../../db/candidates.ts';
import type { Approach } from '../../../shared/domain/types.ts';
import { applySpreadsheet, planSpreadsheet, spreadsheetText, type PlannedRow } from '../../services/spreadsheet.ts';
import type { SpreadsheetKind } from '../../../shared/imports/spreadsheet.ts';

const pendingJobs = new PendingImports<{ files: string[]; parsed: JobsListImport; lookup: DraftLookup; db: object; changes: number }>();

/** Committed changes per open workspace service: a preview's reading of the workspace holds while this has not moved. */
const changeCounts = new WeakMap<object, { n: number }>();
function changeCount(ws: HandlerContext['workspace']): { n: number } {
  let counter = changeCounts.get(ws);
  if (!counter) {
    const c = { n: 0 };
    ws.onChange(() => {
      c.n += 1;
    });
    changeCounts.set(ws, (counter = c));
  }
  return counter;
}
const pendingSheets = new PendingImports<{ kind: SpreadsheetKind; rows: PlannedRow[]; errors: ErrorInfo[] }>();
const pendingEvaluations = new PendingImports<{ file: string; workloadId: number; staged: StagedEvaluations }>({ dispose: (p) => dropStaged(p.staged) });
/** The evaluation preview being read per open workspace service: a newer one stops it. */
const stagingNow = new WeakMap<object, AbortController>();

/** A first guess of a candidate's approach from its name; the user confirms it in the preview. */
export function guessApproach(name: string): Approach {
  const n = name.toLowerCase();
  if (/\b(rag|retriev|search|hybrid)/.test(n)) return 'rag';
  if (/\b(dpo|preference|rlhf|orpo)/.test(n)) return 'preference';
  if (/\b(lora|adapter|llama|mistral|qwen|gemma|phi|open|ollama|vllm|8b|7b|70b)/.test(n)) return 'open_weight';
  if (/\b(router|stack|multi)/.test(n)) return 'multi_model';
  return 'prompting';
}

const WHAT: Record<(typeof IMPORT_KINDS)[number], string> = {
  jobs: 'a fine-tuning jobs list (JSON)',
  training: 'a training data file (JSON Lines)',
  evaluations: 'evaluation results (promptfoo JSON or CSV)',
  spreadsheet: 'a spreadsheet saved as CSV',
};

const FILTERS = {
  jobs: [{ name: 'Fine-tuning jobs list (JSON)', extensions: ['json'] }],
  training: [{ name: 'Training data (JSON Lines)', extensions: ['jsonl', 'json', 'txt'] }],
  evaluations: [{ name: 'Evaluation results (promptfoo JSON or CSV)', extensions: ['json', 'csv'] }],
  spreadsheet: [{ name: 'Spreadsheet (CSV)', extensions: ['csv'] }],
} as const;

export const importsHandlers: HandlerMap<keyof typeof importsChannels> = {
  'imports.chooseFile': async ({ kind }, ctx) => {
    const file = await ctx.platform.chooseOpenPath({ title: 'Choose a file to import', filters: FILTERS[kind].map((f) => ({ ...f, extensions: [...f.extensions] })) });
    // The renderer gets a handle for the chosen file, never its path (electron/workspace/files.ts).
    return file === null ? null : ctx.files.register(file);
  },
  'tasks.progress': ({ task }, ctx) => ctx.tasks.progress(task),
  'tasks.cancel': ({ task }, ctx) => ctx.tasks.cancel(task),

  'imports.training.analyse': async ({ file: handle, task }, ctx) => {
    const file = ctx.files.resolve(handle);
    const analysis = await ctx.tasks.run(task, `Analysing ${path.basename(file)}`, (signal, report) => analyseTrainingFile(file, {
      signal,
      onProgress: (done, total) => report(done, total, `Analysing ${path.basename(file)}: ${formatBytes(done)} of ${formatBytes(total)}`),
    }));
    return { ...analysis, file: handle };
  },

  'imports.jobs.preview': ({ files }, ctx) => {
    const paths = files.map((h) => ctx.files.resolve(h, 'files'));
    const parsed = parseJobsList(paths.map((file) => ({ name: file, text: readImportFile(file, WHAT.jobs) })));
    const db = ctx.workspace.database();
    const lookup = lookupDrafts(db, parsed.drafts);
    const token = pendingJobs.put({ files: paths, parsed, lookup, db, changes: changeCount(ctx.workspace).n });
    return {
      token,
      files,
      drafts: parsed.drafts.map((d) => ({
        key: d.key, name: d.name, baseModel: d.baseModel, fineTunedModel: d.fineTunedModel ?? '', jobsTotal: d.jobs.length,
        succeeded: d.succeededCount, notCounted: d.jobs.length - d.succeededCount, retrainCadenceDays: d.retrainCadenceDays,
        lastRetrainDate: d.lastRetrainDate, ...draftAction(db, d, lookup),
      })),
      skipped: parsed.skipped.map((s) => ({ id: s.id ?? `#${s.index + 1}`, status: '', reason: `${path.basename(s.file)}: ${s.reason}` })),
    };
  },
  'imports.jobs.commit': ({ token, clientId }, ctx, db, rec) => {
    getClient(db, clientId);
    const pending = pendingJobs.take(token);
    const { parsed } = pending;
    // Existing rows are looked up once: the preview's reading stands unless the workspace changed since.
    const unchanged = pending.db === db && pending.changes === changeCount(ctx.workspace).n;
    const lookup = unchanged ? pending.lookup : lookupDrafts(db, parsed.drafts);
    return applyDrafts(db, rec, parsed, clientId, lookup);
  },

  'imports.evaluations.preview': async ({ file: handle, workloadId, task }, ctx) => {
    const file = ctx.files.resolve(handle);
    const name = path.basename(file);
    const db = ctx.workspace.database();
    getWorkload(db, workloadId);
    // The screen shows one evaluation preview at a time: a new one releases the rows staged for the last, and stops
    // one still being read (it answers that it gave way, and leaves nothing staged).
    pendingEvaluations.clear();
    stagingNow.get(ctx.workspace)?.abort(new OfframpError({
      code: 'cancelled', message: `The preview gave way to the preview of ${name}, chosen since. Nothing was changed.`,
    }));
    const newer = new AbortController();
    stagingNow.set(ctx.workspace, newer);
    try {
      return await ctx.tasks.run(task, `Reading ${name}`, async (signal, report) => {
        const stop = AbortSignal.any([signal, newer.signal]);
        const staged = await stageEvaluationFile(db, file, WHAT.evaluations, {
          signal: stop,
          onProgress: (done, total) => report(done, total, `Reading ${name}: ${formatBytes(done)} of ${formatBytes(total)}`),
        });
        try {
          // Cancelled, replaced, or its workload deleted while the file was read: nothing staged is kept.
          if (stop.aborted) throw stop.reason instanceof OfframpError ? stop.reason : new OfframpError({ code: 'cancelled', message: `Reading ${name} was cancelled. Nothing was changed.` });
          getWorkload(db, workloadId);
        } catch (e) {
          dropStaged(staged);
          throw e;
        }
        const existing = new Map(listCandidates(db, workloadId).map((c) => [c.name.toLowerCase(), c]));
        const counts = stagedCounts(staged);
        const format = file.toLowerCase().endsWith('.json') ? 'promptfoo JSON' : 'CSV';
        return {
          token: pendingEvaluations.put({ file, workloadId, staged }),
          file: handle,
          format,
          rowCount: staged.rowCount,
          candidates: staged.candidates.map((candidate, k) => {
            const found = existing.get(candidate.toLowerCase());
            return { name: candidate, rows: counts[k], existingCandidateId: found?.id ?? null, approach: found?.approach ?? guessApproach(candidate) };
          }),
        };
      });
    } finally {
      if (stagingNow.get(ctx.workspace) === newer) stagingNow.delete(ctx.workspace);
    }
  },
  'imports.evaluations.commit': ({ token, workloadId, approaches }, _ctx, db, rec) => {
    const pending = pendingEvaluations.take(token);
    if (pending.workloadId !== workloadId) throw new OfframpError({ code: 'conflict', message: 'This preview was made for another workload; choose the file again.' });
    if (!stagingAlive(pending.staged, db)) {
      pendingEvaluations.drop(token);
      throw stagingExpired(pending.file);
    }
    const existing = new Map(listCandidates(db, workloadId).map((c) => [c.name.toLowerCase(), c.id]));
    const ids: number[] = [];
    for (const name of pending.staged.candidates) {
      let id = existing.get(name.toLowerCase());
      if (id === undefined) {
        id = insertCandidate(db, rec, {
          // Own keys only: a candidate may be called "__proto__" or "constructor".
          workloadId, name, approach: (Object.hasOwn(approaches, name) ? approaches[name] : undefined) ?? guessApproach(name), selfHostable: false, dataRegion: null,
          policyUpdateHours: null, explainability: null, notes: `Imported from ${path.basename(pending.file)}`,
        }).id;
      } else {
        // Re-importing a candidate's results replaces its rows rather than counting them twice (kept aside for undo).
        rec.deleteHeld('evaluation_rows', 'candidate_id', id);
      }
      ids.push(id);
    }
    commitStaged(db, rec, pending.staged, ids);
    pendingEvaluations.drop(token);
    return { candidates: ids.length, rows: pending.staged.rowCount };
  },

  'imports.spreadsheet.preview': ({ file: handle, kind, mapping }, ctx) => {
    const file = ctx.files.resolve(handle);
    const plan = planSpreadsheet(ctx.workspace.database(), kind, file, readImportFile(file, WHAT.spreadsheet), mapping);
    const token = pendingSheets.put({ kind, rows: plan.rows, errors: plan.errors });
    const { rows: _rows, ...preview } = plan;
    return { ...preview, token, file: handle };
  },
  'imports.spreadsheet.commit': ({ token }, _ctx, db, rec) => {
    const pending = pendingSheets.take(token);
    const n = pending.errors.length;
    if (n > 0) {
      // Refused naming the file and its first problem's row and column, like every other import error.
      const first = pending.errors[0];
      throw new OfframpError({
        code: 'import_invalid', file: first.file, line: first.line, field: first.field,
        message: `${path.basename(first.file ?? 'The file')} has ${n} problem${n === 1 ? '' : 's'} (the first: ${first.message}); fix them in the spreadsheet (or the column mapping) and choose it again. Nothing was changed.`,
      });
    }
    const result = applySpreadsheet(db, rec, pending.kind, pending.rows);
    pendingSheets.drop(token);
    return result;
  },
  'export.spreadsheet': async ({ kind }, ctx) => {
    const text = spreadsheetText(ctx.workspace.database(), kind);
    const file = await ctx.platform.chooseSavePath({ title: `Export ${kind} as CSV`, defaultName: `${kind}.csv`, filters: [{ name: 'CSV', extensions: ['csv'] }] });
    if (file === null) return null;
    fs.writeFileSync(file, text);
    return { path: file };
  },

  'imports.training.accept': ({ workloadId, file, weights, evidence, preferencePairs }, _ctx, db, rec) => {
    const workload = getWorkload(db, workloadId);
    const previous = getJobProfile(db, workloadId);
    const source = `Training data ${path.basename(file)}`;
    const profile: JobProfile = {
      workloadId,
      weights,
      sources: Object.fromEntries(JOBS.map((j) => [j, 'analysis'])) as JobProfile['sources'],
      confirmed: true,
      evidence: [...(previous?.evidence.filter((e) => !e.startsWith('Training data ')) ?? []), ...evidence.map((e) => `${source}: ${e}`)],
      answers: previous?.answers ?? null,
    };
    const saved = setJobProfile(db, rec, profile);
    const updated = preferencePairs > workload.pairwiseFeedback ? updateWorkload(db, rec, { ...workload, pairwiseFeedback: preferencePairs }) : workload;
    return { workload: updated, profile: saved };
  },
};
