// The Imports screen's four cards: the chosen files, the preview each import shows before it writes, and the one write.
import { create } from 'zustand';
import { invoke } from '../ipc.ts';
import type { ErrorInfo, Result } from '../../shared/errors.ts';
import type { Approach, JobWeights } from '../../shared/domain/types.ts';
import type { TrainingAnalysis } from '../../shared/analysis/types.ts';
import type {
  EvaluationImportPreview, JobsImportPreview, SpreadsheetKind, SpreadsheetPreview, TaskProgressInfo,
} from '../../shared/ipc/imports.ts';
import type { EvalSetExportResult } from '../../shared/ipc/evalset.ts';
import { notifyError, notifyInfo } from './ui.ts';
import { useInventory } from './inventory.ts';
import { useWorkspace } from './workspace.ts';
import { usePlan } from './plan.ts';
import { plural } from '../labels.ts';

export type ImportKind = 'jobs' | 'training' | 'evaluations' | 'spreadsheet';

/** How often the screen asks for progress while a long call runs. */
const PROGRESS_POLL_MS = 200;

interface JobsCard {
  /** Handles of the chosen files (imports.chooseFile answers a handle, never a path); screens show their names. */
  paths: string[];
  preview: JobsImportPreview | null;
  clientId: number | null;
  busy: boolean;
  error: ErrorInfo | null;
  done: string | null;
}

interface TrainingCard {
  workloadId: number | null;
  path: string | null;
  task: string | null;
  progress: TaskProgressInfo | null;
  analysis: (TrainingAnalysis & { file: string }) | null;
  weights: JobWeights | null;
  busy: boolean;
  cancelled: boolean;
  error: ErrorInfo | null;
  done: string | null;
}

/** The evaluation set sampled from the analysed training file (the training data reused as the benchmark). */
interface EvalSetCard {
  n: number;
  seed: number;
  format: 'yaml' | 'json';
  task: string | null;
  progress: TaskProgressInfo | null;
  busy: boolean;
  error: ErrorInfo | null;
  result: EvalSetExportResult | null;
}

interface EvaluationsCard {
  workloadId: number | null;
  path: string | null;
  /** The preview being read (progress and Cancel); null once it answered. */
  task: string | null;
  progress: TaskProgressInfo | null;
  preview: EvaluationImportPreview | null;
  approaches: Record<string, Approach>;
  busy: boolean;
  cancelled: boolean;
  error: ErrorInfo | null;
  done: string | null;
}

interface SpreadsheetCard {
  kind: SpreadsheetKind;
  path: string | null;
  preview: SpreadsheetPreview | null;
  mapping: Record<string, string | null>;
  /** True once the file's headers were not all recognised: the mapping step is shown. */
  needsMapping: boolean;
  busy: boolean;
  error: ErrorInfo | null;
  done: string | null;
}

interface ImportsState {
  jobs: JobsCard;
  training: TrainingCard;
  evalset: EvalSetCard;
  evaluations: EvaluationsCard;
  spreadsheet: SpreadsheetCard;

  chooseJobsFile(): Promise<void>;
  removeJobsFile(path: string): void;
  setJobsClient(clientId: number | null): void;
  previewJobs(): Promise<void>;
  commitJobs(): Promise<void>;
  resetJobs(): void;

  setTrainingWorkload(workloadId: number | null): void;
  chooseAndAnalyseTraining(): Promise<void>;
  cancelTraining(): Promise<void>;
  setTrainingWeight(job: keyof JobWeights, value: number): void;
  acceptTraining(): Promise<void>;
  resetTraining(): void;

  setEvalSetOptions(options: Partial<Pick<EvalSetCard, 'n' | 'seed' | 'format'>>): void;
  exportEvalSet(): Promise<void>;

  setEvaluationsWorkload(workloadId: number | null): void;
  chooseEvaluationsFile(): Promise<void>;
  cancelEvaluationsPreview(): Promise<void>;
  setEvaluationApproach(candidate: string, approach: Approach): void;
  commitEvaluations(): Promise<void>;
  resetEvaluations(): void;

  setSpreadsheetKind(kind: SpreadsheetKind): void;
  exportSpreadsheet(kind: SpreadsheetKind): Promise<void>;
  chooseSpreadsheetFile(): Promise<void>;
  setMapping(header: string, field: string | null): void;
  previewSpreadsheet(): Promise<void>;
  commitSpreadsheet(): Promise<void>;
  resetSpreadsheet(): void;
}

