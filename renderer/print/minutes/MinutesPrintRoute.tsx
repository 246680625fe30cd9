// The minutes' print route (#/print/minutes/:id/:paper/:today, see minutesRoute): the minutes alone on the page with the
// paper's @page size, drawn outside the app shell as the roadmap's print route does, and the same printReady signal.
import { useCallback, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { PaperSize } from '../../../shared/ipc/exports.ts';
import type { MinutesData } from '../../../shared/ipc/workshop.ts';
import { invoke } from '../../ipc.ts';
import { usePrintHost } from '../usePrintHost.ts';
import { printFailed, printReady } from '../printReady.ts';
import { MinutesDocument } from './MinutesDocument.tsx';

export const PRINT_MINUTES_PATH = '/print/minutes/:id/:paper/:today';

export function MinutesPrintRoute({ params }: { params: { id: string; paper: string; today: string } }) {
  const paper: PaperSize = params.paper === 'Letter' ? 'Letter' : 'A4';
  const workshopId = Number(params.id);
  const today = /^\d{4}-\d{2}-\d{2}$/.test(params.today) ? params.today : undefined;
  const [data, setData] = useState<MinutesData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const host = usePrintHost(paper);

  useEffect(() => {
    let cancelled = false;
    if (!Number.isInteger(workshopId) || workshopId <= 0) {
      setError('No workshop was named');
      printFailed('No workshop was named');
      return undefined;
    }
    void invoke('workshops.minutes', { workshopId, today }).then((r) => {
      if (cancelled) return;
      if (r.ok) setData(r.value);
      else {
        setError(r.error.message);
        printFailed(r.error.message);
      }
    });
    return () => { cancelled = true; };
  }, [workshopId, today]);

  const onLaidOut = useCallback(() => printReady(), []);

  return createPortal(
    error ? <p className="rm-print-error" role="alert">The minutes could not be built: {error}</p>
      : data ? <MinutesDocument data={data} paper={paper} onLaidOut={onLaidOut} />
        : <p className="rm-print-loading" role="status">Preparing the minutes…</p>,
    host,
  );
}
