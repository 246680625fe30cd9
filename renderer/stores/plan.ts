// The plan as screens show it, fetched by what is in view: the overview (roll-ups, counts), a window of light rows
// around the visible ones, and the full recommendation and plan of the workloads a panel shows. The main process keeps
// the computed plan and replans only what an edit touched, so each refetch after a change is small.
import { useEffect } from 'react';
import { create } from 'zustand';
import { invoke } from '../ipc.ts';
import type { PortfolioWorkload } from '../../shared/portfolio.ts';
import type { PlanOverview, PlanRow, PlanSort } from '../../shared/planView.ts';
import type { Approach, Job } from '../../shared/domain/types.ts';
import type { QuestionnaireAnswers } from '../../shared/decision/questionnaire.ts';
import type { Result } from '../../shared/errors.ts';
import { notifyError } from './ui.ts';
import { useInventory } from './inventory.ts';
import { useWorkspace } from './workspace.ts';

export type PlanView = 'timeline' | 'table';
export type { PlanSort };
export type PlanDetail = PortfolioWorkload & { today: string; version: number };

/** Rows fetched beyond the visible ones on each side, so a scroll rarely shows a placeholder. */
const MARGIN = 60;
const MIN_WINDOW = 120;
/**
 * A (re)load after a change asks for the rows in view and a short margin only: it is what the user waits for after an
 * edit, and the rows further out come with the full margin once a scroll nears them (showRows).
 */
const LOAD_MARGIN = 20;
const LOAD_MIN_WINDOW = 60;
/**
 * A hole this close to the rows in view (the view's own overscan included) is fetched now, so a scroll reaches rows
 * that are already here. No more than LOAD_MARGIN, so a load is not followed at once by a fetch of its neighbours.
 */
const AHEAD = LOAD_MARGIN;

interface PlanState {
  /** Roll-ups and counts of the scope (the header's client, or all). */
  overview: PlanOverview | null;
  /** Rows in scope in display order (grouped by client, then sorted); holes are rows not fetched yet. */
  rows: (PlanRow | undefined)[];
  /** One workload's full recommendation and plan, for the panels that show it (see usePlanWorkload). */
  details: Map<number, PlanDetail>;
  /** How the plan screen shows the plan; kept while the user moves between screens. */
  view: PlanView;
  sort: PlanSort;
  setView(view: PlanView): void;
  setSort(sort: PlanSort): void;
  loading: boolean;
  /** Bumped by every fetch so a slow, older answer never overwrites a newer one. */
  requestId: number;
  /** The overview, the rows in view and the details shown, all of one plan version. */
  load(): Promise<void>;
  /** load() when a screen shows the plan; nothing otherwise (callers after a write). */
  refresh(): Promise<void>;
  /** The rows a view draws (indexes into `rows`): fetches the missing ones with a margin. */
  showRows(first: number, last: number): void;
  loadWorkload(workloadId: number): Promise<void>;
  reset(): void;
  applyQuestionnaire(workloadId: number, answers: QuestionnaireAnswers, confirmed: boolean): Promise<Result<unknown>>;
  setOverride(workloadId: number, job: Job, approach: Approach, reason: string): Promise<Result<unknown>>;
  clearOverride(workloadId: number, job: Job): Promise<Result<unknown>>;
}

/** What the rows were fetched for: a change of client filter or order starts a new row list. */
let viewport: [number, number] = [0, 0];
let rowsKey = '';
let fetchingRows: [number, number] | null = null;
const watched = new Map<number, number>();
/** Mutations of this store in flight: each reloads the plan itself, so the inventory refresh it causes need not. */
let ownMutations = 0;

const scope = () => ({ clientId: useInventory.getState().clientFilter ?? undefined });

function windowAround(first: number, last: number, total: number, margin = MARGIN, minWindow = MIN_WINDOW): { offset: number; limit: number } {
  const offset = Math.max(0, first - margin);
  const end = Math.min(total, Math.max(last + margin + 1, offset + minWindow));
  return { offset, limit: Math.max(1, Math.min(5000, end - offset)) };
}