const emptyJobs = (): JobsCard => ({ paths: [], preview: null, clientId: null, busy: false, error: null, done: null });
const emptyTraining = (workloadId: number | null = null): TrainingCard => ({
  workloadId, path: null, task: null, progress: null, analysis: null, weights: null, busy: false, cancelled: false, error: null, done: null,
});
const emptyEvalSet = (): EvalSetCard => ({ n: 200, seed: 1, format: 'yaml', task: null, progress: null, busy: false, error: null, result: null });
const emptyEvaluations = (workloadId: number | null = null): EvaluationsCard => ({
  workloadId, path: null, task: null, progress: null, preview: null, approaches: {}, busy: false, cancelled: false, error: null, done: null,
});
const emptySpreadsheet = (kind: SpreadsheetKind = 'workloads'): SpreadsheetCard => ({
  kind, path: null, preview: null, mapping: {}, needsMapping: false, busy: false, error: null, done: null,
});

async function chooseFile(kind: ImportKind): Promise<string | null> {
  const r = await invoke('imports.chooseFile', { kind });
  if (!r.ok) {
    notifyError(r.error);
    return null;
  }
  return r.value;
}

/** After a write: the inventory rows it may have touched, undo availability, and the plan if a screen shows it. */
async function afterWrite(): Promise<void> {
  await Promise.all([
    useInventory.getState().refresh(['clients', 'workloads', 'contracts', 'commitments']),
    useWorkspace.getState().refreshInfo(),
    usePlan.getState().refresh(),
  ]);
}

/** Runs a long call while polling its task's progress, so the screen can show a bar and offer Cancel. */
async function withProgress<T>(task: string, call: Promise<Result<T>>, onProgress: (p: TaskProgressInfo) => void): Promise<Result<T>> {
  let stopped = false;
  const poll = async () => {
    while (!stopped) {
      const r = await invoke('tasks.progress', { task });
      if (!stopped && r.ok && r.value) onProgress(r.value);
      await new Promise((resolve) => setTimeout(resolve, PROGRESS_POLL_MS));
    }
  };
  void poll();
  try {
    return await call;
  } finally {
    stopped = true;
  }
}

/** Unrecognised headers get the mapping step; a header already mapped by the main process keeps its field. */
function needsMapping(preview: SpreadsheetPreview): boolean {
  return preview.headers.some((h) => preview.mapping[h] === null || preview.mapping[h] === undefined);
}

let taskSeq = 0;

