// The print route (#/print/roadmap/:paper/:client/:today): the roadmap alone on the page, with the paper's @page size.
// It draws outside the app shell (a portal on <body>, the shell hidden), so nothing of the window's chrome is printed.
import { useCallback, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { PaperSize, RoadmapData } from '../../shared/ipc/exports.ts';
import { invoke } from '../ipc.ts';
import { RoadmapDocument } from './RoadmapDocument.tsx';
import { usePrintHost } from './usePrintHost.ts';
import { printFailed, printReady } from './printReady.ts';

export const PRINT_ROADMAP_PATH = '/print/roadmap/:paper/:client/:today';

export function RoadmapPrintRoute({ params }: { params: { paper: string; client: string; today: string } }) {
  const paper: PaperSize = params.paper === 'Letter' ? 'Letter' : 'A4';
  const clientId = /^\d+$/.test(params.client) ? Number(params.client) : undefined;
  const today = /^\d{4}-\d{2}-\d{2}$/.test(params.today) ? params.today : undefined;
  const [data, setData] = useState<RoadmapData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const host = usePrintHost(paper);

  useEffect(() => {
    let cancelled = false;
    void invoke('roadmap.data', { clientId, today }).then((r) => {
      if (cancelled) return;
      if (r.ok) setData(r.value);
      else {
        setError(r.error.message);
        printFailed(r.error.message);
      }
    });
    return () => { cancelled = true; };
  }, [clientId, today]);

  const onLaidOut = useCallback(() => printReady(), []);

  return createPortal(
    error ? <p className="rm-print-error" role="alert">The roadmap could not be built: {error}</p>
      : data ? <RoadmapDocument data={data} paper={paper} onLaidOut={onLaidOut} />
        : <p className="rm-print-loading" role="status">Preparing the roadmap…</p>,
    host,
  );
}
