// The app is served from its own origin, app://offramp/, through protocol.handle — not file://, where every local file
// would share the page's origin. IPC, navigation and requests are then checked against this one origin exactly.
import fs from 'node:fs';
import path from 'node:path';
import { protocol } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'offramp';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * Sent as a header with every page (the renderer's index.html carries the same policy in a meta tag for the test host).
 * No 'unsafe-inline' anywhere: the print views adopt their @page rule as a constructed style sheet (PrintFrame);
 * scripts, styles, objects, frames, forms and connections never leave the app's own origin.
 */
export const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self' data:",
  "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
].join('; ');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2', '.woff': 'font/woff',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.map': 'application/json',
};

/** The app's page, at a hash route: app://offramp/index.html#/plan */
export function appUrl(route?: string): string {
  return `${APP_ORIGIN}/index.html${route ? `#${route}` : ''}`;
}

/** True for a URL of exactly the app's origin (scheme app, host offramp, no port, no credentials). */
export function isAppOrigin(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

/** The file an app:// URL names inside the renderer folder; null for another origin or a path that leaves it. */
export function resolveAppFile(url: string, dir: string): string | null {
  if (!isAppOrigin(url)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  const root = path.resolve(dir);
  const file = path.resolve(root, pathname === '/' || pathname === '' ? 'index.html' : `.${pathname}`);
  return file.startsWith(root + path.sep) ? file : null;
}

/** Must run before the app is ready: app:// is a standard, secure scheme (relative URLs, fetch, a secure context). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves the built renderer at app://offramp/ with the CSP header; anything else is 404. */
export function serveApp(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(request.url, rendererDir);
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) return new Response('Not found', { status: 404 });
    return new Response(await fs.promises.readFile(file), {
      headers: { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream', 'content-security-policy': CSP, 'x-content-type-options': 'nosniff' },
    });
  });
}
