// What every IPC handler receives: the open workspace, the platform (dialogs, printing) and preferences.
// Nothing here imports Electron, so the test host and the CLI serve the very same handlers.
import type { Database } from 'better-sqlite3';
import type { ChannelName, ParsedPayloadOf, ResultOf } from '../../shared/ipc/index.ts';
import type { Recorder } from '../db/changes.ts';
import type { WorkspaceService } from '../workspace/service.ts';
import type { PreferencesStore } from '../workspace/preferences.ts';
import type { TaskRegistry } from '../services/tasks.ts';
import type { FileHandles } from '../workspace/files.ts';

export interface SaveDialogOptions {
  title: string;
  defaultName: string;
  filters: { name: string; extensions: string[] }[];
}

export interface Platform {
  chooseWorkspace(mode: 'new' | 'open' | 'copy'): Promise<string | null>;
  chooseSavePath(options: SaveDialogOptions): Promise<string | null>;
  chooseOpenPath(options: { title: string; filters: { name: string; extensions: string[] }[] }): Promise<string | null>;
  /** Prints a route of the renderer to PDF (Electron: printToPDF; test host and CLI: Chromium page.pdf). */
  printToPdf?(route: string, options: {
    paper: 'A4' | 'Letter'; landscape: boolean; onPlanned?(total: number): void; onProgress?(printed: number, total: number): void; signal?: AbortSignal;
  }): Promise<Buffer>;
}

export interface HandlerContext {
  workspace: WorkspaceService;
  preferences: PreferencesStore;
  platform: Platform;
  /** Today's date as yyyy-MM-dd (fixed in tests and by `--today`). */
  today(): string;
  /** Reports progress of long work to the window, when one listens. */
  progress(task: string, done: number, total: number, label: string): void;
  /** Long-running work with progress and cancellation. */
  tasks: TaskRegistry;
  /** Files chosen in dialogs, handed to the renderer as opaque handles (it never sends a path). */
  files: FileHandles;
}

/** A read-only handler. */
export type QueryHandler<C extends ChannelName> = (payload: ParsedPayloadOf<C>, ctx: HandlerContext) => ResultOf<C> | Promise<ResultOf<C>>;
/** A mutating handler: runs inside one transaction with a Recorder; synchronous by design (better-sqlite3). */
export type MutationHandler<C extends ChannelName> = (payload: ParsedPayloadOf<C>, ctx: HandlerContext, db: Database, rec: Recorder) => ResultOf<C>;

export type HandlerFor<C extends ChannelName> = import('../../shared/ipc/index.ts').Channels[C]['mutates'] extends true ? MutationHandler<C> : QueryHandler<C>;

export type HandlerMap<K extends ChannelName> = { [C in K]: HandlerFor<C> };
