// An HTTP server on 127.0.0.1 that serves the built renderer and answers <token>/ipc/<channel> through dispatch, so a
// headless Chromium can render any route (the roadmap print view) against the same handlers as the app.
// Any page in the user's browser can reach a localhost port, so the server answers only what knows the per-run
// token (it is the first path segment: the page and its relative requests carry it), only under its own Host name
// (DNS rebinding), never a cross-origin request, and — for the headless printer — only the read-only channels the
// print views call.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { OfframpError, type Result } from '../../shared/errors.ts';
import { channels, isChannelName } from '../../shared/ipc/index.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
/** dist-renderer beside the repository root (this file lives at electron/exporters/); OFFRAMP_RENDERER_DIR points elsewhere (parallel builds). */
export const RENDERER_DIR = process.env.OFFRAMP_RENDERER_DIR ?? path.resolve(here, '../../dist-renderer');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2', '.woff': 'font/woff',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json',
};

/**
 * What a print view (roadmap, workshop minutes) calls: the app's start-up reads and the print routes' data. All are
 * queries; a test checks none of them mutates. Anything else is refused with 403 by the headless printer.
 */
export const PRINT_CHANNELS: readonly string[] = [
  'workspace.current', 'workspace.recent', 'preferences.get',
  'clients.list', 'workloads.list', 'workloads.get', 'contracts.list', 'commitments.list', 'policy.get',
  'plan.portfolio', 'roadmap.data', 'roadmap.outline', 'roadmap.detail', 'workshops.list', 'workshops.get', 'workshops.minutes',
];

export type DispatchFn = (channel: string, payload: unknown) => Promise<Result<unknown>>;

export interface RendererServer {
  /** http://127.0.0.1:<port>/<token>/ — the page, its assets and its IPC all live under it. */
  url: string;
  close(): Promise<void>;
}

export interface RendererServerOptions {
  dir?: string;
  /** The channels it answers: the print views' read-only channels (default), or 'all' (the test host, which tests drive). */
  channels?: readonly string[] | 'all';
}

export function assertRendererBuilt(dir = RENDERER_DIR): void {
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    throw new OfframpError({ code: 'io', file: dir, message: `The renderer is not built (${dir} is missing). Run: npm run build:renderer` });
  }
}

function refuse(res: http.ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ ok: false, error: { code: 'invalid_payload', message } }));
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
      refuse(res, 400, 'Body is not JSON');
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

/** Why a request is refused (403), or null when it may be answered. */
export function refusal(req: http.IncomingMessage, origin: string, allowed: (channel: string) => boolean, token: string): string | null {
  const host = req.headers.host ?? '';
  if (`http://${host}` !== origin) return 'Refused: unknown Host';
  const from = req.headers.origin;
  if (from !== undefined && from !== origin) return 'Refused: cross-origin request';
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return 'Refused: cross-site request';
  const url = new URL(req.url ?? '/', origin);
  const [first, ...rest] = url.pathname.split('/').slice(1);
  if (first !== token) return 'Refused: missing or wrong token';
  if (rest[0] === 'ipc') {
    if (req.method !== 'POST') return 'Refused: IPC takes POST';
    // application/json cannot be sent cross-origin without a preflight, which this server never grants.
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return 'Refused: IPC takes application/json';
    const channel = decodeURIComponent(rest.slice(1).join('/'));
    if (!allowed(channel)) return `Refused: ${channel} is not answered here`;
  } else if (req.method !== 'GET' && req.method !== 'HEAD') {
    return 'Refused: method not allowed';
  }
  return null;
}

export async function startRendererServer(dispatch: DispatchFn, options: RendererServerOptions = {}): Promise<RendererServer> {
  const dir = path.resolve(options.dir ?? RENDERER_DIR);
  assertRendererBuilt(dir);
  const token = crypto.randomBytes(24).toString('base64url');
  const list = options.channels ?? PRINT_CHANNELS;
  const allowed = list === 'all'
    ? (c: string) => isChannelName(c)
    : (c: string) => list.includes(c) && isChannelName(c) && channels[c].mutates === false;
  let origin = '';
  const server = http.createServer((req, res) => {
    const why = refusal(req, origin, allowed, token);
    if (why) {
      req.resume();
      refuse(res, 403, why);
      return;
    }
    const url = new URL(req.url ?? '/', origin);
    const rest = url.pathname.slice(token.length + 2);
    if (rest.startsWith('ipc/')) {
      answerIpc(req, res, decodeURIComponent(rest.slice(4)), dispatch);
      return;
    }
    const rel = rest === '' ? 'index.html' : decodeURIComponent(rest);
    const file = path.resolve(dir, rel);
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404);
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream', 'x-content-type-options': 'nosniff' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/${token}/`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
