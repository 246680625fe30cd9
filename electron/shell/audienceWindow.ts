// Workshop mode's audience window: a second BrowserWindow for the projector, full screen on the second display when there
// is one, showing the renderer's /audience/:id route. The presenter asks for it through the preload's openAudience.
import { BrowserWindow, ipcMain, screen } from 'electron';
import { isAppSender } from './security.ts';

export const OPEN_AUDIENCE = 'offramp:open-audience';

/** The display for the audience: the first one that is not the presenter's, else the presenter's own. */
function audienceDisplay(presenter: BrowserWindow | null): Electron.Display {
  const displays = screen.getAllDisplays();
  const own = presenter ? screen.getDisplayMatching(presenter.getBounds()) : screen.getPrimaryDisplay();
  return displays.find((d) => d.id !== own.id) ?? own;
}

/**
 * Listens for the presenter's request; one audience window at a time, moved to the asked workshop when it exists.
 * `rendererIndex(route)` is the app's page at a hash route (app://offramp/index.html#/…, see protocol.ts).
 */
export function registerAudienceWindow(o: { rendererIndex(route?: string): string; preload: string; presenter(): BrowserWindow | null }): void {
  let audience: BrowserWindow | null = null;
  ipcMain.on(OPEN_AUDIENCE, (event, workshopId: unknown) => {
    // Only the app's own page may ask, and only for a workshop id (the window shows nothing but the app's route).
    if (!isAppSender(event)) return;
    if (typeof workshopId !== 'number' || !Number.isInteger(workshopId) || workshopId <= 0) return;
    const url = o.rendererIndex(`/audience/${workshopId}`);
    if (audience && !audience.isDestroyed()) {
      void audience.loadURL(url);
      audience.show();
      return;
    }
    const presenter = o.presenter();
    const display = audienceDisplay(presenter);
    const second = presenter ? display.id !== screen.getDisplayMatching(presenter.getBounds()).id : false;
    audience = new BrowserWindow({
      ...display.workArea,
      title: 'Offramp — audience',
      show: false,
      fullscreen: second,
      autoHideMenuBar: true,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, preload: o.preload },
    });
    audience.once('ready-to-show', () => audience?.show());
    audience.on('closed', () => { audience = null; });
    void audience.loadURL(url);
  });
}
