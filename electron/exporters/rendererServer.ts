// An HTTP server on 127.0.0.1 that serves the built renderer and answers /ipc/<channel> through dispatch, so a
// headless Chromium can render any route (the roadmap print view) against the same handlers as the app.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { OfframpError, type Result } from '../../shared/errors.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
/** dist-renderer beside the repository root (this file lives at electron/exporters/); OFFRAMP_RENDERER_DIR points elsewhere (parallel builds). */
export const RENDERER_DIR = process.env.OFFRAMP_RENDERER_DIR ?? path.resolve(here, '../../dist-renderer');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2', '.woff': 'font/woff',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json',
};

export type DispatchFn = (channel: string, payload: unknown) => Promise<Result<unknown>>;

export interface RendererServer {
  url: string;
  close(): Promise<void>;
}

export function assertRendererBuilt(dir = RENDERER_DIR): void {
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    throw new OfframpError({ code: 'io', file: dir, message: `The renderer is not built (${dir} is missing). Run: npm run build:renderer` });
  }
}

function answerIpc(req: http.IncomingMessage, res: http.ServerResponse, channel: string, dispatch: DispatchFn): void {
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
    dispatch(channel, payload).then((result) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(result));
    }, (e: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: { code: 'internal', message: String(e) } }));
    });
  });
}

export async function startRendererServer(dispatch: DispatchFn, options: { dir?: string } = {}): Promise<RendererServer> {
  const dir = options.dir ?? RENDERER_DIR;
  assertRendererBuilt(dir);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'POST' && url.pathname.startsWith('/ipc/')) {
      answerIpc(req, res, decodeURIComponent(url.pathname.slice(5)), dispatch);
      return;
    }
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    const file = path.resolve(dir, rel);
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
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
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
