// Prints a renderer route to PDF in headless Chromium (playwright-core), for the CLI, the test host and benchmarks.
// Long documents are printed in chunks of pages and joined (chunkedPrint.ts, the loop Electron's printer shares).
// The roadmap plans its pages once and then renders just the chunk asked for, so memory and time stay bounded by the
// chunk; page numbers and the table of contents come from the one page plan, so they are right across chunks.
// The print view draws its own running header and page numbers on every sheet, so Electron's printToPDF and this
// printer produce the same pages; Chromium's header/footer templates are therefore left off.
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { OfframpError } from '../../shared/errors.ts';
import type { PaperSize } from '../../shared/ipc/exports.ts';
import { PRINT_IN_CHUNKS, printInChunks, type ChunkOptions } from './chunkedPrint.ts';

/**
 * The features playwright-core turns on and off at launch (lib/server/chromium/chromiumSwitches), named again here
 * because Chromium keeps only the last --enable-features and --disable-features switch and the printer adds its own.
 * Several keep Chromium offline (no optimization hints, network time, search preconnect): a test checks this list
 * still covers playwright's, so an upgrade cannot drop one silently.
 */
export const PLAYWRIGHT_ENABLED_FEATURES = ['CDPScreenshotNewSurface', 'SkipListAccountsWithoutGaiaCookies'];
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades', 'HttpsFirstBalancedModeAutoEnable', 'LensOverlay',
  'MediaRouter', 'PaintHolding', 'ThirdPartyStoragePartitioning', 'AvoidCorsURLLoaderRestartOnRedirect', 'TcpPortRandomizationWin',
  'OptimizationHints', 'NetworkTimeServiceQuerying', 'AimEnabled', 'PreconnectToSearch', 'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

export const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync',
  // The print views call gc() between chunks (printReady.ts), so the pages already printed are freed before the next
  // chunk is laid out instead of whenever V8 gets round to it.
  '--js-flags=--expose-gc',
  // Fewer processes, each of which holds its own ~100 MB of Chromium's code and heap: the GPU and network services run
  // in the browser process; no spare renderer is started ahead of a navigation that never comes, nor the renderers
  // that headless Chrome preloads for its invisible address bar's popups; no on-device AI model service.
  // No zygote either (the sandbox is off, so nothing needs one): its two processes each hold ~70 MB of Chromium's code
  // and heap while the renderer forks off it anyway.
  '--in-process-gpu', '--no-zygote',
  `--enable-features=${[...PLAYWRIGHT_ENABLED_FEATURES, 'NetworkServiceInProcess2'].join(',')}`,
  `--disable-features=${[
    ...PLAYWRIGHT_DISABLED_FEATURES, 'SpareRendererForSitePerProcess', 'WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'AiModeOmniboxEntryPoint',
    'OptGuideOnDeviceModel',
  ].join(',')}`,
];

export function chromiumPath(): string {
  const p = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(p)) {
    throw new OfframpError({ code: 'io', file: p, message: `No Chromium at ${p}. Install chromium or set CHROME_PATH to a Chromium or Chrome executable` });
  }
  return p;
}

/**
 * For a browser launched for one print (the CLI, the benchmark): everything in one process. The renderer, the print
 * compositor (a new ~60-110 MB process for every chunk otherwise) and the storage service share the browser process's
 * code and heap: measured at 5,000 workloads (5,828 pages) in one run, the peak of node + Chromium went from 1,327 MB
 * (1,286 MB with --no-zygote alone) to 1,106 MB, the same pages printed in the same time. Such a browser cannot start a
 * second renderer once its page is closed, so a browser shared by several prints (tests) keeps a renderer per page.
 */
export const ONE_PRINT_FLAGS = ['--single-process'];
/** The one-process launch, replaceable by a test that needs it to fail. */
export const onePrint = { flags: ONE_PRINT_FLAGS };

export async function launchChromium(options: { onePrint?: boolean } = {}): Promise<Browser> {
  // Loaded on first use: the driver costs half a second of CPU that `offramp plan` and friends should not pay.
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: chromiumPath(), args: options.onePrint ? [...CHROMIUM_FLAGS, ...onePrint.flags] : CHROMIUM_FLAGS });
}

export interface PrintOptions extends ChunkOptions {
  paper: PaperSize;
  landscape: boolean;
  /** Reuse an open browser (tests, benchmarks); otherwise one is launched and closed. */
  browser?: Browser;
}

/**
 * Loads `baseUrl#route`, refuses any request that leaves baseUrl (offline), and prints it in chunks (chunkedPrint.ts)
 * with the page size the print view's CSS sets.
 */
export async function printRouteToPdf(baseUrl: string, route: string, options: PrintOptions): Promise<Buffer> {
  if (options.browser) return printInBrowser(options.browser, baseUrl, route, options);
  try {
    return await printInBrowser(await launchChromium({ onePrint: true }), baseUrl, route, options);
  } catch (e) {
    if (options.signal?.aborted) throw e;
    // One-process mode is Chromium's leanest and its least travelled: a Chromium that cannot start or finish in it
    // (another build, another platform) prints the usual way, from the first page again.
    return printInBrowser(await launchChromium(), baseUrl, route, { ...options, browser: undefined });
  }
}

/** Prints in `browser`, closing it afterwards unless the caller gave it (options.browser). */
async function printInBrowser(browser: Browser, baseUrl: string, route: string, options: PrintOptions): Promise<Buffer> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.route('**/*', (r) => (r.request().url().startsWith(baseUrl) || r.request().url().startsWith('data:') ? r.continue() : r.abort()));
    await page.goto(`${baseUrl}?${PRINT_IN_CHUNKS}#${route}`, { waitUntil: 'load' });
    return await printInChunks({
      evaluate: (expression) => page.evaluate(expression),
      print: (pageRanges) => page.pdf({ format: options.paper, landscape: options.landscape, printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false, pageRanges }),
      release: async () => {
        await context.close();
        if (!options.browser) await browser.close();
      },
    }, options);
  } finally {
    await context.close();
    if (!options.browser) await browser.close();
  }
}

export { joinPdfs } from './chunkedPrint.ts';
export { countPdfPages } from './pdfPages.ts';
