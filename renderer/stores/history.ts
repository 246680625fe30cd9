// Undo and redo as the user asks for them (header buttons, shortcuts, a toast's Undo): each says what it did.
import { useWorkspace } from './workspace.ts';
import { notifyInfo, readUndoLabelFrom, useUi } from './ui.ts';

// Toasts that offer Undo name the change they would take back: the workspace store knows which that is.
readUndoLabelFrom(() => useWorkspace.getState().info?.undoLabel ?? null);

async function step(kind: 'undo' | 'redo'): Promise<void> {
  const ws = useWorkspace.getState();
  const before = ws.info;
  if (!(kind === 'undo' ? before?.canUndo : before?.canRedo)) return;
  await (kind === 'undo' ? ws.undo() : ws.redo());
  const after = useWorkspace.getState().info;
  // The store keeps its info when the step failed (it has shown the error then).
  if (!after || after === before) return;
  // A toast offering to undo the change is stale now, whichever way the history moved.
  useUi.getState().dismissUndoOffers();
  // After an undo the change sits on top of the redo stack, after a redo on top of the undo stack.
  const what = kind === 'undo' ? after.redoLabel : after.undoLabel;
  notifyInfo(`${kind === 'undo' ? 'Undid' : 'Redid'}: ${what ?? 'the last change'}`);
}

export const undoLast = (): Promise<void> => step('undo');
export const redoLast = (): Promise<void> => step('redo');

