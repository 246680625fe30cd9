// The test host: serves the built renderer and maps every IPC channel to the real handlers over HTTP
// on 127.0.0.1, so end-to-end tests drive real SQLite, real React and real Chromium.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createIpcApp, type IpcApp } from '../../electron/ipc/app.ts';
import type { Platform } from '../../electron/ipc/context.ts';
import { RENDERER_DIR, startRendererServer } from '../../electron/exporters/rendererServer.ts';

export { RENDERER_DIR };

export interface TestPlatform extends Platform {
  /** The next dialog call answers this (a file name is placed in the host's temp dir; null = the user cancelled). */
  queueDialog(answer: string | null): void;
}

export interface TestHost {
  /** The page's address, ending in the per-run token: http://127.0.0.1:<port>/<token>/ */
  url: string;
  dir: string;
  app: IpcApp;
  platform: TestPlatform;
  close(): Promise<void>;
}

export interface TestHostOptions {
  today?: string;
  dir?: string;
  /** Prints a route of this same host to PDF (set by tests that export roadmaps). */
  printToPdf?: Platform['printToPdf'];
}

export async function startTestHost(options: TestHostOptions = {}): Promise<TestHost> {
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'offramp-host-'));
  const answers: (string | null)[] = [];
  const next = async (): Promise<string | null> => {
    if (answers.length === 0) throw new Error('The test did not queue a dialog answer');
    const a = answers.shift() ?? null;
    return a === null ? null : path.isAbsolute(a) ? a : path.join(dir, a);
  };
  const platform: TestPlatform = {
    queueDialog: (answer) => answers.push(answer),
    chooseWorkspace: () => next(),
    chooseSavePath: () => next(),
    chooseOpenPath: () => next(),
    printToPdf: (route, o) => (options.printToPdf ? options.printToPdf(route, o) : Promise.reject(new Error('printing is not set up in this test host'))),
  };
  const app = createIpcApp({ configDir: path.join(dir, 'config'), platform, today: options.today });
  // Tests drive every channel through the page, so the host answers all of them; the token and Host checks still apply.
  const server = await startRendererServer((channel, payload) => app.dispatch(channel, payload), { channels: 'all' });
  return {
    url: server.url,
    dir,
    app,
    platform,
    close: async () => {
      app.close();
      await server.close();
    },
  };
}
