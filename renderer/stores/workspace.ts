// The open workspace file, the recent-files list and undo/redo availability.
import { create } from 'zustand';
import { invoke } from '../ipc.ts';
import type { WorkspaceInfo } from '../../shared/ipc/inventory.ts';
import type { ErrorInfo } from '../../shared/errors.ts';
import { notifyError, notifyInfo } from './ui.ts';
import { useInventory } from './inventory.ts';

/** A failed open, kept so the start screen can offer the latest backup. */
export interface OpenFailure {
  path: string;
  error: ErrorInfo;
}

interface WorkspaceState {
  info: WorkspaceInfo | null;
  recent: string[];
  /** false until the first workspace.current answer: avoids flashing the start screen. */
  ready: boolean;
  busy: boolean;
  openFailure: OpenFailure | null;
  init(): Promise<void>;
  refreshInfo(): Promise<void>;
  createNew(): Promise<void>;
  createSample(): Promise<void>;
  openChosen(): Promise<void>;
  openPath(path: string): Promise<void>;
  openLatestBackup(path: string): Promise<void>;
  saveCopy(): Promise<void>;
  close(): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

async function loadRecent(): Promise<string[]> {
  const r = await invoke('workspace.recent', {});
  return r.ok ? r.value : [];
}

export const useWorkspace = create<WorkspaceState>((set, get) => {
  async function opened(info: WorkspaceInfo): Promise<void> {
    set({ info, openFailure: null, recent: await loadRecent() });
    await useInventory.getState().loadAll();
  }

  async function choose(mode: 'new' | 'open' | 'copy'): Promise<string | null> {
    const r = await invoke('dialog.chooseWorkspace', { mode });
    if (!r.ok) {
      notifyError(r.error);
      return null;
    }
    return r.value;
  }

  async function run(task: () => Promise<void>): Promise<void> {
    set({ busy: true });
    try {
      await task();
    } finally {
      set({ busy: false });
    }
  }

  return {
    info: null,
    recent: [],
    ready: false,
    busy: false,
    openFailure: null,

    async init() {
      const [current, recent] = await Promise.all([invoke('workspace.current', {}), loadRecent()]);
      const info = current.ok ? current.value : null;
      set({ info, recent, ready: true });
      if (!current.ok) notifyError(current.error);
      if (info) await useInventory.getState().loadAll();
    },

    async refreshInfo() {
      const r = await invoke('workspace.current', {});
      if (r.ok) set({ info: r.value });
    },

    createNew: () => run(async () => {
      const path = await choose('new');
      if (!path) return;
      const r = await invoke('workspace.create', { path });
      if (r.ok) await opened(r.value);
      else notifyError(r.error);
    }),

    createSample: () => run(async () => {
      const path = await choose('new');
      if (!path) return;
      const r = await invoke('workspace.createSample', { path });
      if (r.ok) {
        await opened(r.value);
      } else {
        notifyError(r.error);
      }
    }),

    openChosen: () => run(async () => {
      const path = await choose('open');
      if (path) await get().openPath(path);
    }),

    async openPath(path) {
      const r = await invoke('workspace.open', { path });
      if (r.ok) {
        await opened(r.value);
      } else if (r.error.code === 'workspace_corrupt') {
        set({ openFailure: { path, error: r.error } });
      } else {
        set({ openFailure: { path, error: r.error } });
        notifyError(r.error);
      }
    },

    openLatestBackup: (path) => run(async () => {
      const r = await invoke('workspace.openLatestBackup', { path });
      if (r.ok) {
        await opened(r.value);
        notifyInfo(`Opened the latest backup of ${path}.`);
      } else {
        notifyError(r.error);
      }
    }),

    saveCopy: () => run(async () => {
      const path = await choose('copy');
      if (!path) return;
      const r = await invoke('workspace.saveCopy', { path });
      if (r.ok) notifyInfo(`Saved a copy to ${r.value.path}.`);
      else notifyError(r.error);
    }),

    close: () => run(async () => {
      const r = await invoke('workspace.close', {});
      if (!r.ok) {
        notifyError(r.error);
        return;
      }
      useInventory.getState().reset();
      set({ info: null, recent: await loadRecent() });
    }),

    async undo() {
      if (!get().info?.canUndo) return;
      const r = await invoke('history.undo', {});
      if (!r.ok) return notifyError(r.error);
      set({ info: r.value });
      await useInventory.getState().loadAll();
    },

    async redo() {
      if (!get().info?.canRedo) return;
      const r = await invoke('history.redo', {});
      if (!r.ok) return notifyError(r.error);
      set({ info: r.value });
      await useInventory.getState().loadAll();
    },
  };
});

export const selectFileName = (s: WorkspaceState): string | null =>
  s.info ? s.info.path.split(/[\\/]/).pop() ?? s.info.path : null;
