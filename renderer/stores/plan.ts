// The portfolio (recommendation and plan of every workload, roll-ups per client), refetched after every change that can replan it.
import { create } from 'zustand';
import { invoke } from '../ipc.ts';
import type { Portfolio, PortfolioWorkload } from '../../shared/portfolio.ts';
import type { Approach, Job } from '../../shared/domain/types.ts';
import type { QuestionnaireAnswers } from '../../shared/decision/questionnaire.ts';
import type { Result } from '../../shared/errors.ts';
import { notifyError } from './ui.ts';
import { useInventory } from './inventory.ts';
import { useWorkspace } from './workspace.ts';

export type PlanView = 'timeline' | 'table';
export type PlanSort = 'slack' | 'end' | 'name';

interface PlanState {
  portfolio: Portfolio | null;
  /** How the plan screen shows the plan; kept while the user moves between screens. */
  view: PlanView;
  sort: PlanSort;
  setView(view: PlanView): void;
  setSort(sort: PlanSort): void;
  loading: boolean;
  /** Bumped by every fetch so a slow, older answer never overwrites a newer one. */
  requestId: number;
  load(): Promise<void>;
  reset(): void;
  applyQuestionnaire(workloadId: number, answers: QuestionnaireAnswers, confirmed: boolean): Promise<Result<unknown>>;
  setOverride(workloadId: number, job: Job, approach: Approach, reason: string): Promise<Result<unknown>>;
  clearOverride(workloadId: number, job: Job): Promise<Result<unknown>>;
}

export const usePlan = create<PlanState>((set, get) => {
  /** After a change: the portfolio, the inventory rows the change touched, and undo availability. */
  /** fieldErrorsShown: the caller puts field errors next to its field (the override reason); others go to a toast. */
  async function afterMutation(r: Result<unknown>, touchesWorkloads: boolean, fieldErrorsShown = false): Promise<void> {
    if (!r.ok) {
      if (!fieldErrorsShown || !r.error.field) notifyError(r.error);
      return;
    }
    await Promise.all([
      get().load(),
      useWorkspace.getState().refreshInfo(),
      touchesWorkloads ? useInventory.getState().refresh(['workloads']) : Promise.resolve(),
    ]);
  }

  return {
    portfolio: null,
    view: 'timeline',
    sort: 'slack',
    loading: false,
    requestId: 0,

    setView(view) {
      set({ view });
    },

    setSort(sort) {
      set({ sort });
    },

    async load() {
      const requestId = get().requestId + 1;
      set({ requestId, loading: true });
      // The whole workspace: the client filter is applied on screen, so switching it is instant.
      const r = await invoke('plan.portfolio', {});
      if (get().requestId !== requestId) return;
      if (r.ok) set({ portfolio: r.value, loading: false });
      else {
        set({ loading: false });
        notifyError(r.error);
      }
    },

    reset() {
      set({ portfolio: null, loading: false, requestId: get().requestId + 1 });
    },

    async applyQuestionnaire(workloadId, answers, confirmed) {
      const r = await invoke('questionnaire.apply', { workloadId, answers, confirmed });
      await afterMutation(r, true);
      return r;
    },

    async setOverride(workloadId, job, approach, reason) {
      const r = await invoke('overrides.set', { workloadId, job, approach, reason });
      await afterMutation(r, false, true);
      return r;
    },

    async clearOverride(workloadId, job) {
      const r = await invoke('overrides.clear', { workloadId, job });
      await afterMutation(r, false);
      return r;
    },
  };
});

const byIdCache = (() => {
  let last: Portfolio | null = null;
  let map = new Map<number, PortfolioWorkload>();
  return (p: Portfolio | null) => {
    if (p !== last) {
      last = p;
      map = new Map((p?.workloads ?? []).map((w) => [w.workload.id, w]));
    }
    return map;
  };
})();

/** Portfolio rows by workload id (memoised per portfolio). */
export const selectPortfolioById = (s: { portfolio: Portfolio | null }): Map<number, PortfolioWorkload> => byIdCache(s.portfolio);

/**
 * Refetches the portfolio on mount and whenever the inventory changes (workloads, commitments, contracts,
 * the deadline policy, or undo/redo): any of them can replan. The inventory store has no change counter,
 * so its arrays' identities serve as one: it replaces them on every refresh.
 */
export function subscribePlanToInventory(): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => { timer = null; void usePlan.getState().load(); }, 30);
  };
  const stopInventory = useInventory.subscribe((s, prev) => {
    if (s.workloads !== prev.workloads || s.commitments !== prev.commitments || s.contracts !== prev.contracts
      || s.policy !== prev.policy || s.clients !== prev.clients) schedule();
  });
  const stopWorkspace = useWorkspace.subscribe((s, prev) => {
    if (s.info?.path !== prev.info?.path) {
      if (s.info === null) usePlan.getState().reset();
      else schedule();
    }
  });
  return () => {
    if (timer) clearTimeout(timer);
    stopInventory();
    stopWorkspace();
  };
}
