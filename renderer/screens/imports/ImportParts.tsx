// Small pieces every import card shares: the card's frame and head, the error that says what to fix and where, the action badge, the file line.
import type { ReactNode } from 'react';
import type { ErrorInfo } from '../../../shared/errors.ts';

/** "file.csv, line 4, field monthlyVolume": where to look, when the error says. */
export function errorPlace(error: Pick<ErrorInfo, 'file' | 'line' | 'field'>): string {
  return [error.file ? baseName(error.file) : null, error.line !== undefined ? `line ${error.line}` : null, error.field ? `field ${error.field}` : null]
    .filter(Boolean).join(', ');
}

export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export function ImportError({ error, title = 'Nothing was imported' }: { error: ErrorInfo | null; title?: string }) {
  if (!error) return null;
  const place = errorPlace(error);
  return (
    <div className="banner banner--error" role="alert">
      <p className="banner__title"><span aria-hidden="true">⚠ </span>{title}</p>
      {/* The place line names the file; the message keeps its words with a short file name. */}
      <p>{error.file ? error.message.split(error.file).join(baseName(error.file)) : error.message}</p>
      {place ? <p className="import-error__place">Where: {place}</p> : null}
    </div>
  );
}

export function DoneNote({ text }: { text: string | null }) {
  if (!text) return null;
  return <p className="import-done" role="status"><span aria-hidden="true">✓ </span>{text}</p>;
}

const ACTION_META = {
  create: { icon: '+', label: 'Create' },
  update: { icon: '✎', label: 'Update' },
  unchanged: { icon: '=', label: 'Unchanged' },
} as const;

export function ActionBadge({ action }: { action: keyof typeof ACTION_META }) {
  const meta = ACTION_META[action];
  return (
    <span className={`action-badge action-badge--${action}`}>
      <span aria-hidden="true" className="action-badge__icon">{meta.icon}</span>{meta.label}
    </span>
  );
}

/** `name` tells the card's bars apart for assistive technology ("Analysis progress", "Reading progress"). */
export function ProgressBar({ done, total, label, name = 'Analysis progress' }: { done: number; total: number; label: string; name?: string }) {
  const pct = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <div className="import-progress">
      <progress className="import-progress__bar" max={100} value={pct} aria-label={name} aria-valuetext={`${pct}%`} />
      <span className="import-progress__label">{label || 'Starting…'} ({pct}%)</span>
    </div>
  );
}

/** An import card: its title and what it reads, with the file button (if any) beside them. */
export function ImportCard({ id, title, lead, action, children }: {
  id: string; title: string; lead: ReactNode; action?: ReactNode; children: ReactNode;
}) {
  return (
    <section className="form-section import-card" aria-labelledby={id}>
      <div className="import-card__head">
        <div>
          <h2 id={id} className="import-card__title">{title}</h2>
          <p className="import-card__lead">{lead}</p>
        </div>
        {action}
      </div>
      {children}
    </section>
  );
}
