// The security baseline of every window: navigation only within app://offramp/, no new windows, no permissions, no
// request that leaves the app, and IPC answered only for frames of the app's own origin.
import { app, session, type WebContents } from 'electron';
import { isAppOrigin } from './protocol.ts';

/** The app's own pages and assets; data: and blob: never leave the machine; devtools only in development. */
export function isAppUrl(url: string): boolean {
  if (isAppOrigin(url)) return true;
  if (url.startsWith('devtools://')) return !app.isPackaged;
  return url.startsWith('data:') || url.startsWith('blob:');
}

/** Navigation stays on the app's own pages (data: and blob: pages are refused as navigation targets). */
export function isAppPage(url: string): boolean {
  return isAppOrigin(url);
}

/** The sender check of every IPC message: its frame must be a frame of app://offramp, exactly. */
export function isAppSender(event: { senderFrame?: { url: string } | null }): boolean {
  return !!event.senderFrame && isAppOrigin(event.senderFrame.url);
}

export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // Offramp is offline by design: anything that is not the app's own origin is refused.
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAppUrl(details.url) }));
}

export function hardenContents(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (e, url) => {
      if (!isAppPage(url)) e.preventDefault();
    });
    contents.on('will-redirect', (e) => e.preventDefault());
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
