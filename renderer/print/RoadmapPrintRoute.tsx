// The print route (#/print/roadmap/:paper/:client/:today): the roadmap alone on the page, with the paper's @page size.
// It draws outside the app shell (a portal on <body>, the shell hidden), so nothing of the window's chrome is printed.
// A printer printing in chunks gets the outline first and each chunk's workloads' detail when it asks for the chunk.
import { useMemo } from 'react';
import type { PaperSize, RoadmapData, RoadmapOutline } from '../../shared/ipc/exports.ts';
import { invoke } from '../ipc.ts';
import { RoadmapDocument, type RoadmapLayout } from './RoadmapDocument.tsx';
import type { RoadmapParts } from './roadmapSource.ts';
import { PrintFrame } from './PrintFrame.tsx';
import { printsInChunks } from './printReady.ts';

export const PRINT_ROADMAP_PATH = '/print/roadmap/:paper/:client/:today';

export function RoadmapPrintRoute({ params }: { params: { paper: string; client: string; today: string } }) {
  const paper: PaperSize = params.paper === 'Letter' ? 'Letter' : 'A4';
  const clientId = /^\d+$/.test(params.client) ? Number(params.client) : undefined;
  const today = /^\d{4}-\d{2}-\d{2}$/.test(params.today) ? params.today : undefined;
  if (printsInChunks()) {
    return (
      <PrintFrame<RoadmapOutline> paper={paper} what="roadmap" loadKey={`${clientId}/${today}`}
        load={() => invoke('roadmap.outline', { clientId, today })}
        render={(outline, onLaidOut) => <ChunkedRoadmap outline={outline} paper={paper} clientId={clientId} today={today} onLaidOut={onLaidOut} />} />
    );
  }
  return (
    <PrintFrame<RoadmapData> paper={paper} what="roadmap" loadKey={`${clientId}/${today}`}
      load={() => invoke('roadmap.data', { clientId, today })}
      render={(data, onLaidOut) => <RoadmapDocument data={data} paper={paper} onLaidOut={onLaidOut} />} />
  );
}

/** The roadmap from its outline, asking for the detail of the workloads each measuring round and chunk draws. */
function ChunkedRoadmap({ outline, paper, clientId, today, onLaidOut }: {
  outline: RoadmapOutline; paper: PaperSize; clientId?: number; today?: string; onLaidOut: (layout: RoadmapLayout) => void;
}) {
  const parts = useMemo<RoadmapParts>(() => ({
    outline,
    detail: async (workloadIds) => {
      const r = await invoke('roadmap.detail', { clientId, today, workloadIds });
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    },
  }), [outline, clientId, today]);
  return <RoadmapDocument parts={parts} paper={paper} onLaidOut={onLaidOut} />;
}
