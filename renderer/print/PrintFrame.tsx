// What every print route does the same way: a host element on <body> outside the app shell, the paper's @page rule as
// a constructed style sheet (so the CSP needs no 'unsafe-inline' for styles), loading its data once, and the
// printReady / printFailed signal that Electron's printToPDF and the headless printer wait for.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { PaperSize } from '../../shared/ipc/exports.ts';
import type { Result } from '../../shared/errors.ts';
import { beginPrint, printFailed, printReady } from './printReady.ts';
import { sheetGeometry } from './layout.ts';

/** The element a print route portals its document into, present while the route is mounted. */
function usePrintHost(paper: PaperSize): HTMLDivElement {
  const [host] = useState(() => {
    const el = document.createElement('div');
    el.className = 'rm-print-host';
    return el;
  });

  useEffect(() => {
    beginPrint();
    document.body.appendChild(host);
    document.documentElement.classList.add('rm-printing');
    const page = new CSSStyleSheet();
    page.replaceSync(`@page { size: ${sheetGeometry(paper).cssSize}; margin: 0; }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, page];
    return () => {
      host.remove();
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== page);
      document.documentElement.classList.remove('rm-printing');
    };
  }, [host, paper]);

  return host;
}

export interface PrintFrameProps<T> {
  paper: PaperSize;
  /** What is printed, in words: "roadmap", "minutes". */
  what: string;
  /** Loads the document's data; a string instead says why there is nothing to load (a bad route). */
  load: (() => Promise<Result<T>>) | string;
  /** Changes when the route names other data, so it is loaded again. */
  loadKey: string;
  render(data: T, onLaidOut: () => void): ReactNode;
}

/** A print route's frame: loads the data, shows loading or the error, renders the document and signals when it is laid out. */
export function PrintFrame<T>({ paper, what, load, loadKey, render }: PrintFrameProps<T>) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const host = usePrintHost(paper);

  useEffect(() => {
    let cancelled = false;
    const fail = (message: string) => {
      setError(message);
      printFailed(message);
    };
    if (typeof load === 'string') fail(load);
    else {
      void load().then((r) => {
        if (cancelled) return;
        if (r.ok) setData(r.value);
        else fail(r.error.message);
      });
    }
    return () => { cancelled = true; };
    // The key names the data; `load` is a new closure on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loadKey]);

  const onLaidOut = useCallback(() => printReady(), []);

  return createPortal(
    error ? <p className="rm-print-error" role="alert">The {what} could not be built: {error}</p>
      : data ? render(data, onLaidOut)
        : <p className="rm-print-loading" role="status">Preparing the {what}…</p>,
    host,
  );
}
