// The Electron shell verified without its binary: the main process is loaded with a stand-in `electron` module that
// records what it is asked to do, and the test asserts the wiring — every window's webPreferences, the permission,
// navigation and window-open handlers, the request filter, the sender check on IPC, the app:// protocol and the CSP.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../support/tmp.ts';
import { repoRoot } from '../support/cli.ts';

type Handler = (...args: unknown[]) => unknown;

/** What the stand-in recorded. */
const seen = vi.hoisted(() => ({
  windows: [] as { options: Record<string, unknown>; loaded: string[]; loadedFiles: string[] }[],
  appEvents: new Map<string, Handler>(),
  ipcHandle: new Map<string, Handler>(),
  ipcOn: new Map<string, Handler>(),
  schemes: [] as unknown[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  permissionRequest: null as Handler | null,
  permissionCheck: null as Handler | null,
  beforeRequest: null as Handler | null,
  readyBeforeSchemes: false,
  ready: false,
  exposed: new Map<string, Record<string, unknown>>(),
  invoked: [] as unknown[][],
  appPath: '',
  switches: [] as [string, string | undefined][],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => seen.windows;
    record: { options: Record<string, unknown>; loaded: string[]; loadedFiles: string[] };
    webContents = { send: () => {}, executeJavaScript: async () => undefined, printToPDF: async () => Buffer.alloc(0), mainFrame: {} };
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: [], loadedFiles: [] };
      seen.windows.push(this.record);
    }
    loadURL(url: string) { this.record.loaded.push(url); return Promise.resolve(); }
    loadFile(file: string) { this.record.loadedFiles.push(file); return Promise.resolve(); }
    once() {}
    on() {}
    show() {}
    destroy() {}
    isDestroyed() { return false; }
    getNormalBounds() { return { x: 0, y: 0, width: 1280, height: 820 }; }
    getBounds() { return { x: 0, y: 0, width: 1280, height: 820 }; }
  }
  const app = {
    requestSingleInstanceLock: () => true,
    quit: () => {},
    exit: () => {},
    isPackaged: true,
    getPath: () => tempDirSync(),
    getAppPath: () => seen.appPath,
    getVersion: () => '0.0.0-test',
    commandLine: { appendSwitch: (name: string, value?: string) => { seen.switches.push([name, value]); } },
    on: (name: string, fn: Handler) => { seen.appEvents.set(name, fn); },
    whenReady: () => {
      seen.ready = true;
      return Promise.resolve();
    },
  };
  function tempDirSync(): string {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the factory runs before imports resolve
    const { mkdtempSync } = require('node:fs') as typeof import('node:fs');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { tmpdir } = require('node:os') as typeof import('node:os');
    return mkdtempSync(`${tmpdir()}/offramp-shell-`);
  }
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (fn: Handler) => { seen.permissionRequest = fn; },
      setPermissionCheckHandler: (fn: Handler) => { seen.permissionCheck = fn; },
      webRequest: { onBeforeRequest: (fn: Handler) => { seen.beforeRequest = fn; } },
    },
  };
  const protocol = {
    registerSchemesAsPrivileged: (schemes: unknown[]) => {
      seen.readyBeforeSchemes = seen.ready;
      seen.schemes.push(...schemes);
    },
    handle: (scheme: string, fn: (request: Request) => Promise<Response>) => { seen.protocolHandlers.set(scheme, fn); },
  };
  const ipcMain = {
    handle: (channel: string, fn: Handler) => { seen.ipcHandle.set(channel, fn); },
    on: (channel: string, fn: Handler) => { seen.ipcOn.set(channel, fn); },
  };
  const Menu = { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => {} };
  const screen = { getAllDisplays: () => [], getPrimaryDisplay: () => ({ id: 1, workArea: {} }), getDisplayMatching: () => ({ id: 1 }) };
  const dialog = { showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showSaveDialog: async () => ({ canceled: true }) };
  const shell = { openPath: async () => '' };
  const contextBridge = { exposeInMainWorld: (key: string, api: Record<string, unknown>) => { seen.exposed.set(key, api); } };
  const ipcRenderer = {
    invoke: async (...args: unknown[]) => { seen.invoked.push(args); return { ok: true, value: null }; },
    on: () => {}, removeListener: () => {}, send: () => {},
  };
  const api = { app, BrowserWindow, session, protocol, ipcMain, Menu, screen, dialog, shell, contextBridge, ipcRenderer };
  return { ...api, default: api };
});

/** A fake WebContents that records the handlers the shell attaches. */
function fakeContents() {
  const on = new Map<string, Handler>();
  let openHandler: Handler | null = null;
  return {
    on: (name: string, fn: Handler) => { on.set(name, fn); },
    setWindowOpenHandler: (fn: Handler) => { openHandler = fn; },
    handlers: on,
    open: () => openHandler,
  };
}

function prevented(fn: Handler | undefined, ...args: unknown[]): boolean {
  let stopped = false;
  fn?.({ preventDefault: () => { stopped = true; } }, ...args);
  return stopped;
}

