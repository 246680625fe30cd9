// window.__offrampPrintReady: a promise printers await before printing (Electron's printToPDF, headless Chromium).
// It is set to a pending promise as soon as this module loads on a print route, and settles when the pages are laid out.

declare global {
  interface Window {
    __offrampPrintReady?: Promise<void>;
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

/** Starts loading the bundled font weights the print view uses, so they are ready before its data arrives. */
export function preloadPrintFonts(): void {
  if (!document.fonts) return;
  for (const weight of ['400', '500', '600', '700']) void document.fonts.load(`${weight} 12px Inter`).catch(() => []);
}

if (typeof window !== 'undefined' && window.location.hash.startsWith('#/print/')) {
  beginPrint();
  preloadPrintFonts();
}
