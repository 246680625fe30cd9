// The security baseline of every window: no navigation, no new windows, no permissions, no remote requests.
import { app, session, type WebContents } from 'electron';

/** The app's own pages and assets; data: and blob: never leave the machine. */
export function isAppUrl(url: string): boolean {
  return ['file://', 'devtools://', 'data:', 'blob:'].some((scheme) => url.startsWith(scheme));
}

/** Navigation stays on the app's own pages (data: and blob: pages are refused as navigation targets). */
export function isAppPage(url: string): boolean {
  return url.startsWith('file://');
}

export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // Offramp is offline by design: anything that is not a local file is refused.
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