export const useImports = create<ImportsState>((set, get) => {
  const patch = <K extends 'jobs' | 'training' | 'evalset' | 'evaluations' | 'spreadsheet'>(key: K, value: Partial<ImportsState[K]>) =>
    set({ [key]: { ...get()[key], ...value } } as Partial<ImportsState>);

  return {
    jobs: emptyJobs(),
    training: emptyTraining(),
    evalset: emptyEvalSet(),
    evaluations: emptyEvaluations(),
    spreadsheet: emptySpreadsheet(),

    // Fine-tuning jobs list: one or several pages, previewed together.
    async chooseJobsFile() {
      const path = await chooseFile('jobs');
      if (!path) return;
      const paths = get().jobs.paths.includes(path) ? get().jobs.paths : [...get().jobs.paths, path];
      patch('jobs', { paths, done: null });
      await get().previewJobs();
    },
    removeJobsFile(path) {
      const paths = get().jobs.paths.filter((p) => p !== path);
      patch('jobs', { paths, preview: null, error: null });
      if (paths.length) void get().previewJobs();
    },
    setJobsClient(clientId) {
      patch('jobs', { clientId });
    },
    async previewJobs() {
      const { paths } = get().jobs;
      if (!paths.length) return;
      patch('jobs', { busy: true, error: null });
      const r = await invoke('imports.jobs.preview', { files: paths });
      patch('jobs', r.ok ? { busy: false, preview: r.value } : { busy: false, preview: null, error: r.error });
    },
    async commitJobs() {
      const { preview, clientId } = get().jobs;
      if (!preview || clientId === null) return;
      patch('jobs', { busy: true, error: null });
      const r = await invoke('imports.jobs.commit', { token: preview.token, clientId });
      if (!r.ok) {
        patch('jobs', { busy: false, error: r.error });
        return;
      }
      const { created, updated, unchanged } = r.value;
      const done = `Imported: ${plural(created, 'workload')} created, ${updated} updated, ${unchanged} unchanged.`;
      await afterWrite();
      patch('jobs', { busy: false, done });
      notifyInfo(done);
      // The token is spent: preview again so a second click shows "unchanged" instead of failing.
      await get().previewJobs();
    },
    resetJobs() {
      set({ jobs: { ...emptyJobs(), clientId: get().jobs.clientId } });
    },

    // Training data: streamed analysis with progress and Cancel, then accept the (edited) weights.
    setTrainingWorkload(workloadId) {
      patch('training', { workloadId, done: null });
    },
    async chooseAndAnalyseTraining() {
      const path = await chooseFile('training');
      if (!path) return;
      const task = `training-analysis-${++taskSeq}-${Date.now()}`;
      patch('training', { path, task, progress: null, analysis: null, weights: null, busy: true, cancelled: false, error: null, done: null });
      const r = await withProgress(task, invoke('imports.training.analyse', { file: path, task }), (progress) => {
        if (get().training.task === task) patch('training', { progress });
      });
      if (get().training.task !== task) return;
      if (r.ok) patch('training', { busy: false, analysis: r.value, weights: { ...r.value.suggestedWeights }, task: null });
      else if (r.error.code === 'cancelled') patch('training', { busy: false, cancelled: true, task: null });
      else patch('training', { busy: false, error: r.error, task: null });
    },
    async cancelTraining() {
      const { task } = get().training;
      if (!task) return;
      const r = await invoke('tasks.cancel', { task });
      if (!r.ok) notifyError(r.error);
    },
    setTrainingWeight(job, value) {
      const { weights } = get().training;
      if (!weights) return;
      const clamped = Math.max(0, Math.min(100, Math.round(Number.isFinite(value) ? value : 0)));
      patch('training', { weights: { ...weights, [job]: clamped } });
    },
    async acceptTraining() {
      const { analysis, weights, workloadId } = get().training;
      if (!analysis || !weights || workloadId === null) return;
      patch('training', { busy: true, error: null });
      const r = await invoke('imports.training.accept', {
        workloadId, file: analysis.file, weights, evidence: analysis.evidence.slice(0, 100), preferencePairs: analysis.preferencePairs,
      });
      if (!r.ok) {
        patch('training', { busy: false, error: r.error });
        return;
      }
      await afterWrite();
      const done = `Accepted into the job profile of ${r.value.workload.name}.`;
      patch('training', { busy: false, done });
      notifyInfo(done);
    },
    resetTraining() {
      set({ training: emptyTraining(get().training.workloadId), evalset: { ...get().evalset, result: null, error: null } });
    },

    // Evaluation set: N tasks sampled by seed from the analysed training file, saved where the user says.
    setEvalSetOptions(options) {
      patch('evalset', { ...options, result: null });
    },
    async exportEvalSet() {
      const { analysis, workloadId } = get().training;
      const { n, seed, format } = get().evalset;
      if (!analysis || workloadId === null) return;
      const task = `evalset-export-${++taskSeq}-${Date.now()}`;
      patch('evalset', { task, progress: null, busy: true, error: null, result: null });
      const r = await withProgress(task, invoke('evalset.export', { workloadId, file: analysis.file, n, seed, format, task }), (progress) => {
        if (get().evalset.task === task) patch('evalset', { progress });
      });
      if (get().evalset.task !== task) return;
      if (!r.ok) {
        patch('evalset', { busy: false, task: null, error: r.error.code === 'cancelled' ? null : r.error });
        return;
      }
      patch('evalset', { busy: false, task: null, result: r.value });
      if (r.value) notifyInfo(`Saved ${r.value.file}: ${plural(r.value.cases, 'task')} for promptfoo.`);
    },

    // Evaluation results: preview candidates and row counts, pick an approach per new candidate, import.
    setEvaluationsWorkload(workloadId) {
      // A preview still being read was for the other workload: stop it rather than show it under this one.
      const { task } = get().evaluations;
      if (task) void invoke('tasks.cancel', { task });
      patch('evaluations', { workloadId, task: null, progress: null, busy: false, preview: null, path: null, cancelled: false, error: null, done: null });
    },
    async chooseEvaluationsFile() {
      const { workloadId } = get().evaluations;
      if (workloadId === null) return;
      const path = await chooseFile('evaluations');
      if (!path) return;
      // A large file takes seconds to read and check: progress and Cancel while it does, as for training data.
      const task = `evaluation-preview-${++taskSeq}-${Date.now()}`;
      patch('evaluations', { path, task, progress: null, preview: null, busy: true, cancelled: false, error: null, done: null });
      const r = await withProgress(task, invoke('imports.evaluations.preview', { file: path, workloadId, task }), (progress) => {
        if (get().evaluations.task === task) patch('evaluations', { progress });
      });
      if (get().evaluations.task !== task) return;
      if (r.ok) {
        const approaches = Object.fromEntries(r.value.candidates.map((c) => [c.name, c.approach]));
        patch('evaluations', { busy: false, task: null, preview: r.value, approaches });
      } else if (r.error.code === 'cancelled') {
        patch('evaluations', { busy: false, task: null, path: null, cancelled: true });
      } else {
        patch('evaluations', { busy: false, task: null, error: r.error });
      }
    },
    async cancelEvaluationsPreview() {
      const { task } = get().evaluations;
      if (!task) return;
      const r = await invoke('tasks.cancel', { task });
      if (!r.ok) notifyError(r.error);
    },
    setEvaluationApproach(candidate, approach) {
      patch('evaluations', { approaches: { ...get().evaluations.approaches, [candidate]: approach } });
    },
    async commitEvaluations() {
      const { preview, workloadId, approaches } = get().evaluations;
      if (!preview || workloadId === null) return;
      patch('evaluations', { busy: true, error: null });
      const newOnes = Object.fromEntries(preview.candidates.filter((c) => c.existingCandidateId === null).map((c) => [c.name, approaches[c.name] ?? c.approach]));
      const r = await invoke('imports.evaluations.commit', { token: preview.token, workloadId, approaches: newOnes });
      if (!r.ok) {
        patch('evaluations', { busy: false, error: r.error });
        return;
      }
      await afterWrite();
      const done = `Imported ${plural(r.value.rows, 'row')} for ${plural(r.value.candidates, 'candidate')}.`;
      patch('evaluations', { busy: false, preview: null, done });
      notifyInfo(done);
    },
    resetEvaluations() {
      set({ evaluations: emptyEvaluations(get().evaluations.workloadId) });
    },

    // Spreadsheets: export, or import with a column mapping step for foreign files.
    setSpreadsheetKind(kind) {
      set({ spreadsheet: emptySpreadsheet(kind) });
    },
    async exportSpreadsheet(kind) {
      const r = await invoke('export.spreadsheet', { kind });
      if (!r.ok) notifyError(r.error);
      else if (r.value) notifyInfo(`Saved ${kind} to ${r.value.path}.`);
    },
    async chooseSpreadsheetFile() {
      const path = await chooseFile('spreadsheet');
      if (!path) return;
      patch('spreadsheet', { path, preview: null, mapping: {}, needsMapping: false, error: null, done: null });
      await get().previewSpreadsheet();
    },
    setMapping(header, field) {
      patch('spreadsheet', { mapping: { ...get().spreadsheet.mapping, [header]: field } });
    },
    async previewSpreadsheet() {
      const { path, kind, mapping, needsMapping: mapped } = get().spreadsheet;
      if (!path) return;
      patch('spreadsheet', { busy: true, error: null });
      const r = await invoke('imports.spreadsheet.preview', mapped ? { file: path, kind, mapping } : { file: path, kind });
      if (!r.ok) {
        patch('spreadsheet', { busy: false, preview: null, error: r.error });
        return;
      }
      patch('spreadsheet', {
        busy: false, preview: r.value, mapping: r.value.mapping, needsMapping: mapped || needsMapping(r.value),
      });
    },
    async commitSpreadsheet() {
      const { preview } = get().spreadsheet;
      if (!preview) return;
      patch('spreadsheet', { busy: true, error: null });
      const r = await invoke('imports.spreadsheet.commit', { token: preview.token });
      if (!r.ok) {
        patch('spreadsheet', { busy: false, error: r.error });
        return;
      }
      await afterWrite();
      const done = `Applied: ${r.value.created} created, ${r.value.updated} updated.`;
      patch('spreadsheet', { busy: false, preview: null, done });
      notifyInfo(done);
    },
    resetSpreadsheet() {
      set({ spreadsheet: emptySpreadsheet(get().spreadsheet.kind) });
    },
  };
});

// Another workspace file: previews, tokens and chosen workloads of the last one mean nothing there.
useWorkspace.subscribe((state, previous) => {
  if (state.info?.path === previous.info?.path) return;
  useImports.setState({ jobs: emptyJobs(), training: emptyTraining(), evaluations: emptyEvaluations(), spreadsheet: emptySpreadsheet() });
});
