// Messages that name no field: errors stay until dismissed and say what to fix; a change that can be undone offers Undo.
import { useUi } from '../stores/ui.ts';
import { undoLast } from '../stores/history.ts';

export function Toasts() {
  const toasts = useUi((s) => s.toasts);
  const dismiss = useUi((s) => s.dismiss);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast--${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'}>
          <span className="toast__icon" aria-hidden="true">{t.kind === 'error' ? '⚠' : '✓'}</span>
          <p className="toast__message">{t.message}</p>
          {t.undo ? <button type="button" className="button button--small toast__action" onClick={() => void undoLast()}>Undo</button> : null}
          <button type="button" className="icon-button" aria-label="Dismiss message" onClick={() => dismiss(t.id)}>×</button>
        </div>
      ))}
    </div>
  );
}
