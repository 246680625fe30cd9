// Plan statuses shown by colour, icon, pattern and words together, so no one depends on colour alone (also in print).
import type { PlanStatus } from '../../../shared/domain/types.ts';
import { planStatusLabel } from '../../labels.ts';
import './timeline.css';

export const STATUS_META: Record<PlanStatus, { label: string; icon: string; description: string }> = {
  on_track: { label: planStatusLabel.on_track, icon: '✓', description: 'Ends before the sunset date with 5 or more working days of slack' },
  tight: { label: planStatusLabel.tight, icon: '!', description: 'Ends before the sunset date with less than 5 working days of slack' },
  compressed: { label: planStatusLabel.compressed, icon: '≫', description: 'Fits only with every step cut to its floor' },
  late: { label: planStatusLabel.late, icon: '✕', description: 'Ends after the sunset date even compressed' },
};

export function StatusBadge({ status, compact }: { status: PlanStatus; compact?: boolean }) {
  const meta = STATUS_META[status];
  return (
    <span className={`status-badge status-badge--${status}${compact ? ' status-badge--compact' : ''}`} title={meta.description}>
      <span className="status-badge__icon" aria-hidden="true">{meta.icon}</span>
      {meta.label}
    </span>
  );
}

/** "12 days slack" / "8 days over". */
export function slackText(slackDays: number, overrunDays: number): string {
  if (overrunDays > 0) return `${overrunDays} working day${overrunDays === 1 ? '' : 's'} over`;
  return `${slackDays} working day${slackDays === 1 ? '' : 's'} slack`;
}

/** A status and a count in little room: the icon and number, with the word for screen readers and on hover. */
export function StatusCount({ status, count }: { status: PlanStatus; count: number }) {
  const meta = STATUS_META[status];
  return (
    <span className={`status-badge status-badge--${status} status-badge--count`} title={`${meta.label}: ${count}`}>
      <span className="status-badge__icon" aria-hidden="true">{meta.icon}</span>
      {count}<span className="visually-hidden"> {meta.label.toLowerCase()}</span>
    </span>
  );
}