describe('Electron shell wiring (stand-in electron module)', () => {
  beforeAll(async () => {
    // A renderer build of its own so the protocol handler has files to serve.
    seen.appPath = tempDir();
    fs.mkdirSync(path.join(seen.appPath, 'dist-renderer', 'assets'), { recursive: true });
    fs.writeFileSync(path.join(seen.appPath, 'dist-renderer', 'index.html'), '<!doctype html><title>Offramp</title>');
    fs.writeFileSync(path.join(seen.appPath, 'dist-renderer', 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(seen.appPath, 'secret.txt'), 'outside the renderer');
    await import('../../electron/main.ts');
    await vi.waitFor(() => expect(seen.windows.length).toBeGreaterThan(0));
  });

  it('adds no command-line switch but the one exposing gc() to pages', () => {
    // The print views free printed chunks with gc(); no other V8 or Chromium switch may slip in here.
    expect(seen.switches).toEqual([['js-flags', '--expose-gc']]);
  });

  it('opens every window with context isolation, the sandbox, no Node, no webview, and the preload', () => {
    for (const w of seen.windows) {
      expect(w.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
      expect(String((w.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
    }
  });

  it('loads the app from app://offramp/, never from file://', () => {
    const [main] = seen.windows;
    expect(main.loaded).toEqual(['app://offramp/index.html']);
    expect(main.loadedFiles).toEqual([]);
  });

  it('registers app:// as a privileged standard, secure scheme before the app is ready, and serves it with protocol.handle', () => {
    expect(seen.readyBeforeSchemes).toBe(false);
    expect(seen.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(seen.protocolHandlers.has('app')).toBe(true);
  });

  it('serves the renderer with the CSP header, and nothing outside it or from another host', async () => {
    const handle = seen.protocolHandlers.get('app') as (request: Request) => Promise<Response>;
    const page = await handle(new Request('app://offramp/index.html'));
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/style-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline/);
    expect((await handle(new Request('app://offramp/assets/app.js'))).status).toBe(200);
    for (const url of ['app://offramp/../secret.txt', 'app://offramp/%2e%2e/secret.txt', 'app://offramp/..%2fsecret.txt', 'app://evil/index.html', 'app://offramp/missing.js']) {
      expect((await handle(new Request(url))).status, url).toBe(404);
    }
  });

  it('keeps the renderer\'s own CSP meta as strict as the header for scripts and styles', () => {
    const html = fs.readFileSync(path.join(repoRoot, 'renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(meta).toMatch(/script-src 'self'(;|$)/);
    expect(meta).toMatch(/object-src 'none'/);
    expect(meta).toMatch(/style-src 'self'(;|$)/);
    expect(meta).not.toMatch(/unsafe-eval|unsafe-inline/);
  });

  it('denies every permission request and check', () => {
    let granted: unknown = 'not answered';
    seen.permissionRequest?.({}, 'media', (ok: boolean) => { granted = ok; });
    expect(granted).toBe(false);
    expect(seen.permissionCheck?.({}, 'notifications')).toBe(false);
  });

  it('cancels every request that is not the app\'s own origin', () => {
    const cancelled = (url: string) => {
      let answer: { cancel: boolean } | null = null;
      seen.beforeRequest?.({ url }, (a: { cancel: boolean }) => { answer = a; });
      return (answer as { cancel: boolean } | null)?.cancel;
    };
    expect(cancelled('app://offramp/assets/app.js')).toBe(false);
    expect(cancelled('data:image/png;base64,AAAA')).toBe(false);
    for (const url of ['https://example.com/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'app://offramp.evil.example/x', 'app://evil/index.html', 'devtools://devtools/x']) {
      expect(cancelled(url), url).toBe(true);
    }
  });

  it('allows navigation only within app://offramp/, refuses redirects, webviews and new windows', () => {
    const created = seen.appEvents.get('web-contents-created') as Handler;
    const contents = fakeContents();
    created({}, contents);
    const navigate = contents.handlers.get('will-navigate');
    expect(prevented(navigate, 'app://offramp/index.html#/plan')).toBe(false);
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://evil/index.html', 'data:text/html,hi']) expect(prevented(navigate, url), url).toBe(true);
    expect(prevented(contents.handlers.get('will-redirect'), 'https://example.com/')).toBe(true);
    expect(prevented(contents.handlers.get('will-attach-webview'))).toBe(true);
    expect(contents.open()?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('answers IPC only for a frame of exactly app://offramp', async () => {
    const handle = seen.ipcHandle.get('offramp:ipc') as Handler;
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'app://offramp.evil/index.html', 'app://evil/index.html', 'app://user@offramp/index.html']) {
      const r = await handle({ senderFrame: { url } }, 'workspace.current', {});
      expect(r, url).toMatchObject({ ok: false, error: { message: expect.stringMatching(/did not come from Offramp/) } });
    }
    expect(await handle({ senderFrame: null }, 'workspace.current', {})).toMatchObject({ ok: false });
    expect(await handle({ senderFrame: { url: 'app://offramp/index.html#/clients' } }, 'workspace.current', {})).toEqual({ ok: true, value: null });
  });

  it('exposes to the page only invoke, menu commands, progress and the audience window — no Node, no ipcRenderer', async () => {
    await import('../../electron/preload.ts');
    expect([...seen.exposed.keys()]).toEqual(['offramp']);
    const api = seen.exposed.get('offramp') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['invoke', 'onCommand', 'onProgress', 'openAudience']);
    const invoke = api.invoke as (channel: string, payload: unknown) => Promise<unknown>;
    expect(await invoke('fs.readFile', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { message: 'Unknown channel fs.readFile' } });
    expect(seen.invoked).toEqual([]);
    await invoke('clients.list', {});
    expect(seen.invoked).toEqual([['offramp:ipc', 'clients.list', {}]]);
  });
});
