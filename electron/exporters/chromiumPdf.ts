// Prints a renderer route to PDF in headless Chromium (playwright-core), for the CLI, the test host and benchmarks.
// Long documents are printed in chunks of pages and joined with pdf-lib. A view that offers window.__offrampPrintRange
// (the roadmap) plans its pages once (data only) and then renders just the chunk asked for, so the DOM, Chromium's print
// layout and its PDF stay bounded by the chunk and time stays linear in pages; other views print with pageRanges.
// The page numbers and the table of contents come from the one page plan, so they are right across chunks.
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
  /** Pages per printed chunk (default 150). */
  chunkPages?: number;
  /** Called after each chunk: pages printed so far and the document's page count. */
  onProgress?(printed: number, total: number): void;
  /** Stops between chunks (the caller reports the cancellation). */
  signal?: AbortSignal;
}

const DEFAULT_CHUNK_PAGES = 150;

/** The print view's page count (its root carries data-pages), or null when it does not say. */
async function documentPages(page: import('playwright-core').Page): Promise<number | null> {
  const text = await page.evaluate<string | null>("document.querySelector('[data-pages]')?.getAttribute('data-pages') ?? null");
  const n = Number(text);
  return text !== null && Number.isInteger(n) && n > 0 ? n : null;
}

/** Joins PDF chunks in order with pdf-lib (loaded only when a document needs more than one chunk). */
export async function joinPdfs(chunks: Buffer[]): Promise<Buffer> {
  const { PDFDocument } = await import('pdf-lib');
  const out = await PDFDocument.create();
  for (let i = 0; i < chunks.length; i++) {
    const part = await PDFDocument.load(chunks[i]);
    for (const p of await out.copyPages(part, part.getPageIndices())) out.addPage(p);
    chunks[i] = Buffer.alloc(0); // let the chunk go as soon as its pages are copied
  }
  // Without object streams the page tree stays readable to countPdfPages (and to simple PDF tools).
  return Buffer.from(await out.save({ useObjectStreams: false }));
}

/**
 * Loads `baseUrl#route`, refuses any request that leaves baseUrl (offline), waits for window.__offrampPrintReady
 * (data loaded, fonts ready, pages laid out) and prints with the page size the print view's CSS sets.
 */
export async function printRouteToPdf(baseUrl: string, route: string, options: PrintOptions): Promise<Buffer> {
  const browser = options.browser ?? await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  try {
    // Asks views that can render a page range alone to render none until a chunk is asked for.
    await context.addInitScript(() => { (globalThis as { __offrampPrintChunked?: boolean }).__offrampPrintChunked = true; });
    const page = await context.newPage();
    await page.route('**/*', (r) => (r.request().url().startsWith(baseUrl) || r.request().url().startsWith('data:') ? r.continue() : r.abort()));
    await page.goto(`${baseUrl}#${route}`, { waitUntil: 'load' });
    try {
      await page.waitForFunction(() => (globalThis as { __offrampPrintReady?: unknown }).__offrampPrintReady !== undefined, undefined, { timeout: options.timeoutMs ?? 60_000 });
      await page.evaluate(() => (globalThis as { __offrampPrintReady?: Promise<unknown> }).__offrampPrintReady);
    } catch (e) {
      throw new OfframpError({ code: 'internal', message: `The roadmap print view did not get ready: ${(e as Error).message}` });
    }
    const print = (pageRanges?: string) => page.pdf({ format: options.paper, landscape: options.landscape, printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false, pageRanges });
    const total = await documentPages(page);
    const size = Math.max(1, options.chunkPages ?? DEFAULT_CHUNK_PAGES);
    const ranged = await page.evaluate(() => typeof (globalThis as { __offrampPrintRange?: unknown }).__offrampPrintRange === 'function');
    if (total === null || (total <= size && !ranged)) {
      const pdf = await print();
      options.onProgress?.(total ?? 1, total ?? 1);
      return pdf;
    }
    const chunks: Buffer[] = [];
    for (let from = 1; from <= total; from += size) {
      if (options.signal?.aborted) throw new OfframpError({ code: 'cancelled', message: 'Printing was cancelled. Nothing was written.' });
      const to = Math.min(total, from + size - 1);
      if (ranged) {
        await page.evaluate(([f, t]) => (globalThis as { __offrampPrintRange?: (f: number, t: number) => Promise<void> }).__offrampPrintRange?.(f, t), [from, to] as const);
        chunks.push(await print());
      } else {
        chunks.push(await print(`${from}-${to}`));
      }
      options.onProgress?.(to, total);
    }
    if (chunks.length === 1) return chunks[0];
    return await joinPdfs(chunks);
  } finally {
    await context.close();
    if (!options.browser) await browser.close();
  }
}

export { countPdfPages } from './pdfPages.ts';
