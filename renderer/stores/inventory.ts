// Clients, workloads, contracts, commitments and the deadline policy of the open workspace, refreshed after each change.
import { create } from 'zustand';
import { trainingDeadline } from '../../shared/plan/sunset.ts';
import { invoke } from '../ipc.ts';
import type { ChannelName, PayloadOf, ResultOf } from '../../shared/ipc/index.ts';
import type { Result } from '../../shared/errors.ts';
import type { Client, Commitment, Contract, DeadlinePolicy, Workload } from '../../shared/domain/types.ts';
import { notifyError } from './ui.ts';
import { useWorkspace } from './workspace.ts';

export type Area = 'clients' | 'workloads' | 'contracts' | 'commitments' | 'policy';

interface InventoryState {
  clients: Client[];
  workloads: Workload[];
  contracts: Contract[];
  commitments: Commitment[];
  policy: DeadlinePolicy | null;
  loaded: boolean;
  /** The header's client filter: null shows every client. */
  clientFilter: number | null;
  setClientFilter(id: number | null): void;
  loadAll(): Promise<void>;
  refresh(areas: Area[]): Promise<void>;
  reset(): void;
  /**
   * Runs a mutating channel, then refreshes the areas it touched and the undo state.
   * The Result is returned so a form can put a field error next to its field.
   */
  mutate<C extends ChannelName>(channel: C, payload: PayloadOf<C>, touches: Area[]): Promise<Result<ResultOf<C>>>;
}

const ALL: Area[] = ['clients', 'workloads', 'contracts', 'commitments', 'policy'];

async function fetchArea(area: Area): Promise<Partial<InventoryState>> {
  switch (area) {
    case 'clients': {
      const r = await invoke('clients.list', {});
      if (!r.ok) throw r.error;
      return { clients: r.value };
    }
    case 'workloads': {
      const r = await invoke('workloads.list', {});
      if (!r.ok) throw r.error;
      return { workloads: r.value };
    }
    case 'contracts': {
      const r = await invoke('contracts.list', {});
      if (!r.ok) throw r.error;
      return { contracts: r.value };
    }
    case 'commitments': {
      const r = await invoke('commitments.list', {});
      if (!r.ok) throw r.error;
      return { commitments: r.value };
    }
    case 'policy': {
      const r = await invoke('policy.get', {});
      if (!r.ok) throw r.error;
      return { policy: r.value };
    }
  }
}

export const useInventory = create<InventoryState>((set, get) => ({
  clients: [],
  workloads: [],
  contracts: [],
  commitments: [],
  policy: null,
  loaded: false,
  clientFilter: null,

  setClientFilter(id) {
    set({ clientFilter: id });
  },

  async loadAll() {
    await get().refresh(ALL);
    const { clientFilter, clients } = get();
    if (clientFilter !== null && !clients.some((c) => c.id === clientFilter)) set({ clientFilter: null });
    set({ loaded: true });
  },

  async refresh(areas) {
    try {
      const parts = await Promise.all(areas.map(fetchArea));
      set(Object.assign({}, ...parts));
    } catch (err) {
      notifyError(err as never);
    }
  },

  reset() {
    set({ clients: [], workloads: [], contracts: [], commitments: [], policy: null, loaded: false, clientFilter: null });
  },

  async mutate(channel, payload, touches) {
    const r = await invoke(channel, payload);
    if (r.ok) {
      await Promise.all([get().refresh(touches), useWorkspace.getState().refreshInfo()]);
    } else if (!r.error.field) {
      notifyError(r.error);
    }
    return r;
  },
}));

// Selectors: components subscribe to the slice they render.
export const selectClientById = (s: InventoryState): Map<number, Client> => clientMapCache(s.clients);

const clientMapCache = (() => {
  let last: Client[] | null = null;
  let map = new Map<number, Client>();
  return (clients: Client[]) => {
    if (clients !== last) {
      last = clients;
      map = new Map(clients.map((c) => [c.id, c]));
    }
    return map;
  };
})();

export const selectTrainingDeadline = (s: InventoryState): string | null => (s.policy ? trainingDeadline(s.policy) : null);
