// window.__offrampPrintReady: a promise printers await before printing (Electron's printToPDF, headless Chromium).
// It is set to a pending promise as soon as this module loads on a print route, and settles when the pages are laid out.

declare global {
  interface Window {
    __offrampPrintReady?: Promise<void>;
    /** Offered by a view that can render a page range alone: shows pages from..to (1-based) and settles once they are in the DOM. */
    __offrampPrintRange?: (from: number, to: number) => Promise<void>;
  }
}

let settle: { resolve(): void; reject(e: Error): void } | null = null;

export function beginPrint(): void {
  if (settle) return;
  const promise = new Promise<void>((resolve, reject) => { settle = { resolve, reject }; });
  // A rejection is for the printer to read; the page itself must not report it as unhandled.
  promise.catch(() => {});
  window.__offrampPrintReady = promise;
}

export function printReady(): void {
  settle?.resolve();
}

export function printFailed(message: string): void {
  settle?.reject(new Error(message));
}

/**
 * Whether the printer asked for chunks (index.html?print=chunks#/print/…, see electron/exporters/chunkedPrint.ts): a view
 * then renders only the ranges it is asked for, keeping memory to a chunk.
 */
export function printsInChunks(): boolean {
  return typeof window !== 'undefined' && new URLSearchParams(window.location.search).get('print') === 'chunks';
}

let rangeShown: { resolve(): void; reject(e: Error): void } | null = null;

/**
 * A full garbage collection, where the printer allows one (headless Chromium and Electron's printer start the page
 * with --expose-gc): pages already printed or measured are unmounted, and without it their DOM stays in memory until
 * V8 decides to collect, which for a long roadmap is gigabytes later.
 */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Pages of printed chunks (a heavy page counting as several) to let go before the page collects them. */
const COLLECT_AFTER_PAGES = 40;

/**
 * Offers window.__offrampPrintRange to the printer; `show` renders the range, then the view calls printRangeShown.
 * The chunk on screen is unmounted first, and collected once 40 pages or more wait, so chunks never pile up in memory.
 */
export function offerPrintRange(show: (from: number, to: number) => void, weight = (from: number, to: number) => to - from + 1): () => void {
  const shown = (from: number, to: number) => new Promise<void>((resolve, reject) => {
    rangeShown = { resolve, reject };
    show(from, to);
  });
  // Pages unmounted since the last collection: a collection costs ~50 ms, so it waits for a text chunk's worth.
  let unmounted = 0;
  let last = 0;
  window.__offrampPrintRange = async (from, to) => {
    await shown(0, -1);
    unmounted += last;
    if (unmounted >= COLLECT_AFTER_PAGES) {
      collectGarbage();
      unmounted = 0;
    }
    last = to >= from ? weight(from, to) : 0;
    if (to >= from) await shown(from, to);
  };
  return () => { delete window.__offrampPrintRange; };
}

/** The range asked for is committed to the DOM: the printer may print it. */
export function printRangeShown(): void {
  const done = rangeShown;
  rangeShown = null;
  done?.resolve();
}

/** The range asked for cannot be drawn (its data did not load): the printer stops with this message. */
export function printRangeFailed(message: string): void {
  const done = rangeShown;
  rangeShown = null;
  done?.reject(new Error(message));
}

/** Starts loading the bundled font weights the print view uses, so they are ready before its data arrives. */
export function preloadPrintFonts(): void {
  if (!document.fonts) return;
  for (const weight of ['400', '500', '600', '700']) void document.fonts.load(`${weight} 12px Inter`).catch(() => []);
}

if (typeof window !== 'undefined' && window.location.hash.startsWith('#/print/')) {
  beginPrint();
  preloadPrintFonts();
}
