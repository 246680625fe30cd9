// Long-running work (file analysis, imports, PDF printing): progress a window can poll or be pushed, and cancellation.
import { OfframpError } from '../../shared/errors.ts';

export interface TaskProgress {
  task: string;
  done: number;
  total: number;
  label: string;
  finished: boolean;
}

interface Running {
  controller: AbortController;
  progress: TaskProgress;
}

export class TaskRegistry {
  private readonly running = new Map<string, Running>();
  private readonly onProgress: (p: TaskProgress) => void;

  constructor(onProgress: (p: TaskProgress) => void = () => {}) {
    this.onProgress = onProgress;
  }

  /** Runs `work` as task `id`, reporting progress through `report`; a second task with the same id cancels the first. */
  async run<T>(id: string, label: string, work: (signal: AbortSignal, report: (done: number, total: number, label?: string) => void) => Promise<T>): Promise<T> {
    this.running.get(id)?.controller.abort();
    const entry: Running = { controller: new AbortController(), progress: { task: id, done: 0, total: 1, label, finished: false } };
    this.running.set(id, entry);
    const report = (done: number, total: number, text?: string) => {
      entry.progress = { task: id, done, total, label: text ?? entry.progress.label, finished: false };
      this.onProgress(entry.progress);
    };
    try {
      return await work(entry.controller.signal, report);
    } catch (e) {
      if (entry.controller.signal.aborted) throw new OfframpError({ code: 'cancelled', message: `${label} was cancelled. Nothing was changed.` });
      throw e;
    } finally {
      entry.progress = { ...entry.progress, finished: true };
      this.onProgress(entry.progress);
      if (this.running.get(id) === entry) this.running.delete(id);
    }
  }

  progress(id: string): TaskProgress | null {
    return this.running.get(id)?.progress ?? null;
  }

  cancel(id: string): boolean {
    const entry = this.running.get(id);
    if (!entry) return false;
    entry.controller.abort();
    return true;
  }
}
