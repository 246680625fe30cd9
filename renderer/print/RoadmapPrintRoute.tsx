// The print route (#/print/roadmap/:paper/:client/:today): the roadmap alone on the page, with the paper's @page size.
// It draws outside the app shell (a portal on <body>, the shell hidden), so nothing of the window's chrome is printed.
import type { PaperSize, RoadmapData } from '../../shared/ipc/exports.ts';
import { invoke } from '../ipc.ts';
import { RoadmapDocument } from './RoadmapDocument.tsx';
import { PrintFrame } from './PrintFrame.tsx';

export const PRINT_ROADMAP_PATH = '/print/roadmap/:paper/:client/:today';

export function RoadmapPrintRoute({ params }: { params: { paper: string; client: string; today: string } }) {
  const paper: PaperSize = params.paper === 'Letter' ? 'Letter' : 'A4';
  const clientId = /^\d+$/.test(params.client) ? Number(params.client) : undefined;
  const today = /^\d{4}-\d{2}-\d{2}$/.test(params.today) ? params.today : undefined;
  return (
    <PrintFrame<RoadmapData> paper={paper} what="roadmap" loadKey={`${clientId}/${today}`}
      load={() => invoke('roadmap.data', { clientId, today })}
      render={(data, onLaidOut) => <RoadmapDocument data={data} paper={paper} onLaidOut={onLaidOut} />} />
  );
}
