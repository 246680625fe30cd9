// The open workspace file, the recent-files list and undo/redo availability.
import { create } from 'zustand';
import { invoke } from '../ipc.ts';
import type { RecentWorkspace, RefusedWorkspace, WorkspaceInfo } from '../../shared/ipc/inventory.ts';
import type { ErrorInfo } from '../../shared/errors.ts';
import { notifyError, notifyInfo } from './ui.ts';
import { useInventory } from './inventory.ts';

/** A failed open, kept so the start screen can offer the latest good backup (only when one exists). */
export interface OpenFailure {
  name: string;
  error: ErrorInfo;
  refused: RefusedWorkspace | null;
}

interface WorkspaceState {
  info: WorkspaceInfo | null;
  recent: RecentWorkspace[];
  /** false until the first workspace.current answer: avoids flashing the start screen. */
  ready: boolean;
  busy: boolean;
  openFailure: OpenFailure | null;
  init(): Promise<void>;
  refreshInfo(): Promise<void>;
  createNew(): Promise<void>;
  createSample(): Promise<void>;
  openChosen(): Promise<void>;
  openRecent(id: string): Promise<void>;
  openLatestBackup(): Promise<void>;
  saveCopy(): Promise<void>;
  close(): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

async function loadRecent(): Promise<RecentWorkspace[]> {
  const r = await invoke('workspace.recent', {});
  return r.ok ? r.value : [];
}

export const useWorkspace = create<WorkspaceState>((set, get) => {
  async function opened(info: WorkspaceInfo): Promise<void> {
    set({ info, openFailure: null, recent: await loadRecent() });
    await useInventory.getState().loadAll();
  }

  /** After an open: the workspace, or (null) the user cancelled the dialog, or a refusal shown on the start screen. */
  async function afterOpen(r: Awaited<ReturnType<typeof invoke<'workspace.open'>>>, name: string): Promise<void> {
    if (r.ok) {
      if (r.value) await opened(r.value);
      return;
    }
    const refused = r.error.code === 'workspace_corrupt' ? await invoke('workspace.refused', {}) : null;
    set({ openFailure: { name: r.error.file ? fileName(r.error.file) : name, error: r.error, refused: refused?.ok ? refused.value : null } });
    if (r.error.code !== 'workspace_corrupt') notifyError(r.error);
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

    // The main process asks for the file (native dialog) and answers null when the user cancels.
    createNew: () => run(async () => {
      const r = await invoke('workspace.create', {});
      if (r.ok) {
        if (r.value) await opened(r.value);
      } else {
        notifyError(r.error);
      }
    }),

    createSample: () => run(async () => {
      const r = await invoke('workspace.createSample', {});
      if (r.ok) {
        if (r.value) await opened(r.value);
      } else {
        notifyError(r.error);
      }
    }),

    openChosen: () => run(async () => {
      await afterOpen(await invoke('workspace.open', {}), 'the workspace');
    }),

    openRecent: (id) => run(async () => {
      const name = get().recent.find((r) => r.id === id)?.name ?? 'the workspace';
      await afterOpen(await invoke('workspace.openRecent', { id }), name);
    }),

    openLatestBackup: () => run(async () => {
      const name = get().openFailure?.name ?? 'the workspace';
      const r = await invoke('workspace.openLatestBackup', {});
      if (r.ok) {
        await opened(r.value);
        notifyInfo(`Opened a copy of the latest good backup of ${name}.`);
      } else {
        notifyError(r.error);
      }
    }),

    saveCopy: () => run(async () => {
      const r = await invoke('workspace.saveCopy', {});
      if (!r.ok) notifyError(r.error);
      else if (r.value) notifyInfo(`Saved a copy to ${r.value.path}.`);
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

const fileName = (file: string): string => file.split(/[\\/]/).pop() ?? file;

export const selectFileName = (s: WorkspaceState): string | null => (s.info ? fileName(s.info.path) : null);
