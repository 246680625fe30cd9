// Workshop mode's state: the list, the open workshop (agenda, timers, captured entries), the client's plan, the draft
// answers of classify items and the one clock every timer reads (tests drive a fake one through Date.now).
import { create } from 'zustand';
import { invoke } from '../ipc.ts';
import type { ChannelName, PayloadOf, ResultOf } from '../../shared/ipc/index.ts';
import type { SessionAction } from '../../shared/ipc/workshop.ts';
import type { Result } from '../../shared/errors.ts';
import type { Portfolio } from '../../shared/portfolio.ts';
import type { QuestionnaireAnswers } from '../../shared/decision/questionnaire.ts';
import type { WorkshopDetail, WorkshopSummary } from '../../shared/workshop/types.ts';
import { notifyError } from './ui.ts';
import { useWorkspace } from './workspace.ts';
import { useInventory, type Area } from './inventory.ts';

interface Touches {
  /** Refetch the open workshop (default true when one is open). */
  detail?: boolean;
  /** Refetch the client's plan: classification, votes applied, overrides. */
  plan?: boolean;
  inventory?: Area[];
}

interface WorkshopState {
  summaries: WorkshopSummary[];
  listLoaded: boolean;
  detail: WorkshopDetail | null;
  /** The plan of the open workshop's client. */
  portfolio: Portfolio | null;
  /** Draft questionnaire answers per classify item, kept while the presenter moves between items. */
  drafts: Record<number, QuestionnaireAnswers>;
  /** Every timer reads this one clock (ms since the epoch). */
  now(): number;
  loadList(): Promise<void>;
  load(id: number): Promise<boolean>;
  loadPortfolio(clientId: number): Promise<void>;
  /** Runs a mutating channel, then refreshes what it touched and the undo state; field errors are left to the caller. */
  mutate<C extends ChannelName>(channel: C, payload: PayloadOf<C>, touches?: Touches): Promise<Result<ResultOf<C>>>;
  session(action: SessionAction, itemId?: number): Promise<boolean>;
  setDraft(itemId: number, answers: QuestionnaireAnswers | null): void;
  /** The audience view: refetch every `ms` until the returned function is called; a change replaces the detail. */
  follow(id: number, ms?: number): () => void;
  reset(): void;
}

export const useWorkshop = create<WorkshopState>((set, get) => ({
  summaries: [],
  listLoaded: false,
  detail: null,
  portfolio: null,
  drafts: {},
  now: () => Date.now(),

  async loadList() {
    const r = await invoke('workshops.list', {});
    if (r.ok) set({ summaries: r.value, listLoaded: true });
    else notifyError(r.error);
  },

  async load(id) {
    const r = await invoke('workshops.get', { id });
    if (!r.ok) {
      if (r.error.code !== 'not_found') notifyError(r.error);
      set({ detail: null });
      return false;
    }
    const clientChanged = get().detail?.workshop.clientId !== r.value.workshop.clientId;
    set({ detail: r.value, ...(clientChanged ? { portfolio: null, drafts: {} } : {}) });
    if (clientChanged || !get().portfolio) await get().loadPortfolio(r.value.workshop.clientId);
    return true;
  },

  async loadPortfolio(clientId) {
    const r = await invoke('plan.portfolio', { clientId });
    if (r.ok) set({ portfolio: r.value });
    else notifyError(r.error);
  },

  async mutate(channel, payload, touches = {}) {
    const r = await invoke(channel, payload);
    if (!r.ok) {
      if (!r.error.field) notifyError(r.error);
      return r;
    }
    const detail = get().detail;
    await Promise.all([
      get().loadList(),
      useWorkspace.getState().refreshInfo(),
      detail && touches.detail !== false ? get().load(detail.workshop.id) : null,
      detail && touches.plan ? get().loadPortfolio(detail.workshop.clientId) : null,
      touches.inventory ? useInventory.getState().refresh(touches.inventory) : null,
    ]);
    return r;
  },

  async session(action, itemId) {
    const detail = get().detail;
    if (!detail) return false;
    const r = await invoke('workshops.session', { workshopId: detail.workshop.id, action, itemId, at: new Date(get().now()).toISOString() });
    if (!r.ok) {
      notifyError(r.error);
      return false;
    }
    set({ detail: r.value });
    return true;
  },

  setDraft(itemId, answers) {
    const drafts = { ...get().drafts };
    if (answers) drafts[itemId] = answers;
    else delete drafts[itemId];
    set({ drafts });
  },

  follow(id, ms = 500) {
    let last = '';
    let stopped = false;
    let busy = false;
    const poll = async () => {
      if (busy || stopped) return;
      busy = true;
      try {
        const r = await invoke('workshops.get', { id });
        if (stopped || !r.ok) return;
        const text = JSON.stringify(r.value);
        if (text === last) return;
        last = text;
        set({ detail: r.value });
        // Any change may come with a moved plan (an accepted classification, an applied vote): the client's plan is refetched with it.
        await get().loadPortfolio(r.value.workshop.clientId);
      } finally {
        busy = false;
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), ms);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  },

  reset() {
    set({ summaries: [], listLoaded: false, detail: null, portfolio: null, drafts: {} });
  },
}));

/** The current agenda item of the open workshop, or null before it starts. */
export const selectCurrentItem = (s: WorkshopState) => {
  const d = s.detail;
  if (!d || d.workshop.currentItemId === null) return null;
  return d.agenda.find((i) => i.id === d.workshop.currentItemId) ?? null;
};
