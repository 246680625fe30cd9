// An IPC app on a temp dir with a fresh workspace, for integration tests that go through dispatch.
import path from 'node:path';
import { expect } from 'vitest';
import { createIpcApp, type IpcApp } from '../../electron/ipc/app.ts';
import type { ChannelName, PayloadOf, ResultOf } from '../../shared/ipc/index.ts';
import type { ErrorInfo } from '../../shared/errors.ts';
import type { WorkspaceInfo } from '../../shared/ipc/inventory.ts';
import { tempDir } from './tmp.ts';

export interface TestApp {
  app: IpcApp;
  dir: string;
  file: string;
  call<C extends ChannelName>(channel: C, payload: PayloadOf<C>): Promise<ResultOf<C>>;
  fail<C extends ChannelName>(channel: C, payload: unknown): Promise<ErrorInfo>;
  /** Answers for the next file dialogs (absolute paths; null = cancelled). */
  dialogAnswers: (string | null)[];
  /** Opens `file` the way the user would: the open dialog answers it. */
  open(file: string): Promise<WorkspaceInfo | null>;
  /** A handle for `file`, as imports.chooseFile gives the renderer after the user picks it. */
  handle(file: string): string;
}

export async function aWorkspace(options: { today?: string } = {}): Promise<TestApp> {
  const dir = tempDir();
  const file = path.join(dir, 'workspace.offramp');
  const dialogAnswers: (string | null)[] = [];
  const answer = async () => dialogAnswers.shift() ?? null;
  const app = createIpcApp({
    configDir: path.join(dir, 'config'),
    today: options.today ?? '2026-11-25',
    platform: { chooseWorkspace: answer, chooseSavePath: answer, chooseOpenPath: answer },
  });
  const call = async <C extends ChannelName>(channel: C, payload: PayloadOf<C>): Promise<ResultOf<C>> => {
    const r = await app.dispatch(channel, payload);
    if (!r.ok) throw new Error(`${channel} failed: ${r.error.message}`);
    return r.value as ResultOf<C>;
  };
  const fail = async <C extends ChannelName>(channel: C, payload: unknown): Promise<ErrorInfo> => {
    const r = await app.dispatch(channel, payload);
    expect(r.ok, `${channel} should have failed`).toBe(false);
    return (r as { ok: false; error: ErrorInfo }).error;
  };
  dialogAnswers.push(file);
  await call('workspace.create', {});
  const open = (f: string) => {
    dialogAnswers.push(f);
    return call('workspace.open', {});
  };
  return { app, dir, file, call, fail, dialogAnswers, open, handle: (f) => app.ctx.files.register(f) };
}
