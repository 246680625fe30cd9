// Launches Debian's Chromium for end-to-end tests (offline flags), or tells the suite why it cannot.
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROME_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** null when Chromium can run here; otherwise the one-line reason printed when the suite skips. */
export function chromiumMissingReason(): string | null {
  if (fs.existsSync(CHROME_PATH)) return null;
  return `e2e skipped: no Chromium at ${CHROME_PATH} (install chromium or set CHROME_PATH)`;
}

/** For describe.skipIf: prints the reason once and returns whether to skip. */
export function skipWithoutChromium(): boolean {
  const reason = chromiumMissingReason();
  if (reason) console.log(reason);
  return reason !== null;
}

/** A page that fails the test on any request leaving the test host (the app must work offline). */
export async function offlinePage(browser: Browser, baseUrl: string): Promise<{ page: Page; external: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const external: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(baseUrl) || url.startsWith('data:')) return route.continue();
    external.push(url);
    return route.abort();
  });
  return { page, external };
}