export const usePlan = create<PlanState>((set, get) => {
  /** After a change: the plan, the inventory rows the change touched, and undo availability. */
  /** fieldErrorsShown: the caller puts field errors next to its field (the override reason); others go to a toast. */
  async function afterMutation(r: Result<unknown>, touchesWorkloads: boolean, fieldErrorsShown = false): Promise<void> {
    if (!r.ok) {
      if (!fieldErrorsShown || !r.error.field) notifyError(r.error);
      return;
    }
    // The plan, the workspace info and the inventory in parallel. The inventory's new arrays would schedule a second
    // load of the same plan (subscribePlanToInventory): it is skipped while this one is under way.
    ownMutations += 1;
    try {
      await Promise.all([
        get().load(),
        useWorkspace.getState().refreshInfo(),
        touchesWorkloads ? useInventory.getState().refresh(['workloads']) : Promise.resolve(),
      ]);
    } finally {
      ownMutations -= 1;
    }
  }

  async function fetchRows(first: number, last: number, total: number, version: number, key: string): Promise<void> {
    const { offset, limit } = windowAround(first, last, total);
    fetchingRows = [offset, offset + limit - 1];
    const r = await invoke('plan.rows', { ...scope(), sort: get().sort, offset, limit });
    fetchingRows = null;
    if (!r.ok) { notifyError(r.error); return; }
    if (key !== rowsKey) return;
    if (r.value.version !== version) { void get().load(); return; }
    const rows = get().rows.slice();
    r.value.rows.forEach((row, i) => { rows[r.value.offset + i] = row; });
    set({ rows });
  }

  return {
    overview: null,
    rows: [],
    details: new Map(),
    view: 'timeline',
    sort: 'slack',
    loading: false,
    requestId: 0,

    setView(view) {
      set({ view });
    },

    setSort(sort) {
      set({ sort });
      if (get().overview) void get().load();
    },

    async load() {
      const requestId = get().requestId + 1;
      set({ requestId, loading: true });
      const { clientId } = scope();
      const sort = get().sort;
      const key = `${clientId ?? '*'}/${sort}`;
      const sameList = key === rowsKey;
      // The same list keeps its scroll position; another client or order starts at the top. The overview, the rows
      // and the details go out together (one round trip): the main process answers the window it can.
      const [first, last] = sameList ? viewport : [0, 0];
      const known = get().rows.length;
      const { offset, limit } = windowAround(first, last, sameList && known > 0 ? known : Number.MAX_SAFE_INTEGER, LOAD_MARGIN, LOAD_MIN_WINDOW);
      const ids = [...watched.keys()];
      const [overview, page, ...details] = await Promise.all([
        invoke('plan.overview', { clientId }),
        invoke('plan.rows', { clientId, sort, offset, limit }),
        ...ids.map((workloadId) => invoke('plan.workload', { workloadId })),
      ]);
      if (get().requestId !== requestId) return;
      if (!overview.ok) {
        set({ loading: false });
        notifyError(overview.error);
        return;
      }
      if (!page.ok) notifyError(page.error);
      const total = overview.value.total;
      const rows = new Array<PlanRow | undefined>(total);
      // Both answers come from one plan version unless an edit landed between them; then the rows wait for the next load.
      if (page.ok && page.value.version === overview.value.version) page.value.rows.forEach((row, i) => { if (page.value.offset + i < total) rows[page.value.offset + i] = row; });
      const map = new Map<number, PlanDetail>();
      details.forEach((d, i) => { if (d.ok) map.set(ids[i], d.value); });
      rowsKey = key;
      set({ overview: overview.value, rows, details: map, loading: false });
    },

    async refresh() {
      if (get().overview || watched.size > 0) await get().load();
    },

    showRows(first, last) {
      viewport = [first, last];
      const { overview, rows } = get();
      if (!overview || rows.length === 0) return;
      const lo = Math.max(0, first - AHEAD);
      const hi = Math.min(rows.length - 1, last + AHEAD);
      let missing = false;
      for (let i = lo; i <= hi; i++) if (rows[i] === undefined) { missing = true; break; }
      if (!missing) return;
      if (fetchingRows && fetchingRows[0] <= lo && fetchingRows[1] >= hi) return;
      // The window around the rows in view (MARGIN on each side) covers the rows ahead as well.
      void fetchRows(Math.max(0, first), Math.min(rows.length - 1, last), rows.length, overview.version, rowsKey);
    },

    async loadWorkload(workloadId) {
      const r = await invoke('plan.workload', { workloadId });
      if (!r.ok) { notifyError(r.error); return; }
      const details = new Map(get().details);
      details.set(workloadId, r.value);
      set({ details });
    },

    reset() {
      rowsKey = '';
      set({ overview: null, rows: [], details: new Map(), loading: false, requestId: get().requestId + 1 });
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

/** The full recommendation and plan of one workload (plan.workload), fetched on mount and after every change. */
export function usePlanWorkload(workloadId: number): PlanDetail | undefined {
  const row = usePlan((s) => s.details.get(workloadId));
  useEffect(() => {
    watched.set(workloadId, (watched.get(workloadId) ?? 0) + 1);
    void usePlan.getState().loadWorkload(workloadId);
    const stop = subscribePlanToInventory();
    return () => {
      stop();
      const n = (watched.get(workloadId) ?? 1) - 1;
      if (n <= 0) watched.delete(workloadId);
      else watched.set(workloadId, n);
    };
  }, [workloadId]);
  return row;
}

/**
 * Refetches the plan whenever the inventory changes (workloads, commitments, contracts, the deadline policy, or
 * undo/redo): any of them can replan. The inventory store has no change counter, so its arrays' identities serve as
 * one: it replaces them on every refresh. The client filter changes the scope of the overview and rows.
 */
export function subscribePlanToInventory(): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => { timer = null; void usePlan.getState().load(); }, 10);
  };
  const stopInventory = useInventory.subscribe((s, prev) => {
    if (ownMutations > 0 && s.clientFilter === prev.clientFilter) return;
    if (s.workloads !== prev.workloads || s.commitments !== prev.commitments || s.contracts !== prev.contracts
      || s.policy !== prev.policy || s.clients !== prev.clients || s.clientFilter !== prev.clientFilter) schedule();
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
