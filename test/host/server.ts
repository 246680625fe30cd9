// The test host: serves the built renderer and maps every IPC channel to the real handlers over HTTP
// on 127.0.0.1, so end-to-end tests drive real SQLite, real React and real Chromium.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createIpcApp, type IpcApp } from '../../electron/ipc/app.ts';
import type { Platform } from '../../electron/ipc/context.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RENDERER_DIR = path.join(repoRoot, 'dist-renderer');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2', '.woff': 'font/woff',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json',
};

export interface TestPlatform extends Platform {
  /** The next dialog call answers this (a file name is placed in the host's temp dir; null = the user cancelled). */
  queueDialog(answer: string | null): void;
}

export interface TestHost {
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
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`The renderer is not built (${RENDERER_DIR} is missing). Run: npm run build:renderer`);
  }
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

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'POST' && url.pathname.startsWith('/ipc/')) {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        let payload: unknown;
        try {
          const text = Buffer.concat(chunks).toString('utf8');
          payload = text ? JSON.parse(text) : {};
        } catch {
          res.writeHead(400, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ ok: false, error: { code: 'invalid_payload', message: 'Body is not JSON' } }));
          return;
        }
        app.dispatch(decodeURIComponent(url.pathname.slice(5)), payload).then((result) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(result));
        }, (e: unknown) => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ ok: false, error: { code: 'internal', message: String(e) } }));
        });
      });
      return;
    }
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    const file = path.resolve(RENDERER_DIR, rel);
    if (!file.startsWith(RENDERER_DIR) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404);
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    dir,
    app,
    platform,
    close: async () => {
      app.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
