// Transient UI state: toasts that tell the user what happened or what to fix.
import { create } from 'zustand';
import type { ErrorInfo } from '../../shared/errors.ts';

export interface Toast {
  id: number;
  kind: 'error' | 'info';
  message: string;
  /** Offers to undo the change it reports; stays until dismissed, replaced, or the change is undone. */
  undo?: boolean;
}

interface UiState {
  toasts: Toast[];
  /** Set while a form has unsaved edits: names what would be lost if the user navigates away. */
  unsaved: string | null;
  setUnsaved(label: string | null): void;
  notify(kind: Toast['kind'], message: string, options?: { undo?: boolean }): void;
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
    set({ toasts: [...kept, { id, kind, message, undo: options?.undo }] });
    // Errors stay until dismissed: they say what to fix. Info fades, unless it offers an action (its Undo button must
    // not vanish under a keyboard or screen-reader user's hand).
    if (kind === 'info' && !options?.undo) setTimeout(() => get().dismiss(id), 4000);
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
  dismissUndoOffers() {
    if (get().toasts.some((t) => t.undo)) set({ toasts: get().toasts.filter((t) => !t.undo) });
  },
}));

export function notifyError(error: ErrorInfo): void {
  const where = [error.file, error.line !== undefined ? `line ${error.line}` : null, error.field].filter(Boolean).join(', ');
  useUi.getState().notify('error', where ? `${error.message} (${where})` : error.message);
}

export const notifyInfo = (message: string): void => useUi.getState().notify('info', message);

/** Reports a change that Undo can take back, with an Undo button on the toast ("Deleted Harbor Bank." [Undo]). */
export const notifyUndoable = (message: string): void => useUi.getState().notify('info', message, { undo: true });
