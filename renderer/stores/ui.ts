// Transient UI state: toasts that tell the user what happened or what to fix.
import { create } from 'zustand';
import type { ErrorInfo } from '../../shared/errors.ts';

export interface Toast {
  id: number;
  kind: 'error' | 'info';
  message: string;
  /**
   * Offers to undo the change it reports, named as the Undo button names it (WorkspaceInfo.undoLabel). It stays until
   * dismissed or replaced, and is hidden once that change is no longer the one Undo would take back.
   */
  undoOf?: string;
}

interface UiState {
  toasts: Toast[];
  /** Set while a form has unsaved edits: names what would be lost if the user navigates away. */
  unsaved: string | null;
  setUnsaved(label: string | null): void;
  notify(kind: Toast['kind'], message: string, options?: { undoOf?: string }): void;
  dismiss(id: number): void;
  /** Removes every toast that offers an undo: after an undo or redo they describe a change that is no longer the last. */
  dismissUndoOffers(): void;
}

let nextId = 1;

export const useUi = create<UiState>((set, get) => ({
  toasts: [],
  unsaved: null,
  setUnsaved(label) {
    if (get().unsaved !== label) set({ unsaved: label });
  },
  notify(kind, message, options) {
    const id = nextId++;
    // One confirmation at a time: a newer one replaces the older; errors stay until dismissed.
    const kept = get().toasts.filter((t) => t.kind === 'error').slice(-2);
    set({ toasts: [...kept, { id, kind, message, undoOf: options?.undoOf }] });
    // Errors stay until dismissed: they say what to fix. Info fades, unless it offers an action (its Undo button must
    // not vanish under a keyboard or screen-reader user's hand).
    if (kind === 'info' && !options?.undoOf) setTimeout(() => get().dismiss(id), 4000);
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
  dismissUndoOffers() {
    if (get().toasts.some((t) => t.undoOf)) set({ toasts: get().toasts.filter((t) => !t.undoOf) });
  },
}));

export function notifyError(error: ErrorInfo): void {
  const where = [error.file, error.line !== undefined ? `line ${error.line}` : null, error.field].filter(Boolean).join(', ');
  useUi.getState().notify('error', where ? `${error.message} (${where})` : error.message);
}

export const notifyInfo = (message: string): void => useUi.getState().notify('info', message);

/** Where notifyUndoable reads the change Undo would take back now (stores/history.ts sets it; this store imports no other). */
let undoLabelNow: () => string | null = () => null;
export function readUndoLabelFrom(source: () => string | null): void {
  undoLabelNow = source;
}

/**
 * Reports a change that Undo can take back, with an Undo button on the toast ("Deleted client Harbor Bank." [Undo]).
 * Call it after the change's mutate resolved, when the undo state names this change.
 */
export function notifyUndoable(message: string): void {
  const undoOf = undoLabelNow();
  useUi.getState().notify('info', message, undoOf ? { undoOf } : undefined);
}
