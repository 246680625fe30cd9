// Exports from a workspace file without a window: the same IPC app and handlers as Electron, with the save dialog
// answered by the given path and printing done by headless Chromium against an in-process renderer server.
import fs from 'node:fs';
import { clientChoices, findClient } from '../../shared/domain/findClient.ts';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { OfframpError } from '../../shared/errors.ts';
import type { ChannelName, PayloadOf, ResultOf } from '../../shared/ipc/index.ts';
import type { PaperSize } from '../../shared/ipc/exports.ts';
import { createIpcApp, type IpcApp } from '../ipc/app.ts';
import { assertRendererBuilt, startRendererServer, type RendererServer } from './rendererServer.ts';
import { printRouteToPdf } from './chromiumPdf.ts';

export interface HeadlessSession {
  app: IpcApp;
  call<C extends ChannelName>(channel: C, payload: PayloadOf<C>): Promise<ResultOf<C>>;
  /** The file the next save dialog answers. */
  saveTo(file: string): void;
  close(): Promise<void>;
}

/** Opens `dbFile` in a private IPC app (its own temp preferences) whose dialogs answer `saveTo`'s path. */
export async function openHeadless(dbFile: string, options: { today?: string; browser?: Browser; printing?: boolean } = {}): Promise<HeadlessSession> {
  if (!fs.existsSync(dbFile)) throw new OfframpError({ code: 'not_found', file: dbFile, message: `There is no workspace at ${dbFile}` });
  if (options.printing) assertRendererBuilt();
  const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'offramp-export-'));
  let target: string | null = null;
  let server: RendererServer | null = null;
  const app = createIpcApp({
    configDir,
    today: options.today,
    platform: {
      chooseWorkspace: async () => null,
      chooseOpenPath: async () => null,
      chooseSavePath: async () => target,
      printToPdf: async (route, o) => {
        if (!server) throw new OfframpError({ code: 'internal', message: 'Printing was not set up for this export' });
        return printRouteToPdf(server.url, route, { ...o, browser: options.browser });
      },
    },
  });
  const call = async <C extends ChannelName>(channel: C, payload: PayloadOf<C>): Promise<ResultOf<C>> => {
    const r = await app.dispatch(channel, payload);
    if (!r.ok) throw new OfframpError(r.error);
    return r.value as ResultOf<C>;
  };
  try {
    // Exports only read: the workspace opens read-only and no backup is taken.
    app.ctx.workspace.open(dbFile, false, { readOnly: true });
    if (options.printing) server = await startRendererServer(app.dispatch);
  } catch (e) {
    app.close();
    fs.rmSync(configDir, { recursive: true, force: true });
    throw e;
  }
  return {
    app,
    call,
    saveTo: (file) => { target = file; },
    close: async () => {
      await server?.close();
      app.close();
      fs.rmSync(configDir, { recursive: true, force: true });
    },
  };
}

/** Finds a client by id or by name (case-insensitive), naming the choices when none matches. */
export async function resolveClient(session: HeadlessSession, nameOrId: string | undefined): Promise<number | undefined> {
  if (nameOrId === undefined || nameOrId === '') return undefined;
  const clients = await session.call('clients.list', {});
  const match = findClient(clients, nameOrId);
  if (!match) {
    throw new OfframpError({
      code: 'not_found', field: '--client',
      message: `No client named "${nameOrId}". Clients: ${clientChoices(clients) || 'none'}`,
    });
  }
  return match.id;
}

export interface RoadmapExport {
  path: string;
  pages: number;
}

export async function exportRoadmapHeadless(options: {
  db: string; out: string; client?: string; paper?: PaperSize; today?: string; browser?: Browser;
}): Promise<RoadmapExport> {
  const session = await openHeadless(options.db, { today: options.today, browser: options.browser, printing: true });
  try {
    const clientId = await resolveClient(session, options.client);
    session.saveTo(options.out);
    const result = await session.call('export.roadmapPdf', { clientId, paper: options.paper ?? 'A4', today: options.today });
    if (!result) throw new OfframpError({ code: 'cancelled', message: 'The export was cancelled' });
    return { path: result.path, pages: result.pages ?? 0 };
  } finally {
    await session.close();
  }
}
