// The minutes' print route (#/print/minutes/:id/:paper/:today, see minutesRoute): the minutes alone on the page with the
// paper's @page size, drawn outside the app shell as the roadmap's print route does, and the same printReady signal.
import type { PaperSize } from '../../../shared/ipc/exports.ts';
import type { MinutesData } from '../../../shared/ipc/workshop.ts';
import { invoke } from '../../ipc.ts';
import { PrintFrame } from '../PrintFrame.tsx';
import { MinutesDocument } from './MinutesDocument.tsx';

export const PRINT_MINUTES_PATH = '/print/minutes/:id/:paper/:today';

export function MinutesPrintRoute({ params }: { params: { id: string; paper: string; today: string } }) {
  const paper: PaperSize = params.paper === 'Letter' ? 'Letter' : 'A4';
  const workshopId = Number(params.id);
  const today = /^\d{4}-\d{2}-\d{2}$/.test(params.today) ? params.today : undefined;
  return (
    <PrintFrame<MinutesData> paper={paper} what="minutes" loadKey={`${workshopId}/${today}`}
      load={Number.isInteger(workshopId) && workshopId > 0 ? () => invoke('workshops.minutes', { workshopId, today }) : 'No workshop was named'}
      render={(data, onLaidOut) => <MinutesDocument data={data} paper={paper} onLaidOut={onLaidOut} />} />
  );
}
