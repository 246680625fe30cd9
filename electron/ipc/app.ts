// Builds the main-process services once and exposes dispatch; Electron, the test host and the CLI all start here.
import { format } from 'date-fns';
import type { Result } from '../../shared/errors.ts';
import { PreferencesStore } from '../workspace/preferences.ts';
import { WorkspaceService } from '../workspace/service.ts';
import type { HandlerContext, Platform } from './context.ts';
import { dispatch } from './dispatch.ts';
import { TaskRegistry } from '../services/tasks.ts';
import { FileHandles } from '../workspace/files.ts';

export interface IpcAppOptions {
  configDir: string;
  platform: Platform;
  nativeBinding?: string;
  /** Fixed "today" (yyyy-MM-dd) for tests and `--today`; otherwise the local date. */
  today?: string;
  onProgress?: HandlerContext['progress'];
}

export interface IpcApp {
  ctx: HandlerContext;
  dispatch(channel: string, payload: unknown): Promise<Result<unknown>>;
  close(): void;
}

export function createIpcApp(options: IpcAppOptions): IpcApp {
  const preferences = new PreferencesStore(options.configDir);
  const workspace = new WorkspaceService({ nativeBinding: options.nativeBinding, actor: () => preferences.get().actorName });
  const progress = options.onProgress ?? (() => {});
  const ctx: HandlerContext = {
    workspace,
    preferences,
    platform: options.platform,
    today: () => options.today ?? format(new Date(), 'yyyy-MM-dd'),
    progress,
    tasks: new TaskRegistry((p) => progress(p.task, p.done, p.total, p.label)),
    files: new FileHandles(),
  };
  return {
    ctx,
    dispatch: (channel, payload) => dispatch(channel, payload, ctx),
    close: () => workspace.close(),
  };
}
