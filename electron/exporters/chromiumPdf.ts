// Prints a renderer route to PDF in headless Chromium (playwright-core), for the CLI, the test host and benchmarks.
// The print view draws its own running header and page numbers on every sheet, so Electron's printToPDF and this
// printer produce the same pages; Chromium's header/footer templates are therefore left off.
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { OfframpError } from '../../shared/errors.ts';
import type { PaperSize } from '../../shared/ipc/exports.ts';

export const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync',
];

export function chromiumPath(): string {
  const p = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(p)) {
    throw new OfframpError({ code: 'io', file: p, message: `No Chromium at ${p}. Install chromium or set CHROME_PATH to a Chromium or Chrome executable` });
  }
  return p;
}

export async function launchChromium(): Promise<Browser> {
  // Loaded on first use: the driver costs half a second of CPU that `offramp plan` and friends should not pay.
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
}

export interface PrintOptions {
  paper: PaperSize;
  landscape: boolean;
  /** Reuse an open browser (tests, benchmarks); otherwise one is launched and closed. */
  browser?: Browser;
  /** Milliseconds to wait for the print view to say it is ready. */
  timeoutMs?: number;
}

/**
 * Loads `baseUrl#route`, refuses any request that leaves baseUrl (offline), waits for window.__offrampPrintReady
 * (data loaded, fonts ready, pages laid out) and prints with the page size the print view's CSS sets.
 */
export async function printRouteToPdf(baseUrl: string, route: string, options: PrintOptions): Promise<Buffer> {
  const browser = options.browser ?? await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.route('**/*', (r) => (r.request().url().startsWith(baseUrl) || r.request().url().startsWith('data:') ? r.continue() : r.abort()));
    await page.goto(`${baseUrl}#${route}`, { waitUntil: 'load' });
    try {
      await page.waitForFunction(() => (globalThis as { __offrampPrintReady?: unknown }).__offrampPrintReady !== undefined, undefined, { timeout: options.timeoutMs ?? 60_000 });
      await page.evaluate(() => (globalThis as { __offrampPrintReady?: Promise<unknown> }).__offrampPrintReady);
    } catch (e) {
      throw new OfframpError({ code: 'internal', message: `The roadmap print view did not get ready: ${(e as Error).message}` });
    }
    return await page.pdf({ format: options.paper, landscape: options.landscape, printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false });
  } finally {
    await context.close();
    if (!options.browser) await browser.close();
  }
}

export { countPdfPages } from './pdfPages.ts';
