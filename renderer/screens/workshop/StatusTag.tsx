// A workshop's status in words with an icon, so colour is never the only cue.
import type { WorkshopStatus } from '../../../shared/workshop/types.ts';

const META: Record<WorkshopStatus, { label: string; icon: string }> = {
  planned: { label: 'Planned', icon: '○' },
  running: { label: 'Running', icon: '▶' },
  finished: { label: 'Finished', icon: '✓' },
};

export function StatusTag({ status }: { status: WorkshopStatus }) {
  return (
    <span className={`ws-status ws-status--${status}`}>
      <span aria-hidden="true">{META[status].icon} </span>{META[status].label}
    </span>
  );
}
