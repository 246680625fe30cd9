// What every print route sets up the same way: a host element on <body> outside the app shell, the printing class,
// and the paper's @page rule as a constructed style sheet (so the CSP needs no 'unsafe-inline' for styles).
import { useEffect, useState } from 'react';
import type { PaperSize } from '../../shared/ipc/exports.ts';
import { beginPrint } from './printReady.ts';
import { sheetGeometry } from './layout.ts';

/** The element a print route portals its document into, present while the route is mounted. */
export function usePrintHost(paper: PaperSize): HTMLDivElement {
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
