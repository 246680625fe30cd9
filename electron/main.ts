// The Electron shell, kept thin: one window, the menu, native dialogs and printToPDF. Everything else
// is the same dispatch the test host and the CLI use.
import fs from 'node:fs';
import path from 'node:path';
import { BrowserWindow, app, dialog, ipcMain, screen } from 'electron';
import { createIpcApp } from './ipc/app.ts';
import type { Platform } from './ipc/context.ts';
import { hardenContents, hardenSession, isAppSender } from './shell/security.ts';
import { appUrl, registerAppScheme, serveApp } from './shell/protocol.ts';
import { buildMenu } from './shell/menu.ts';
import { recentId } from './workspace/files.ts';
import { registerAudienceWindow } from './shell/audienceWindow.ts';
import { PRINT_IN_CHUNKS, printInChunks } from './exporters/chunkedPrint.ts';

const WORKSPACE_FILTERS = [{ name: 'Offramp workspace', extensions: ['offramp'] }];
let win: BrowserWindow | null = null;

function nativeBinding(): string | undefined {
  const candidates = [
    path.join(process.resourcesPath ?? '', 'native', 'better_sqlite3.node'),
    path.join(app.getAppPath(), '.electron-native', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
  ];
  return candidates.find((p) => fs.existsSync(p));
}

const rendererDir = () => path.join(app.getAppPath(), 'dist-renderer');
/** The app's page as served by the app:// protocol (electron/shell/protocol.ts), at an optional hash route. */
const rendererIndex = (route?: string) => appUrl(route);

const platform: Platform = {
  async chooseWorkspace(mode) {
    if (!win) return null;
    if (mode === 'open') {
      const r = await dialog.showOpenDialog(win, { title: 'Open workspace', filters: WORKSPACE_FILTERS, properties: ['openFile'] });
      return r.canceled ? null : r.filePaths[0];
    }
    const r = await dialog.showSaveDialog(win, {
      title: mode === 'new' ? 'New workspace' : 'Save a copy of the workspace',
      defaultPath: path.join(app.getPath('documents'), mode === 'new' ? 'Migration plan.offramp' : 'Migration plan copy.offramp'),
      filters: WORKSPACE_FILTERS,
    });
    if (r.canceled || !r.filePath) return null;
    // The save dialog already asked before replacing; move the old file aside rather than destroy it.
    if (mode === 'new' && fs.existsSync(r.filePath)) fs.renameSync(r.filePath, `${r.filePath}.replaced-${Date.now()}`);
    return r.filePath;
  },
  async chooseSavePath(o) {
    if (!win) return null;
    const r = await dialog.showSaveDialog(win, { title: o.title, defaultPath: path.join(app.getPath('documents'), o.defaultName), filters: o.filters });
    return r.canceled || !r.filePath ? null : r.filePath;
  },
  async chooseOpenPath(o) {
    if (!win) return null;
    const r = await dialog.showOpenDialog(win, { title: o.title, filters: o.filters, properties: ['openFile'] });
    return r.canceled ? null : r.filePaths[0];
  },
  async printToPdf(route, o) {
    // The print view is an ordinary renderer route, printed offscreen by the same Chromium engine in chunks, by the
    // loop the CLI's headless printer uses (exporters/chunkedPrint.ts): the roadmap renders one chunk at a time.
    const printer = new BrowserWindow({ show: false, webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, preload: path.join(__dirname, 'preload.cjs') } });
    try {
      await printer.loadURL(rendererIndex(route).replace('#', `?${PRINT_IN_CHUNKS}#`));
      const contents = printer.webContents;
      return await printInChunks({
        evaluate: (expression) => contents.executeJavaScript(expression),
        print: (pageRanges) => contents.printToPDF({ pageSize: o.paper, landscape: o.landscape, printBackground: true, preferCSSPageSize: true, pageRanges }),
        release: async () => printer.destroy(),
      }, o);
    } finally {
      if (!printer.isDestroyed()) printer.destroy();
    }
  },
};

function createWindow(ipc: ReturnType<typeof createIpcApp>): void {
  const saved = ipc.ctx.preferences.get().windowBounds;
  const visible = saved && screen.getAllDisplays().some((d) => saved.x !== undefined && saved.y !== undefined
    && saved.x >= d.bounds.x - 50 && saved.y >= d.bounds.y - 50 && saved.x < d.bounds.x + d.bounds.width && saved.y < d.bounds.y + d.bounds.height);
  win = new BrowserWindow({
    width: saved?.width ?? 1280,
    height: saved?.height ?? 820,
    ...(visible && saved ? { x: saved.x, y: saved.y } : {}),
    minWidth: 960,
    minHeight: 600,
    title: 'Offramp',
    show: false,
    webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, preload: path.join(__dirname, 'preload.cjs') },
  });
  win.once('ready-to-show', () => win?.show());
  win.on('close', () => {
    if (win) ipc.ctx.preferences.update({ windowBounds: win.getNormalBounds() });
  });
  win.on('closed', () => {
    win = null;
  });
  void win.loadURL(rendererIndex());
}

function main(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  registerAppScheme();
  // The print views free each printed chunk with gc() before the next (renderer/print/printReady.ts).
  app.commandLine.appendSwitch('js-flags', '--expose-gc');
  hardenContents();
  // Workshop mode's projector window (the presenter asks for it through the preload's openAudience).
  registerAudienceWindow({ rendererIndex, preload: path.join(__dirname, 'preload.cjs'), presenter: () => win });
  const ipc = createIpcApp({
    configDir: app.getPath('userData'),
    platform,
    nativeBinding: nativeBinding(),
    onProgress: (task, done, total, label) => win?.webContents.send('offramp:progress', { task, done, total, label }),
  });
  ipcMain.handle('offramp:ipc', (event, channel: string, payload: unknown) => {
    if (!isAppSender(event)) {
      return { ok: false, error: { code: 'invalid_payload', message: 'Refused: the request did not come from Offramp' } };
    }
    return ipc.dispatch(channel, payload);
  });
  const rebuildMenu = () => buildMenu(() => win, () => ipc.ctx.preferences.get().recent, (file) => {
    void ipc.dispatch('workspace.openRecent', { id: recentId(file) }).then(() => win?.webContents.send('offramp:command', 'workspace.reload'));
  });
  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.whenReady().then(() => {
    hardenSession();
    serveApp(rendererDir());
    rebuildMenu();
    ipc.ctx.workspace.onChange(() => rebuildMenu());
    createWindow(ipc);
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow(ipc);
    });
  }, (e: unknown) => {
    console.error(e);
    app.exit(1);
  });
  app.on('window-all-closed', () => {
    ipc.close();
    if (process.platform !== 'darwin') app.quit();
  });
}

main();
