// Messages that name no field: errors stay until dismissed and say what to fix; a change that can be undone offers Undo
// for as long as Undo would take back that very change (after an undo, a redo or a newer change the offer is gone).
import { useUi } from '../stores/ui.ts';
import { useWorkspace } from '../stores/workspace.ts';
import { undoLast } from '../stores/history.ts';

export function Toasts() {
  const toasts = useUi((s) => s.toasts);
  const dismiss = useUi((s) => s.dismiss);
  const undoable = useWorkspace((s) => s.info?.undoLabel ?? null);
  const shown = toasts.filter((t) => !t.undoOf || t.undoOf === undoable);
  return (
    <div className="toasts" aria-live="polite">
      {shown.map((t) => (
        <div key={t.id} className={`toast toast--${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'}>
          <span className="toast__icon" aria-hidden="true">{t.kind === 'error' ? '⚠' : '✓'}</span>
          <p className="toast__message">{t.message}</p>
          {t.undoOf ? (
            <button type="button" className="button button--small toast__action" title={`Undo ${t.undoOf}`} onClick={() => { dismiss(t.id); void undoLast(); }}>
              Undo
            </button>
          ) : null}
          <button type="button" className="icon-button" aria-label="Dismiss message" onClick={() => dismiss(t.id)}>×</button>
        </div>
      ))}
    </div>
  );
}
