// The baseline bars the Plan timeline draws as ghosts: BaselinePanel publishes them, PlanScreen hands them to the Timeline.
import { create } from 'zustand';

export interface BaselineGhost {
  start: string;
  end: string;
}

interface GhostState {
  /** null when ghosts are hidden or no baseline is chosen. */
  ghosts: ReadonlyMap<number, BaselineGhost> | null;
  show: boolean;
  setShow(show: boolean): void;
  publish(ghosts: Record<number, BaselineGhost> | null): void;
}

let latest: Record<number, BaselineGhost> | null = null;
const toMap = (g: Record<number, BaselineGhost> | null) => (g ? new Map(Object.entries(g).map(([id, v]) => [Number(id), v])) : null);

export const useBaselineGhosts = create<GhostState>((set, get) => ({
  ghosts: null,
  show: false,
  setShow(show) {
    set({ show, ghosts: show ? toMap(latest) : null });
  },
  publish(ghosts) {
    latest = ghosts;
    set({ ghosts: get().show ? toMap(ghosts) : null });
  },
}));
